import * as z from 'zod/mini';
import {
  checked,
  Count,
  fail,
  hasKeyCount,
  isCount,
  isNonNegative,
  isPositive,
  isRecord,
  NonNegativeNumber,
  onceFieldsAreValid,
  PositiveNumber,
  type PathSegment,
} from '../core/internal.js';
import {
  expectedPurchasesFromStart,
  MAX_REPEAT_PURCHASES,
  MAX_SCALED_TIME,
  MAX_SHAPE,
  MIN_SHAPE,
} from './expected-purchases.js';
import { logBeta, logGamma } from './special-functions.js';

/**
 * Parameters of the BG/NBD model of repeat buying (Fader, Hardie & Lee 2005).
 * While alive, a customer buys at rate λ per time unit, λ ~ Gamma(r, α)
 * across customers (r unitless, α in the time unit of the data, e.g. weeks);
 * after each purchase they drop out with probability p, p ~ Beta(a, b)
 * (unitless). All four are positive. Other fields (a fit's `logLikelihood`,
 * …) are ignored.
 *
 * @example
 * ```ts
 * import { BgNbdParameters } from 'successkit/forecast';
 *
 * BgNbdParameters.parse({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }).alpha; // => 4.414
 * ```
 */
export const BgNbdParameters = z.object({
  r: PositiveNumber,
  alpha: PositiveNumber,
  a: PositiveNumber,
  b: PositiveNumber,
});

/**
 * BG/NBD parameters; see the {@link BgNbdParameters} schema.
 *
 * @example
 * ```ts
 * import type { BgNbdParameters } from 'successkit/forecast';
 *
 * const cdnow: BgNbdParameters = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
 * ```
 */
export type BgNbdParameters = z.infer<typeof BgNbdParameters>;

/**
 * Adds the checks every purchase history needs to a schema with `x`, `tx`
 * and `T`: the last purchase is no later than the customer's age, and a
 * customer without repeat purchases has `tx` 0.
 *
 * @internal
 */
export function purchaseTimesInOrder<Schema extends z.ZodMiniType<{ x: number; tx: number; T: number }>>(
  schema: Schema,
): Schema {
  return schema
    .check(
      z.refine((customer) => customer.tx <= customer.T, {
        ...onceFieldsAreValid,
        path: ['tx'],
        error: 'expected tx (time of the last purchase) <= T (age)',
      }),
    )
    .check(
      z.refine((customer) => customer.x > 0 || customer.tx === 0, {
        ...onceFieldsAreValid,
        path: ['tx'],
        error: 'expected tx = 0 for a customer with no repeat purchase (x = 0)',
      }),
    );
}

/**
 * One customer's purchase history in a calibration period, as the BG/NBD
 * model reads it: `x` repeat purchases (after the first), the time `tx` of
 * the last one and the customer's age `T`, both measured from the first
 * purchase in the model's time unit. `tx` is 0 when `x` is 0 and never
 * exceeds `T`. Other fields (`customerId`, `meanSpend`) are ignored, so the
 * rows of {@link summarizeTransactions} can be passed as they are.
 *
 * @example
 * ```ts
 * import { BgNbdCustomer } from 'successkit/forecast';
 *
 * BgNbdCustomer.parse({ x: 2, tx: 30.43, T: 38.86 }); // => { x: 2, tx: 30.43, T: 38.86 }
 * BgNbdCustomer.safeParse({ x: 2, tx: 40, T: 38.86 }).success; // => false
 * ```
 */
export const BgNbdCustomer = purchaseTimesInOrder(z.object({ x: Count, tx: NonNegativeNumber, T: NonNegativeNumber }));

/**
 * A customer's calibration history; see the {@link BgNbdCustomer} schema.
 *
 * @example
 * ```ts
 * import type { BgNbdCustomer } from 'successkit/forecast';
 *
 * const customer: BgNbdCustomer = { x: 2, tx: 30.43, T: 38.86 };
 * ```
 */
