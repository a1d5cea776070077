import * as z from 'zod/mini';
import { parseWith, readingInput } from '../core/internal.js';
import type { Accumulator } from './accumulator.js';
import { ConfidenceLevel, defaultConfidence, defaultMinimumSample, MinimumSample } from './confidence-level.js';
import { criticalValue } from './normal-distribution.js';
import { studentCriticalValue } from './student-t.js';
import { checkScores, failScore, isScore } from './survey-score.js';
import { checkFields, mergeSums } from './count-checks.js';

/**
 * How {@link nps} builds its confidence interval:
 *
 * - `'adjusted-wald-t'` (the default) — the adjusted Wald interval below with
 *   a Student-t critical value on n + 2 degrees of freedom (the adjusted
 *   sample less one) instead of the normal one. The t value widens the
 *   interval where the normal approximation is too narrow, below about 10
 *   answers, and converges to `'adjusted-wald'` as n grows (1.97 instead of
 *   1.96 at n = 200). Its 95% interval covers the true score at least 94% of
 *   the time for every promoter and detractor share from 5% to 90% and every
 *   n from 5 to 200 (exact trinomial enumeration; the test suite checks it by
 *   simulation), where `'adjusted-wald'` dips to 89% at n = 6.
 * - `'adjusted-wald'` — score ± z·SE after adding 3 pseudo-answers to n: ¾
 *   promoter, ¾ detractor and so 1½ passive, with SE from the adjusted
 *   shares (B. Rocks, "Interval estimation for the 'net promoter score'",
 *   The American Statistician 70(4), 2016; J. Lewis and J. Sauro,
 *   "Evaluating NPS Confidence Intervals with Real-World Data", MeasuringU,
 *   2021, https://measuringu.com/nps-three-confidence-intervals/). What
 *   MeasuringU's calculators show.
 * - `'wald'` — score ± z·SE with SE = √((p_P + p_D − (p_P − p_D)²) / n), the
 *   normal approximation for the mean of +1/0/−1 answers, and what most NPS
 *   calculators show. It is too narrow in small samples and at extreme
 *   scores (a unanimous survey gets a zero-width interval); use it only to
 *   match another tool's numbers.
 *
 * @example
 * ```ts
 * import { NpsMethod } from 'successkit/metrics';
 *
 * NpsMethod.options; // => ['adjusted-wald-t', 'adjusted-wald', 'wald']
 * ```
 */
export const NpsMethod = z.enum(['adjusted-wald-t', 'adjusted-wald', 'wald']);

/**
 * An NPS interval method; see the {@link NpsMethod} schema.
 *
 * @example
 * ```ts
 * import type { NpsMethod } from 'successkit/metrics';
 *
 * const method: NpsMethod = 'adjusted-wald';
 * ```
 */
export type NpsMethod = z.infer<typeof NpsMethod>;

/**
 * Options of {@link nps}, {@link npsAccumulator} and {@link compareNps}.
 *
 * | option | meaning | default |
 * |---|---|---|
 * | `confidence` | confidence level of the interval, strictly between 0 and 1 | 0.95 |
 * | `minimumSample` | below this many answers the result is flagged `lowSample`, and {@link compareNps} reports no significance | 30 |
 * | `method` | `'adjusted-wald-t'`, `'adjusted-wald'` or `'wald'`; see {@link NpsMethod} | `'adjusted-wald-t'` |
 *
 * @example
 * ```ts
 * import { NpsOptions } from 'successkit/metrics';
 *
 * NpsOptions.parse({ confidence: 0.9 }); // => { confidence: 0.9, minimumSample: 30, method: 'adjusted-wald-t' }
 * ```
 */
export const NpsOptions = z.strictObject({
  confidence: z._default(ConfidenceLevel, defaultConfidence),
  minimumSample: z._default(MinimumSample, defaultMinimumSample),
  method: z._default(NpsMethod, 'adjusted-wald-t'),
});

/**
 * Options of {@link nps} as callers write them; see the {@link NpsOptions} schema.
 *
 * @example
 * ```ts
 * import type { NpsOptions } from 'successkit/metrics';
 *
 * const options: NpsOptions = { confidence: 0.99, minimumSample: 50 };
 * ```
 */
