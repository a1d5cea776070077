import * as z from 'zod/mini';
import { at, checked, fail, isArray, parseWith } from '../core/internal.js';
import { BgNbdCustomer, isBgNbdCustomer, type BgNbdParameters } from './bg-nbd.js';
import { maxIterationsOf, type FitOptions } from './fit-options.js';
import { maximizeLogLikelihood, type LogLikelihoodGradient } from './maximum-likelihood.js';
import { digamma, logGamma } from './special-functions.js';

/**
 * A fitted BG/NBD model: r, α, a, b, the maximised log-likelihood (natural
 * log), the number of customers, and how the optimiser got there. A fit is
 * only ever returned when it converged.
 *
 * @example
 * ```ts
 * import type { BgNbdFit } from 'successkit/forecast';
 *
 * const cdnow: BgNbdFit = {
 *   r: 0.2426,
 *   alpha: 4.4135,
 *   a: 0.7929,
 *   b: 2.4258,
 *   logLikelihood: -9582.43,
 *   customers: 2357,
 *   converged: true,
 *   iterations: 23,
 * };
 * ```
 */
export interface BgNbdFit extends BgNbdParameters {
  /** The maximised log-likelihood (natural log); compare fits on the same data only. */
  readonly logLikelihood: number;
  /** Customers fitted. */
  readonly customers: number;
  /** Always true: a fit that does not converge throws `fit_failed`. */
  readonly converged: true;
  /** Optimiser iterations used: BFGS steps, plus Nelder–Mead iterations should BFGS stall. */
  readonly iterations: number;
}

const Customers = z.array(BgNbdCustomer).check(z.minLength(1, 'expected at least one customer'));

/** The rows that share (x, tx, T), with their count, so the likelihood visits each once. */
interface DistinctRows {
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly weight: Float64Array;
  /** Index into `counts` of each row's x. */
  readonly countIndex: Int32Array;
  /** The distinct values of x. */
  readonly counts: Float64Array;
  /** Index into `ages` of each row's T. */
  readonly ageIndex: Int32Array;
  /** The distinct values of T (customers acquired on the same day share one). */
  readonly ages: Float64Array;
}

function distinctRows(customers: readonly BgNbdCustomer[], timeScale: number): DistinctRows {
  const rowOf = new Map<string, number>();
  const countIndexOf = new Map<number, number>();
  const ageIndexOf = new Map<number, number>();
  const ageIndex: number[] = [];
  const x: number[] = [];
  const tx: number[] = [];
  const weight: number[] = [];
  const countIndex: number[] = [];
  for (const customer of customers) {
    const key = `${String(customer.x)} ${String(customer.tx)} ${String(customer.T)}`;
    const row = rowOf.get(key);
    if (row !== undefined) {
      weight[row] = at(weight, row) + 1;
      continue;
    }
    rowOf.set(key, x.length);
    let index = countIndexOf.get(customer.x);
    if (index === undefined) {
      index = countIndexOf.size;
      countIndexOf.set(customer.x, index);
    }
    let age = ageIndexOf.get(customer.T);
    if (age === undefined) {
      age = ageIndexOf.size;
      ageIndexOf.set(customer.T, age);
    }
    ageIndex.push(age);
    x.push(customer.x);
    tx.push(customer.tx / timeScale);
    weight.push(1);
    countIndex.push(index);
  }
  return {
    x: Float64Array.from(x),
    tx: Float64Array.from(tx),
    weight: Float64Array.from(weight),
    countIndex: Int32Array.from(countIndex),
    counts: Float64Array.from(countIndexOf.keys()),
    ageIndex: Int32Array.from(ageIndex),
    ages: Float64Array.from(ageIndexOf.keys(), (T) => T / timeScale),
  };
}

