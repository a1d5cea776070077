import {
  npsCounts,
  npsEstimate,
  npsFromCounts,
  npsSettings,
  type NpsInput,
  type NpsMethod,
  type NpsOptions,
  type NpsResult,
} from './nps.js';
import { twoSidedPValue } from './normal-distribution.js';

/**
 * Two Net Promoter Scores compared: is the change from `a` to `b` more than
 * sampling noise? Points are NPS points (−100..100 for a score, −200..200
 * for a difference).
 *
 * @example
 * ```ts
 * import { compareNps, type NpsComparison } from 'successkit/metrics';
 *
 * const comparison: NpsComparison = compareNps({ promoters: 40, passives: 30, detractors: 30 }, { promoters: 50, passives: 30, detractors: 20 });
 * comparison.difference; // => 20
 * ```
 */
export interface NpsComparison {
  /** The first survey (the baseline: last quarter, the control group). */
  readonly a: NpsResult;
  /** The second survey (this quarter, the treated group). */
  readonly b: NpsResult;
  /** `b.score − a.score` in NPS points; `null` when either survey is empty. */
  readonly difference: number | null;
  /** Standard error of the difference, √(SE_a² + SE_b²), in NPS points. */
  readonly standardError: number | null;
  /** The test statistic: difference ÷ standard error; `null` when the standard error is 0. */
  readonly z: number | null;
  /** Two-sided p-value: the chance of a difference at least this large if both surveys came from the same population. */
  readonly pValue: number | null;
  /** True when `pValue` is below 1 − `confidence`: the scores differ beyond sampling noise. */
  readonly significant: boolean;
  /** Confidence interval of the difference, `[low, high]` in NPS points; it always contains `difference`. */
  readonly interval: readonly [number, number] | null;
  /** The confidence level, 0–1. */
  readonly confidence: number;
  /** How standard errors were computed; see {@link NpsMethod}. */
  readonly method: NpsMethod;
}

/**
 * Tests whether two Net Promoter Scores differ: a two-sample z-test on the
 * difference of the +1/0/−1 means, with standard error √(SE_a² + SE_b²) for
 * independent samples (B. Rocks, The American Statistician 70(4), 2016;
 * the `nps_test` of his R package NPS). With `method: 'adjusted-wald'` both
 * samples get the 3 pseudo-answers first, as J. Sauro and J. Lewis
 * recommend ("How to Statistically Compare Two Net Promoter Scores",
 * MeasuringU, 2021); the reported `difference` stays the observed one.
 *
 * @param a - the baseline survey: 0–10 scores or counts
 * @param b - the survey compared with it
 * @param options - confidence level (default 0.95), minimum sample and method; see {@link NpsOptions}
 * @returns the difference `b − a`, its standard error, z, p-value and interval; see {@link NpsComparison}
 * @throws {@link core!SuccessKitError} `invalid_score` for a bad score (path `['a' | 'b', index]`); `invalid_input` for bad counts or options
 *
 * @example
 * ```ts
 * import { compareNps } from 'successkit/metrics';
 *
 * const lastQuarter = { promoters: 120, passives: 90, detractors: 90 };
 * const thisQuarter = { promoters: 150, passives: 90, detractors: 60 };
 * const change = compareNps(lastQuarter, thisQuarter);
 * change.difference; // => 20
 * change.significant; // => true
 * change.pValue?.toFixed(4); // => '0.0024'
 * change.interval?.map(Math.round); // => [7, 33]
 * ```
 */
export function compareNps(a: NpsInput, b: NpsInput, options?: NpsOptions): NpsComparison {
  const settings = npsSettings(options);
  const countsA = npsCounts(a, ['a']);
  const countsB = npsCounts(b, ['b']);
  const resultA = npsFromCounts(countsA, settings);
  const resultB = npsFromCounts(countsB, settings);
  const common = { a: resultA, b: resultB, confidence: settings.confidence, method: settings.method };
  const estimateA = npsEstimate(countsA, settings.method);
  const estimateB = npsEstimate(countsB, settings.method);
  if (estimateA === null || estimateB === null) {
    return {
      ...common,
      difference: null,
      standardError: null,
      z: null,
      pValue: null,
      significant: false,
      interval: null,
    };
  }
  const difference = estimateB.score - estimateA.score;
  const centerDifference = estimateB.center - estimateA.center;
  const standardError = Math.hypot(estimateA.standardError, estimateB.standardError);
  const marginOfError = settings.z * standardError;
  const interval: [number, number] = [
    Math.max(-200, Math.min(difference, centerDifference - marginOfError)),
    Math.min(200, Math.max(difference, centerDifference + marginOfError)),
  ];
  if (standardError === 0) {
    // Both samples are unanimous: the normal test has no spread to work with.
    return { ...common, difference, standardError, z: null, pValue: null, significant: false, interval };
  }
  const z = centerDifference / standardError;
  const pValue = twoSidedPValue(z);
  return { ...common, difference, standardError, z, pValue, significant: pValue < 1 - settings.confidence, interval };
}