export type NpsOptions = z.input<typeof NpsOptions>;

/**
 * Answers to "how likely are you to recommend us?" counted by category:
 * promoters (9–10), passives (7–8) and detractors (0–6). It is also the state
 * of {@link npsAccumulator}.
 *
 * @example
 * ```ts
 * import type { NpsCounts } from 'successkit/metrics';
 *
 * const survey: NpsCounts = { promoters: 250, passives: 675, detractors: 75 };
 * ```
 */
export interface NpsCounts {
  /** Answers of 9 or 10. */
  promoters: number;
  /** Answers of 7 or 8. */
  passives: number;
  /** Answers of 0 to 6. */
  detractors: number;
}

/**
 * What {@link nps} takes: raw 0–10 scores, or answers already counted.
 *
 * @example
 * ```ts
 * import type { NpsInput } from 'successkit/metrics';
 *
 * const scores: NpsInput = [10, 9, 7, 3];
 * const counts: NpsInput = { promoters: 2, passives: 1, detractors: 1 };
 * ```
 */
export type NpsInput = readonly number[] | NpsCounts;

/**
 * A Net Promoter Score with its uncertainty. Scores, standard errors,
 * margins and intervals are in NPS points on the −100..100 scale; shares are
 * 0–1. With no answers, `n` is 0 and every number that needs one is `null`.
 *
 * @example
 * ```ts
 * import { nps, type NpsResult } from 'successkit/metrics';
 *
 * const result: NpsResult = nps({ promoters: 6, passives: 2, detractors: 2 });
 * result.score; // => 40
 * ```
 */
export interface NpsResult {
  /** Answers counted. */
  readonly n: number;
  /** Answers of 9 or 10. */
  readonly promoters: number;
  /** Answers of 7 or 8. */
  readonly passives: number;
  /** Answers of 0 to 6. */
  readonly detractors: number;
  /** Promoters as a share of all answers, 0–1; `null` with no answers. */
  readonly promoterShare: number | null;
  /** Detractors as a share of all answers, 0–1; `null` with no answers. */
  readonly detractorShare: number | null;
  /** The Net Promoter Score, 100 × (promoter share − detractor share), −100..100; `null` with no answers. */
  readonly score: number | null;
  /** Standard error of the score, in NPS points (of the adjusted score for the adjusted methods). */
  readonly standardError: number | null;
  /** Half the interval's width before clipping: critical value (z, or t for `'adjusted-wald-t'`) × standard error, in NPS points. */
  readonly marginOfError: number | null;
  /** The confidence interval `[low, high]` in NPS points, clipped to −100..100; it always contains `score`. */
  readonly interval: readonly [number, number] | null;
  /** The confidence level of `interval`, 0–1. */
  readonly confidence: number;
  /** How the interval was built. */
  readonly method: NpsMethod;
  /** True when `n` is below the `minimumSample` option (default 30): read the score as a hint, not a measure. */
  readonly lowSample: boolean;
}

/**
 * The adjusted-Wald pseudo-answers: n + 3 with ¾ promoter and ¾ detractor
 * (so 1½ passive), as Lewis and Sauro state it
 * (https://measuringu.com/nps-three-confidence-intervals/) after Rocks 2016.
 */
const pseudoPromoters = 0.75;
const pseudoAnswers = 3;

/** The options after defaults, and the normal critical value they imply. @internal */
export interface NpsSettings {
  readonly confidence: number;
  readonly minimumSample: number;
  readonly method: NpsMethod;
  readonly z: number;
  /** Student critical values already computed, by n. */
  readonly studentByN: Map<number, number>;
}

/** The critical value of an interval from `n` answers: Student's t on n + 2 degrees of freedom for `'adjusted-wald-t'`, else z. @internal */
export function npsCriticalValue(settings: NpsSettings, n: number): number {
  if (settings.method !== 'adjusted-wald-t') return settings.z;
  let t = settings.studentByN.get(n);
  if (t === undefined) {
    t = studentCriticalValue(settings.confidence, n + pseudoAnswers - 1);
    // A per-settings memo: results of an accumulator or a group-by often share n.
    if (settings.studentByN.size < 1024) settings.studentByN.set(n, t);
  }
  return t;
}

