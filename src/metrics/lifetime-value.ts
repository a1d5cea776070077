import { describeValue, fail, type PathSegment } from '../core/internal.js';
import { checkAmount } from './money.js';
import { checkObject } from './score-checks.js';

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
  /** Lifetime gross margin per account, major units; `null` when churn is 0 (no finite lifetime). */
  readonly value: number | null;
  /** Expected lifetime, 1 ÷ churn rate, in periods; `null` when churn is 0. */
  readonly expectedLifetime: number | null;
  /** Gross margin per account per period, ARPA × gross margin, major units. */
  readonly marginPerPeriod: number;
}

/**
 * The simple customer lifetime value: ARPA × gross margin ÷ churn rate, the
 * margin a customer brings over an expected lifetime of 1 ÷ churn periods
 * (D. Skok, "SaaS Metrics 2.0 – A Guide to Measuring and Improving What
 * Matters", forEntrepreneurs.com). It assumes churn stays constant and
 * ignores expansion and discounting; the `forecast` module fits retention
 * curves and discounts when that matters.
 *
 * @param input - ARPA, gross margin and churn rate for one period; see {@link LifetimeValueInput}
 * @returns the value and its parts; see {@link LifetimeValue}
 * @throws {@link core!SuccessKitError} `invalid_input` for a negative ARPA, or a gross margin or churn rate outside 0–1
 *
 * @example
 * ```ts
 * import { simpleLifetimeValue } from 'successkit/metrics';
 *
 * simpleLifetimeValue({ arpa: 500, grossMargin: 0.8, churnRate: 0.02 }); // => { value: 20000, expectedLifetime: 50, marginPerPeriod: 400 }
 * simpleLifetimeValue({ arpa: 500, grossMargin: 0.8, churnRate: 0 }).value; // => null
 * ```
 */
export function simpleLifetimeValue(input: LifetimeValueInput): LifetimeValue {
  checkObject(input, []);
  checkAmount(input.arpa, ['arpa']);
  checkShare(input.grossMargin, ['grossMargin']);
  checkShare(input.churnRate, ['churnRate']);
  const marginPerPeriod = input.arpa * input.grossMargin;
  if (input.churnRate === 0) return { value: null, expectedLifetime: null, marginPerPeriod };
  return { value: marginPerPeriod / input.churnRate, expectedLifetime: 1 / input.churnRate, marginPerPeriod };
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
  /** CAC ÷ monthly gross margin per account, in months; `null` when the margin is 0 (never paid back). */
  readonly months: number | null;
  /** Gross margin per account per month, ARPA × gross margin, major units. */
  readonly marginPerMonth: number;
}

/**
 * CAC payback: the months of gross margin it takes to earn back what it cost
 * to acquire a customer, CAC ÷ (ARPA × gross margin) (D. Skok, "SaaS Metrics
 * 2.0", forEntrepreneurs.com: aim for under 12 months).
 *
 * @param input - CAC, monthly ARPA and gross margin; see {@link PaybackInput}
 * @returns the months and the margin behind them; see {@link Payback}
 * @throws {@link core!SuccessKitError} `invalid_input` for a negative CAC or ARPA, or a gross margin outside 0–1
 *
 * @example
 * ```ts
 * import { paybackMonths } from 'successkit/metrics';
 *
 * paybackMonths({ cac: 12_000, arpa: 1_000, grossMargin: 0.75 }); // => { months: 16, marginPerMonth: 750 }
 * paybackMonths({ cac: 12_000, arpa: 0, grossMargin: 0.75 }).months; // => null
 * ```
 */
export function paybackMonths(input: PaybackInput): Payback {
  checkObject(input, []);
  checkAmount(input.cac, ['cac']);
  checkAmount(input.arpa, ['arpa']);
  checkShare(input.grossMargin, ['grossMargin']);
  const marginPerMonth = input.arpa * input.grossMargin;
  return { months: marginPerMonth === 0 ? null : input.cac / marginPerMonth, marginPerMonth };
}
