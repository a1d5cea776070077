import * as z from 'zod/mini';
import { CalendarDate } from './calendar-date.js';
import { Id, onceFieldsAreValid } from './fields.js';
import { parseWith } from './parse.js';

/**
 * The length of the period a {@link UsageSnapshot} covers.
 *
 * @example
 * ```ts
 * import { UsagePeriod } from 'successkit/core';
 *
 * UsagePeriod.parse('month'); // => 'month'
 * ```
 */
export const UsagePeriod = z.enum(['day', 'week', 'month']);

/**
 * A usage period length; see the {@link UsagePeriod} schema.
 *
 * @example
 * ```ts
 * import type { UsagePeriod } from 'successkit/core';
 *
 * const period: UsagePeriod = 'week';
 * ```
 */
export type UsagePeriod = z.infer<typeof UsagePeriod>;

/**
 * Product usage of one account over one period, as product analytics report
 * it. Counts are whole numbers of people or actions.
 *
 * | field | meaning |
 * |---|---|
 * | `periodStart`, `period` | the period: its first day and its length |
 * | `activeUsers` | distinct users active in the period (MAU for a month) |
 * | `averageDailyActiveUsers` | mean daily active users over the period (DAU); at most `activeUsers` |
 * | `licenses` | seats paid for during the period |
 * | `logins` | sign-ins in the period |
 * | `featuresAdopted` | distinct key features used in the period |
 * | `events` | counts of key product events by name (`reports_created`, …) |
 *
 * @example
 * ```ts
 * import { UsageSnapshot } from 'successkit/core';
 *
 * UsageSnapshot.parse({
 *   accountId: 'acc-1',
 *   periodStart: '2025-06-01',
 *   period: 'month',
 *   activeUsers: 42,
 *   averageDailyActiveUsers: 17.5,
 *   licenses: 50,
 *   logins: 910,
 * });
 * ```
 */
export const UsageSnapshot = z
  .strictObject({
    accountId: Id,
    periodStart: CalendarDate,
    period: UsagePeriod,
    activeUsers: z.int().check(z.nonnegative()),
    averageDailyActiveUsers: z.optional(z.number().check(z.nonnegative())),
    licenses: z.optional(z.int().check(z.nonnegative())),
    logins: z.optional(z.int().check(z.nonnegative())),
    featuresAdopted: z.optional(z.int().check(z.nonnegative())),
    events: z.optional(z.record(z.string().check(z.minLength(1)), z.number().check(z.nonnegative()))),
  })
  .check(
    z.refine((usage) => (usage.averageDailyActiveUsers ?? 0) <= usage.activeUsers, {
      ...onceFieldsAreValid,
      path: ['averageDailyActiveUsers'],
      error: 'averageDailyActiveUsers exceeds activeUsers',
    }),
  );

/**
 * A validated usage snapshot; see the {@link UsageSnapshot} schema.
 *
 * @example
 * ```ts
 * import { calendarDate, type UsageSnapshot } from 'successkit/core';
 *
 * const june: UsageSnapshot = { accountId: 'acc-1', periodStart: calendarDate('2025-06-01'), period: 'month', activeUsers: 42 };
 * ```
 */
export type UsageSnapshot = z.infer<typeof UsageSnapshot>;

/**
 * Validates one usage snapshot.
 *
 * @param input - untrusted usage data
 * @returns the snapshot, typed
 * @throws {@link SuccessKitError} `invalid_input` naming each bad field
 *
 * @example
 * ```ts
 * import { parseUsageSnapshot } from 'successkit/core';
 *
 * parseUsageSnapshot({ accountId: 'acc-1', periodStart: '2025-06-01', period: 'month', activeUsers: 42 }).activeUsers; // => 42
 * ```
 */
export function parseUsageSnapshot(input: unknown): UsageSnapshot {
  return parseWith(UsageSnapshot, input);
}