/**
 * The BG/NBD log-likelihood (Fader, Hardie & Lee 2005, eq. 6), summed over
 * the distinct rows, and its gradient in (r, α, a, b), written into `gradient`:
 * ln[B(a, b+x)/B(a, b)] + ln[Γ(r+x) αʳ / Γ(r)] − (r+x) ln(α+T) + ln(1 + eᵈ), where
 * d = ln[a/(b+x−1)] + (r+x) ln[(α+T)/(α+tₓ)] for x > 0 (and the last term is 0 for x = 0).
 * With s = eᵈ/(1 + eᵈ), the derivative of ln(1 + eᵈ) is s times that of d.
 */
function logLikelihoodOf(rows: DistinctRows): LogLikelihoodGradient {
  const countTerms = new Float64Array(rows.counts.length);
  const dropoutTerms = new Float64Array(rows.counts.length);
  /** ψ(r+x) − ψ(r), ψ(a+b) − ψ(a+b+x), ψ(b+x) − ψ(b) and 1/(b+x−1), per distinct x. */
  const rTerms = new Float64Array(rows.counts.length);
  const aTerms = new Float64Array(rows.counts.length);
  const bTerms = new Float64Array(rows.counts.length);
  const inverseDropout = new Float64Array(rows.counts.length);
  const logAgeTerms = new Float64Array(rows.ages.length);
  const inverseAges = new Float64Array(rows.ages.length);
  return (parameters, gradient) => {
    const r = at(parameters, 0);
    const alpha = at(parameters, 1);
    const a = at(parameters, 2);
    const b = at(parameters, 3);
    const shared = -logGamma(r) + logGamma(a + b) - logGamma(b);
    const digammaR = digamma(r);
    const digammaAB = digamma(a + b);
    const digammaB = digamma(b);
    for (let i = 0; i < rows.counts.length; i++) {
      const x = at(rows.counts, i);
      countTerms[i] = logGamma(r + x) + logGamma(b + x) - logGamma(a + b + x) + shared;
      dropoutTerms[i] = x > 0 ? Math.log(a / (b + x - 1)) : 0;
      rTerms[i] = x > 0 ? digamma(r + x) - digammaR : 0;
      aTerms[i] = x > 0 ? digammaAB - digamma(a + b + x) : 0;
      bTerms[i] = x > 0 ? digamma(b + x) - digammaB : 0;
      inverseDropout[i] = x > 0 ? 1 / (b + x - 1) : 0;
    }
    for (let i = 0; i < rows.ages.length; i++) {
      const age = alpha + at(rows.ages, i);
      logAgeTerms[i] = Math.log(age);
      inverseAges[i] = 1 / age;
    }
    const logAlpha = Math.log(alpha);
    let total = 0;
    let dr = 0;
    let dAlpha = 0;
    let da = 0;
    let db = 0;
    for (let i = 0; i < rows.x.length; i++) {
      const x = at(rows.x, i);
      const weight = at(rows.weight, i);
      const index = at(rows.countIndex, i);
      const ageIndex = at(rows.ageIndex, i);
      const logAgeTerm = at(logAgeTerms, ageIndex);
      const inverseAge = at(inverseAges, ageIndex);
      let value = at(countTerms, index) + r * logAlpha - (r + x) * logAgeTerm;
      let rowDr = at(rTerms, index) + logAlpha - logAgeTerm;
      let rowDAlpha = r / alpha - (r + x) * inverseAge;
      let rowDa = at(aTerms, index);
      let rowDb = at(bTerms, index) + at(aTerms, index);
      if (x > 0) {
        const lastPurchase = alpha + at(rows.tx, i);
        const logRatio = logAgeTerm - Math.log(lastPurchase);
        const d = at(dropoutTerms, index) + (r + x) * logRatio;
        // ln(1 + eᵈ) and s = eᵈ/(1 + eᵈ) from one exponential that cannot overflow.
        const small = Math.exp(-Math.abs(d));
        value += Math.max(d, 0) + Math.log1p(small);
        const s = d > 0 ? 1 / (1 + small) : small / (1 + small);
        rowDr += s * logRatio;
        rowDAlpha += s * (r + x) * (inverseAge - 1 / lastPurchase);
        rowDa += s / a;
        rowDb -= s * at(inverseDropout, index);
      }
      total += weight * value;
      dr += weight * rowDr;
      dAlpha += weight * rowDAlpha;
      da += weight * rowDa;
      db += weight * rowDb;
    }
    gradient[0] = dr;
    gradient[1] = dAlpha;
    gradient[2] = da;
    gradient[3] = db;
    return total;
  };
}