export type BgNbdCustomer = z.infer<typeof BgNbdCustomer>;

/** True when `value` passes the {@link BgNbdParameters} schema. @internal */
export function isBgNbdParameters(value: unknown): value is BgNbdParameters {
  return (
    isRecord(value) && isPositive(value.r) && isPositive(value.alpha) && isPositive(value.a) && isPositive(value.b)
  );
}

/** True when `value` passes the {@link BgNbdCustomer} schema. @internal */
export function isBgNbdCustomer(value: unknown): value is BgNbdCustomer {
  if (!isRecord(value)) return false;
  const { x, tx, T } = value;
  return isCount(x) && isNonNegative(tx) && isNonNegative(T) && tx <= T && (x > 0 || tx === 0);
}

/** Validated BG/NBD parameters. @internal */
export function bgNbdParametersOf(params: unknown, path: readonly (string | number)[]): BgNbdParameters {
  return checked(BgNbdParameters, params, isBgNbdParameters, path);
}

/** A validated customer. */
function bgNbdCustomerOf(customer: unknown, path: readonly (string | number)[]): BgNbdCustomer {
  return checked(BgNbdCustomer, customer, isBgNbdCustomer, path);
}

/**
 * Fails with `invalid_input` naming the parameter unless r and a lie between 0.001 and 100 and b
 * between 0.001 and 1,000, where the expectations are accurate. @internal
 */
export function requireForecastRange(params: BgNbdParameters, path: readonly PathSegment[]): void {
  const { r, a, b } = params;
  // Plain comparisons first: this runs once per customer scored.
  if (r >= MIN_SHAPE && r <= MAX_SHAPE.r && a >= MIN_SHAPE && a <= MAX_SHAPE.a && b >= MIN_SHAPE && b <= MAX_SHAPE.b) {
    return;
  }
  for (const name of ['r', 'a', 'b'] as const) {
    const value = params[name];
    if (value < MIN_SHAPE || value > MAX_SHAPE[name]) {
      fail(
        'invalid_input',
        [...path, name],
        `expected ${name} between ${String(MIN_SHAPE)} and ${String(MAX_SHAPE[name])} for a forecast, got ${String(value)}`,
      );
    }
  }
}

/** Fails with `invalid_input` at `path` unless `t` is at most 1e8 × `scale` (α, or α + T for a customer). @internal */
export function requireForecastTime(t: number, scale: number, path: readonly PathSegment[], what = 't'): void {
  if (t > MAX_SCALED_TIME * scale) {
    fail(
      'invalid_input',
      path,
      `expected ${what} at most ${String(MAX_SCALED_TIME)} × ${String(scale)}, got ${String(t)}`,
    );
  }
}

/** Fails with `invalid_input` at `path` unless a customer's x is at most 10,000. @internal */
export function requireForecastPurchases(x: number, path: readonly PathSegment[]): void {
  if (x > MAX_REPEAT_PURCHASES) {
    fail(
      'invalid_input',
      path,
      `expected at most ${String(MAX_REPEAT_PURCHASES)} repeat purchases for a forecast, got ${String(x)}`,
    );
  }
}

function timeOf(value: unknown, path: readonly (string | number)[]): number {
  return checked(NonNegativeNumber, value, isNonNegative, path);
}

const RELATIVE_TOLERANCE = 1e-17;
const MAX_TERMS = 10_000_000;

/** P(alive | x, tx, T) for validated input, FHL 2005 eq. 13. @internal */
export function probabilityAlive(
  r: number,
  alpha: number,
  a: number,
  b: number,
  x: number,
  tx: number,
  T: number,
): number {
  if (x === 0) return 1;
  // ln a − ln(b + x − 1) and ln(1 + (T − tx)/(α + tx)): no ratio of two overflowing sums, and b below
  // 1e-16 is not lost to b + 1 − 1.
  const logOdds = Math.log(a) - Math.log(b + (x - 1)) + (r + x) * Math.log1p((T - tx) / (alpha + tx));
  return 1 / (1 + Math.exp(logOdds));
}

