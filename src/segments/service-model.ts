import * as z from 'zod/mini';
import { Id, parseWith } from '../core/internal.js';

/**
 * One activity of a segment's service model: what the team does for every
 * account of the segment, how often a year and how many CSM hours each
 * takes. Hours count everything a CSM spends on it — research (the
 * "Customer 360"), preparation, the meeting, notes and follow-up; an
 * automated touch (an email programme, an in-app guide) takes `hours: 0`,
 * or the minutes a CSM spends reviewing it.
 *
 * @example
 * ```ts
 * import { ServiceActivity } from 'successkit/segments';
 *
 * ServiceActivity.parse({ id: 'qbr', name: 'Quarterly business review', delivery: 'csm', perYear: 4, hours: 6 }).hours; // => 6
 * ```
 */
export const ServiceActivity = z.strictObject({
  /** The activity's id, unique within its segment. */
  id: Id,
  /** The activity's name, as the team calls it. */
  name: z.string().check(z.minLength(1)),
  /** `'csm'` for a touch a person delivers, `'automated'` for one the platform sends. */
  delivery: z.enum(['csm', 'automated']),
  /** How many times a year each account gets it, times per year (0.5 is every other year), at most 10,000. */
  perYear: z.number().check(z.nonnegative(), z.maximum(10_000)),
  /** CSM hours each time, hours (0 for a fully automated touch), at most 1,000. */
  hours: z.number().check(z.nonnegative(), z.maximum(1_000)),
});

/**
 * One activity of a service model; see the {@link ServiceActivity} schema.
 *
 * @example
 * ```ts
 * import type { ServiceActivity } from 'successkit/segments';
 *
 * const checkIn: ServiceActivity = { id: 'check-in', name: 'Monthly check-in', delivery: 'csm', perYear: 12, hours: 1.5 };
 * ```
 */
export type ServiceActivity = z.infer<typeof ServiceActivity>;

/**
 * The CSM hours a service model takes per account per month: the sum of
 * `perYear × hours` over its activities, divided by 12.
 *
 * @param activities - the segment's service model
 * @returns hours per account per month
 *
 * @example
 * ```ts
 * import { monthlyHoursPerAccount } from 'successkit/segments';
 *
 * monthlyHoursPerAccount([
 *   { id: 'check-in', name: 'Monthly check-in', delivery: 'csm', perYear: 12, hours: 1 },
 *   { id: 'qbr', name: 'QBR', delivery: 'csm', perYear: 4, hours: 6 },
 *   { id: 'newsletter', name: 'Newsletter', delivery: 'automated', perYear: 12, hours: 0 },
 * ]); // => 3
 * ```
 */
export function monthlyHoursPerAccount(activities: readonly ServiceActivity[]): number {
  return hoursPerMonth(parseWith(z.array(ServiceActivity), activities, { path: ['activities'] }));
}

/** The monthly CSM hours per account of activities already checked. @internal */
export function hoursPerMonth(activities: readonly ServiceActivity[]): number {
  let yearly = 0;
  for (const activity of activities) yearly += activity.perYear * activity.hours;
  return yearly / 12;
}
