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
 * The lowest score that counts as satisfied when `satisfiedAtLeast` is not
 * given: the top two boxes of a 5-point scale (4–5) and of a 7-point scale
 * (6–7), and 8–10 on a 10-point scale. Each is the first score at least 70%
 * of the way from 1 to the top, so the three scales ask for the same level of
 * satisfaction.
 *
 * @example
 * ```ts
 * import { defaultSatisfiedAtLeast } from 'successkit/metrics';
 *
 * defaultSatisfiedAtLeast[7]; // => 6
 * ```
 */
export const defaultSatisfiedAtLeast: Readonly<Record<RatingScale, number>> = { 5: 4, 7: 6, 10: 8 };

/**
 * Options of {@link csat} and {@link csatAccumulator}.
 *
 * | option | meaning | default |
 * |---|---|---|
 * | `scale` | answers run from 1 to 5, 7 or 10 | 5 |
 * | `satisfiedAtLeast` | the lowest satisfied score, 1 to `scale` | 4, 6 or 8; see {@link defaultSatisfiedAtLeast} |
 * | `confidence` | confidence level of both intervals | 0.95 |
 * | `minimumSample` | below this many answers the result is flagged `lowSample` | 30 |
 *
 * @example
 * ```ts
 * import { CsatOptions } from 'successkit/metrics';
 *
 * CsatOptions.parse({ scale: 7 }); // => { scale: 7, confidence: 0.95, minimumSample: 30 }
 * ```
 */
export const CsatOptions = z.strictObject({
  scale: z._default(SurveyScale, 5),
  satisfiedAtLeast: z.optional(z.int()),
  confidence: z._default(ConfidenceLevel, defaultConfidence),
  minimumSample: z._default(MinimumSample, defaultMinimumSample),
});

/**
 * Options of {@link csat} as callers write them; see the {@link CsatOptions} schema.
 *
 * @example
 * ```ts
 * import type { CsatOptions } from 'successkit/metrics';
 *
 * const options: CsatOptions = { scale: 10, satisfiedAtLeast: 9 };
 * ```
 */
export type CsatOptions = z.input<typeof CsatOptions>;

/**
 * Customer satisfaction of a set of answers: the share satisfied (top box)
 * and the mean, each with a confidence interval. With no answers, `n` is 0
 * and every number that needs one is `null`.
 *
 * @example
 * ```ts
 * import { csat, type CsatResult } from 'successkit/metrics';
 *
 * const result: CsatResult = csat([5, 4, 4, 3, 5]);
 * result.score; // => 80
 * ```
 */
export interface CsatResult {
  /** Answers counted. */
  readonly n: number;
  /** The scale answers run on: 5, 7 or 10. */
  readonly scale: RatingScale;
  /** The lowest score counted as satisfied. */
  readonly satisfiedAtLeast: number;
  /** Answers at or above `satisfiedAtLeast`. */
  readonly satisfied: number;
  /** CSAT: satisfied answers as a percentage of all answers, 0–100; `null` with no answers. */
  readonly score: number | null;
  /** Wilson confidence interval of `score`, `[low, high]` in percent. */
  readonly interval: readonly [number, number] | null;
  /** Mean answer, in scale points (1 to `scale`). */
  readonly mean: number | null;
  /** Student-t confidence interval of `mean` in scale points, clipped to the scale; `null` below 2 answers. */
  readonly meanInterval: readonly [number, number] | null;
  /** Sample standard deviation of the answers in scale points; `null` below 2 answers. */
  readonly standardDeviation: number | null;
  /** Answers per score: `counts[i]` answered `i + 1`. */
  readonly counts: readonly number[];
  /** The confidence level of both intervals, 0–1. */
  readonly confidence: number;
  /** True when `n` is below the `minimumSample` option (default 30). */
  readonly lowSample: boolean;
}

function csatFromCounts(state: ScoreCounts, settings: RatingSettings): CsatResult {
  const summary = summarizeRatings(state, settings.threshold, settings.confidence, settings.z);
  return {
    n: summary.n,
    scale: settings.scale,
    satisfiedAtLeast: settings.threshold,
    satisfied: summary.atLeast,
    score: summary.n === 0 ? null : (100 * summary.atLeast) / summary.n,
    interval: percentInterval(summary.shareInterval),
    mean: summary.mean,
    meanInterval: summary.meanInterval,
    standardDeviation: summary.standardDeviation,
    counts: [...state.counts],
    confidence: settings.confidence,
    lowSample: summary.n < settings.minimumSample,
  };
}

/**
 * Customer satisfaction (CSAT) of answers to "how satisfied were you with
 * …?": the percentage of satisfied answers — those at or above
 * `satisfiedAtLeast`, by default the top two boxes of a 1–5 scale — with a
 * Wilson score interval, and the mean answer with a Student-t interval. The
 * percentage is the CSAT most CS platforms report (Gainsight, ChurnZero,
 * Zendesk); the mean keeps the detail the threshold throws away.
 *
 * @param scores - whole-number answers from 1 to `scale`
 * @param options - scale, satisfied threshold, confidence level and minimum sample; see {@link CsatOptions}
 * @returns the CSAT and its uncertainty; see {@link CsatResult}
 * @throws {@link core!SuccessKitError} `invalid_score` naming each score off the scale or fractional (path `[index]`); `invalid_input` for bad options, a scale other than 5, 7 or 10 (path `['scale']`) among them
 *
 * @example
 * ```ts
 * import { csat } from 'successkit/metrics';
 *
 * const result = csat([5, 4, 4, 3, 5, 2, 5, 4]);
 * [result.score, result.mean]; // => [75, 4]
 * csat([6, 7, 5], { scale: 7 }).satisfied; // => 2
 * csat([5, 6]); // throws invalid_score
 * ```
 */
export function csat(scores: readonly number[], options?: CsatOptions): CsatResult {
  return readingInput(() => {
    const settings = ratingSettings(options, CsatOptions, 'satisfiedAtLeast', defaultSatisfiedAtLeast);
    return csatFromCounts(checkedScoreCounts(scores, 'a CSAT', settings.scale), settings);
  });
}

/**
 * The mergeable {@link Accumulator} of {@link csat}: rows are scores from 1
 * to the scale, the state is `{ scale, counts }` with one count per score.
 *
 * @param options - as for {@link csat}
 * @returns the accumulator
 * @throws {@link core!SuccessKitError} as {@link csat} for bad options; its `add` throws `invalid_score` for a bad score, `merge` and `result` throw `invalid_input` for a state of another scale or a malformed one
 *
 * @example
 * ```ts
 * import { accumulate, csatAccumulator } from 'successkit/metrics';
 *
 * const metric = csatAccumulator({ scale: 5 });
 * const state = accumulate(metric, [5, 4, 2]);
 * state; // => { scale: 5, counts: [0, 1, 0, 1, 1] }
 * metric.result(state).satisfied; // => 2
 * ```
 */
export function csatAccumulator(options?: CsatOptions): Accumulator<number, ScoreCounts, CsatResult> {
  const settings = ratingSettings(options, CsatOptions, 'satisfiedAtLeast', defaultSatisfiedAtLeast);
  return ratingAccumulator('a CSAT', settings, (state) => csatFromCounts(state, settings));
}