/**
 * The expected number of repeat purchases of a newly acquired customer in
 * their first `t` time units, E[X(t)] (Fader, Hardie & Lee 2005, eq. 9).
 * Multiply by a cohort's size for its expected repeat purchases.
 *
 * @param params - the model's r, α, a, b
 * @param t - the length of the period, in the data's time unit (≥ 0)
 * @returns expected repeat purchases, ≥ 0
 * @throws {@link core!SuccessKitError} `invalid_input` for bad parameters or a negative `t`, and
 *   naming the bound for r or a outside 0.001–100, b outside 0.001–1,000 or t above 1e8 × α, where
 *   eq. 9 can no longer be evaluated accurately
 *
 * @example
 * ```ts
 * import { bgNbdExpectedPurchases } from 'successkit/forecast';
 *
 * const cdnow = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
 * bgNbdExpectedPurchases(cdnow, 78).toFixed(4); // => '1.8605'
 * bgNbdExpectedPurchases(cdnow, -1); // throws invalid_input
 * ```
 */
export function bgNbdExpectedPurchases(params: BgNbdParameters, t: number): number {
  const parameters = bgNbdParametersOf(params, ['params']);
  requireForecastRange(parameters, ['params']);
  const { r, alpha, a, b } = parameters;
  const time = timeOf(t, ['t']);
  requireForecastTime(time, alpha, ['t'], 't (in units of alpha)');
  return expectedPurchasesFromStart(r, alpha, a, b, time);
}

/**
 * The probability that a customer with history (x, tx, T) is still alive at
 * T (Fader, Hardie & Lee 2005, eq. 13):
 * 1 / (1 + [a / (b + x − 1)] [(α + T)/(α + tx)]^(r + x)) for x > 0, and 1 for
 * x = 0 (in the BG/NBD a customer can only drop out right after a purchase).
 * A frequent buyer who has gone quiet for long scores low; a customer who
 * bought recently scores high.
 *
 * @param params - the model's r, α, a, b
 * @param customer - the customer's x, tx and T; see {@link BgNbdCustomer}
 * @returns the probability, between 0 and 1
 * @throws {@link core!SuccessKitError} `invalid_input` for bad parameters or history
 *
 * @example
 * ```ts
 * import { bgNbdProbabilityAlive } from 'successkit/forecast';
 *
 * const cdnow = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
 * bgNbdProbabilityAlive(cdnow, { x: 2, tx: 30.43, T: 38.86 }).toFixed(3); // => '0.727'
 * bgNbdProbabilityAlive(cdnow, { x: 0, tx: 0, T: 38.86 }); // => 1
 * ```
 */
export function bgNbdProbabilityAlive(params: BgNbdParameters, customer: BgNbdCustomer): number {
  const { r, alpha, a, b } = bgNbdParametersOf(params, ['params']);
  const { x, tx, T } = bgNbdCustomerOf(customer, ['customer']);
  return probabilityAlive(r, alpha, a, b, x, tx, T);
}

/**
 * Input of {@link bgNbdConditionalExpectedPurchases}: the customer's
 * history and the length `t` of the period to forecast (≥ 0, the data's time
 * unit), starting at the end of the calibration period. Both are required.
 *
 * @example
 * ```ts
 * import { BgNbdForecastInput } from 'successkit/forecast';
 *
 * BgNbdForecastInput.parse({ customer: { x: 2, tx: 30.43, T: 38.86 }, t: 39 }).t; // => 39
 * ```
 */
export const BgNbdForecastInput = z.strictObject({ customer: BgNbdCustomer, t: NonNegativeNumber });

/**
 * Input of a customer forecast; see the {@link BgNbdForecastInput} schema.
 *
 * @example
 * ```ts
 * import type { BgNbdForecastInput } from 'successkit/forecast';
 *
 * const next39Weeks: BgNbdForecastInput = { customer: { x: 2, tx: 30.43, T: 38.86 }, t: 39 };
 * ```
 */
