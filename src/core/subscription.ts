import * as z from 'zod/mini';
import { CalendarDate } from './calendar-date.js';
import { CurrencyCode, Id, inOrder, Money, onceFieldsAreValid } from './fields.js';
import { parseWith } from './parse.js';

/**
 * A recurring contract line: what an account pays per month for a plan, from
 * `startDate` up to but not including `endDate` (absent while it runs on).
 * `mrr` is in major units of `currency` per month.
 *
 * @example
 * ```ts
 * import { Subscription } from 'successkit/core';
 *
 * Subscription.parse({ id: 'sub-1', accountId: 'acc-1', plan: 'growth', mrr: 4_000, startDate: '2024-04-01' });
 * ```
 */
export const Subscription = z
  .strictObject({
    id: Id,
    accountId: Id,
    plan: z.optional(z.string().check(z.minLength(1))),
    mrr: Money,
    currency: z.optional(CurrencyCode),
    quantity: z.optional(z.int().check(z.nonnegative())),
    startDate: CalendarDate,
    endDate: z.optional(CalendarDate),
  })
  .check(
    z.refine((subscription) => inOrder(subscription.startDate, subscription.endDate), {
      ...onceFieldsAreValid,
      path: ['endDate'],
      error: 'endDate is before startDate',
    }),
  );

/**
 * A validated subscription; see the {@link Subscription} schema.
 *
 * @example
 * ```ts
 * import { calendarDate, type Subscription } from 'successkit/core';
 *
 * const line: Subscription = { id: 'sub-1', accountId: 'acc-1', mrr: 4_000, startDate: calendarDate('2024-04-01') };
 * ```
 */
export type Subscription = z.infer<typeof Subscription>;

/**
 * Validates one subscription.
 *
 * @param input - untrusted subscription data
 * @returns the subscription, typed
 * @throws {@link SuccessKitError} `invalid_input` naming each bad field
 *
 * @example
 * ```ts
 * import { parseSubscription } from 'successkit/core';
 *
 * parseSubscription({ id: 'sub-2', accountId: 'acc-1', mrr: 950, startDate: '2025-01-01', endDate: '2025-07-01' }).mrr; // => 950
 * ```
 */
export function parseSubscription(input: unknown): Subscription {
  return parseWith(Subscription, input);
}

/**
 * An account's monthly recurring revenue in one calendar month, as billing
 * reports it at month end. `month` is the month's first day; `mrr` is in
 * major units of the account's currency. A month with no snapshot counts as
 * zero MRR.
 *
 * @example
 * ```ts
 * import { MrrSnapshot } from 'successkit/core';
 *
 * MrrSnapshot.parse({ accountId: 'acc-1', month: '2025-06-01', mrr: 4_250 });
 * ```
 */
export const MrrSnapshot = z.strictObject({
  accountId: Id,
  month: CalendarDate.check(z.refine((month) => month.endsWith('-01'), 'expected the first day of a month')),
  mrr: Money,
});

/**
 * A validated MRR snapshot; see the {@link MrrSnapshot} schema.
 *
 * @example
 * ```ts
 * import { calendarDate, type MrrSnapshot } from 'successkit/core';
 *
 * const june: MrrSnapshot = { accountId: 'acc-1', month: calendarDate('2025-06-01'), mrr: 4_250 };
 * ```
 */
export type MrrSnapshot = z.infer<typeof MrrSnapshot>;

/**
 * Validates one MRR snapshot.
 *
 * @param input - untrusted MRR data
 * @returns the snapshot, typed
 * @throws {@link SuccessKitError} `invalid_input` naming each bad field
 *
 * @example
 * ```ts
 * import { parseMrrSnapshot } from 'successkit/core';
 *
 * parseMrrSnapshot({ accountId: 'acc-1', month: '2025-06-01', mrr: 4_250 }).mrr; // => 4250
 * parseMrrSnapshot({ accountId: 'acc-1', month: '2025-06-15', mrr: 4_250 }); // throws invalid_input
 * ```
 */
export function parseMrrSnapshot(input: unknown): MrrSnapshot {
  return parseWith(MrrSnapshot, input);
}
