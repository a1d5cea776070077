import * as z from 'zod/mini';
import { onceFieldsAreValid, parseWith, PositiveNumber } from '../core/internal.js';

/**
 * The largest starting ARR: 50 years at up to 2× a month multiply it by at most 2⁶⁰⁰ ≈ 4e180, which
 * keeps every figure of the projection a finite number.
 */
const MAX_STARTING_ARR = 1e15;

/**
 * Input of {@link retentionImpact}:
 *
 * | field | meaning |
 * |---|---|
 * | `startingArr` | annual recurring revenue today, > 0 and at most 1e15, in major units of a currency |
 * | `monthlyChurn` | share of ARR lost each month (gross revenue churn), 0 ≤ c < 1, e.g. 0.02 |
 * | `churnDelta` | the change to test, in the same unit: −0.01 is one point less churn a month |
 * | `growth` | new and expansion ARR booked each month, as a share of current ARR, 0–1; default 0 |
 * | `years` | how far to project, 1–50 whole years |
 *
 * @example
 * ```ts
 * import { RetentionImpactInput } from 'successkit/forecast';
 *
 * RetentionImpactInput.parse({ startingArr: 1_000_000, monthlyChurn: 0.02, churnDelta: -0.01, years: 5 }).years; // => 5
 * ```
 */
export const RetentionImpactInput = z
  .strictObject({
    startingArr: PositiveNumber.check(z.maximum(MAX_STARTING_ARR, 'expected a starting ARR of at most 1e15')),
    monthlyChurn: z.number().check(z.minimum(0), z.lt(1)),
    churnDelta: z.number(),
    growth: z.optional(z.number().check(z.minimum(0), z.maximum(1))),
    years: z.int().check(z.minimum(1), z.maximum(50)),
  })
  .check(
    z.refine((input) => input.monthlyChurn + input.churnDelta >= 0 && input.monthlyChurn + input.churnDelta < 1, {
      ...onceFieldsAreValid,
      path: ['churnDelta'],
      error: 'expected monthlyChurn + churnDelta between 0 (inclusive) and 1',
    }),
  );

/**
 * Input of a retention-impact projection; see the {@link RetentionImpactInput} schema.
 *
 * @example
 * ```ts
 * import type { RetentionImpactInput } from 'successkit/forecast';
 *
 * const onePointLess: RetentionImpactInput = { startingArr: 1_000_000, monthlyChurn: 0.02, churnDelta: -0.01, years: 5 };
 * ```
 */
export type RetentionImpactInput = z.infer<typeof RetentionImpactInput>;

/**
 * ARR at the end of one year of a {@link RetentionImpact} projection.
 *
 * @example
 * ```ts
 * import type { RetentionImpactYear } from 'successkit/forecast';
 *
 * const start: RetentionImpactYear = { year: 0, arr: 1_000_000, arrWithChange: 1_000_000, difference: 0 };
 * ```
 */
export interface RetentionImpactYear {
  /** Years from now; 0 is today. */
  readonly year: number;
  /** ARR at the end of that year with churn as it is. */
  readonly arr: number;
  /** ARR at the end of that year with churn changed by `churnDelta`. */
  readonly arrWithChange: number;
  /** `arrWithChange − arr`. */
  readonly difference: number;
}

/**
 * What a change in churn is worth: ARR year by year with and without it,
 * and the gap at the end, in ARR and in revenue collected.
 *
 * @example
 * ```ts
 * import { retentionImpact, type RetentionImpact } from 'successkit/forecast';
 *
 * const impact: RetentionImpact = retentionImpact({ startingArr: 100, monthlyChurn: 0, churnDelta: 0, years: 1 });
 * impact.revenueDifference; // => 0
 * ```
 */
export interface RetentionImpact {
  /** One entry per year, from year 0 (today) to `years`. */
  readonly byYear: RetentionImpactYear[];
  /** ARR difference at the end: with the change minus without. */
  readonly arrDifference: number;
  /** The same difference as a share of the ARR without the change (0.12 = 12% more ARR); `null` when too large for a number. */
  readonly relativeDifference: number | null;
  /** Extra revenue collected over the whole period: the sum of each month's MRR difference. */
  readonly revenueDifference: number;
}

/**
 * Projects ARR month by month with and without a change in monthly churn,
 * ARRₘ = ARRₘ₋₁ × (1 + growth − churn), and reports the gap: the computation
 * behind the saying that a one-point difference in churn compounds into a
 * large difference in value within five years. Revenue for a month is the
 * MRR (ARR / 12) at its start.
 *
 * @param input - starting ARR, churn, the change, growth and years; see {@link RetentionImpactInput}
 * @returns ARR by year and the differences; see {@link RetentionImpact}
 * @throws {@link core!SuccessKitError} `invalid_input` naming the bad field, including a starting ARR above 1e15
 *
 * @example
 * ```ts
 * import { retentionImpact } from 'successkit/forecast';
 *
 * const impact = retentionImpact({ startingArr: 1_000_000, monthlyChurn: 0.02, churnDelta: -0.01, growth: 0.03, years: 5 });
 * impact.relativeDifference?.toFixed(3); // => '0.806'
 * ```
 */
export function retentionImpact(input: RetentionImpactInput): RetentionImpact {
  const { startingArr, monthlyChurn, churnDelta, growth = 0, years } = parseWith(RetentionImpactInput, input);
  const monthlyFactor = 1 + growth - monthlyChurn;
  // From the validated sum, so that churn below 1 keeps the factor above 0 whatever the rounding.
  const changedFactor = 1 + growth - (monthlyChurn + churnDelta);
  const byYear: RetentionImpactYear[] = [{ year: 0, arr: startingArr, arrWithChange: startingArr, difference: 0 }];
  let arr = startingArr;
  let arrWithChange = startingArr;
  let revenueDifference = 0;
  for (let year = 1; year <= years; year++) {
    for (let month = 0; month < 12; month++) {
      revenueDifference += (arrWithChange - arr) / 12;
      arr *= monthlyFactor;
      arrWithChange *= changedFactor;
    }
    byYear.push({ year, arr, arrWithChange, difference: arrWithChange - arr });
  }
  // (changed / base)^months − 1 on the log scale, exact even when one path decays to 0.
  const relativeDifference = Math.expm1(12 * years * (Math.log(changedFactor) - Math.log(monthlyFactor)));
  return {
    byYear,
    arrDifference: arrWithChange - arr,
    relativeDifference: Number.isFinite(relativeDifference) ? relativeDifference : null,
    revenueDifference,
  };
}
