import * as z from 'zod/mini';
import { Id } from '../core/internal.js';
import type { DefinedRule, RuleInput } from '../rules/index.js';
import { ServiceActivity } from './service-model.js';
import { TouchTier } from './touch-tier.js';

/**
 * One segment as written: an id and a name, the rule over an account
 * snapshot that puts an account in it (none for the fallback segment, which
 * catches every account no earlier segment took), its touch tier and its
 * service model, the activities every account of the segment gets.
 *
 * @example
 * ```ts
 * import { SegmentInput } from 'successkit/segments';
 *
 * SegmentInput.parse({ id: 'scale', name: 'Scale', tier: 'tech', fallback: true, activities: [] }).fallback; // => true
 * ```
 */
export const SegmentInput = z.strictObject({
  /** The segment's id, unique within the segmentation. */
  id: Id,
  /** The segment's name, as the team calls it. */
  name: z.string().check(z.minLength(1)),
  /** What the segment is for, in a sentence. */
  description: z.optional(z.string()),
  /** The segment's touch tier: one of the segmentation's `tiers`. */
  tier: TouchTier,
  /** The rule an account's snapshot must meet (see `successkit/rules`); none, or `null`, for the fallback. */
  rule: z.optional(z.nullable(z.custom<RuleInput>())),
  /** Whether this is the fallback segment, which must come last and has no rule. Default `false`. */
  fallback: z.optional(z.boolean()),
  /** The service model: what every account of the segment gets, how often and how many CSM hours it takes. */
  activities: z.array(ServiceActivity),
});

/**
 * One segment as written; see the {@link SegmentInput} schema.
 *
 * @example
 * ```ts
 * import type { SegmentInput } from 'successkit/segments';
 *
 * const enterprise: SegmentInput = {
 *   id: 'enterprise',
 *   name: 'Enterprise',
 *   tier: 'high',
 *   rule: { field: 'arr', op: 'gte', value: 100_000 },
 *   activities: [{ id: 'qbr', name: 'QBR', delivery: 'csm', perYear: 4, hours: 6 }],
 * };
 * ```
 */
export type SegmentInput = z.input<typeof SegmentInput>;

/**
 * A segmentation as written: ordered segments, where the first whose rule
 * an account meets takes it and the fallback, last, takes the rest; and the
 * touch tiers its segments use, from the most human attention to the least.
 *
 * @example
 * ```ts
 * import { SegmentationInput } from 'successkit/segments';
 *
 * SegmentationInput.parse({ segments: [{ id: 'all', name: 'All', tier: 'tech', fallback: true, activities: [] }] }).segments.length; // => 1
 * ```
 */
export const SegmentationInput = z.strictObject({
  /** The segmentation's id, for storing versions of it. */
  id: z.optional(Id),
  /** The segmentation's name. */
  name: z.optional(z.string()),
  /** The touch tiers, from the most human attention to the least. Default `['high', 'low', 'tech']`. */
  tiers: z.optional(z.array(TouchTier).check(z.minLength(1))),
  /** The segments, in the order they are tried. */
  segments: z.array(SegmentInput).check(z.minLength(1)),
});

/**
 * A segmentation as written; see the {@link SegmentationInput} schema.
 *
 * @example
 * ```ts
 * import type { SegmentationInput } from 'successkit/segments';
 *
 * const input: SegmentationInput = { segments: [{ id: 'all', name: 'All', tier: 'tech', fallback: true, activities: [] }] };
 * ```
 */
export type SegmentationInput = z.input<typeof SegmentationInput>;

/**
 * One segment of a defined {@link Segmentation}: its rule checked against the
 * snapshot fields (`null` for the fallback) and `fallback` always present.
 *
 * @example
 * ```ts
 * import { defaultSegmentation, type Segment } from 'successkit/segments';
 *
 * const last: Segment | undefined = defaultSegmentation.segments.at(-1);
 * last?.fallback; // => true
 * ```
 */
export interface Segment {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly tier: TouchTier;
  /** The rule an account meets to be in the segment; `null` for the fallback. */
  readonly rule: DefinedRule | null;
  /** Whether this is the fallback, the last segment, which takes every account no earlier one took. */
  readonly fallback: boolean;
  /** The service model, per account. */
  readonly activities: readonly ServiceActivity[];
}

declare const segmentationBrand: unique symbol;

/**
 * A segmentation that {@link defineSegmentation} validated and froze: every
 * rule checked against the snapshot fields, ids unique, every tier listed,
 * exactly one fallback and it last. Functions of `successkit/segments` take
 * it without a second check; anything else is checked first.
 *
 * @example
 * ```ts
 * import { defaultSegmentation, type Segmentation } from 'successkit/segments';
 *
 * const segmentation: Segmentation = defaultSegmentation;
 * segmentation.tiers; // => ['high', 'low', 'tech']
 * ```
 */
export interface Segmentation {
  readonly id?: string;
  readonly name?: string;
  /** The touch tiers, from the most human attention to the least. */
  readonly tiers: readonly TouchTier[];
  /** The segments, in the order they are tried; the last is the fallback. */
  readonly segments: readonly Segment[];
  readonly [segmentationBrand]: true;
}
