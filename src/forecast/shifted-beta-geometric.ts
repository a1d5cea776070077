import * as z from 'zod/mini';
import { checked, Count, fail, hasKeyCount, isCount, isPositive, isRecord, PositiveNumber } from '../core/internal.js';
import { logRisingFactorial } from './special-functions.js';

/**
 * Parameters of the shifted-beta-geometric (sBG) model of contract renewal
 * (Fader & Hardie 2007): each customer churns at the end of a period with
 * their own probability θ, and θ varies across customers as Beta(α, β). Both
 * are positive and unitless. Mean churn is α / (α + β); small α and β mean
 * very unequal customers, which is why a cohort's retention rate rises as it
 * ages. Other fields (a fit's `logLikelihood`, …) are ignored.
 *
 * @example
 * ```ts
 * import { SbgParameters } from 'successkit/forecast';
 *
 * SbgParameters.parse({ alpha: 0.704, beta: 1.182 }); // => { alpha: 0.704, beta: 1.182 }
 * ```
 */
export const SbgParameters = z.object({ alpha: PositiveNumber, beta: PositiveNumber });

/**
 * sBG parameters; see the {@link SbgParameters} schema.
 *
 * @example
 * ```ts
 * import type { SbgParameters } from 'successkit/forecast';
 *
 * const highEnd: SbgParameters = { alpha: 0.668, beta: 3.806 };
 * ```
 */
export type SbgParameters = z.infer<typeof SbgParameters>;

function isSbgParameters(value: unknown): value is SbgParameters {
  return isRecord(value) && isPositive(value.alpha) && isPositive(value.beta);
}

/** Validated sBG parameters. */
function sbgParametersOf(params: unknown): SbgParameters {
  return checked(SbgParameters, params, isSbgParameters, ['params']);
}

function periodOf(value: unknown, name: string, minimum: number): number {
  const period = checked(Count, value, isCount, [name]);
  if (period < minimum)
    fail('invalid_input', [name], `expected a whole number >= ${String(minimum)}, got ${String(period)}`);
  return period;
}

/**
 * Survival up to this period is a running product, which keeps it exactly
 * non-increasing (a product with a factor ≤ 1 never rounds up) at a few
 * milliseconds for the longest; beyond, log-gamma ratios, whose rounding is as
 * large as one period's step when α is tiny.
 */
const PRODUCT_LIMIT = 1_000_001;

/** The smallest normal double: below it a product keeps fewer and fewer digits. */
const SMALLEST_NORMAL = 2 ** -1022;

/**
 * r(t) = (β + t − 1) / (α + β + t − 1) for validated input: t − 1 is added to β first, so a β below
 * 1e-16 is not lost to rounding (0/0), and a sum too large for a number is divided out instead.
 */
function renewalProbability(alpha: number, beta: number, period: number): number {
  const renewing = beta + (period - 1);
  const total = alpha + renewing;
  return total < Infinity ? renewing / total : 1 / (1 + alpha / renewing);
}

/**
 * ln S(t) = ln Γ(β + t) − ln Γ(β) − [ln Γ(α + β + t) − ln Γ(α + β)], each difference taken without
 * cancellation (see {@link logRisingFactorial}); when α + β overflows, t is negligible beside β and
 * ln S(t) = −t ln(1 + α/β).
 */
function logSurvival(alpha: number, beta: number, period: number): number {
  const total = alpha + beta;
  if (!(total < Infinity)) return -period * Math.log1p(alpha / beta);
  return Math.min(0, logRisingFactorial(beta, period) - logRisingFactorial(total, period));
}

/** S(t) = B(α, β + t) / B(α, β) for validated parameters, in [0, 1] and never increasing in t. */
function survival(alpha: number, beta: number, period: number): number {
  let surviving = 1;
  let t = 1;
  const last = Math.min(period, PRODUCT_LIMIT);
  for (; t <= last && surviving >= SMALLEST_NORMAL; t++) surviving *= renewalProbability(alpha, beta, t);
  if (t > period) return surviving;
  // Beyond the product (or once it would lose digits below the normal range), never above its
  // last value: rounding in the log-gamma ratios cannot make S rise.
  return Math.min(surviving, Math.exp(logSurvival(alpha, beta, period)));
}

/**
 * The retention rate of period `period` under the sBG model: the share of
 * customers active at the start of the period who renew at its end,
 * r(t) = (β + t − 1) / (α + β + t − 1) (Fader & Hardie 2007, eq. 8). It rises
 * with t: the customers most likely to churn leave first.
 *
 * @param params - the model's α and β
 * @param period - the period, 1 for the first contract period
 * @returns the retention rate, between 0 and 1
 * @throws {@link core!SuccessKitError} `invalid_input` for bad parameters or a period that is not a whole number ≥ 1
 *
 * @example
 * ```ts
 * import { sbgRetention } from 'successkit/forecast';
 *
 * const regular = { alpha: 0.704, beta: 1.182 };
 * sbgRetention(regular, 1).toFixed(3); // => '0.627'
 * sbgRetention(regular, 8).toFixed(3); // => '0.921'
 * sbgRetention(regular, 0); // throws invalid_input
 * ```
 */
