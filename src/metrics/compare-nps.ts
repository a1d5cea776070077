import { readingInput } from '../core/internal.js';
import {
  npsCounts,
  npsEstimate,
  npsFromCounts,
  npsSettings,
  type NpsInput,
  type NpsMethod,
  type NpsOptions,
  type NpsResult,
  type NpsSettings,
} from './nps.js';
import { twoSidedPValue } from './normal-distribution.js';
import { studentCriticalValue, studentTwoSidedPValue } from './student-t.js';

/**
 * What a comparison of two NPS surveys concluded: `'significant'` (the
 * scores differ beyond sampling noise), `'not_significant'`, or
 * `'insufficient'` (the data cannot say; see {@link NpsInsufficiency}).
 *
 * @example
 * ```ts
 * import { compareNps, type NpsComparisonStatus } from 'successkit/metrics';
 *
 * const status: NpsComparisonStatus = compareNps([10, 9, 8, 7], [10]).status;
 * status; // => 'insufficient'
 * ```
 */
export type NpsComparisonStatus = 'significant' | 'not_significant' | 'insufficient';

/**
 * Why {@link compareNps} could not test a difference:
 *
 * - `'no_answers'` — a survey has no answers, so it has no score;
 * - `'below_minimum_sample'` — a survey has fewer answers than the
 *   `minimumSample` option (default 30): too few for the test to hold its
 *   stated error rate, so no difference is called significant;
 * - `'no_spread'` — both surveys are unanimous under `method: 'wald'`, whose
 *   standard error is then 0.
 *
 * @example
 * ```ts
 * import type { NpsInsufficiency } from 'successkit/metrics';
 *
 * const reason: NpsInsufficiency = 'below_minimum_sample';
 * ```
 */
