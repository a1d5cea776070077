import * as z from 'zod/mini';
import { at, checked, fail, isArrayOf, isNonNegative, NonNegativeNumber, type PathSegment } from '../core/internal.js';
import { maxIterationsOf, type FitOptions } from './fit-options.js';
import { maximizeLogLikelihood, type LogLikelihoodGradient } from './maximum-likelihood.js';

/**
 * A fitted sBG model: α and β, the maximised log-likelihood (natural log),
 * the number of periods fitted, and how the optimiser got there. A fit is
 * only ever returned when it converged.
 *
 * @example
 * ```ts
 * import { fitShiftedBetaGeometric, type SbgFit } from 'successkit/forecast';
 *
 * const fit: SbgFit = fitShiftedBetaGeometric([1000, 631, 468, 382, 326, 289, 262, 241]);
 * fit.periods; // => 7
 * ```
 */
export interface SbgFit {
  /** α of the Beta distribution of churn probabilities; > 0. */
  readonly alpha: number;
  /** β of the Beta distribution of churn probabilities; > 0. */
  readonly beta: number;
  /** The maximised log-likelihood (natural log); compare fits on the same data only. */
  readonly logLikelihood: number;
  /** Periods of data fitted: `activeCounts.length − 1`, or the longest cohort's when fitting several. */
  readonly periods: number;
  /** Always true: a fit that does not converge throws `fit_failed`. */
  readonly converged: true;
  /** Optimiser iterations used: BFGS steps, plus Nelder–Mead iterations should BFGS stall. */
  readonly iterations: number;
}

const ActiveCounts = z
  .array(NonNegativeNumber)
  .check(z.minLength(3, 'expected counts for at least 2 periods (3 numbers)'));

function isActiveCounts(value: unknown): value is number[] {
  return isArrayOf(value, isNonNegative) && value.length >= 3;
}

const CohortCounts = z
  .array(z.array(NonNegativeNumber).check(z.minLength(2, 'expected counts for at least 1 period (2 numbers)')))
  .check(z.minLength(1, 'expected at least one cohort'));

function isCohort(value: unknown): value is number[] {
  return isArrayOf(value, isNonNegative) && value.length >= 2;
}

function isCohortCounts(value: unknown): value is number[][] {
  return isArrayOf(value, isCohort) && value.length >= 1;
}

/** Customers lost in each period t ≥ 1 and customers still active when their cohort's data end, over all cohorts. @internal */
export interface LifetimeCounts {
  readonly lost: Float64Array;
  readonly censored: Float64Array;
  readonly periods: number;
}

/** `pathOf(cohort)`: where a cohort's counts sit in the caller's input. @internal */
export function lifetimeCounts(
  cohorts: readonly (readonly number[])[],
  pathOf: (cohort: number) => PathSegment[],
): LifetimeCounts {
  // A loop, not Math.max(...spread), which overflows the stack beyond about 125,000 cohorts.
  let periods = 0;
  for (const counts of cohorts) periods = Math.max(periods, counts.length - 1);
  const lost = new Float64Array(periods + 1);
  const censored = new Float64Array(periods + 1);
  for (let cohort = 0; cohort < cohorts.length; cohort++) {
    const counts = cohorts[cohort] ?? [];
    const pathTo = (t: number): PathSegment[] => [...pathOf(cohort), t];
    if (at(counts, 0) === 0) fail('invalid_input', pathTo(0), 'expected a cohort of more than 0 customers');
    for (let t = 1; t < counts.length; t++) {
      const previous = at(counts, t - 1);
      const current = at(counts, t);
      if (current > previous) {
        fail(
          'invalid_input',
          pathTo(t),
          `active customers cannot increase: ${String(current)} after ${String(previous)}`,
        );
      }
      lost[t] = at(lost, t) + previous - current;
    }
    const last = counts.length - 1;
    censored[last] = at(censored, last) + at(counts, last);
  }
  return { lost, censored, periods };
}

/**
 * The sBG log-likelihood (Fader & Hardie 2007, eq. 5, summed over cohorts) and its gradient in (α, β):
 * each customer lost in period t contributes ln P(T = t), each one still active when its cohort's data
 * end at period t contributes ln S(t).
 *
 * @internal
 */
export function sbgLogLikelihood(counts: LifetimeCounts): LogLikelihoodGradient {
  const { lost, censored, periods } = counts;
  return (parameters, gradient) => {
    const alpha = at(parameters, 0);
    const beta = at(parameters, 1);
    let value = 0;
    let logSurvival = 0;
    // ∂ ln S(t)/∂α and ∂ ln S(t)/∂β, and the gradient of the sum.
    let survivalDAlpha = 0;
    let survivalDBeta = 0;
    let dAlpha = 0;
    let dBeta = 0;
    for (let t = 1; t <= periods; t++) {
      const denominator = Math.log(alpha + beta + t - 1);
      const inverseDenominator = 1 / (alpha + beta + t - 1);
      // P(T = t) = S(t − 1) α / (α + β + t − 1); S(t) = S(t − 1) (β + t − 1) / (α + β + t − 1)
      const lostThisPeriod = at(lost, t);
      if (lostThisPeriod > 0) {
        value += lostThisPeriod * (logSurvival + Math.log(alpha) - denominator);
        dAlpha += lostThisPeriod * (survivalDAlpha + 1 / alpha - inverseDenominator);
        dBeta += lostThisPeriod * (survivalDBeta - inverseDenominator);
      }
      logSurvival += Math.log(beta + t - 1) - denominator;
      survivalDAlpha -= inverseDenominator;
      survivalDBeta += 1 / (beta + t - 1) - inverseDenominator;
      const censoredNow = at(censored, t);
      if (censoredNow > 0) {
        value += censoredNow * logSurvival;
        dAlpha += censoredNow * survivalDAlpha;
        dBeta += censoredNow * survivalDBeta;
      }
    }
    gradient[0] = dAlpha;
    gradient[1] = dBeta;
    return value;
  };
}