/** The settings of no options, made on first use. */
let defaultSettings: NpsSettings | undefined;

/** Parses NPS options once. @internal */
export function npsSettings(options: NpsOptions | undefined): NpsSettings {
  if (options === undefined && defaultSettings !== undefined) return defaultSettings;
  const parsed = parseWith(NpsOptions, options ?? {});
  const settings = { ...parsed, z: criticalValue(parsed.confidence), studentByN: new Map<number, number>() };
  if (options === undefined) defaultSettings = settings;
  return settings;
}

/** The mean and standard error (on the −1..1 scale) of +1/0/−1 answers, from counts. */
function npsMoments(promoters: number, detractors: number, n: number): { mean: number; standardError: number } {
  const mean = (promoters - detractors) / n;
  // Var = p_P + p_D − (p_P − p_D)², written over n² so the numerator is exact for integer counts.
  const varianceTimesSquare = Math.max(0, (promoters + detractors) * n - (promoters - detractors) ** 2);
  return { mean, standardError: Math.sqrt(varianceTimesSquare) / (n * Math.sqrt(n)) };
}

/**
 * The standard error and interval center of an NPS on the −1..1 scale, by method.
 *
 * @internal
 */
export function npsEstimate(
  counts: NpsCounts,
  method: NpsMethod,
): { center: number; standardError: number; score: number } | null {
  const n = counts.promoters + counts.passives + counts.detractors;
  if (n === 0) return null;
  const score = (100 * (counts.promoters - counts.detractors)) / n;
  const moments =
    method === 'wald'
      ? npsMoments(counts.promoters, counts.detractors, n)
      : npsMoments(counts.promoters + pseudoPromoters, counts.detractors + pseudoPromoters, n + pseudoAnswers);
  return { center: 100 * moments.mean, standardError: 100 * moments.standardError, score };
}

/** The full result from checked counts and parsed settings. @internal */
export function npsFromCounts(counts: NpsCounts, settings: NpsSettings): NpsResult {
  const { promoters, passives, detractors } = counts;
  const n = promoters + passives + detractors;
  const estimate = npsEstimate(counts, settings.method);
  const marginOfError = estimate === null ? null : npsCriticalValue(settings, n) * estimate.standardError;
  let interval: [number, number] | null = null;
  if (estimate !== null && marginOfError !== null) {
    const low = Math.max(-100, Math.min(estimate.score, estimate.center - marginOfError));
    const high = Math.min(100, Math.max(estimate.score, estimate.center + marginOfError));
    interval = [low, high];
  }
  return {
    n,
    promoters,
    passives,
    detractors,
    promoterShare: n === 0 ? null : promoters / n,
    detractorShare: n === 0 ? null : detractors / n,
    score: estimate === null ? null : estimate.score,
    standardError: estimate === null ? null : estimate.standardError,
    marginOfError,
    interval,
    confidence: settings.confidence,
    method: settings.method,
    lowSample: n < settings.minimumSample,
  };
}

const npsKeys = ['promoters', 'passives', 'detractors'] as const;

/** Checks counts given as input or as a state from elsewhere. */
function checkNpsCounts(value: unknown, path: readonly (string | number)[]): asserts value is NpsCounts {
  checkFields(value, npsKeys, path);
}

/** Adds one checked 0–10 score to the count of its category. */
function tally(counts: NpsCounts, score: number): void {
  if (score >= 9) counts.promoters++;
  else if (score >= 7) counts.passives++;
  else counts.detractors++;
}

/** Counts checked 0–10 scores. */
function countNpsScores(scores: readonly number[]): NpsCounts {
  const counts = { promoters: 0, passives: 0, detractors: 0 };
  for (const score of scores) tally(counts, score);
  return counts;
}

/** Checks and counts NPS input: scores at `[...path, index]`, counts at `[...path, field]`. @internal */
export function npsCounts(input: NpsInput, path: readonly (string | number)[] = []): NpsCounts {
  if (Array.isArray(input)) {
    checkScores(input, 'an NPS', 0, 10, path);
    return countNpsScores(input);
  }
  checkNpsCounts(input, path);
  return { promoters: input.promoters, passives: input.passives, detractors: input.detractors };
}