export type NpsInsufficiency = 'no_answers' | 'below_minimum_sample' | 'no_spread';

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
  /** The test statistic: difference of the (adjusted) scores ÷ standard error, read against the normal or, for `'adjusted-wald-t'`, Student's t; `null` when `status` is `'insufficient'`. */
  readonly z: number | null;
  /** Two-sided p-value: the chance of a difference at least this large if both surveys came from the same population; `null` when `status` is `'insufficient'`. */
  readonly pValue: number | null;
  /** True when `pValue` is below 1 − `confidence`: the scores differ beyond sampling noise. Never true when `status` is `'insufficient'`. */
  readonly significant: boolean;
  /** The verdict a host switches on: `'significant'`, `'not_significant'` or `'insufficient'`. */
  readonly status: NpsComparisonStatus;
  /** Why the difference could not be tested, with a sentence to show; `null` unless `status` is `'insufficient'`. */
  readonly insufficient: { readonly reason: NpsInsufficiency; readonly message: string } | null;
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
 * the `nps_test` of his R package NPS). With the adjusted methods (the
 * default) both samples get the 3 pseudo-answers first, as J. Sauro and J.
 * Lewis recommend ("How to Statistically Compare Two Net Promoter Scores",
 * MeasuringU, 2021); with `'adjusted-wald-t'` the statistic is read against
 * Student's t on Welch–Satterthwaite degrees of freedom. The reported
 * `difference` stays the observed one.
 *
 * A difference is never called significant when either survey has fewer
 * answers than `minimumSample` (default 30): `status` is then
 * `'insufficient'` with the reason, `z` and `pValue` are `null`, and the
 * difference and its interval are still reported.
 *
 * @param a - the baseline survey: 0–10 scores or counts
 * @param b - the survey compared with it
 * @param options - confidence level (default 0.95), minimum sample and method; see {@link NpsOptions}
 * @returns the difference `b − a`, its standard error, z, p-value, interval and status; see {@link NpsComparison}
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
 * change.status; // => 'significant'
 * change.pValue?.toFixed(4); // => '0.0026'
 * change.interval?.map(Math.round); // => [7, 33]
 * compareNps([10, 9, 8, 7], [10]).insufficient?.reason; // => 'below_minimum_sample'
 * ```
 */
export function compareNps(a: NpsInput, b: NpsInput, options?: NpsOptions): NpsComparison {
  return readingInput(() => comparedNps(a, b, options));
}

function comparedNps(a: NpsInput, b: NpsInput, options: NpsOptions | undefined): NpsComparison {
  const settings = npsSettings(options);
  const countsA = npsCounts(a, ['a']);
  const countsB = npsCounts(b, ['b']);
  const resultA = npsFromCounts(countsA, settings);
  const resultB = npsFromCounts(countsB, settings);
  const estimateA = npsEstimate(countsA, settings.method);
  const estimateB = npsEstimate(countsB, settings.method);
  if (estimateA === null || estimateB === null) {
    const message = `survey ${estimateA === null ? 'a' : 'b'} has no answers`;
    return comparison(resultA, resultB, settings, null, null, null, null, insufficient('no_answers', message));
  }
  const difference = estimateB.score - estimateA.score;
  const centerDifference = estimateB.center - estimateA.center;
  const standardError = Math.hypot(estimateA.standardError, estimateB.standardError);
  const degreesOfFreedom = welchDegreesOfFreedom(
    estimateA.standardError,
    resultA.n,
    estimateB.standardError,
    resultB.n,
  );
  const marginOfError = differenceCriticalValue(settings, degreesOfFreedom) * standardError;
  const interval: [number, number] = [
    Math.max(-200, Math.min(difference, centerDifference - marginOfError)),
    Math.min(200, Math.max(difference, centerDifference + marginOfError)),
  ];
  const shortfall = smallSample(resultA.n, resultB.n, settings.minimumSample);
  const verdict =
    shortfall !== null
      ? insufficient('below_minimum_sample', shortfall)
      : standardError === 0
        ? // Both samples are unanimous: the normal test has no spread to work with.
          insufficient('no_spread', 'both surveys are unanimous, so the Wald standard error is 0')
        : null;
  if (verdict !== null) {
    return comparison(resultA, resultB, settings, difference, standardError, interval, null, verdict);
  }
  const z = centerDifference / standardError;
  const pValue = settings.method === 'adjusted-wald-t' ? studentTwoSidedPValue(z, degreesOfFreedom) : twoSidedPValue(z);
  return comparison(resultA, resultB, settings, difference, standardError, interval, { z, pValue }, null);
}

/** Builds the result in one literal (object spreads of results are slow in V8 loops). */
function comparison(
  a: NpsResult,
  b: NpsResult,
  settings: NpsSettings,
  difference: number | null,
  standardError: number | null,
  interval: readonly [number, number] | null,
  test: { readonly z: number; readonly pValue: number } | null,
  shortfall: NpsComparison['insufficient'],
): NpsComparison {
  const significant = test !== null && test.pValue < 1 - settings.confidence;
  return {
    a,
    b,
    difference,
    standardError,
    z: test === null ? null : test.z,
    pValue: test === null ? null : test.pValue,
    significant,
    status: shortfall !== null ? 'insufficient' : significant ? 'significant' : 'not_significant',
    insufficient: shortfall,
    interval,
    confidence: settings.confidence,
    method: settings.method,
  };
}

/** Why a comparison could not be tested. */
function insufficient(reason: NpsInsufficiency, message: string): NonNullable<NpsComparison['insufficient']> {
  return { reason, message };
}

/** A sentence naming the answers of both surveys when either is below the minimum sample; `null` when both reach it. */
function smallSample(nA: number, nB: number, minimumSample: number): string | null {
  if (nA >= minimumSample && nB >= minimumSample) return null;
  const answers = (n: number): string => `${String(n)} answer${n === 1 ? '' : 's'}`;
  return `a has ${answers(nA)} and b ${answers(nB)}; testing a difference needs at least ${String(minimumSample)} in each (minimumSample)`;
}

/**
 * Welch–Satterthwaite degrees of freedom of a difference of two means whose
 * standard errors carry n + 2 degrees of freedom each (the adjusted sample
 * less one), as the `'adjusted-wald-t'` interval of one survey does.
 */
function welchDegreesOfFreedom(standardErrorA: number, nA: number, standardErrorB: number, nB: number): number {
  const varianceA = standardErrorA ** 2;
  const varianceB = standardErrorB ** 2;
  const denominator = varianceA ** 2 / (nA + 2) + varianceB ** 2 / (nB + 2);
  return denominator === 0 ? nA + nB + 4 : (varianceA + varianceB) ** 2 / denominator;
}

/** The critical value of the difference's interval: Student's t on Welch's degrees of freedom for `'adjusted-wald-t'`, else z. */
function differenceCriticalValue(settings: NpsSettings, degreesOfFreedom: number): number {
  return settings.method === 'adjusted-wald-t'
    ? studentCriticalValue(settings.confidence, degreesOfFreedom)
    : settings.z;
}
