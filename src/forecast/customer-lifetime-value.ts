import * as z from 'zod/mini';
import {
  BgNbdParameters,
  isBgNbdParameters,
  probabilityAlive,
  requireForecastPurchases,
  requireForecastRange,
  requireForecastTime,
} from './bg-nbd.js';
import { expectedPurchasesFromStart } from './expected-purchases.js';
import { CustomerHistory, isCustomerHistory } from './customer-history.js';
import { expectedSpend, GammaGammaParameters, isGammaGammaParameters } from './gamma-gamma.js';
import {
  checked,
  hasOnlyKeys,
  isCount,
  isNonNegative,
  isPositive,
  isRecord,
  NonNegativeNumber,
  PositiveNumber,
} from '../core/internal.js';

/** The longest horizon, in discount periods: each period costs one BG/NBD expectation per customer. */
const MAX_HORIZON = 10_000;

/**
 * Input of {@link customerLifetimeValue}:
 *
 * | field | meaning |
 * |---|---|
 * | `bgNbd`, `gammaGamma` | fitted (or published) model parameters |
 * | `customer` | the customer's x, tx, T and meanSpend; see {@link CustomerHistory} |
 * | `horizon` | number of discount periods to value (whole, 1–10,000), e.g. 36 months |
 * | `periodLength` | length of one discount period in the models' time unit; default 1 (e.g. 52 / 12 for monthly periods with weekly data) |
 * | `discountRate` | discount rate per period, ≥ 0 (e.g. 0.01 a month) |
 * | `margin` | share of spend kept as profit, 0–1; default 1 (value = revenue) |
 *
 * @example
 * ```ts
 * import { CustomerLifetimeValueInput } from 'successkit/forecast';
 *
 * CustomerLifetimeValueInput.parse({
 *   bgNbd: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
 *   gammaGamma: { p: 6.25, q: 3.74, gamma: 15.44 },
 *   customer: { x: 2, tx: 30.43, T: 38.86, meanSpend: 22.35 },
 *   horizon: 12,
 *   periodLength: 52 / 12,
 *   discountRate: 0.01,
 *   margin: 0.3,
 * }).horizon; // => 12
 * ```
 */
export const CustomerLifetimeValueInput = z.strictObject({
  bgNbd: BgNbdParameters,
  gammaGamma: GammaGammaParameters,
  customer: CustomerHistory,
  horizon: z.int().check(z.positive(), z.maximum(MAX_HORIZON)),
  periodLength: z.optional(PositiveNumber),
  discountRate: NonNegativeNumber,
  margin: z.optional(z.number().check(z.minimum(0), z.maximum(1))),
});

/**
 * Input of a CLV computation; see the {@link CustomerLifetimeValueInput} schema.
 *
 * @example
 * ```ts
 * import type { CustomerLifetimeValueInput } from 'successkit/forecast';
 *
 * const input: CustomerLifetimeValueInput = {
 *   bgNbd: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
 *   gammaGamma: { p: 6.25, q: 3.74, gamma: 15.44 },
 *   customer: { x: 0, tx: 0, T: 38.86, meanSpend: null },
 *   horizon: 12,
 *   discountRate: 0.01,
 * };
 * ```
 */
export type CustomerLifetimeValueInput = z.infer<typeof CustomerLifetimeValueInput>;

/**
 * A customer's discounted lifetime value and the numbers it is made of:
 * `value` = `margin` × `expectedSpend` × `discountedPurchases`.
 *
 * @example
 * ```ts
 * import type { CustomerLifetimeValue } from 'successkit/forecast';
 *
 * const clv: CustomerLifetimeValue = {
 *   value: 12.5,
 *   expectedSpend: 24.4,
 *   expectedPurchases: 0.56,
 *   discountedPurchases: 0.51,
 *   probabilityAlive: 0.73,
 * };
 * ```
 */
export interface CustomerLifetimeValue {
  /** Discounted value over the horizon, in the spend's currency (× margin); `null` when the expected spend is infinite or the value too large for a number. */
  readonly value: number | null;
  /** Expected spend per future purchase (Gamma-Gamma), in the spend's currency; `null` when infinite. */
  readonly expectedSpend: number | null;
  /** Expected purchases over the whole horizon (BG/NBD), undiscounted. */
  readonly expectedPurchases: number;
  /** The same purchases, each period's discounted to today. */
  readonly discountedPurchases: number;
  /** Probability that the customer is still alive now (BG/NBD). */
  readonly probabilityAlive: number;
}

