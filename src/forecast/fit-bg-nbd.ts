import * as z from 'zod/mini';
import { at, checked, fail, isArray, parseWith } from '../core/internal.js';
import { BgNbdCustomer, isBgNbdCustomer, type BgNbdParameters } from './bg-nbd.js';
import { maxIterationsOf, type FitOptions } from './fit-options.js';
import { maximizeLogLikelihood } from './maximum-likelihood.js';
import { logGamma, logSumExp } from './special-functions.js';

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
 *   iterations: 390,
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
  /** Nelder–Mead iterations used, over all restarts. */
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
 * the distinct rows: ln[B(a, b+x)/B(a, b)] + ln[Γ(r+x) αʳ / Γ(r)] − (r+x) ln(α+T)
 * + ln(1 + δₓ₍>₀₎ [a/(b+x−1)] [(α+T)/(α+tₓ)]^(r+x)).
 */
function logLikelihoodOf(rows: DistinctRows): (parameters: Float64Array) => number {
  const countTerms = new Float64Array(rows.counts.length);
  const dropoutTerms = new Float64Array(rows.counts.length);
  const logAgeTerms = new Float64Array(rows.ages.length);
  return (parameters) => {
    const r = at(parameters, 0);
    const alpha = at(parameters, 1);
    const a = at(parameters, 2);
    const b = at(parameters, 3);
    const shared = -logGamma(r) + logGamma(a + b) - logGamma(b);
    for (let i = 0; i < rows.counts.length; i++) {
      const x = at(rows.counts, i);
      countTerms[i] = logGamma(r + x) + logGamma(b + x) - logGamma(a + b + x) + shared;
      dropoutTerms[i] = x > 0 ? Math.log(a / (b + x - 1)) : 0;
    }
    for (let i = 0; i < rows.ages.length; i++) logAgeTerms[i] = Math.log(alpha + at(rows.ages, i));
    const logAlpha = Math.log(alpha);
    let total = 0;
    for (let i = 0; i < rows.x.length; i++) {
      const x = at(rows.x, i);
      const index = at(rows.countIndex, i);
      const logAgeTerm = at(logAgeTerms, at(rows.ageIndex, i));
      let value = at(countTerms, index) + r * logAlpha - (r + x) * logAgeTerm;
      if (x > 0) {
        // ln(1 + eᵈ) with d = ln[a/(b+x−1)] + (r+x) ln[(α+T)/(α+tₓ)]
        const d = at(dropoutTerms, index) + (r + x) * (logAgeTerm - Math.log(alpha + at(rows.tx, i)));
        value += logSumExp(0, d);
      }
      total += at(rows.weight, i) * value;
    }
    return total;
  };
}

/**
 * Fits the BG/NBD model to customers' calibration histories by maximum
 * likelihood (Fader, Hardie & Lee 2005): Nelder–Mead on the log-parameters
 * with deterministic restarts. Time is rescaled internally so that the
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
  const maximum = maximizeLogLikelihood(logLikelihoodOf(rows), {
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
