import { describeValue, fail, type PathSegment } from '../core/internal.js';
import { checkAmount } from './money.js';
import { checkObject } from './object-checks.js';

/** `value` when finite, else `null`. */
function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

function checkShare(value: unknown, path: readonly PathSegment[]): asserts value is number {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
    fail('invalid_input', path, `expected a share from 0 to 1, got ${describeValue(value)}`);
  }
}

/**
 * What {@link simpleLifetimeValue} takes. Use one period throughout: monthly
 * ARPA with a monthly churn rate gives a lifetime in months.
 *
 * @example
 * ```ts
 * import type { LifetimeValueInput } from 'successkit/metrics';
 *
 * const smb: LifetimeValueInput = { arpa: 500, grossMargin: 0.8, churnRate: 0.02 };
 * ```
 */
export interface LifetimeValueInput {
  /** Average recurring revenue per account per period, major units. */
  readonly arpa: number;
  /** Gross margin on that revenue, 0–1. */
  readonly grossMargin: number;
  /** Share of accounts lost per period, 0–1. */
  readonly churnRate: number;
}

/**
 * A customer's lifetime value under constant churn, with the parts it is
 * made of.
 *
 * @example
 * ```ts
 * import { simpleLifetimeValue, type LifetimeValue } from 'successkit/metrics';
 *
 * const value: LifetimeValue = simpleLifetimeValue({ arpa: 100, grossMargin: 0.5, churnRate: 0.1 });
 * value.value; // => 500
 * ```
 */
export interface LifetimeValue {
  /** Lifetime gross margin per account, major units; `null` when churn is 0 or the value passes the largest number (see `nullReason`). */
  readonly value: number | null;
  /** Expected lifetime, 1 ÷ churn rate, in periods; `null` when churn is 0 or it passes the largest number. */
  readonly expectedLifetime: number | null;
  /** Why `value` is `null`: `'no_churn'` (churn 0, no finite lifetime) or `'too_large'` (above about 1.8 × 10³⁰⁸); `null` when there is a value. */
  readonly nullReason: 'no_churn' | 'too_large' | null;
  /** Gross margin per account per period, ARPA × gross margin, major units. */
  readonly marginPerPeriod: number;
}

/**
 * The simple customer lifetime value: ARPA × gross margin ÷ churn rate, the
 * margin a customer brings over an expected lifetime of 1 ÷ churn periods
 * (D. Skok, "SaaS Metrics 2.0 – A Guide to Measuring and Improving What
 * Matters", forEntrepreneurs.com). It assumes churn stays constant and
 * ignores expansion and discounting; the `forecast` module fits retention
 * curves and discounts when that matters. A value or lifetime beyond the
 * largest double (about 1.8 × 10³⁰⁸, from a churn rate near 0) is `null`
 * with `nullReason: 'too_large'`, never Infinity.
 *
 * @param input - ARPA, gross margin and churn rate for one period; see {@link LifetimeValueInput}
 * @returns the value and its parts; see {@link LifetimeValue}
 * @throws {@link core!SuccessKitError} `invalid_input` for a negative ARPA, or a gross margin or churn rate outside 0–1
 *
 * @example
 * ```ts
 * import { simpleLifetimeValue } from 'successkit/metrics';
 *
 * simpleLifetimeValue({ arpa: 500, grossMargin: 0.8, churnRate: 0.02 }); // => { value: 20000, expectedLifetime: 50, marginPerPeriod: 400, nullReason: null }
 * simpleLifetimeValue({ arpa: 500, grossMargin: 0.8, churnRate: 0 }).value; // => null
 * simpleLifetimeValue({ arpa: 1e308, grossMargin: 1, churnRate: 0.01 }).nullReason; // => 'too_large'
 * ```
 */
export function simpleLifetimeValue(input: LifetimeValueInput): LifetimeValue {
  checkObject(input, []);
  checkAmount(input.arpa, ['arpa']);
  checkShare(input.grossMargin, ['grossMargin']);
  checkShare(input.churnRate, ['churnRate']);
  const marginPerPeriod = input.arpa * input.grossMargin;
  if (input.churnRate === 0) return { value: null, expectedLifetime: null, marginPerPeriod, nullReason: 'no_churn' };
  const value = productPer(input.arpa, input.grossMargin, input.churnRate);
  const expectedLifetime = finiteOrNull(1 / input.churnRate);
  if (!Number.isFinite(value)) return { value: null, expectedLifetime, marginPerPeriod, nullReason: 'too_large' };
  return { value, expectedLifetime, marginPerPeriod, nullReason: null };
}