export function sbgRetention(params: SbgParameters, period: number): number {
  const { alpha, beta } = sbgParametersOf(params);
  return renewalProbability(alpha, beta, periodOf(period, 'period', 1));
}

/**
 * The survival function of the sBG model: the share of a cohort still active
 * after `period` periods, S(t) = B(α, β + t) / B(α, β) (Fader & Hardie 2007,
 * eq. 7). Multiply by the cohort's size for the expected number of customers.
 *
 * @param params - the model's α and β
 * @param period - periods elapsed, 0 or more
 * @returns the expected share still active, between 0 and 1 (1 at period 0)
 * @throws {@link core!SuccessKitError} `invalid_input` for bad parameters or a period that is not a whole number ≥ 0
 *
 * @example
 * ```ts
 * import { sbgSurvival } from 'successkit/forecast';
 *
 * const highEnd = { alpha: 0.668, beta: 3.806 };
 * Math.round(1000 * sbgSurvival(highEnd, 12)); // => 378
 * ```
 */
export function sbgSurvival(params: SbgParameters, period: number): number {
  const { alpha, beta } = sbgParametersOf(params);
  return survival(alpha, beta, periodOf(period, 'period', 0));
}

/** The longest horizon {@link sbgExpectedLifetime} sums over, in periods. */
const MAX_HORIZON = 1_000_000;

/**
 * Options for {@link sbgExpectedLifetime}: `horizon` (whole periods, 1 to
 * 1,000,000) truncates the lifetime, giving E[min(T, horizon)].
 *
 * @example
 * ```ts
 * import { SbgLifetimeOptions } from 'successkit/forecast';
 *
 * SbgLifetimeOptions.parse({ horizon: 10 }); // => { horizon: 10 }
 * ```
 */
export const SbgLifetimeOptions = z.strictObject({
  horizon: z.optional(z.int().check(z.positive(), z.maximum(MAX_HORIZON))),
});

/**
 * Options for {@link sbgExpectedLifetime}; see the {@link SbgLifetimeOptions} schema.
 *
 * @example
 * ```ts
 * import type { SbgLifetimeOptions } from 'successkit/forecast';
 *
 * const fiveYears: SbgLifetimeOptions = { horizon: 5 };
 * ```
 */
export type SbgLifetimeOptions = z.infer<typeof SbgLifetimeOptions>;

/**
 * The expected number of periods a new customer pays for, counting the first:
 * E[T] = (α + β − 1) / (α − 1) when α > 1. When α ≤ 1 the most loyal
 * customers are so loyal that the mean is infinite; the function then
 * returns `null` unless a `horizon` caps the lifetime, in which case it
 * returns E[min(T, horizon)] = S(0) + S(1) + … + S(horizon − 1).
 *
 * @param params - the model's α and β
 * @param options - an optional `horizon` in periods; see {@link SbgLifetimeOptions}
 * @returns expected periods, or `null` when the mean is infinite (α ≤ 1, no horizon)
 * @throws {@link core!SuccessKitError} `invalid_input` for bad parameters or options
 *
 * @example
 * ```ts
 * import { sbgExpectedLifetime } from 'successkit/forecast';
 *
 * sbgExpectedLifetime({ alpha: 2, beta: 6 }); // => 7
 * sbgExpectedLifetime({ alpha: 0.704, beta: 1.182 }); // => null
 * sbgExpectedLifetime({ alpha: 0.704, beta: 1.182 }, { horizon: 12 })?.toFixed(2); // => '4.41'
 * ```
 */
export function sbgExpectedLifetime(params: SbgParameters, options: SbgLifetimeOptions = {}): number | null {
  const { alpha, beta } = sbgParametersOf(params);
  const { horizon } = checked(SbgLifetimeOptions, options, isLifetimeOptions, ['options']);
  if (horizon === undefined) return alpha > 1 ? meanLifetime(alpha, beta) : null;
  let expected = 0;
  let surviving = 1;
  for (let t = 1; t <= horizon; t++) {
    expected += surviving;
    surviving *= renewalProbability(alpha, beta, t);
  }
  return expected;
}

/** (α + β − 1)/(α − 1) for α > 1, or 1 + β/(α − 1) when α + β overflows; null when the mean itself does. */
function meanLifetime(alpha: number, beta: number): number | null {
  const mean = (alpha + beta - 1) / (alpha - 1);
  if (mean < Infinity) return mean;
  const shifted = 1 + beta / (alpha - 1);
  return shifted < Infinity ? shifted : null;
}