const inputKeys: ReadonlySet<string> = new Set(Object.keys(CustomerLifetimeValueInput.shape));

function isInput(value: unknown): value is CustomerLifetimeValueInput {
  if (!isRecord(value) || !hasOnlyKeys(value, inputKeys)) return false;
  const { horizon, periodLength, discountRate, margin } = value;
  return (
    isBgNbdParameters(value.bgNbd) &&
    isGammaGammaParameters(value.gammaGamma) &&
    isCustomerHistory(value.customer) &&
    isCount(horizon) &&
    horizon >= 1 &&
    horizon <= MAX_HORIZON &&
    (periodLength === undefined || isPositive(periodLength)) &&
    isNonNegative(discountRate) &&
    (margin === undefined || (isNonNegative(margin) && margin <= 1))
  );
}

/**
 * A customer's discounted lifetime value over a horizon, from the BG/NBD
 * model (how many purchases) and the Gamma-Gamma model (how much each is
 * worth), the approach of Fader, Hardie & Lee (2005) and of Python's
 * `lifetimes`. Time is cut into `horizon` periods of `periodLength`; the
 * purchases expected in period i, E[X(i L)] − E[X((i−1) L)] given the
 * customer's history, are discounted by (1 + d)^i, as if made at the period's
 * end. This discrete approximation slightly understates value (by at most one
 * period's discount); shorter periods make it finer.
 *
 * @param input - models, customer, horizon, discounting and margin; see {@link CustomerLifetimeValueInput}
 * @returns the value and its parts, all finite; see {@link CustomerLifetimeValue}
 * @throws {@link core!SuccessKitError} `invalid_input` naming the bad field, including the bounds
 *   of a BG/NBD forecast (r and a 0.001–100, b 0.001–1,000, x ≤ 10,000, horizon × periodLength ≤
 *   1e8 × (α + T))
 *
 * @example
 * ```ts
 * import { customerLifetimeValue } from 'successkit/forecast';
 *
 * const clv = customerLifetimeValue({
 *   bgNbd: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
 *   gammaGamma: { p: 6.25, q: 3.74, gamma: 15.44 },
 *   customer: { x: 2, tx: 30.43, T: 38.86, meanSpend: 22.35 },
 *   horizon: 12,
 *   periodLength: 52 / 12,
 *   discountRate: 0.01,
 * });
 * clv.value?.toFixed(2); // => '36.21'
 * ```
 */
export function customerLifetimeValue(input: CustomerLifetimeValueInput): CustomerLifetimeValue {
  const {
    bgNbd,
    gammaGamma,
    customer,
    horizon,
    periodLength = 1,
    discountRate,
    margin = 1,
  } = checked(CustomerLifetimeValueInput, input, isInput, []);
  requireForecastRange(bgNbd, ['bgNbd']);
  requireForecastPurchases(customer.x, ['customer', 'x']);
  requireForecastTime(horizon * periodLength, bgNbd.alpha + customer.T, ['periodLength'], 'horizon × periodLength');
  const spend = expectedSpend(gammaGamma, customer.x, customer.meanSpend);
  const { r, alpha, a, b } = bgNbd;
  const { x, tx, T } = customer;
  // E[X(t) | x, tₓ, T] = P(alive) × E[X(t)] of an alive customer with updated parameters (eq. 10).
  const alive = probabilityAlive(r, alpha, a, b, x, tx, T);
  let cumulative = 0;
  let discountedPurchases = 0;
  for (let period = 1; period <= horizon; period++) {
    const next = alive * expectedPurchasesFromStart(r + x, alpha + T, a, b + x, period * periodLength);
    discountedPurchases += (next - cumulative) / Math.pow(1 + discountRate, period);
    cumulative = next;
  }
  const value = spend === null ? null : margin * spend * discountedPurchases;
  return {
    value: value !== null && value < Infinity ? value : null,
    expectedSpend: spend,
    expectedPurchases: cumulative,
    discountedPurchases,
    probabilityAlive: alive,
  };
}
