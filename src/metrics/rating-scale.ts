/**
 * What CSAT and CES share: answers on a 1–5, 1–7 or 1–10 scale, counted per
 * score, with the mean and the share at or above a threshold.
 *
 * @internal
 */
import type * as z from 'zod/mini';
import { describeValue, fail, parseWith, type PathSegment, type SurveyScale, readingInput } from '../core/internal.js';
import type { Accumulator } from './accumulator.js';
import { criticalValue } from './normal-distribution.js';
import { wilsonBounds } from './wilson-interval.js';
import { studentCriticalValue } from './student-t.js';
import { checkScores, failScore, isScore } from './survey-score.js';
import { checkCount } from './count-checks.js';
import { checkObject } from './object-checks.js';

/**
 * A rating scale CSAT and CES answers run on: 1–5, 1–7 or 1–10, as the core `SurveyScale`.
 *
 * @example
 * ```ts
 * import type { RatingScale } from 'successkit/metrics';
 *
 * const scale: RatingScale = 7;
 * ```
 */
export type RatingScale = z.infer<typeof SurveyScale>;

/**
 * Answers counted per score, the state of {@link csatAccumulator} and
 * {@link cesAccumulator}: `counts[i]` is how many answered `i + 1`.
 *
 * @example
 * ```ts
 * import type { ScoreCounts } from 'successkit/metrics';
 *
 * const state: ScoreCounts = { scale: 5, counts: [1, 0, 2, 10, 7] };
 * ```
 */
export interface ScoreCounts {
  /** The scale, 5, 7 or 10. */
  scale: RatingScale;
  /** `counts[i]` is how many answered `i + 1`; the length is the scale. */
  counts: number[];
}

/** Throws `invalid_input` at `[name]` unless `threshold` is a whole number from 1 to `scale`. */
function checkThreshold(threshold: unknown, scale: RatingScale, name: string): asserts threshold is number {
  if (!Number.isInteger(threshold) || (threshold as number) < 1 || (threshold as number) > scale) {
    fail(
      'invalid_input',
      [name],
      `expected a whole number from 1 to ${String(scale)}, got ${describeValue(threshold)}`,
    );
  }
}

/** Checks a state from elsewhere: a supported scale and one whole count per score. */
function checkScoreCounts(
  value: unknown,
  scale: RatingScale,
  path: readonly PathSegment[],
): asserts value is ScoreCounts {
  checkObject(value, path);
  if (value.scale !== scale) {
    fail(
      'invalid_input',
      [...path, 'scale'],
      `expected a state for a ${String(scale)}-point scale, got ${describeValue(value.scale)}`,
    );
  }
  const { counts } = value;
  if (!Array.isArray(counts) || counts.length !== scale) {
    fail('invalid_input', [...path, 'counts'], `expected ${String(scale)} counts, one per score`);
  }
  counts.forEach((count: unknown, index) => {
    checkCount(count, [...path, 'counts', index]);
  });
}

/** Counts checked scores. */
function countScores(scores: readonly number[], scale: RatingScale): ScoreCounts {
  const counts = new Array<number>(scale).fill(0);
  for (const score of scores) counts[score - 1] = (counts[score - 1] ?? 0) + 1;
  return { scale, counts };
}

/** Checks scores 1..scale (path `[index]`) and counts them. */
export function checkedScoreCounts(scores: unknown, kind: string, scale: RatingScale): ScoreCounts {
  checkScores(scores, kind, 1, scale);
  return countScores(scores, scale);
}

/** Adds two checked states of the same scale. */
function mergeScoreCounts(a: ScoreCounts, b: ScoreCounts): ScoreCounts {
  return { scale: a.scale, counts: a.counts.map((count, index) => count + (b.counts[index] ?? 0)) };
}

/** The summary both CSAT and CES report. */
export interface RatingSummary {
  readonly n: number;
  readonly mean: number | null;
  readonly meanInterval: readonly [number, number] | null;
  readonly standardDeviation: number | null;
  readonly atLeast: number;
  readonly share: number | null;
  readonly shareInterval: readonly [number, number] | null;
}

