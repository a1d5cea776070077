import * as z from 'zod/mini';
import { CalendarDate, fail, parseWith } from '../core/internal.js';
import type { AccountSnapshot } from './account-snapshot.js';
import { rowAt } from './grouped-rows.js';
import { indexPortfolio, type PortfolioIndex } from './portfolio-index.js';
import type { SnapshotPortfolio } from './snapshot-portfolio.js';
import { snapshotDay, snapshotOnDay } from './snapshot-on-day.js';

/**
 * Days in the window of the in-window fields, ending on `asOf`: 1 to 3,650,
 * 90 by default.
 *
 * @example
 * ```ts
 * import { WindowDays } from 'successkit/snapshot';
 *
 * WindowDays.parse(undefined); // => 90
 * ```
 */
export const WindowDays = z._default(z.int().check(z.minimum(1), z.maximum(3650)), 90);

/**
 * A window length as callers write it; see the {@link WindowDays} schema.
 *
 * @example
 * ```ts
 * import type { WindowDays } from 'successkit/snapshot';
 *
 * const quarter: WindowDays = 90;
 * ```
 */
export type WindowDays = z.input<typeof WindowDays>;

/**
 * Options of {@link accountSnapshots}.
 *
 * | option | meaning | default |
 * |---|---|---|
 * | `asOf` | the day the snapshots describe; nothing dated after it is read | the portfolio's `asOf` |
 * | `windowDays` | days in the window of the in-window fields (tickets opened, NPS, …), ending on `asOf` | 90 |
 *
 * @example
 * ```ts
 * import { AccountSnapshotsOptions } from 'successkit/snapshot';
 *
 * AccountSnapshotsOptions.parse({ asOf: '2026-03-31' }); // => { asOf: '2026-03-31', windowDays: 90 }
 * ```
 */
export const AccountSnapshotsOptions = z.strictObject({
  asOf: z.optional(CalendarDate),
  windowDays: WindowDays,
});

/**
 * Options of {@link accountSnapshots} as callers write them; see the
 * {@link AccountSnapshotsOptions} schema.
 *
 * @example
 * ```ts
 * import { calendarDate } from 'successkit/core';
 * import type { AccountSnapshotsOptions } from 'successkit/snapshot';
 *
 * const lastQuarter: AccountSnapshotsOptions = { asOf: calendarDate('2026-03-31'), windowDays: 30 };
 * ```
 */
export type AccountSnapshotsOptions = z.input<typeof AccountSnapshotsOptions>;

/**
 * The snapshots of a portfolio on one day.
 *
 * @example
 * ```ts
 * import { accountSnapshots, type AccountSnapshots } from 'successkit/snapshot';
 * import { samplePortfolio } from 'successkit/sample';
 *
 * const result: AccountSnapshots = accountSnapshots(samplePortfolio({ accounts: 5, asOf: '2026-06-30' }));
 * result.windowDays; // => 90
 * ```
 */
export interface AccountSnapshots {
  /** The day the snapshots describe. */
  readonly asOf: CalendarDate;
  /** Days in the window, ending on `asOf`. */
  readonly windowDays: number;
  /** One snapshot per account that has started by `asOf`, in the portfolio's account order. */
  readonly snapshots: AccountSnapshot[];
  /** Accounts left out because their `startDate` is after `asOf`, a count. */
  readonly notStarted: number;
}

/** The options argument parsed: absent means defaults; `null` or any non-object is `invalid_input` at `options`. @internal */
export function parseOptions<Schema extends z.core.$ZodType>(schema: Schema, options: unknown): z.output<Schema> {
  return parseWith(schema, options === undefined ? {} : options, { path: ['options'] });
}

/** The day to snapshot: the one asked for, else the portfolio's. @internal */
export function resolveAsOf(asked: CalendarDate | undefined, index: PortfolioIndex, name: string): CalendarDate {
  const asOf = asked ?? index.asOf;
  if (asOf === undefined) fail('invalid_input', ['options', name], 'required: the portfolio has no asOf');
  return asOf;
}

/**
 * The snapshots of every account of an index on each of some days, in the
 * order of the days. The days are taken account by account: each account's
 * rows are walked for every day while they are at hand, where walking the
 * whole index once a day would fetch them from memory again each day.
 *
 * @internal
 */