/**
 * The Net Promoter Score of survey answers, with its standard error, margin
 * of error and confidence interval. NPS asks "how likely are you to
 * recommend us?" on 0–10; promoters answer 9–10, passives 7–8, detractors
 * 0–6, and NPS = 100 × (share of promoters − share of detractors), from −100
 * to 100 (F. Reichheld, "The One Number You Need to Grow", HBR, 2003).
 *
 * Each answer counts +1, 0 or −1, so NPS/100 is their mean and its variance
 * is p_P + p_D − (p_P − p_D)²; the standard error is √(Var / n). The
 * interval is by default the adjusted Wald interval (3 pseudo-answers added)
 * with a Student-t critical value, which holds its confidence down to 5
 * answers; see {@link NpsMethod}. It is clipped to −100..100. Small samples
 * are flagged `lowSample`; an empty survey gives `n: 0` and `null`s, never NaN.
 *
 * @param input - raw 0–10 scores, or `{ promoters, passives, detractors }`
 * @param options - confidence level, minimum sample and interval method; see {@link NpsOptions}
 * @returns the score and its uncertainty; see {@link NpsResult}
 * @throws {@link core!SuccessKitError} `invalid_score` naming each score that is not a whole number from 0 to 10 (path `[index]`); `invalid_input` for bad counts or options
 *
 * @example
 * ```ts
 * import { nps } from 'successkit/metrics';
 *
 * nps({ promoters: 250, passives: 675, detractors: 75 }).score; // => 17.5
 * const result = nps([10, 9, 9, 8, 7, 6, 3, 10, 9, 2]);
 * [result.n, result.score, result.lowSample]; // => [10, 20, true]
 * result.interval?.map(Math.round); // => [-35, 66]
 * nps([]).score; // => null
 * nps([9, 10, 11]); // throws invalid_score
 * ```
 */
export function nps(input: NpsInput, options?: NpsOptions): NpsResult {
  return readingInput(() => npsFromCounts(npsCounts(input), npsSettings(options)));
}

/**
 * The category of one 0–10 answer: promoter (9–10), passive (7–8) or
 * detractor (0–6).
 *
 * @param score - a whole number from 0 to 10
 * @returns `'promoter'`, `'passive'` or `'detractor'`
 * @throws {@link core!SuccessKitError} `invalid_score` for anything else
 *
 * @example
 * ```ts
 * import { npsCategory } from 'successkit/metrics';
 *
 * npsCategory(8); // => 'passive'
 * npsCategory(8.5); // throws invalid_score
 * ```
 */
export function npsCategory(score: number): 'promoter' | 'passive' | 'detractor' {
  if (!isScore(score, 0, 10)) failScore('an NPS', score, 0, 10);
  return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
}

/**
 * The mergeable {@link Accumulator} of {@link nps}: rows are 0–10 scores, the
 * state is `{ promoters, passives, detractors }`.
 *
 * @param options - as for {@link nps}
 * @returns the accumulator
 * @throws {@link core!SuccessKitError} `invalid_input` for bad options; its `add` throws `invalid_score` for a bad score, `merge` and `result` throw `invalid_input` for a malformed state
 *
 * @example
 * ```ts
 * import { npsAccumulator } from 'successkit/metrics';
 *
 * const metric = npsAccumulator();
 * const a = metric.add(metric.add(metric.init(), 10), 3);
 * const b = metric.add(metric.init(), 9);
 * metric.result(metric.merge(a, b)).score; // => 33.333333333333336
 * ```
 */
export function npsAccumulator(options?: NpsOptions): Accumulator<number, NpsCounts, NpsResult> {
  const settings = npsSettings(options);
  return {
    init: () => ({ promoters: 0, passives: 0, detractors: 0 }),
    add: (state, score) => {
      if (!isScore(score, 0, 10)) failScore('an NPS', score, 0, 10);
      tally(state, score);
      return state;
    },
    merge: mergeSums(npsKeys),
    result: (state) =>
      readingInput(() => {
        checkNpsCounts(state, []);
        return npsFromCounts(state, settings);
      }),
  };
}
