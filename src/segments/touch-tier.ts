import * as z from 'zod/mini';

/**
 * A touch tier's name: how much human attention a segment's accounts get.
 * The default tiers are `'high'` (a named CSM who researches the account and
 * reaches out), `'low'` (a CSM for a larger book, fewer meetings) and
 * `'tech'` (scalable, automated outreach with a pooled team behind it), the
 * levels of Gainsight's touch-plan pyramid; a segmentation may list its own.
 *
 * @example
 * ```ts
 * import { TouchTier } from 'successkit/segments';
 *
 * TouchTier.parse('high'); // => 'high'
 * ```
 */
export const TouchTier = z.string().check(z.minLength(1), z.maxLength(64));

/**
 * A touch tier's name; see the {@link TouchTier} schema.
 *
 * @example
 * ```ts
 * import type { TouchTier } from 'successkit/segments';
 *
 * const tier: TouchTier = 'tech';
 * ```
 */
export type TouchTier = z.infer<typeof TouchTier>;

/**
 * The tiers a segmentation has when it lists none, from the most human
 * attention to the least.
 *
 * @example
 * ```ts
 * import { defaultTouchTiers } from 'successkit/segments';
 *
 * defaultTouchTiers; // => ['high', 'low', 'tech']
 * ```
 */
export const defaultTouchTiers: readonly TouchTier[] = /* @__PURE__ */ Object.freeze(['high', 'low', 'tech']);