export function snapshotsOnDays(
  index: PortfolioIndex,
  days: readonly CalendarDate[],
  windowDays: number,
): AccountSnapshots[] {
  const walks = days.map((asOf) => ({
    day: snapshotDay(asOf, windowDays),
    snapshots: [] as AccountSnapshot[],
    notStarted: 0,
  }));
  for (let position = 0; position < index.accounts.length; position++) {
    const start = index.accounts[position]?.start ?? 0;
    for (const walk of walks) {
      if (start > walk.day.asOfDay) walk.notStarted++;
      else walk.snapshots.push(snapshotOnDay(index, position, walk.day));
    }
  }
  return walks.map(({ day, snapshots, notStarted }) => ({ asOf: day.asOf, windowDays, snapshots, notStarted }));
}

/**
 * Builds one {@link AccountSnapshot} per account: what is known about it on
 * `asOf`, from the account record and every row dated on or before that day.
 * Nothing dated later is read — a survey, event, usage period or MRR month
 * after `asOf` changes nothing — so last month's `asOf` gives last month's
 * snapshots, exactly as they would have been built then, and a health score
 * evaluated on them has no look-ahead.
 *
 * What counts by when:
 * - an event or a survey answer counts from its `date`; a ticket is open
 *   until its `resolvedDate`; a contact is there until their `leftDate`;
 * - a usage period counts once it has ended (a month from the 1st counts from
 *   its last day on), since its figures cover every day of it;
 * - an MRR snapshot counts once its month has ended, as billing reports it;
 * - the account record's own fields (name, segment, plan, renewal date,
 *   attributes) are taken as they are: the portfolio keeps no history of
 *   them. Its `churnDate` counts from that day; its `arr` and `licenses` are
 *   not read (ARR comes from the MRR history, seats from usage).
 *
 * The portfolio is read in one pass, linear in its rows: rows are grouped by
 * account and ordered by day once. Rows are checked as they are read, the
 * fields snapshots use against core's schemas; `parsePortfolio` checks the
 * rest.
 *
 * @param portfolio - a core `Portfolio`, or the parts of it a host has; see {@link SnapshotPortfolio}
 * @param options - see {@link AccountSnapshotsOptions}
 * @returns the snapshots of every account that has started by `asOf`, in account order, and how many were left out
 * @throws {@link core!SuccessKitError} `invalid_input` for bad options (path `['options', …]`) and for the first row that is not valid (path `[list, index, field]`, such as `['events', 3, 'date']`); `invalid_reference` for duplicate account ids, for rows whose `accountId` names no account (an event is named by its id) for a second MRR snapshot of an account in one month, and for a contact, survey or event that repeats the id of another of the same account and day (the same record listed twice), up to 100 issues
 *
 * @example
 * ```ts
 * import { parsePortfolio } from 'successkit/core';
 * import { accountSnapshots } from 'successkit/snapshot';
 *
 * const portfolio = parsePortfolio({
 *   asOf: '2026-06-30',
 *   accounts: [{ id: 'acc-1', name: 'Acme', arr: 48_000, startDate: '2025-01-01', renewalDate: '2027-01-01' }],
 *   mrr: [{ accountId: 'acc-1', month: '2026-05-01', mrr: 4_000 }, { accountId: 'acc-1', month: '2026-06-01', mrr: 4_500 }],
 *   events: [{ id: 'e1', accountId: 'acc-1', date: '2026-06-02', type: 'ticket', ticketId: 'T-1', priority: 'urgent' }],
 * });
 * const [acme] = accountSnapshots(portfolio).snapshots;
 * [acme?.arr, acme?.mrrChange30Days, acme?.openTickets, acme?.licenseUtilization]; // => [54000, 500, 1, null]
 * accountSnapshots(portfolio, { asOf: '2026-05-31' }).snapshots[0]?.openTickets; // => 0
 * accountSnapshots(portfolio, { windowDays: 0 }); // throws invalid_input
 * ```
 */
export function accountSnapshots(portfolio: SnapshotPortfolio, options?: AccountSnapshotsOptions): AccountSnapshots {
  const settings = parseOptions(AccountSnapshotsOptions, options);
  const index = indexPortfolio(portfolio);
  const asOf = resolveAsOf(settings.asOf, index, 'asOf');
  return rowAt(snapshotsOnDays(index, [asOf], settings.windowDays), 0);
}