/**
 * Mean (with a Student-t interval, clipped to the scale) and the share at or
 * above `threshold` (with a Wilson interval), from counts.
 */
export function summarizeRatings(state: ScoreCounts, threshold: number, confidence: number, z: number): RatingSummary {
  let n = 0;
  let sum = 0;
  let atLeast = 0;
  state.counts.forEach((count, index) => {
    n += count;
    sum += count * (index + 1);
    if (index + 1 >= threshold) atLeast += count;
  });
  if (n === 0) {
    return { n, mean: null, meanInterval: null, standardDeviation: null, atLeast, share: null, shareInterval: null };
  }
  const mean = sum / n;
  let squares = 0;
  state.counts.forEach((count, index) => {
    squares += count * (index + 1 - mean) ** 2;
  });
  const standardDeviation = n > 1 ? Math.sqrt(squares / (n - 1)) : null;
  let meanInterval: [number, number] | null = null;
  if (standardDeviation !== null) {
    const margin = (studentCriticalValue(confidence, n - 1) * standardDeviation) / Math.sqrt(n);
    meanInterval = [Math.max(1, mean - margin), Math.min(state.scale, mean + margin)];
  }
  return {
    n,
    mean,
    meanInterval,
    standardDeviation,
    atLeast,
    share: atLeast / n,
    shareInterval: wilsonBounds(atLeast, n, z),
  };
}

/** An interval of shares as percentages. */
export function percentInterval(interval: readonly [number, number] | null): readonly [number, number] | null {
  return interval === null ? null : [interval[0] * 100, interval[1] * 100];
}

/** Options of a rating metric after defaults: the scale, the threshold and the interval settings. */
export interface RatingSettings {
  readonly scale: RatingScale;
  /** The lowest score counted in the share (satisfied, low effort). */
  readonly threshold: number;
  readonly confidence: number;
  readonly minimumSample: number;
  readonly z: number;
}

/**
 * Parses CSAT or CES options: an unsupported scale, like any bad option, is
 * an `invalid_input` (path `['scale']`); the threshold defaults by scale and
 * must lie on it.
 */
export function ratingSettings<Key extends string>(
  options: unknown,
  schema: z.ZodMiniType<
    { scale: RatingScale; confidence: number; minimumSample: number } & Partial<Record<Key, number | undefined>>
  >,
  thresholdName: Key,
  defaults: Readonly<Record<RatingScale, number>>,
): RatingSettings {
  const parsed = parseWith(schema, options ?? {});
  const threshold = parsed[thresholdName] ?? defaults[parsed.scale];
  checkThreshold(threshold, parsed.scale, thresholdName);
  return {
    scale: parsed.scale,
    threshold,
    confidence: parsed.confidence,
    minimumSample: parsed.minimumSample,
    z: criticalValue(parsed.confidence),
  };
}

/** The accumulator of a rating metric: scores counted per score, merged by adding counts. */
export function ratingAccumulator<Result>(
  kind: string,
  settings: RatingSettings,
  resultOf: (state: ScoreCounts) => Result,
): Accumulator<number, ScoreCounts, Result> {
  const { scale } = settings;
  return {
    init: () => ({ scale, counts: new Array<number>(scale).fill(0) }),
    add: (state, score) => {
      if (!isScore(score, 1, scale)) failScore(kind, score, 1, scale);
      state.counts[score - 1] = (state.counts[score - 1] ?? 0) + 1;
      return state;
    },
    merge: (a, b) =>
      readingInput(() => {
        checkScoreCounts(a, scale, ['a']);
        checkScoreCounts(b, scale, ['b']);
        return mergeScoreCounts(a, b);
      }),
    result: (state) =>
      readingInput(() => {
        checkScoreCounts(state, scale, []);
        return resultOf(state);
      }),
  };
}
