import * as z from 'zod/mini';
import { onceFieldsAreValid } from '../core/internal.js';
import { TouchTier } from './touch-tier.js';

/**
 * A healthy range of one capacity measure: a lower bound, an upper bound,
 * or both, in the measure's unit. Either end may be left open.
 *
 * @example
 * ```ts
 * import { HealthyRange } from 'successkit/segments';
 *
 * HealthyRange.parse({ min: 8, max: 30 }); // => { min: 8, max: 30 }
 * HealthyRange.safeParse({ min: 30, max: 8 }).success; // => false
 * ```
 */
export const HealthyRange = z
  .strictObject({
    /** The least healthy value. */
    min: z.optional(z.number().check(z.nonnegative())),
    /** The most healthy value. */
    max: z.optional(z.number().check(z.nonnegative())),
  })
  .check(
    z.refine((range) => range.min === undefined || range.max === undefined || range.min <= range.max, {
      ...onceFieldsAreValid,
      path: ['max'],
      error: 'expected max >= min',
    }),
  );

/**
 * A healthy range; see the {@link HealthyRange} schema.
 *
 * @example
 * ```ts
 * import type { HealthyRange } from 'successkit/segments';
 *
 * const book: HealthyRange = { min: 1_000_000, max: 5_000_000 };
 * ```
 */
export type HealthyRange = z.infer<typeof HealthyRange>;

/**
 * The healthy ranges of one touch tier's capacity measures.
 *
 * @example
 * ```ts
 * import { TierRanges } from 'successkit/segments';
 *
 * TierRanges.parse({ accountsPerCsm: { max: 30 } }); // => { accountsPerCsm: { max: 30 } }
 * ```
 */
export const TierRanges = z.strictObject({
  /** Accounts per CSM serving the segment, accounts. */
  accountsPerCsm: z.optional(HealthyRange),
  /** ARR per CSM serving the segment (the book of business), money per year. */
  arrPerCsm: z.optional(HealthyRange),
  /** ARR per CSM ÷ the cost of a CSM, a ratio (10 means a book ten times the CSM's cost). */
  arrToCost: z.optional(HealthyRange),
  /** The segment's share of all ARR, 0–1. */
  arrShare: z.optional(HealthyRange),
});

/**
 * The healthy ranges of one tier; see the {@link TierRanges} schema.
 *
 * @example
 * ```ts
 * import type { TierRanges } from 'successkit/segments';
 *
 * const tech: TierRanges = { arrShare: { max: 0.2 } };
 * ```
 */
export type TierRanges = z.infer<typeof TierRanges>;

/**
 * Healthy ranges by touch tier. A plan merges them over
 * {@link defaultCapacityRanges} measure by measure, so `{ high: {
 * accountsPerCsm: { max: 20 } } }` changes one range and keeps the rest.
 *
 * @example
 * ```ts
 * import { CapacityRanges } from 'successkit/segments';
 *
 * CapacityRanges.parse({ high: { accountsPerCsm: { max: 20 } } }); // => { high: { accountsPerCsm: { max: 20 } } }
 * ```
 */
export const CapacityRanges = z.record(TouchTier, TierRanges);

/**
 * Healthy ranges by touch tier; see the {@link CapacityRanges} schema.
 *
 * @example
 * ```ts
 * import type { CapacityRanges } from 'successkit/segments';
 *
 * const ranges: CapacityRanges = { low: { accountsPerCsm: { min: 40, max: 120 } } };
 * ```
 */
export type CapacityRanges = z.infer<typeof CapacityRanges>;

/**
 * The healthy ranges a capacity plan checks when the host gives none, by
 * the default tiers. The reasoning and the public benchmarks behind them
 * are in docs/segments.md; in short:
 *
 * | tier | accounts per CSM | ARR per CSM | ARR ÷ CSM cost | share of ARR |
 * |---|---|---|---|---|
 * | `high` | 8–30 | 1,000,000–5,000,000 | 5–25 | — |
 * | `low` | 30–150 | 1,500,000–6,000,000 | 8–40 | — |
 * | `tech` | — | at least 2,000,000 | — | at most 0.2 |
 *
 * @example
 * ```ts
 * import { defaultCapacityRanges } from 'successkit/segments';
 *
 * defaultCapacityRanges.high?.accountsPerCsm; // => { min: 8, max: 30 }
 * defaultCapacityRanges.tech?.arrShare; // => { max: 0.2 }
 * ```
 */
export const defaultCapacityRanges: CapacityRanges = /* @__PURE__ */ Object.freeze({
  high: Object.freeze({
    accountsPerCsm: Object.freeze({ min: 8, max: 30 }),
    arrPerCsm: Object.freeze({ min: 1_000_000, max: 5_000_000 }),
    arrToCost: Object.freeze({ min: 5, max: 25 }),
  }),
  low: Object.freeze({
    accountsPerCsm: Object.freeze({ min: 30, max: 150 }),
    arrPerCsm: Object.freeze({ min: 1_500_000, max: 6_000_000 }),
    arrToCost: Object.freeze({ min: 8, max: 40 }),
  }),
  tech: Object.freeze({
    arrPerCsm: Object.freeze({ min: 2_000_000 }),
    arrShare: Object.freeze({ max: 0.2 }),
  }),
});

/** The ranges of `tier`: the defaults with the host's ranges over them, measure by measure. @internal */
export function rangesOf(tier: string, given: CapacityRanges | undefined): TierRanges {
  const defaults = Object.hasOwn(defaultCapacityRanges, tier) ? defaultCapacityRanges[tier] : undefined;
  const own = given !== undefined && Object.hasOwn(given, tier) ? given[tier] : undefined;
  return { ...defaults, ...own };
}