/** Maximises the sBG likelihood of {@link sbgLogLikelihood}. */
function fitLifetimes(counts: LifetimeCounts, options: FitOptions, path: PathSegment[]): SbgFit {
  const { lost, periods } = counts;
  let totalLost = 0;
  for (let t = 1; t <= periods; t++) totalLost += at(lost, t);
  if (totalLost === 0) {
    fail(
      'fit_failed',
      path,
      'no customer churned in any period, so alpha runs off towards zero: the data do not identify the model',
    );
  }
  const logLikelihood = sbgLogLikelihood(counts);
  const unused = new Float64Array(2);
  const maximum = maximizeLogLikelihood((parameters) => logLikelihood(parameters, unused), {
    gradient: logLikelihood,
    names: ['alpha', 'beta'],
    start: [1, 1],
    maxIterations: maxIterationsOf(options),
    path,
  });
  const [alpha = 1, beta = 1] = maximum.parameters;
  return {
    alpha,
    beta,
    logLikelihood: maximum.logLikelihood,
    periods,
    converged: true,
    iterations: maximum.iterations,
  };
}

/**
 * Fits the shifted-beta-geometric model to one cohort by maximum likelihood
 * (Fader & Hardie 2007, eq. 5): `activeCounts[t]` customers are active at the
 * start of period t, starting with the whole cohort at t = 0. The customers
 * lost in each period contribute ln P(T = t) and those still active at the end
 * ln S(T). Counts may be shares (0.631) instead of customers (631); the
 * parameters are the same, the log-likelihood is scaled.
 *
 * @param activeCounts - customers active at the start of periods 0, 1, 2, … (at least 3 numbers, never increasing)
 * @param options - iteration cap; see {@link FitOptions}
 * @returns α, β, the log-likelihood and convergence details
 * @throws {@link core!SuccessKitError} `invalid_input` with the index of the offending count; `fit_failed`
 *   when the data do not identify the model (no one churned, everyone churned at once, or retention
 *   falls with tenure, which a mix of customers cannot produce) or the optimiser does not converge
 *
 * @example
 * ```ts
 * import { fitShiftedBetaGeometric } from 'successkit/forecast';
 *
 * // The "regular" cohort of Fader & Hardie (2007), years 0–7.
 * const fit = fitShiftedBetaGeometric([1000, 631, 468, 382, 326, 289, 262, 241]);
 * [fit.alpha.toFixed(3), fit.beta.toFixed(3), fit.logLikelihood.toFixed(2)]; // => ['0.704', '1.182', '-1680.27']
 * fitShiftedBetaGeometric([1000, 631, 680]); // throws invalid_input
 * ```
 */
export function fitShiftedBetaGeometric(activeCounts: readonly number[], options: FitOptions = {}): SbgFit {
  const counts = checked(ActiveCounts, activeCounts, isActiveCounts, ['activeCounts']);
  return fitLifetimes(
    lifetimeCounts([counts], () => ['activeCounts']),
    options,
    ['activeCounts'],
  );
}

/**
 * Fits one shifted-beta-geometric model to several cohorts observed for
 * different lengths of time, as a book of business holds them: the cohort
 * acquired five years ago shows five renewals, last year's shows one. Each
 * cohort lists its customers active at the start of periods 0, 1, 2, … as in
 * {@link fitShiftedBetaGeometric}; the likelihood sums over cohorts, so the
 * young cohorts inform the early periods and the old ones the late periods.
 * With one cohort the fit is that of {@link fitShiftedBetaGeometric}.
 *
 * @param cohorts - one list of active counts per cohort (each at least 2 numbers, never increasing)
 * @param options - iteration cap; see {@link FitOptions}
 * @returns α, β, the log-likelihood, the longest cohort's periods and convergence details
 * @throws {@link core!SuccessKitError} `invalid_input` with the cohort and period index of the offending
 *   count; `fit_failed` as for {@link fitShiftedBetaGeometric}
 *
 * @example
 * ```ts
 * import { fitShiftedBetaGeometricCohorts } from 'successkit/forecast';
 *
 * const fit = fitShiftedBetaGeometricCohorts([
 *   [1000, 631, 468, 382, 326],
 *   [800, 510, 380],
 *   [900, 560],
 * ]);
 * [fit.alpha.toFixed(2), fit.beta.toFixed(2), fit.periods]; // => ['0.77', '1.31', 4]
 * fitShiftedBetaGeometricCohorts([[1000, 631], [500, 0, 20]]); // throws invalid_input
 * ```
 */
export function fitShiftedBetaGeometricCohorts(
  cohorts: readonly (readonly number[])[],
  options: FitOptions = {},
): SbgFit {
  const checkedCohorts = checked(CohortCounts, cohorts, isCohortCounts, ['cohorts']);
  return fitLifetimes(
    lifetimeCounts(checkedCohorts, (cohort) => ['cohorts', cohort]),
    options,
    ['cohorts'],
  );
}
