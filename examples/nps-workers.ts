/**
 * Splits a survey table over worker threads and merges their JSON states:
 * NPS (with its 95% interval), CSAT and CES per segment, computed once in a
 * single thread and once in parallel, and checked to be identical.
 *
 *   npx tsx examples/nps-workers.ts                          # 1,000,000 answers, one worker per core (2–8)
 *   npx tsx examples/nps-workers.ts --responses 50000 --workers 3 --seed 7
 *   npx tsx examples/nps-workers.ts --json
 */
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { groupMetrics, type GroupState } from 'successkit/metrics';
import {
  surveyAccumulator,
  surveyMetrics,
  surveyRows,
  type WorkerReply,
  type WorkerTask,
} from './workers/survey-responses.js';
import { count } from './review/format.js';

/** The metrics per segment, as both paths return them. */
export type SegmentResults = ReturnType<typeof surveyAccumulator.result>;

/** What the example prints with `--json`. */
export interface WorkersRun {
  readonly responses: number;
  readonly workers: number;
  readonly seed: number;
  /** True when the merged worker states give exactly the single-thread result. */
  readonly identical: boolean;
  readonly singleThreadMs: number;
  readonly workersMs: number;
  readonly segments: SegmentResults;
}

/** The slices `[start, end)` that `workers` threads take of `responses` rows. */
export function partition(responses: number, workers: number): { start: number; end: number }[] {
  const size = Math.ceil(responses / workers);
  return Array.from({ length: workers }, (_, index) => ({
    start: Math.min(responses, index * size),
    end: Math.min(responses, (index + 1) * size),
  }));
}

/** The single-thread result: every row in one array, one pass of groupMetrics. */
export function singleThread(seed: number, responses: number): SegmentResults {
  return groupMetrics([...surveyRows(seed, 0, responses)], surveyMetrics);
}

/** Merges JSON states, in the order the workers finished, into the result. */
export function mergeStates(states: readonly string[]): SegmentResults {
  const merged = states
    .map((text) => JSON.parse(text) as GroupState)
    .reduce((total, state) => surveyAccumulator.merge(total, state), surveyAccumulator.init());
  return surveyAccumulator.result(merged);
}

/**
 * Starts the worker on its TypeScript file. Worker threads do not inherit
 * tsx's loader on Node 20, so a two-line ES module registers it first; a
 * compiled build would point `new Worker` at the worker's .js file instead.
 */
function startWorker(task: WorkerTask): Worker {
  const file = new URL('./workers/nps-worker.ts', import.meta.url);
  const bootstrap = [
    `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))};`,
    'register();',
    `await import(${JSON.stringify(file.href)});`,
  ].join('\n');
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`), { workerData: task });
}

function runWorker(task: WorkerTask): Promise<WorkerReply> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(task);
    worker.once('message', (reply: WorkerReply) => {
      resolve(reply);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) {
        reject(new Error(`worker for rows ${String(task.start)}–${String(task.end)} exited with ${String(code)}`));
      }
    });
  });
}

/** Runs both paths and compares them. */
export async function run(options: { responses: number; workers: number; seed: number }): Promise<WorkersRun> {
  const { responses, workers, seed } = options;
  let began = performance.now();
  const single = singleThread(seed, responses);
  const singleThreadMs = performance.now() - began;

  began = performance.now();
  const finished: string[] = [];
  await Promise.all(
    partition(responses, workers).map(async (slice) => {
      const reply = await runWorker({ seed, ...slice });
      finished.push(reply.state);
    }),
  );
  const merged = mergeStates(finished);
  const workersMs = performance.now() - began;

  return {
    responses,
    workers,
    seed,
    identical: isDeepStrictEqual(merged, single),
    singleThreadMs: Math.round(singleThreadMs),
    workersMs: Math.round(workersMs),
    segments: merged,
  };
}

const signed = (value: number | null): string => (value === null ? '—' : `${value >= 0 ? '+' : ''}${value.toFixed(1)}`);

/** The run as terminal text. */
export function formatRun(result: WorkersRun): string {
  const lines = result.segments.map(({ key, rows, metrics: { nps, csat, ces } }) => {
    const interval = nps.interval === null ? '' : `[${signed(nps.interval[0])}, ${signed(nps.interval[1])}]`;
    return [
      key.padEnd(11),
      String(rows).padStart(9),
      signed(nps.score).padStart(7),
      interval.padStart(16),
      (csat.score === null ? '—' : `${csat.score.toFixed(1)}%`).padStart(7),
      (ces.score?.toFixed(2) ?? '—').padStart(6),
    ].join('  ');
  });
  return [
    `${count(result.responses, 'survey answer')}, seed ${String(result.seed)}`,
    '',
    `  ${['Segment'.padEnd(11), 'Answers'.padStart(9), 'NPS'.padStart(7), '95% interval'.padStart(16), 'CSAT'.padStart(7), 'CES'.padStart(6)].join('  ')}`,
    ...lines.map((line) => `  ${line}`),
    '',
    `  ${'One thread:'.padEnd(20)}${String(result.singleThreadMs)} ms`,
    `  ${`${count(result.workers, 'worker thread')}:`.padEnd(20)}${String(result.workersMs)} ms, thread start-up included; JSON states merged`,
    `  ${'Same result:'.padEnd(20)}${result.identical ? 'yes, identical to the last digit' : 'NO: the results differ'}`,
    '',
  ].join('\n');
}

function wholeNumber(flag: string, text: string | undefined, fallback: number, minimum: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text) || Number(text) < minimum) {
    throw new Error(`--${flag} takes a whole number of at least ${String(minimum)}, got ${JSON.stringify(text)}`);
  }
  return Number(text);
}

/** What `--help` prints. */
export const usage = `Usage: tsx examples/nps-workers.ts [options]

Computes NPS, CSAT and CES per segment over a generated survey table, once on one
thread and once split over worker threads whose JSON states are merged, and checks
that both give the same result.

Options:
  --responses <n>     survey answers to generate, a whole number (default 1,000,000)
  --workers <n>       worker threads, at least 1 (default: the cores, 2 to 8)
  --seed <n>          seed of the survey table, a whole number (default 1)
  --json              print the run as JSON instead of text
  -h, --help          print this help
`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      responses: { type: 'string' },
      workers: { type: 'string' },
      seed: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(usage);
    return;
  }
  const result = await run({
    responses: wholeNumber('responses', values.responses, 1_000_000, 0),
    workers: wholeNumber('workers', values.workers, Math.min(8, Math.max(2, availableParallelism())), 1),
    seed: wholeNumber('seed', values.seed, 1, 0),
  });
  process.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : formatRun(result));
  if (!result.identical) process.exitCode = 1;
}

// Run only as a program, not when imported (by tests).
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`nps-workers: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
