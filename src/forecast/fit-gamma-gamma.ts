import * as z from 'zod/mini';
import { at, checked, fail, isArray, parseWith } from '../core/internal.js';
import { maxIterationsOf, type FitOptions } from './fit-options.js';
import { GammaGammaCustomer, isGammaGammaCustomer, type GammaGammaParameters } from './gamma-gamma.js';
import { maximizeLogLikelihood, type LogLikelihoodGradient } from './maximum-likelihood.js';
import { digamma, logGamma } from './special-functions.js';

/**
 * A fitted Gamma-Gamma model: p, q, γ, the maximised log-likelihood (natural
 * log), the number of customers, and how the optimiser got there. A fit is
 * only ever returned when it converged.
 *
 * @example
 * ```ts
 * import type { GammaGammaFit } from 'successkit/forecast';
 *
 * const cdnow: GammaGammaFit = {
 *   p: 6.25,
 *   q: 3.744,
 *   gamma: 15.44,
 *   logLikelihood: -4055.92,
 *   customers: 946,
 *   converged: true,
 *   iterations: 19,
 * };
 * ```
 */
export interface GammaGammaFit extends GammaGammaParameters {
  /** The maximised log-likelihood (natural log); compare fits on the same data only. */
  readonly logLikelihood: number;
  /** Customers fitted. */
  readonly customers: number;
  /** Always true: a fit that does not converge throws `fit_failed`. */
  readonly converged: true;
  /** Optimiser iterations used: BFGS steps, plus Nelder–Mead iterations should BFGS stall. */
  readonly iterations: number;
}

const Customers = z.array(GammaGammaCustomer).check(z.minLength(1, 'expected at least one customer'));

/**
 * The Gamma-Gamma log-likelihood (Fader & Hardie 2013, eq. 3) of customers' transaction counts and
 * mean spends, and its gradient in (p, q, γ).
 *
 * @internal
 */
export function gammaGammaLogLikelihood(x: Float64Array, meanSpend: Float64Array): LogLikelihoodGradient {
  const n = x.length;
  // ln L = Σ [ln Γ(p xᵢ + q) − ln Γ(p xᵢ)] + N [q ln γ − ln Γ(q)] + p Σ xᵢ (ln m̄ᵢ + ln xᵢ) − Σ ln m̄ᵢ
  //       − Σ (p xᵢ + q) ln(γ + m̄ᵢ xᵢ), the gamma terms are summed per distinct x.
  const countOf = new Map<number, number>();
  const total = new Float64Array(n);
  let sumLogSpend = 0;
  let sumWeightedLogs = 0;
  for (let i = 0; i < n; i++) {
    const spend = at(meanSpend, i);
    const count = at(x, i);
    countOf.set(count, (countOf.get(count) ?? 0) + 1);
    total[i] = spend * count;
    sumLogSpend += Math.log(spend);
    sumWeightedLogs += count * (Math.log(spend) + Math.log(count));
  }
  const distinctCounts = Float64Array.from(countOf.keys());
  const customersWithCount = Float64Array.from(countOf.values());
  return (parameters, gradient) => {
    const p = at(parameters, 0);
    const q = at(parameters, 1);
    const gamma = at(parameters, 2);
    const logGammaParameter = Math.log(gamma);
    let value = n * (q * logGammaParameter - logGamma(q)) + p * sumWeightedLogs - sumLogSpend;
    // ∂/∂p, ∂/∂q and ∂/∂γ of the same sum, term by term.
    let dp = sumWeightedLogs;
    let dq = n * (logGammaParameter - digamma(q));
    let dGamma = (n * q) / gamma;
    for (let j = 0; j < distinctCounts.length; j++) {
      const count = at(distinctCounts, j);
      const customersHere = at(customersWithCount, j);
      const px = p * count;
      value += customersHere * (logGamma(px + q) - logGamma(px));
      const digammaShifted = digamma(px + q);
      dp += customersHere * count * (digammaShifted - digamma(px));
      dq += customersHere * digammaShifted;
    }
    for (let i = 0; i < n; i++) {
      const count = at(x, i);
      const shape = p * count + q;
      const scale = gamma + at(total, i);
      const logScale = Math.log(scale);
      value -= shape * logScale;
      dp -= count * logScale;
      dq -= logScale;
      dGamma -= shape / scale;
    }
    gradient[0] = dp;
    gradient[1] = dq;
    gradient[2] = dGamma;
    return value;
  };
}