export type BgNbdForecastInput = z.infer<typeof BgNbdForecastInput>;

function isForecastInput(value: unknown): value is BgNbdForecastInput {
  return isRecord(value) && hasKeyCount(value, 2) && isBgNbdCustomer(value.customer) && isNonNegative(value.t);
}

/** P(alive) × E[X(t)] under the customer's posterior (r + x, α + T, a, b + x); validated input. @internal */
export function conditionalExpectedPurchases(params: BgNbdParameters, customer: BgNbdCustomer, t: number): number {
  const { r, alpha, a, b } = params;
  const { x, tx, T } = customer;
  const alive = probabilityAlive(r, alpha, a, b, x, tx, T);
  return alive * expectedPurchasesFromStart(r + x, alpha + T, a, b + x, t);
}

/**
 * The expected number of purchases a customer with history (x, tx, T) makes
 * in the next `t` time units (Fader, Hardie & Lee 2005, eq. 10): the
 * probability they are alive times the purchases an alive customer with
 * their updated rate and dropout makes. This is the number to rank customers
 * by for the coming quarter.
 *
 * @param params - the model's r, α, a, b
 * @param input - the customer and the forecast length; see {@link BgNbdForecastInput}
 * @returns expected purchases in (T, T + t], ≥ 0
 * @throws {@link core!SuccessKitError} `invalid_input` for bad parameters, history or `t`, and
 *   naming the bound for r or a outside 0.001–100, b outside 0.001–1,000, x above 10,000 or t above
 *   1e8 × (α + T)
 *
 * @example
 * ```ts
 * import { bgNbdConditionalExpectedPurchases } from 'successkit/forecast';
 *
 * const cdnow = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
 * const customer = { x: 2, tx: 30.43, T: 38.86 };
 * bgNbdConditionalExpectedPurchases(cdnow, { customer, t: 39 }).toFixed(3); // => '1.226'
 * ```
 */
export function bgNbdConditionalExpectedPurchases(params: BgNbdParameters, input: BgNbdForecastInput): number {
  const parameters = bgNbdParametersOf(params, ['params']);
  requireForecastRange(parameters, ['params']);
  const { customer, t } = checked(BgNbdForecastInput, input, isForecastInput, ['input']);
  requireForecastPurchases(customer.x, ['input', 'customer', 'x']);
  requireForecastTime(t, parameters.alpha + customer.T, ['input', 't'], 't (in units of alpha + T)');
  return conditionalExpectedPurchases(parameters, customer, t);
}

/**
 * Input of {@link bgNbdProbabilityOfPurchases}: the number of `purchases`
 * (a whole number ≥ 0) and the period length `t` (≥ 0, the data's time unit),
 * both required.
 *
 * @example
 * ```ts
 * import { BgNbdPurchaseCountInput } from 'successkit/forecast';
 *
 * BgNbdPurchaseCountInput.parse({ purchases: 2, t: 52 }); // => { purchases: 2, t: 52 }
 * ```
 */
export const BgNbdPurchaseCountInput = z.strictObject({ purchases: Count, t: NonNegativeNumber });

/**
 * Input of a purchase-count probability; see the {@link BgNbdPurchaseCountInput} schema.
 *
 * @example
 * ```ts
 * import type { BgNbdPurchaseCountInput } from 'successkit/forecast';
 *
 * const twoInAYear: BgNbdPurchaseCountInput = { purchases: 2, t: 52 };
 * ```
 */
export type BgNbdPurchaseCountInput = z.infer<typeof BgNbdPurchaseCountInput>;

/**
 * ln of the negative binomial probabilities P(N = j) = Γ(r+j)/(Γ(r) j!) (1−p)^r p^j
 * of the purchase count of an alive customer, with p = t/(α+t); `logRemaining` = ln(1 − p).
 */
