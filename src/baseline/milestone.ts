import * as z from 'zod/mini';
import { Id, parseWith } from '../core/internal.js';

/** The latest due day a milestone may have: 100 years after the start, days. */
export const maximumDueDay = 36_500;

/**
 * What proves a milestone was reached: the first `milestone_reached` event
 * with this `milestoneId` (read from the snapshot's `milestones`), or a
 * rule over the snapshot (see `successkit/rules`) that holds once it is
 * reached. A rule tells that a milestone is reached by `asOf`, not the day it
 * happened: progress dates it `asOf`, so run it daily, or better, record a
 * `milestone_reached` event the first day the rule holds.
 *
 * @example
 * ```ts
 * import type { MilestoneEvidence } from 'successkit/baseline';
 *
 * const fromEvents: MilestoneEvidence = { milestoneId: 'first_login' };
 * const fromUsage: MilestoneEvidence = { rule: { field: 'featuresAdopted', op: 'gte', value: 5 } };
 * ```
 */
export const MilestoneEvidence = z.union([
  z.strictObject({ milestoneId: Id }),
  z.strictObject({ rule: z.unknown().check(z.refine((rule) => rule !== undefined, { error: 'required' })) }),
]);

/**
 * A milestone's evidence; see the {@link MilestoneEvidence} schema.
 *
 * @example
 * ```ts
 * import type { MilestoneEvidence } from 'successkit/baseline';
 *
 * const evidence: MilestoneEvidence = { milestoneId: 'ebr_1' };
 * ```
 */
export type MilestoneEvidence = z.infer<typeof MilestoneEvidence>;

const DueDay = z.int().check(z.minimum(0), z.maximum(maximumDueDay));

/**
 * One milestone of a baseline, as written: `id`, `name`, `dueDay` (days
 * from the account's start date, 0 = the first day), an optional
 * `valueTarget` (the share 0–1 of the account's target business value
 * expected by then), `evidence` (default: `milestone_reached` events with
 * the milestone's own id), `toleranceDays` (whole days either side of the
 * due day that still count as on time; default {@link defaultToleranceDays})
 * and `weight` (its weight in the pace index, default 1).
 *
 * @example
 * ```ts
 * import { Milestone } from 'successkit/baseline';
 *
 * Object.keys(Milestone.shape); // => ['id', 'name', 'dueDay', 'valueTarget', 'evidence', 'toleranceDays', 'weight']
 * ```
 */
export const Milestone = z.strictObject({
  /** The milestone's id, unique in its baseline. */
  id: Id,
  /** What a CSM and a customer call it. */
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  /** Days from the account's start date by which it is expected, days (0 = the start date). */
  dueDay: DueDay,
  /** Share (0–1) of the account's target business value expected by the due day. */
  valueTarget: z.optional(z.number().check(z.minimum(0), z.maximum(1))),
  /** What proves it was reached; default `{ milestoneId: id }`. */
  evidence: z.optional(MilestoneEvidence),
  /** Whole days before or after the due day that still count as on time, days; default {@link defaultToleranceDays}. */
  toleranceDays: z.optional(z.int().check(z.minimum(0), z.maximum(maximumDueDay))),
  /** Weight of the milestone in the pace index, a number > 0 (default 1). */
  weight: z.optional(z.number().check(z.positive(), z.maximum(1000))),
});

/**
 * A milestone as written; see the {@link Milestone} schema.
 *
 * @example
 * ```ts
 * import type { Milestone } from 'successkit/baseline';
 *
 * const firstLogin: Milestone = { id: 'first_login', name: 'First login', dueDay: 5 };
 * ```
 */
export type Milestone = z.infer<typeof Milestone>;

/**
 * The tolerance a milestone gets when its definition names none: 15% of its
 * due day, rounded, and at least 1 day — a day either side of a day-5 first
 * login, two weeks either side of a day-90 business review, six weeks
 * either side of a day-270 one. Plans slip in proportion to their horizon:
 * a week on the first days doubles the wait, a week on the ninth month is
 * calendar noise (holidays, a rescheduled meeting).
 *
 * @param dueDay - the milestone's due day, days from the start date
 * @returns the tolerance, whole days
 *
 * @example
 * ```ts
 * import { defaultToleranceDays } from 'successkit/baseline';
 *
 * [5, 10, 90, 270].map(defaultToleranceDays); // => [1, 2, 14, 41]
 * ```
 */
export function defaultToleranceDays(dueDay: number): number {
  return Math.max(1, Math.round(parseWith(DueDay, dueDay, { path: ['dueDay'] }) * 0.15));
}
