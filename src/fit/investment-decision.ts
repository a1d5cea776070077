import * as z from 'zod/mini';
import { parseWith } from '../core/internal.js';
import { FitClass } from './fit-class.js';
import {
  annuityFactor,
  DiscountRate,
  formatMoney as money,
  formatShare as percent,
  Money,
  Probability,
} from './money-terms.js';

/**
 * What {@link investmentDecision} weighs: the account's fit, what it is worth
 * if it stays, how likely it stays with the investment (and without it), and
 * what the investment costs. Money is in major units of one currency.
 *
 * @example
 * ```ts
 * import { InvestmentInput } from 'successkit/fit';
 *
 * InvestmentInput.parse({ fit: 'good', lifetimeValue: 120_000, retentionProbability: 0.8, investmentCost: 20_000 }).horizonMonths; // => 12
 * ```
 */
export const InvestmentInput = z.strictObject({
  /** The fit class, or a classification from `classifyFit` (its `fitClass` and `provisional` are read). */
  fit: z.union([FitClass, z.object({ fitClass: FitClass, provisional: z.boolean() })]),
  /** What the account brings over the horizon if it stays, money, not yet discounted (already discounted? pass `discountRate: 0`). */
  lifetimeValue: Money,
  /** Probability (0–1) that the account stays through the horizon with the investment. */
  retentionProbability: Probability,
  /** Probability (0–1) that it stays without the investment; default 0, the poker frame: not investing gives the pot up. */
  retentionWithoutInvestment: z._default(Probability, 0),
  /** What the investment costs now (enhancement, services, executive time), money. */
  investmentCost: Money,
  /** Cost of serving the account while it stays, money per month; default 0. */
  costToServe: z._default(Money, 0),
  /** Months the lifetime value is spread over, evenly; default 12. */
  horizonMonths: z._default(z.int().check(z.minimum(1), z.maximum(600)), 12),
  /** Yearly discount rate (0.1 is 10%) applied month by month; default 0. */
  discountRate: z._default(DiscountRate, 0),
  /** How many times its cost the expected gain must be to invest in a bad fit anyway; default 1 (the gain at least doubles the money). */
  strongReturn: z._default(z.number().check(z.minimum(0), z.maximum(1000)), 1),
});

/**
 * What {@link investmentDecision} weighs, as written; see the {@link InvestmentInput} schema.
 *
 * @example
 * ```ts
 * import type { InvestmentInput } from 'successkit/fit';
 *
 * const input: InvestmentInput = { fit: 'bad', lifetimeValue: 30_000, retentionProbability: 0.4, investmentCost: 15_000 };
 * ```
 */
export type InvestmentInput = z.input<typeof InvestmentInput>;

/**
 * Invest, hold or fold, with the numbers behind it.
 *
 * @example
 * ```ts
 * import type { InvestmentDecision } from 'successkit/fit';
 *
 * const act = (decision: InvestmentDecision) => (decision.decision === 'fold' ? 'hand over to the low-touch pool' : 'keep');
 * ```
 */
export interface InvestmentDecision {
  /** `invest` beyond maintenance, `hold` (maintain, watch the next card) or `fold` (cut the losses). */
  readonly decision: 'invest' | 'hold' | 'fold';
  /** The class the guardrail used. */
  readonly fitClass: FitClass;
  /** Expected value of investing minus that of not investing, money: (p − p₀) × V − cost. */
  readonly expectedValue: number;
  /** Expected value of investing, money: p × V − cost. */
  readonly expectedValueIfInvesting: number;
  /** Expected value of not investing, money: p₀ × V. */
  readonly expectedValueIfNot: number;
  /** V: the lifetime value net of the cost to serve, discounted, money; negative when serving costs more than it brings. */
  readonly discountedLifetimeValue: number;
  /** The retention probability (0–1) at which investing breaks even, p₀ + cost ÷ V: the pot odds; `null` with `breakEvenNullReason`. */
  readonly breakEvenProbability: number | null;
  /** `no_value` when V ≤ 0, `unreachable` when even certain retention does not pay for the investment; `null` with a probability. */
  readonly breakEvenNullReason: 'no_value' | 'unreachable' | null;
  /** Sentences for the account review, the numbers first, then the guardrail. */
  readonly reasons: readonly string[];
}