function isLifetimeOptions(value: unknown): value is SbgLifetimeOptions {
  if (!isRecord(value)) return false;
  if (hasKeyCount(value, 0)) return value.horizon === undefined;
  const { horizon } = value;
  return hasKeyCount(value, 1) && isCount(horizon) && horizon >= 1 && horizon <= MAX_HORIZON;
}

const DERL_TOLERANCE = 1e-16;

/** The smallest discount rate per period {@link sbgDerl} accepts. */
const MIN_DISCOUNT_RATE = 1e-5;

/**
 * Input of {@link sbgDerl}, both fields required: `discountRate` per period (at least 0.00001, e.g.
 * 0.1 for 10% a year with yearly contracts; below it a loyal customer's DERL,
 * up to (1 + d)/d periods, would take millions of terms and then overflow) and `periodsAlive`, the number of periods
 * the customer has been a customer, counting the current one: 1 in the first
 * period (no renewals yet), n after n − 1 renewals.
 *
 * @example
 * ```ts
 * import { SbgDerlInput } from 'successkit/forecast';
 *
 * SbgDerlInput.parse({ discountRate: 0.1, periodsAlive: 5 }); // => { discountRate: 0.1, periodsAlive: 5 }
 * ```
 */
export const SbgDerlInput = z.strictObject({
  discountRate: z
    .number()
    .check(z.minimum(MIN_DISCOUNT_RATE, `expected a discount rate of at least ${String(MIN_DISCOUNT_RATE)}`)),
  periodsAlive: Count.check(z.minimum(1)),
});

/**
 * Input of {@link sbgDerl}; see the {@link SbgDerlInput} schema.
 *
 * @example
 * ```ts
 * import type { SbgDerlInput } from 'successkit/forecast';
 *
 * const fourthYear: SbgDerlInput = { discountRate: 0.1, periodsAlive: 4 };
 * ```
 */
export type SbgDerlInput = z.infer<typeof SbgDerlInput>;

function isDerlInput(value: unknown): value is SbgDerlInput {
  if (!isRecord(value) || !hasKeyCount(value, 2)) return false;
  const { discountRate, periodsAlive } = value;
  return isPositive(discountRate) && discountRate >= MIN_DISCOUNT_RATE && isCount(periodsAlive) && periodsAlive >= 1;
}

/**
 * The discounted expected residual lifetime (DERL) of a customer at the end
 * of period n = `periodsAlive` (after n − 1 renewals), about to decide on the
 * next renewal: the expected number of further payments, each discounted to
 * today, the first (the upcoming renewal) undiscounted. Multiply by the
 * contract value per period for the customer's expected residual value
 * (Fader & Hardie 2010, eq. 6):
 *
 * DERL = B(α, β + n) / B(α, β + n − 1) × ₂F₁(1, β + n; α + β + n; 1 / (1 + d)),
 *
 * computed as the series that defines it, Σₖ₌₀ S(n + k)/S(n − 1) / (1 + d)ᵏ, whose terms are all
 * positive and shrink at least as fast as (1 + d)⁻ᵏ: it is never negative and never above
 * (1 + d)/d, even where ₂F₁ at 1/(1 + d) ≈ 1 loses every digit to cancellation.
 *
 * @param params - the model's α and β
 * @param input - discount rate per period and periods alive so far; see {@link SbgDerlInput}
 * @returns expected discounted payments still to come, in periods' worth of revenue
 * @throws {@link core!SuccessKitError} `invalid_input` for bad parameters or input, including a
 *   discount rate below 0.00001
 *
 * @example
 * ```ts
 * import { sbgDerl } from 'successkit/forecast';
 *
 * const highEnd = { alpha: 0.668, beta: 3.806 };
 * sbgDerl(highEnd, { discountRate: 0.1, periodsAlive: 1 }).toFixed(2); // => '5.41'
 * sbgDerl(highEnd, { discountRate: 0.1, periodsAlive: 8 }).toFixed(2); // => '7.53'
 * ```
 */
export function sbgDerl(params: SbgParameters, input: SbgDerlInput): number {
  const { alpha, beta } = sbgParametersOf(params);
  const { discountRate, periodsAlive: n } = checked(SbgDerlInput, input, isDerlInput, ['input']);
  return discountedRenewals(alpha, beta, n, 1 / (1 + discountRate));
}

/** Σₖ₌₀ r(n) r(n + 1) … r(n + k) qᵏ with q = 1/(1 + d), until the geometric bound on the rest is below 1e-16 of the sum. */
function discountedRenewals(alpha: number, beta: number, n: number, discount: number): number {
  const tailFactor = 1 / (1 - discount);
  let term = renewalProbability(alpha, beta, n);
  let total = 0;
  for (let k = 1; term * tailFactor > DERL_TOLERANCE * total; k++) {
    total += term;
    term *= renewalProbability(alpha, beta, n + k) * discount;
  }
  return total;
}
