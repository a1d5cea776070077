import * as z from 'zod/mini';
import { Id } from '../core/internal.js';
import { CapacityRanges } from './capacity-ranges.js';

/**
 * The CS team a capacity plan serves the segments with.
 *
 * @example
 * ```ts
 * import { CapacityTeam } from 'successkit/segments';
 *
 * CapacityTeam.parse({ csmCount: 6, hoursPerCsmPerMonth: 100, costPerCsm: 140_000 }).csmCount; // => 6
 * ```
 */
export const CapacityTeam = z.strictObject({
  /** CSMs on the team, full-time equivalents (2.5 is two full-time and one half-time): 0, or 0.01 to 1,000,000. */
  csmCount: z.number().check(
    z.nonnegative(),
    z.maximum(1_000_000),
    z.refine((count) => count <= 0 || count >= 0.01, { error: 'expected 0 or at least 0.01 of a CSM' }),
  ),
  /**
   * Hours a month each CSM spends on the service models, hours, at most
   * 744 (a month of days), and 0 or at least 1: working hours less internal
   * meetings, training and admin, typically 90–110 of about 165.
   */
  hoursPerCsmPerMonth: z.number().check(
    z.nonnegative(),
    z.maximum(744),
    z.refine((hours) => hours <= 0 || hours >= 1, { error: 'expected 0 or at least 1 hour a month' }),
  ),
  /** Fully loaded cost of one CSM (salary, benefits, overhead), money per year, at most 100,000,000. */
  costPerCsm: z.number().check(z.nonnegative(), z.maximum(100_000_000)),
  /**
   * CSMs dedicated to segments, by segment id, full-time equivalents. CSMs
   * not dedicated form a pool that serves the segments from the most-touch
   * tier down. Default: all CSMs in the pool.
   */
  allocation: z.optional(z.record(Id, z.number().check(z.nonnegative(), z.maximum(1_000_000)))),
});

/**
 * The CS team of a capacity plan; see the {@link CapacityTeam} schema.
 *
 * @example
 * ```ts
 * import type { CapacityTeam } from 'successkit/segments';
 *
 * const team: CapacityTeam = { csmCount: 6, hoursPerCsmPerMonth: 100, costPerCsm: 140_000, allocation: { 'high-touch': 4 } };
 * ```
 */
export type CapacityTeam = z.infer<typeof CapacityTeam>;

/**
 * What {@link capacityPlan} needs besides the segmented accounts: the team
 * and, optionally, healthy ranges over the defaults.
 *
 * @example
 * ```ts
 * import { CapacityPlanInput } from 'successkit/segments';
 *
 * CapacityPlanInput.parse({ team: { csmCount: 6, hoursPerCsmPerMonth: 100, costPerCsm: 140_000 } }).team.costPerCsm; // => 140000
 * ```
 */
export const CapacityPlanInput = z.strictObject({
  /** The team. */
  team: CapacityTeam,
  /** Healthy ranges by tier, merged over `defaultCapacityRanges` measure by measure. Default: the defaults. */
  ranges: z.optional(CapacityRanges),
});

/**
 * The team and ranges of a capacity plan; see the {@link CapacityPlanInput} schema.
 *
 * @example
 * ```ts
 * import type { CapacityPlanInput } from 'successkit/segments';
 *
 * const input: CapacityPlanInput = { team: { csmCount: 6, hoursPerCsmPerMonth: 100, costPerCsm: 140_000 } };
 * ```
 */
export type CapacityPlanInput = z.infer<typeof CapacityPlanInput>;
