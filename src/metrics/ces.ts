import * as z from 'zod/mini';
import { SurveyScale, readingInput } from '../core/internal.js';
import type { Accumulator } from './accumulator.js';
import { ConfidenceLevel, defaultConfidence, defaultMinimumSample, MinimumSample } from './confidence-level.js';
import {
  checkedScoreCounts,
  percentInterval,
  ratingAccumulator,
  ratingSettings,
  summarizeRatings,
  type RatingScale,
  type RatingSettings,
  type ScoreCounts,
} from './rating-scale.js';

/**
 * The lowest score that counts as low effort when `lowEffortAtLeast` is not
 * given: the first score above the scale's midpoint — 4 of 5, 5 of 7 (the
 * "somewhat agree" to "strongly agree" answers to CES 2.0's "the company made
 * it easy for me to handle my issue"), 6 of 10.
 *
 * @example
 * ```ts
 * import { defaultLowEffortAtLeast } from 'successkit/metrics';
 *
 * defaultLowEffortAtLeast[7]; // => 5
 * ```
 */
export const defaultLowEffortAtLeast: Readonly<Record<RatingScale, number>> = { 5: 4, 7: 5, 10: 6 };

/**
 * Options of {@link ces} and {@link cesAccumulator}.
 *
 * | option | meaning | default |
 * |---|---|---|
 * | `scale` | answers run from 1 to 5, 7 or 10 | 7 |
 * | `lowEffortAtLeast` | the lowest score counted as low effort, 1 to `scale` | 4, 5 or 6; see {@link defaultLowEffortAtLeast} |
 * | `confidence` | confidence level of both intervals | 0.95 |
 * | `minimumSample` | below this many answers the result is flagged `lowSample` | 30 |
 *
 * @example
 * ```ts
 * import { CesOptions } from 'successkit/metrics';
 *
 * CesOptions.parse({}); // => { scale: 7, confidence: 0.95, minimumSample: 30 }
 * ```
 */
export const CesOptions = z.strictObject({
  scale: z._default(SurveyScale, 7),
  lowEffortAtLeast: z.optional(z.int()),
  confidence: z._default(ConfidenceLevel, defaultConfidence),
  minimumSample: z._default(MinimumSample, defaultMinimumSample),
});

/**
 * Options of {@link ces} as callers write them; see the {@link CesOptions} schema.
 *
 * @example
 * ```ts
 * import type { CesOptions } from 'successkit/metrics';
 *
 * const options: CesOptions = { scale: 5 };
 * ```
 */
export type CesOptions = z.input<typeof CesOptions>;

/**
 * Customer effort of a set of answers, where a higher answer means less
 * effort ("it was easy"), as in CES 2.0: the mean and the share of low-effort
 * answers, each with a confidence interval. With no answers, `n` is 0 and
 * every number that needs one is `null`.
 *
 * @example
 * ```ts
 * import { ces, type CesResult } from 'successkit/metrics';
 *
 * const result: CesResult = ces([7, 6, 5, 2]);
 * result.score; // => 5
 * ```
 */
export interface CesResult {
  /** Answers counted. */
  readonly n: number;
  /** The scale answers run on: 5, 7 or 10. */
  readonly scale: RatingScale;
  /** CES: the mean answer in scale points (1 to `scale`; higher is easier); `null` with no answers. */
  readonly score: number | null;
  /** Student-t confidence interval of `score` in scale points, clipped to the scale; `null` below 2 answers. */
  readonly interval: readonly [number, number] | null;
  /** Sample standard deviation of the answers in scale points; `null` below 2 answers. */
  readonly standardDeviation: number | null;
  /** The lowest score counted as low effort. */
  readonly lowEffortAtLeast: number;
  /** Answers at or above `lowEffortAtLeast`. */
  readonly lowEffort: number;
  /** Low-effort answers as a percentage of all answers, 0–100. */
  readonly lowEffortPercent: number | null;
  /** Wilson confidence interval of `lowEffortPercent`, `[low, high]` in percent. */
  readonly lowEffortInterval: readonly [number, number] | null;
  /** Answers per score: `counts[i]` answered `i + 1`. */
  readonly counts: readonly number[];
  /** The confidence level of both intervals, 0–1. */
  readonly confidence: number;
  /** True when `n` is below the `minimumSample` option (default 30). */
  readonly lowSample: boolean;
}

function cesFromCounts(state: ScoreCounts, settings: RatingSettings): CesResult {
  const summary = summarizeRatings(state, settings.threshold, settings.confidence, settings.z);
  return {
    n: summary.n,
    scale: settings.scale,
    score: summary.mean,
    interval: summary.meanInterval,
    standardDeviation: summary.standardDeviation,
    lowEffortAtLeast: settings.threshold,
    lowEffort: summary.atLeast,
    lowEffortPercent: summary.n === 0 ? null : (100 * summary.atLeast) / summary.n,
    lowEffortInterval: percentInterval(summary.shareInterval),
    counts: [...state.counts],
    confidence: settings.confidence,
    lowSample: summary.n < settings.minimumSample,
  };
}

/**
 * Customer Effort Score (CES) of answers to "the company made it easy for me
 * to handle my issue" on a 1–7 agreement scale (CES 2.0; M. Dixon, K. Freeman
 * and N. Toman, "Stop Trying to Delight Your Customers", HBR, 2010): the mean
 * answer with a Student-t interval, and the percentage of low-effort answers
 * with a Wilson interval. Higher is easier, as in the core `SurveyResponse`.
 *
 * @param scores - whole-number answers from 1 to `scale`
 * @param options - scale (default 7), low-effort threshold, confidence level and minimum sample; see {@link CesOptions}
 * @returns the CES and its uncertainty; see {@link CesResult}
 * @throws {@link core!SuccessKitError} `invalid_score` naming each score off the scale or fractional (path `[index]`); `invalid_input` for bad options, a scale other than 5, 7 or 10 (path `['scale']`) among them
 *
 * @example
 * ```ts
 * import { ces } from 'successkit/metrics';
 *
 * const result = ces([7, 6, 6, 5, 3, 2, 7, 4]);
 * [result.score, result.lowEffortPercent]; // => [5, 62.5]
 * ces([4, 5], { scale: 5 }).lowEffort; // => 2
 * ces([0, 7]); // throws invalid_score
 * ```
 */
export function ces(scores: readonly number[], options?: CesOptions): CesResult {
  return readingInput(() => {
    const settings = ratingSettings(options, CesOptions, 'lowEffortAtLeast', defaultLowEffortAtLeast);
    return cesFromCounts(checkedScoreCounts(scores, 'a CES', settings.scale), settings);
  });
}

/**
 * The mergeable {@link Accumulator} of {@link ces}: rows are scores from 1 to
 * the scale, the state is `{ scale, counts }` with one count per score.
 *
 * @param options - as for {@link ces}
 * @returns the accumulator
 * @throws {@link core!SuccessKitError} as {@link ces} for bad options; its `add` throws `invalid_score` for a bad score, `merge` and `result` throw `invalid_input` for a state of another scale or a malformed one
 *
 * @example
 * ```ts
 * import { accumulate, cesAccumulator } from 'successkit/metrics';
 *
 * const metric = cesAccumulator();
 * metric.result(accumulate(metric, [7, 5, 2])).lowEffort; // => 2
 * ```
 */
export function cesAccumulator(options?: CesOptions): Accumulator<number, ScoreCounts, CesResult> {
  const settings = ratingSettings(options, CesOptions, 'lowEffortAtLeast', defaultLowEffortAtLeast);
  return ratingAccumulator('a CES', settings, (state) => cesFromCounts(state, settings));
}
