/**
 * The survey table of the worker example: one million (or any number of)
 * NPS, CSAT and CES answers, each derived from its row number alone, so any
 * thread can produce any slice of the table without the others — as each
 * worker of a real job would read its own partition of a table.
 */
import { cesAccumulator, csatAccumulator, groupAccumulator, npsAccumulator } from 'successkit/metrics';

/** One survey answer with the segment of the account that gave it. */
export interface SurveyRow {
  readonly segment: 'enterprise' | 'mid-market' | 'smb';
  readonly kind: 'nps' | 'csat' | 'ces';
  readonly score: number;
}

/** A 32-bit hash of the seed and row number (the finalizer of MurmurHash3), as a fraction 0–1. */
function uniform(seed: number, index: number, salt: number): number {
  let hash = Math.imul(seed ^ Math.imul(index, 0x9e3779b1) ^ Math.imul(salt, 0x85ebca77), 0xcc9e2d51);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return (hash >>> 0) / 4_294_967_296;
}

/** Picks an answer from cumulative weights, lowest score first. */
function pick(cumulative: readonly number[], draw: number, lowest: number): number {
  let index = 0;
  while (index < cumulative.length - 1 && draw >= (cumulative[index] ?? 1)) index++;
  return lowest + index;
}

function cumulative(weights: readonly number[]): number[] {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let running = 0;
  return weights.map((weight) => (running += weight / total));
}

// Answer distributions by segment: enterprise customers answer a little higher, SMB a little lower.
const npsWeights = {
  enterprise: cumulative([1, 1, 1, 2, 2, 3, 5, 10, 18, 24, 33]),
  'mid-market': cumulative([2, 1, 2, 2, 3, 4, 6, 11, 19, 22, 28]),
  smb: cumulative([3, 2, 2, 3, 4, 6, 8, 12, 18, 19, 23]),
} as const;
const csatWeights = {
  enterprise: cumulative([2, 4, 10, 38, 46]),
  'mid-market': cumulative([3, 5, 12, 38, 42]),
  smb: cumulative([5, 7, 14, 36, 38]),
} as const;
const cesWeights = cumulative([2, 4, 7, 12, 20, 30, 25]);

/** The answer in row `index` of the table drawn with `seed`. */
export function surveyRow(seed: number, index: number): SurveyRow {
  const segmentDraw = uniform(seed, index, 1);
  const segment = segmentDraw < 0.12 ? 'enterprise' : segmentDraw < 0.45 ? 'mid-market' : 'smb';
  const kindDraw = uniform(seed, index, 2);
  const scoreDraw = uniform(seed, index, 3);
  if (kindDraw < 0.4) return { segment, kind: 'nps', score: pick(npsWeights[segment], scoreDraw, 0) };
  if (kindDraw < 0.85) return { segment, kind: 'csat', score: pick(csatWeights[segment], scoreDraw, 1) };
  return { segment, kind: 'ces', score: pick(cesWeights, scoreDraw, 1) };
}

/** Rows `start` (inclusive) to `end` (exclusive), made one at a time. */
export function* surveyRows(seed: number, start: number, end: number): Generator<SurveyRow> {
  for (let index = start; index < end; index++) yield surveyRow(seed, index);
}

/** NPS, CSAT and CES per segment: the metrics every thread computes. */
export const surveyMetrics = {
  by: 'segment',
  metrics: {
    nps: { accumulator: npsAccumulator(), value: (row: SurveyRow) => (row.kind === 'nps' ? row.score : undefined) },
    csat: { accumulator: csatAccumulator(), value: (row: SurveyRow) => (row.kind === 'csat' ? row.score : undefined) },
    ces: { accumulator: cesAccumulator(), value: (row: SurveyRow) => (row.kind === 'ces' ? row.score : undefined) },
  },
} as const;

/** The mergeable form of the same metrics, whose JSON state travels between threads. */
export const surveyAccumulator = groupAccumulator(surveyMetrics);

/** What a worker is asked to do: its slice of the table. */
export interface WorkerTask {
  readonly seed: number;
  readonly start: number;
  readonly end: number;
}

/** What a worker sends back: its state as JSON text, and how long it took. */
export interface WorkerReply {
  readonly state: string;
  readonly rows: number;
  readonly ms: number;
}