/**
 * What {@link paybackMonths} takes.
 *
 * @example
 * ```ts
 * import type { PaybackInput } from 'successkit/metrics';
 *
 * const midMarket: PaybackInput = { cac: 12_000, arpa: 1_000, grossMargin: 0.75 };
 * ```
 */
export interface PaybackInput {
  /** Cost to acquire one customer, major units. */
  readonly cac: number;
  /** Average recurring revenue per account per month, major units. */
  readonly arpa: number;
  /** Gross margin on that revenue, 0–1. */
  readonly grossMargin: number;
}

/**
 * The time to earn back the cost of acquiring a customer.
 *
 * @example
 * ```ts
 * import { paybackMonths, type Payback } from 'successkit/metrics';
 *
 * const payback: Payback = paybackMonths({ cac: 1_000, arpa: 100, grossMargin: 0.5 });
 * payback.months; // => 20
 * ```
 */
export interface Payback {
  /** CAC ÷ monthly gross margin per account, in months; `null` when the margin is 0 (never paid back) or the months pass the largest number. */
  readonly months: number | null;
  /** Why `months` is `null`: `'no_margin'` (ARPA or gross margin 0) or `'too_large'` (above about 1.8 × 10³⁰⁸); `null` when there are months. */
  readonly nullReason: 'no_margin' | 'too_large' | null;
  /** Gross margin per account per month, ARPA × gross margin, major units. */
  readonly marginPerMonth: number;
}

/**
 * CAC payback: the months of gross margin it takes to earn back what it cost
 * to acquire a customer, CAC ÷ (ARPA × gross margin) (D. Skok, "SaaS Metrics
 * 2.0", forEntrepreneurs.com: aim for under 12 months). Months beyond the
 * largest double are `null` with `nullReason: 'too_large'`, never Infinity.
 *
 * @param input - CAC, monthly ARPA and gross margin; see {@link PaybackInput}
 * @returns the months and the margin behind them; see {@link Payback}
 * @throws {@link core!SuccessKitError} `invalid_input` for a negative CAC or ARPA, or a gross margin outside 0–1
 *
 * @example
 * ```ts
 * import { paybackMonths } from 'successkit/metrics';
 *
 * paybackMonths({ cac: 12_000, arpa: 1_000, grossMargin: 0.75 }); // => { months: 16, marginPerMonth: 750, nullReason: null }
 * paybackMonths({ cac: 12_000, arpa: 0, grossMargin: 0.75 }).months; // => null
 * ```
 */
export function paybackMonths(input: PaybackInput): Payback {
  checkObject(input, []);
  checkAmount(input.cac, ['cac']);
  checkAmount(input.arpa, ['arpa']);
  checkShare(input.grossMargin, ['grossMargin']);
  const marginPerMonth = input.arpa * input.grossMargin;
  if (input.arpa === 0 || input.grossMargin === 0) return { months: null, marginPerMonth, nullReason: 'no_margin' };
  const months = perProduct(input.cac, input.arpa, input.grossMargin);
  return Number.isFinite(months)
    ? { months, marginPerMonth, nullReason: null }
    : { months: null, marginPerMonth, nullReason: 'too_large' };
}

/** x × y ÷ c for x, y ≥ 0 and c > 0, without a spurious underflow of x × y: Infinity only when the result overflows. */
function productPer(x: number, y: number, c: number): number {
  const direct = (x * y) / c;
  return Number.isFinite(direct) && (direct > 0 || x === 0 || y === 0) ? direct : (x / c) * y;
}

/** a ÷ (x × y) for a ≥ 0 and x, y > 0, without a spurious overflow or underflow of x × y. */
function perProduct(a: number, x: number, y: number): number {
  const direct = a / (x * y);
  return Number.isFinite(direct) && (direct > 0 || a === 0) ? direct : a / x / y;
}
