import * as z from 'zod/mini';
import { parseWith } from '../core/internal.js';
import { annuityFactor, DiscountRate, formatMoney, formatShare, Money, Probability } from './money-terms.js';

/**
 * What {@link enhancementWorth} weighs: who asks for an enhancement, the
 * revenue they bring, what it costs to build and how much more likely they
 * stay with it. Money is in major units of one currency.
 *
 * @example
 * ```ts
 * import { EnhancementInput } from 'successkit/fit';
 *
 * EnhancementInput.parse({ requestingAccounts: 12, arrAtStake: 600_000, buildCost: 90_000, retentionLift: 0.1 }).horizonYears; // => 1
 * ```
 */
export const EnhancementInput = z.strictObject({
  /** Accounts asking for the enhancement, a count. */
  requestingAccounts: z.int().check(z.minimum(0), z.maximum(100_000_000)),
  /** Their annual recurring revenue together, money per year. */
  arrAtStake: Money,
  /** What building it costs, money, now. */
  buildCost: Money,
  /** How much more likely (0–1, in probability points) each of them renews each year with the enhancement. */
  retentionLift: Probability,
  /** Gross margin (0–1) on that revenue; default 1. */
  grossMargin: z._default(Probability, 1),
  /** Years the retained revenue is counted over; default 1 (one renewal). */
  horizonYears: z._default(z.int().check(z.minimum(1), z.maximum(50)), 1),
  /** Yearly discount rate (0.1 is 10%); default 0. */
  discountRate: z._default(DiscountRate, 0),
  /** Cost of maintaining the enhancement, money per year; default 0. */
  maintenanceCostPerYear: z._default(Money, 0),
  /** Accounts in the whole base, a count, to say what share asks; optional. */
  baseAccounts: z.optional(z.int().check(z.minimum(1), z.maximum(100_000_000))),
});

/**
 * What {@link enhancementWorth} weighs, as written; see the {@link EnhancementInput} schema.
 *
 * @example
 * ```ts
 * import type { EnhancementInput } from 'successkit/fit';
 *
 * const input: EnhancementInput = { requestingAccounts: 3, arrAtStake: 90_000, buildCost: 120_000, retentionLift: 0.2 };
 * ```
 */
export type EnhancementInput = z.input<typeof EnhancementInput>;

/**
 * Whether an enhancement is worth building for the base, with its numbers.
 *
 * @example
 * ```ts
 * import type { EnhancementWorth } from 'successkit/fit';
 *
 * const verdict = (worth: EnhancementWorth) => (worth.worthBuilding ? 'build' : 'decline');
 * ```
 */
export interface EnhancementWorth {
  /** True when the expected value is above 0. */
  readonly worthBuilding: boolean;
  /** Retained margin over the horizon, discounted, minus the maintenance and the build cost, money. */
  readonly expectedValue: number;
  /** ARR the enhancement is expected to keep each year: `arrAtStake × retentionLift`, money per year. */
  readonly retainedArrPerYear: number;
  /** The retained margin over the horizon, discounted, before costs, money. */
  readonly retainedValue: number;
  /** The retention lift (0–1) at which building breaks even; `null` with `breakEvenNullReason`. */
  readonly breakEvenLift: number | null;
  /** `no_revenue` when no margin is at stake, `unreachable` when no lift up to 1 pays for it; `null` with a lift. */
  readonly breakEvenNullReason: 'no_revenue' | 'unreachable' | null;
  /** Build cost per requesting account, money; `null` without requesting accounts. */
  readonly costPerAccount: number | null;
  /** Share (0–1) of the base asking; `null` without `baseAccounts`. */
  readonly shareOfBase: number | null;
  /** Sentences for the product review. */
  readonly reasons: readonly string[];
}

/**
 * Answers the good-fit dilemma of seed 000: is an enhancement that some
 * accounts need worth building for the wider base? Its value is the revenue
 * it keeps, `arrAtStake × retentionLift × grossMargin` a year over the
 * horizon, discounted year by year, minus its yearly maintenance and the build
 * cost; the break-even lift is the lift at which that is 0.
 *
 * @param input - see {@link EnhancementInput}
 * @returns the verdict and its numbers; see {@link EnhancementWorth}
 * @throws {@link core!SuccessKitError} `invalid_input` for input that does not match {@link EnhancementInput}
 *
 * @example
 * ```ts
 * import { enhancementWorth } from 'successkit/fit';
 *
 * const sso = enhancementWorth({ requestingAccounts: 12, arrAtStake: 600_000, buildCost: 90_000, retentionLift: 0.1, horizonYears: 2 });
 * sso.worthBuilding; // => true
 * sso.expectedValue; // => 30000
 * sso.breakEvenLift; // => 0.075
 *
 * const oneOff = enhancementWorth({ requestingAccounts: 1, arrAtStake: 40_000, buildCost: 150_000, retentionLift: 0.3 });
 * oneOff.worthBuilding; // => false
 * oneOff.breakEvenNullReason; // => 'unreachable'
 * ```
 */
export function enhancementWorth(input: EnhancementInput): EnhancementWorth {
  const parsed = parseWith(EnhancementInput, input);
  const annuity = annuityFactor(parsed.horizonYears, parsed.discountRate, 1);
  const marginAtStake = parsed.arrAtStake * parsed.grossMargin;
  const retainedArrPerYear = parsed.arrAtStake * parsed.retentionLift;
  const retainedValue = marginAtStake * parsed.retentionLift * annuity;
  const costs = parsed.buildCost + parsed.maintenanceCostPerYear * annuity;
  const expectedValue = retainedValue - costs;
  let breakEvenLift: number | null = null;
  let breakEvenNullReason: EnhancementWorth['breakEvenNullReason'] = null;
  if (marginAtStake <= 0) breakEvenNullReason = 'no_revenue';
  else if (costs / (marginAtStake * annuity) > 1) breakEvenNullReason = 'unreachable';
  else breakEvenLift = costs / (marginAtStake * annuity);
  const costPerAccount = parsed.requestingAccounts > 0 ? parsed.buildCost / parsed.requestingAccounts : null;
  const shareOfBase =
    parsed.baseAccounts === undefined ? null : Math.min(1, parsed.requestingAccounts / parsed.baseAccounts);
  const worthBuilding = expectedValue > 0;
  const asking = `${String(parsed.requestingAccounts)} account${parsed.requestingAccounts === 1 ? '' : 's'}${shareOfBase === null ? '' : ` (${formatShare(shareOfBase)} of the base)`}`;
  const reasons = [
    `${asking} with ${formatMoney(parsed.arrAtStake)} ARR ask for it; a ${formatShare(parsed.retentionLift)} retention lift keeps ${formatMoney(retainedArrPerYear)} ARR a year`,
    `Kept margin over ${String(parsed.horizonYears)} year${parsed.horizonYears === 1 ? '' : 's'}: ${formatMoney(retainedValue)} against ${formatMoney(costs)} to build and maintain: expected value ${formatMoney(expectedValue)}`,
    breakEvenLift === null
      ? breakEvenNullReason === 'no_revenue'
        ? 'No revenue is at stake: nothing pays for it'
        : 'No retention lift can pay for it: decline, or find more of the base that needs it'
      : `It breaks even at a ${formatShare(breakEvenLift)} retention lift`,
    worthBuilding ? 'Worth building for the base' : 'Not worth building for these accounts alone',
  ];
  return {
    worthBuilding,
    expectedValue,
    retainedArrPerYear,
    retainedValue,
    breakEvenLift,
    breakEvenNullReason,
    costPerAccount,
    shareOfBase,
    reasons,
  };
}