/**
 * Decides whether to invest in an account, hold it or fold it, as a poker
 * player weighs a call: the expected value of investing, p × V − cost, against
 * that of not investing, p₀ × V, where V is the lifetime value net of the cost
 * to serve, discounted; and the break-even probability p₀ + cost ÷ V (the pot
 * odds). Guardrails by fit class: a perfect or good fit is invested in when
 * the expected gain is positive; a bad fit only when it is strongly positive
 * (at least `strongReturn` times the cost), otherwise it is held at
 * maintenance while the gain is positive and folded when it is not. A good
 * fit that is not worth the investment is held while V is positive and
 * folded when serving it loses money; a perfect fit is never folded on these
 * numbers alone (its references are not in them).
 *
 * @param input - see {@link InvestmentInput}
 * @returns the decision and its numbers; see {@link InvestmentDecision}
 * @throws {@link core!SuccessKitError} `invalid_input` for input that does not match {@link InvestmentInput}
 *
 * @example
 * ```ts
 * import { investmentDecision } from 'successkit/fit';
 *
 * const call = investmentDecision({ fit: 'good', lifetimeValue: 120_000, retentionProbability: 0.8, retentionWithoutInvestment: 0.5, investmentCost: 20_000 });
 * call.decision; // => 'invest'
 * call.expectedValue; // => 16000
 * call.breakEvenProbability?.toFixed(4); // => '0.6667'
 *
 * const sixes = investmentDecision({ fit: 'bad', lifetimeValue: 40_000, retentionProbability: 0.3, investmentCost: 15_000 });
 * sixes.decision; // => 'fold'
 * sixes.expectedValue; // => -3000
 * sixes.breakEvenProbability; // => 0.375
 * ```
 */
export function investmentDecision(input: InvestmentInput): InvestmentDecision {
  const parsed = parseWith(InvestmentInput, input);
  const fitClass = typeof parsed.fit === 'string' ? parsed.fit : parsed.fit.fitClass;
  const provisional = typeof parsed.fit === 'string' ? false : parsed.fit.provisional;
  const p = parsed.retentionProbability;
  const p0 = parsed.retentionWithoutInvestment;
  const cost = parsed.investmentCost;
  const monthly = parsed.lifetimeValue / parsed.horizonMonths - parsed.costToServe;
  const value = monthly * annuityFactor(parsed.horizonMonths, parsed.discountRate, 12);
  const ifInvesting = p * value - cost;
  const ifNot = p0 * value;
  const gain = ifInvesting - ifNot;
  let breakEven: number | null = null;
  let breakEvenNullReason: InvestmentDecision['breakEvenNullReason'] = null;
  if (value <= 0) breakEvenNullReason = 'no_value';
  else if (p0 + cost / value > 1) breakEvenNullReason = 'unreachable';
  else breakEven = p0 + cost / value;
  const reasons = [
    `Investing ${money(cost)} to keep ${money(value)} of lifetime value: expected value ${money(ifInvesting)} at ${percent(p)} retention, against ${money(ifNot)} at ${percent(p0)} without it`,
    breakEven === null
      ? breakEvenNullReason === 'no_value'
        ? 'The account costs more to serve than it brings: no retention pays for the investment'
        : 'Even certain retention does not pay for the investment'
      : `Break-even at ${percent(breakEven)} retention (the pot odds); the estimate is ${percent(p)}`,
  ];
  if (provisional) reasons.push(`The fit is still provisional; the decision uses the class it leans to, ${fitClass}`);
  const strong = gain > 0 && gain >= parsed.strongReturn * cost;
  let decision: InvestmentDecision['decision'];
  if (fitClass === 'bad') {
    decision = strong ? 'invest' : gain > 0 ? 'hold' : 'fold';
    reasons.push(
      strong
        ? `A bad fit, but the expected gain of ${money(gain)} is at least ${String(parsed.strongReturn)}× the cost: invest`
        : gain > 0
          ? `A bad fit: no investment beyond maintenance unless the expected gain reaches ${String(parsed.strongReturn)}× the cost; hold`
          : 'A bad fit with no expected gain from investing: fold and focus on the next customer',
    );
  } else if (gain > 0) {
    decision = 'invest';
    reasons.push(`A ${fitClass} fit with an expected gain of ${money(gain)}: invest`);
  } else if (fitClass === 'perfect' || value > 0) {
    decision = 'hold';
    reasons.push(`A ${fitClass} fit, but the investment does not pay for itself: hold and maintain`);
  } else {
    decision = 'fold';
    reasons.push('A good fit that costs more to serve than it brings: fold, or reprice before renewal');
  }
  return {
    decision,
    fitClass,
    expectedValue: gain,
    expectedValueIfInvesting: ifInvesting,
    expectedValueIfNot: ifNot,
    discountedLifetimeValue: value,
    breakEvenProbability: breakEven,
    breakEvenNullReason,
    reasons,
  };
}
