import * as z from 'zod/mini';
import type { RuleInput } from '../rules/index.js';

/**
 * When a fit criterion becomes known: `'signup'` (from the first day), on a
 * day of tenure (`{ tenureDays: 90 }`), once a milestone is reached
 * (`{ milestone: 'first_ebr' }`, the way a journey stage is reached), or once
 * a rule over the snapshot holds (`{ when: rule }`, e.g. a lifecycle stage
 * kept in an attribute). Before then the criterion is unknown, whatever its
 * fields hold: a utilization figure in week one says nothing about fit yet.
 *
 * @example
 * ```ts
 * import { KnownFrom } from 'successkit/fit';
 *
 * KnownFrom.parse({ tenureDays: 90 }); // => { tenureDays: 90 }
 * KnownFrom.parse('signup'); // => 'signup'
 * ```
 */
export const KnownFrom = z.union([
  z.literal('signup'),
  z.strictObject({ tenureDays: z.int().check(z.minimum(0), z.maximum(36_500)) }),
  z.strictObject({ milestone: z.string().check(z.minLength(1)) }),
  z.strictObject({ when: z.custom<RuleInput>((value: unknown) => value !== undefined) }),
]);

/**
 * When a fit criterion becomes known; see the {@link KnownFrom} schema. A
 * `when` rule is checked as a rule over the snapshot by `defineFitModel`.
 *
 * @example
 * ```ts
 * import type { KnownFrom } from 'successkit/fit';
 *
 * const afterOnboarding: KnownFrom = { milestone: 'onboarding_complete' };
 * ```
 */
export type KnownFrom = z.input<typeof KnownFrom>;

/** A sentence for when a criterion becomes known, for explanations. @internal */
export function describeKnownFrom(knownFrom: KnownFrom): string {
  if (knownFrom === 'signup') return 'at sign-up';
  if ('tenureDays' in knownFrom) return `from tenure day ${String(knownFrom.tenureDays)}`;
  if ('milestone' in knownFrom) return `once milestone ${JSON.stringify(knownFrom.milestone)} is reached`;
  return 'once its known-from rule holds';
}