/**
 * Fits the Gamma-Gamma spend model by maximum likelihood (Fader & Hardie
 * 2013, eq. 3) to customers with at least one repeat transaction: the mean
 * of x transactions of a customer with rate ν is Gamma(p x, ν x), and
 * ν ~ Gamma(q, γ). Spend is rescaled internally so its average is 1; γ is
 * reported in the data's currency unit. The model assumes spend per
 * transaction does not depend on how often a customer buys; check that the
 * correlation of x and mean spend is weak before using it.
 *
 * @param customers - each customer's x (≥ 1) and mean spend (> 0); see {@link GammaGammaCustomer}
 * @param options - iteration cap; see {@link FitOptions}
 * @returns p, q, γ, the log-likelihood and convergence details
 * @throws {@link core!SuccessKitError} `invalid_input` with the row index of a bad customer (including
 *   x = 0: filter those out first); `fit_failed`, at once, when every mean spend is the same (the
 *   likelihood then has no finite maximum), and when the data do not identify the model or the
 *   optimiser does not converge
 *
 * @example
 * ```ts
 * import { fitGammaGamma } from 'successkit/forecast';
 *
 * fitGammaGamma([{ x: 0, meanSpend: null }]); // throws invalid_input
 * fitGammaGamma([{ x: 1, meanSpend: 20 }, { x: 3, meanSpend: 20 }]); // throws fit_failed
 * ```
 */
export function fitGammaGamma(customers: readonly GammaGammaCustomer[], options: FitOptions = {}): GammaGammaFit {
  if (!isArray(customers) || customers.length === 0) parseWith(Customers, customers, { path: ['customers'] });
  const n = customers.length;
  const x = new Float64Array(n);
  const meanSpend = new Float64Array(n);
  let spendScale = 0;
  let lowestSpend = Infinity;
  let highestSpend = 0;
  for (let index = 0; index < n; index++) {
    const { x: count, meanSpend: spend } = checked(GammaGammaCustomer, customers[index], isGammaGammaCustomer, [
      'customers',
      index,
    ]);
    if (count === 0 || spend === null) {
      fail(
        'invalid_input',
        ['customers', index, 'x'],
        'expected at least one repeat transaction; leave out customers with x = 0',
      );
    }
    x[index] = count;
    meanSpend[index] = spend;
    spendScale += spend / n;
    lowestSpend = Math.min(lowestSpend, spend);
    highestSpend = Math.max(highestSpend, spend);
  }
  if (lowestSpend === highestSpend) {
    // Spend without spread is fitted ever better as q and γ grow together: the likelihood has no
    // finite maximum, and the search would take seconds per 10,000 customers to find that out.
    fail(
      'fit_failed',
      ['customers'],
      `every customer's mean spend is ${String(lowestSpend)}: with no spread in spend the Gamma-Gamma likelihood has no finite maximum`,
    );
  }
  const maxIterations = maxIterationsOf(options);
  const logLikelihood = gammaGammaLogLikelihood(
    x,
    meanSpend.map((spend) => spend / spendScale),
  );
  const unused = new Float64Array(3);
  const maximum = maximizeLogLikelihood((parameters) => logLikelihood(parameters, unused), {
    gradient: logLikelihood,
    names: ['p', 'q', 'gamma'],
    start: [1, 1, 1],
    maxIterations,
    path: ['customers'],
  });
  const [p = 1, q = 1, scaledGamma = 1] = maximum.parameters;
  return {
    p,
    q,
    gamma: scaledGamma * spendScale,
    // Rescaling spend by s multiplies each customer's density of m̄ by s.
    logLikelihood: maximum.logLikelihood - n * Math.log(spendScale),
    customers: n,
    converged: true,
    iterations: maximum.iterations,
  };
}