function logNegativeBinomial(r: number, j: number, logRemaining: number, logP: number): number {
  return logGamma(r + j) - logGamma(r) - logGamma(j + 1) + r * logRemaining + (j === 0 ? 0 : j * logP);
}

/**
 * P(N ≥ x) for the negative binomial above, for x ≥ 1. Below its mean r p / (1 − p) it is 1 minus the
 * sum of P(N = j) for j < x, when that sum is at most ½; otherwise the upper tail is summed directly, so no
 * digits cancel and a tail far beyond the mean is not lost to an underflowing P(N = x − 1).
 */
function negativeBinomialTail(r: number, x: number, logRemaining: number, logP: number, p: number): number {
  if (x <= (r * p) / (1 - p)) {
    let below = 0;
    let term = Math.exp(logNegativeBinomial(r, x - 1, logRemaining, logP));
    for (let j = x - 1; j >= 0 && term > 0; j--) {
      below += term;
      if (term <= RELATIVE_TOLERANCE * below) break;
      // P(N = j − 1) = P(N = j) j / ((r + j − 1) p)
      term *= j / ((r + j - 1) * p);
    }
    if (below <= 0.5) return 1 - below;
  }
  let above = 0;
  let term = Math.exp(logNegativeBinomial(r, x, logRemaining, logP));
  for (let j = x; j < x + MAX_TERMS && term > 0; j++) {
    above += term;
    const ratio = ((r + j) / (j + 1)) * p;
    term *= ratio;
    if (ratio < 1 && (term * ratio) / (1 - ratio) <= RELATIVE_TOLERANCE * above) break;
  }
  return above;
}

/**
 * The probability that a newly acquired customer makes exactly `purchases`
 * repeat purchases in their first `t` time units (Fader, Hardie & Lee 2005,
 * eq. 8): a mix of "still alive at t after that many purchases" and "dropped
 * out right after the last of them". Summed over every count it gives 1;
 * compare it with the observed histogram of repeat purchases to check a fit.
 *
 * @param params - the model's r, α, a, b
 * @param input - the count and the period length; see {@link BgNbdPurchaseCountInput}
 * @returns the probability, between 0 and 1
 * @throws {@link core!SuccessKitError} `invalid_input` for bad parameters or input, and naming the
 *   bound for r or a outside 0.001–100, b outside 0.001–1,000, more than 10,000 purchases or t above 1e8 × α
 *
 * @example
 * ```ts
 * import { bgNbdProbabilityOfPurchases } from 'successkit/forecast';
 *
 * const cdnow = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
 * (2357 * bgNbdProbabilityOfPurchases(cdnow, { purchases: 0, t: 39 })).toFixed(0); // => '1352'
 * ```
 */
export function bgNbdProbabilityOfPurchases(params: BgNbdParameters, input: BgNbdPurchaseCountInput): number {
  const parameters = bgNbdParametersOf(params, ['params']);
  requireForecastRange(parameters, ['params']);
  const { r, alpha, a, b } = parameters;
  const { purchases: x, t } = checked(BgNbdPurchaseCountInput, input, isPurchaseCountInput, ['input']);
  requireForecastPurchases(x, ['input', 'purchases']);
  requireForecastTime(t, alpha, ['input', 't'], 't (in units of alpha)');
  if (t === 0) return x === 0 ? 1 : 0;
  const logRemaining = -Math.log1p(t / alpha);
  const logP = -Math.log1p(alpha / t);
  const alive = Math.exp(logBeta(a, b + x) - logBeta(a, b) + logNegativeBinomial(r, x, logRemaining, logP));
  if (x === 0) return alive;
  const droppedOut = Math.exp(logBeta(a + 1, b + x - 1) - logBeta(a, b));
  return alive + droppedOut * negativeBinomialTail(r, x, logRemaining, logP, t / (alpha + t));
}

function isPurchaseCountInput(value: unknown): value is BgNbdPurchaseCountInput {
  return isRecord(value) && hasKeyCount(value, 2) && isCount(value.purchases) && isNonNegative(value.t);
}
