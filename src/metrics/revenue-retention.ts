import * as z from 'zod/mini';
import { parseWith } from '../core/internal.js';
import { revenueRates } from './churn.js';
import { checkAmount, sharedMinorUnitsPerMajor, toMinorUnits } from './money.js';
import type { MrrAmounts } from './mrr-movements.js';
import { checkObject } from './object-checks.js';

/**
 * Options of {@link revenueRetention}.
 *
 * | option | meaning | default |
 * |---|---|---|
 * | `quickRatioIncludesReactivation` | count reactivated MRR as growth in the quick ratio, as ChartMogul does; `false` gives Mamoon Hamid's original (new + expansion) / (churned + contraction) | `true` |
 *
 * @example
 * ```ts
 * import { RevenueRetentionOptions } from 'successkit/metrics';
 *
 * RevenueRetentionOptions.parse({}); // => { quickRatioIncludesReactivation: true }
 * ```
 */
export const RevenueRetentionOptions = z.strictObject({
  quickRatioIncludesReactivation: z._default(z.boolean(), true),
});

/**
 * Options of {@link revenueRetention} as callers write them; see the
 * {@link RevenueRetentionOptions} schema.
 *
 * @example
 * ```ts
 * import type { RevenueRetentionOptions } from 'successkit/metrics';
 *
 * const options: RevenueRetentionOptions = { quickRatioIncludesReactivation: false };
 * ```
 */
export type RevenueRetentionOptions = z.input<typeof RevenueRetentionOptions>;

/**
 * Revenue retention over one period, as shares of starting MRR (1 = 100%).
 * Rates whose denominator is zero are `null`, never Infinity.
 *
 * @example
 * ```ts
 * import { revenueRetention, type RevenueRetention } from 'successkit/metrics';
 *
 * const retention: RevenueRetention = revenueRetention({ starting: 100, new: 0, reactivation: 0, expansion: 10, contraction: 5, churned: 5, ending: 100 });
 * retention.grossRevenueRetention; // => 0.9
 * ```
 */
export interface RevenueRetention {
  /** GRR: (starting − contraction − churned) / starting, 0–1; never above 1. `null` when starting is 0. */
  readonly grossRevenueRetention: number | null;
  /** NRR: (starting + expansion − contraction − churned) / starting; above 1 when expansion outgrows losses. */
  readonly netRevenueRetention: number | null;
  /** Gross MRR churn rate: (contraction + churned) / starting = 1 − GRR. */
  readonly grossMrrChurnRate: number | null;
  /** Net MRR churn rate: (contraction + churned − expansion) / starting = 1 − NRR; negative is net negative churn. */
  readonly netMrrChurnRate: number | null;
  /** SaaS quick ratio: growth over losses, (new + expansion [+ reactivation]) / (churned + contraction); `null` with no losses. */
  readonly quickRatio: number | null;
  /** Whether `quickRatio` counts reactivation as growth. */
  readonly quickRatioIncludesReactivation: boolean;
}

/**
 * Gross and net revenue retention, MRR churn rates and the SaaS quick ratio
 * of an MRR bridge (from {@link mrrMovements} or your own numbers in major
 * units). Retention follows the accounts paying at the start: new and
 * reactivated MRR come from accounts outside that cohort, so they count in
 * neither GRR nor NRR (as KeyBanc's SaaS survey and ChartMogul define them),
 * and GRR can never exceed 100%.
 *
 * @param movements - `starting`, `new`, `reactivation`, `expansion`, `contraction` and `churned` MRR, major units
 * @param options - whether the quick ratio counts reactivation; see {@link RevenueRetentionOptions}
 * @returns the rates as shares; see {@link RevenueRetention}
 * @throws {@link core!SuccessKitError} `invalid_input` for a negative or non-finite amount, losses above the starting MRR, or bad options
 *
 * @example
 * ```ts
 * import { revenueRetention } from 'successkit/metrics';
 *
 * const quarter = { starting: 100_000, new: 8_000, reactivation: 1_000, expansion: 6_000, contraction: 2_000, churned: 3_000 };
 * const retention = revenueRetention(quarter);
 * [retention.grossRevenueRetention, retention.netRevenueRetention, retention.quickRatio]; // => [0.95, 1.01, 3]
 * revenueRetention(quarter, { quickRatioIncludesReactivation: false }).quickRatio; // => 2.8
 * ```
 */
export function revenueRetention(
  movements: Omit<MrrAmounts, 'ending'> & { readonly ending?: number },
  options?: RevenueRetentionOptions,
): RevenueRetention {
  const { quickRatioIncludesReactivation } = parseWith(RevenueRetentionOptions, options ?? {});
  checkObject(movements, []);
  const keys = ['starting', 'new', 'reactivation', 'expansion', 'contraction', 'churned'] as const;
  for (const key of keys) checkAmount(movements[key], [key]);
  // Ten-thousandths cover every currency's minor unit; books too large for them are added in whole units.
  const perMajor = sharedMinorUnitsPerMajor(keys.map((key) => movements[key]));
  const minor = (key: (typeof keys)[number]): number => toMinorUnits(movements[key], perMajor, [key]);
  const starting = minor('starting');
  const expansion = minor('expansion');
  const contraction = minor('contraction');
  const churned = minor('churned');
  const growth = minor('new') + expansion + (quickRatioIncludesReactivation ? minor('reactivation') : 0);
  const losses = contraction + churned;
  const rates = revenueRates(starting, losses, expansion);
  return {
    grossRevenueRetention: rates.grossRetention,
    netRevenueRetention: rates.netRetention,
    grossMrrChurnRate: rates.grossChurn,
    netMrrChurnRate: rates.netChurn,
    quickRatio: losses === 0 ? null : growth / losses,
    quickRatioIncludesReactivation,
  };
}