/**
 * The BG/NBD log-likelihood of customers' histories, with time divided by `timeScale`, and its
 * gradient in (r, α, a, b), α in the rescaled unit.
 *
 * @internal
 */
export function bgNbdLogLikelihood(customers: readonly BgNbdCustomer[], timeScale: number): LogLikelihoodGradient {
  return logLikelihoodOf(distinctRows(customers, timeScale));
}

/**
 * Fits the BG/NBD model to customers' calibration histories by maximum
 * likelihood (Fader, Hardie & Lee 2005): BFGS on the log-parameters with the
 * log-likelihood's analytic gradient, over the distinct (x, tₓ, T) histories. Time is rescaled internally so that the
 * longest T is 1; α is reported in the data's own time unit.
 *
 * @param customers - each customer's x, tx and T (at least one); see {@link BgNbdCustomer}
 * @param options - iteration cap; see {@link FitOptions}
 * @returns r, α, a, b, the log-likelihood and convergence details
 * @throws {@link core!SuccessKitError} `invalid_input` with the row index of a bad customer; `fit_failed`
 *   when the data do not identify the model (at once when no customer made a repeat purchase, every
 *   T is 0 or every customer has the same history) or the optimiser does not converge
 *
 * @example
 * ```ts
 * import { fitBgNbd } from 'successkit/forecast';
 *
 * fitBgNbd([{ x: 1, tx: 40, T: 30 }]); // throws invalid_input
 * fitBgNbd([{ x: 0, tx: 0, T: 30 }, { x: 0, tx: 0, T: 20 }]); // throws fit_failed
 * ```
 */
export function fitBgNbd(customers: readonly BgNbdCustomer[], options: FitOptions = {}): BgNbdFit {
  if (!isArray(customers) || customers.length === 0) parseWith(Customers, customers, { path: ['customers'] });
  // An index loop, not forEach, which skips the holes of a sparse array.
  for (let index = 0; index < customers.length; index++) {
    checked(BgNbdCustomer, customers[index], isBgNbdCustomer, ['customers', index]);
  }
  const maxIterations = maxIterationsOf(options);
  let timeScale = 0;
  let totalPurchases = 0;
  for (const customer of customers) {
    timeScale = Math.max(timeScale, customer.T);
    totalPurchases += customer.x;
  }
  if (timeScale === 0) {
    fail(
      'fit_failed',
      ['customers'],
      'every customer was acquired at the end of the calibration period (T = 0): the data do not identify the model',
    );
  }
  if (totalPurchases === 0) {
    fail(
      'fit_failed',
      ['customers'],
      'no customer made a repeat purchase, so r runs off towards zero: the data do not identify the model',
    );
  }
  const rows = distinctRows(customers, timeScale);
  if (rows.x.length === 1) {
    fail(
      'fit_failed',
      ['customers'],
      'every customer has the same history (x, tx, T): one history cannot show how purchase rates and dropout vary across customers',
    );
  }
  const logLikelihood = logLikelihoodOf(rows);
  const unused = new Float64Array(4);
  const maximum = maximizeLogLikelihood((parameters) => logLikelihood(parameters, unused), {
    gradient: logLikelihood,
    names: ['r', 'alpha', 'a', 'b'],
    start: [1, 1, 1, 1],
    maxIterations,
    path: ['customers'],
  });
  const [r = 1, scaledAlpha = 1, a = 1, b = 1] = maximum.parameters;
  return {
    r,
    alpha: scaledAlpha * timeScale,
    a,
    b,
    // Rescaling time by s multiplies each customer's likelihood by sˣ.
    logLikelihood: maximum.logLikelihood - totalPurchases * Math.log(timeScale),
    customers: customers.length,
    converged: true,
    iterations: maximum.iterations,
  };
}
