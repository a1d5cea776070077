import * as z from 'zod/mini';
import {
  CalendarDate,
  describeValue,
  fail,
  firstDayOfMonthIndex,
  fromEpochDay,
  isCalendarDate,
  isObjectRecord,
  monthIndexOf,
  notADate,
  parseWith,
  type PathSegment,
  Subscription,
  toEpochDay,
  readingInput,
} from '../core/internal.js';
import { ownEntry, type Accumulator } from './accumulator.js';
import { checkMinorUnits, minorUnitsPerMajor, toMajorUnits, toMinorUnits } from './money.js';
import { checkCount } from './count-checks.js';
import { checkObject } from './object-checks.js';

/**
 * Options of {@link cohortRetention} and {@link cohortRetentionAccumulator}.
 *
 * | option | meaning | default |
 * |---|---|---|
 * | `period` | cohorts and columns by `'month'`, `'quarter'` or `'year'` (calendar periods) | required |
 * | `asOf` | the day the table is drawn; only periods that ended by then are measured | required |
 * | `fractionDigits` | decimals of the currency's minor unit, 0 to 4 | 2 |
 *
 * @example
 * ```ts
 * import { CohortRetentionOptions } from 'successkit/metrics';
 *
 * CohortRetentionOptions.parse({ period: 'quarter', asOf: '2026-06-30' }); // => { period: 'quarter', asOf: '2026-06-30', fractionDigits: 2 }
 * ```
 */
export const CohortRetentionOptions = z.strictObject({
  period: z.enum(['month', 'quarter', 'year']),
  asOf: CalendarDate,
  fractionDigits: z._default(z.int().check(z.minimum(0), z.maximum(4)), 2),
});

/**
 * Options of {@link cohortRetention} as callers write them; see the
 * {@link CohortRetentionOptions} schema.
 *
 * @example
 * ```ts
 * import type { CohortRetentionOptions } from 'successkit/metrics';
 *
 * const options: CohortRetentionOptions = { period: 'month', asOf: '2026-06-30' };
 * ```
 */
export type CohortRetentionOptions = z.input<typeof CohortRetentionOptions>;

/**
 * A subscription as {@link cohortRetention} takes it: a core `Subscription`,
 * or the same fields with plain `'YYYY-MM-DD'` strings, checked on the way in.
 *
 * @example
 * ```ts
 * import type { SubscriptionInput } from 'successkit/metrics';
 *
 * const line: SubscriptionInput = { id: 'sub-1', accountId: 'acc-1', mrr: 4_000, startDate: '2024-04-01' };
 * ```
 */
export type SubscriptionInput = z.input<typeof Subscription>;

/**
 * One cell of a cohort table: the cohort at the end of its `index`-th period
 * (0 is the period it started in).
 *
 * @example
 * ```ts
 * import type { CohortPeriod } from 'successkit/metrics';
 *
 * import { calendarDate } from 'successkit/core';
 *
 * const cell: CohortPeriod = { index: 3, end: calendarDate('2026-03-31'), activeAccounts: 45, logoRetention: 0.9, mrr: 9_900, revenueRetention: 0.99 };
 * ```
 */
export interface CohortPeriod {
  /** Periods since the cohort's own period. */
  readonly index: number;
  /** The last day of the period, when the cohort is measured. */
  readonly end: CalendarDate;
  /** Cohort accounts paying on `end`. */
  readonly activeAccounts: number;
  /** activeAccounts ÷ the cohort's accounts, 0–1. */
  readonly logoRetention: number;
  /** The cohort's MRR on `end`, major units. */
  readonly mrr: number;
  /** mrr ÷ the cohort's starting MRR; above 1 when expansion outgrows churn; `null` when the starting MRR is 0. */
  readonly revenueRetention: number | null;
}

/**
 * One row of a cohort table: the accounts that first paid in one period.
 *
 * @example
 * ```ts
 * import type { CohortRow } from 'successkit/metrics';
 *
 * import { calendarDate } from 'successkit/core';
 *
 * const row: CohortRow = { cohort: calendarDate('2026-01-01'), accounts: 50, startingMrr: 10_000, periods: [] };
 * ```
 */
export interface CohortRow {
  /** The first day of the period the cohort's accounts first paid in. */
  readonly cohort: CalendarDate;
  /** Accounts in the cohort. */
  readonly accounts: number;
  /** Their MRR on the day each first paid, summed, major units. */
  readonly startingMrr: number;
  /** The cohort at the end of each period that has ended by `asOf`, oldest first. */
  readonly periods: readonly CohortPeriod[];
}

/**
 * A cohort retention table: cohorts by first paying period × periods since,
 * with logo and revenue retention in each cell.
 *
 * @example
 * ```ts
 * import { cohortRetention, type CohortRetention } from 'successkit/metrics';
 *
 * const table: CohortRetention = cohortRetention([], { period: 'month', asOf: '2026-06-30' });
 * table.cohorts; // => []
 * ```
 */
export interface CohortRetention {
  /** Cohorts and columns are calendar months, quarters or years. */
  readonly period: 'month' | 'quarter' | 'year';
  /** The day the table is drawn. */
  readonly asOf: CalendarDate;
  /** The currency of every subscription that names one; `null` when none does. */
  readonly currency: string | null;
  /** One row per cohort, oldest first. */
  readonly cohorts: readonly CohortRow[];
}

/**
 * The state of {@link cohortRetentionAccumulator}: per cohort (keyed by its
 * first day), account counts and MRR in minor units per period; plain JSON.
 *
 * @example
 * ```ts
 * import { cohortRetentionAccumulator, type CohortRetentionState } from 'successkit/metrics';
 *
 * const state: CohortRetentionState = cohortRetentionAccumulator({ period: 'month', asOf: '2026-06-30' }).init();
 * state.cohorts; // => {}
 * ```
 */
export interface CohortRetentionState {
  /** The currency seen so far, or `null`. */
  currency: string | null;
  /** Per cohort start date: accounts, starting MRR and per-period counts and MRR. */
  cohorts: Record<string, { accounts: number; startingMinor: number; active: number[]; mrrMinor: number[] }>;
}

/** One cohort in the state: sums in whole minor units, one entry per measured period. */
type CohortCells = CohortRetentionState['cohorts'][string];

const monthsPerPeriod = { month: 1, quarter: 3, year: 12 } as const;

type CohortPeriodLength = keyof typeof monthsPerPeriod;

interface Calendar {
  readonly months: number;
  readonly asOfDay: number;
}

const SubscriptionList = z.array(Subscription);

/** One account's cohort, starting MRR and per-period values, from its checked paying subscriptions. */
function accountCells(
  subscriptions: readonly Subscription[],
  calendar: Calendar,
  perMajor: number,
): { cohortMonth: number; startingMinor: number; active: number[]; mrrMinor: number[] } | null {
  const paying = subscriptions
    .filter((subscription) => subscription.mrr > 0)
    .map((subscription) => ({
      start: toEpochDay(subscription.startDate),
      end: subscription.endDate === undefined ? Number.POSITIVE_INFINITY : toEpochDay(subscription.endDate),
      minor: toMinorUnits(subscription.mrr, perMajor, ['mrr']),
    }))
    .filter((line) => line.start <= calendar.asOfDay);
  if (paying.length === 0) return null;
  const mrrOn = (day: number): number =>
    paying.reduce((sum, line) => (line.start <= day && day < line.end ? sum + line.minor : sum), 0);
  let firstDay = Number.POSITIVE_INFINITY;
  // A loop, not Math.min(...spread): an account may have more lines than the stack has room for arguments.
  for (const line of paying) if (line.start < firstDay) firstDay = line.start;
  const firstMonth = monthIndexOf(firstDay);
  const cohortMonth = firstMonth - (firstMonth % calendar.months);
  const active: number[] = [];
  const mrrMinor: number[] = [];
  for (let index = 0; ; index++) {
    const end = firstDayOfMonthIndex(cohortMonth + (index + 1) * calendar.months) - 1;
    if (end > calendar.asOfDay) break;
    const mrr = mrrOn(end);
    active.push(mrr > 0 ? 1 : 0);
    mrrMinor.push(mrr);
  }
  return { cohortMonth, startingMinor: mrrOn(firstDay), active, mrrMinor };
}

/** The number of periods of a cohort starting in month `cohortMonth` that have ended by `asOfDay`. */
function endedPeriods(cohortMonth: number, calendar: Calendar): number {
  let count = 0;
  while (firstDayOfMonthIndex(cohortMonth + (count + 1) * calendar.months) - 1 <= calendar.asOfDay) count++;
  return count;
}

/**
 * Checks one cohort of a state from elsewhere against what `add` can make:
 * its key is the first day of a period that began by `asOf`, it has one cell
 * per period ended by then, and no cell holds more accounts than the cohort
 * or MRR without a paying account.
 */
function checkCells(
  value: unknown,
  cohort: string,
  calendar: Calendar,
  path: readonly PathSegment[],
): asserts value is CohortCells {
  const day = isCalendarDate(cohort) ? toEpochDay(cohort) : Number.NaN;
  const cohortMonth = monthIndexOf(day);
  if (!(day <= calendar.asOfDay) || firstDayOfMonthIndex(cohortMonth) !== day || cohortMonth % calendar.months !== 0) {
    fail('invalid_input', path, `expected the first day of a period that began by asOf, got ${describeValue(cohort)}`);
  }
  checkObject(value, path);
  checkCount(value.accounts, [...path, 'accounts']);
  checkMinorUnits(value.startingMinor, [...path, 'startingMinor']);
  const { active, mrrMinor, accounts } = value;
  const periods = endedPeriods(cohortMonth, calendar);
  if (!Array.isArray(active) || !Array.isArray(mrrMinor) || active.length !== periods || mrrMinor.length !== periods) {
    fail('invalid_input', path, `expected active and mrrMinor lists of ${String(periods)} periods each, as of asOf`);
  }
  for (let index = 0; index < periods; index++) {
    const count: unknown = active[index];
    const minor: unknown = mrrMinor[index];
    checkCount(count, [...path, 'active', index]);
    checkMinorUnits(minor, [...path, 'mrrMinor', index]);
    if (count > accounts) {
      fail(
        'invalid_input',
        [...path, 'active', index],
        `expected at most the cohort's ${String(accounts)} accounts, got ${String(count)}`,
      );
    }
    if ((count === 0) !== (minor === 0)) {
      fail('invalid_input', [...path, 'mrrMinor', index], 'expected MRR exactly when an account is active');
    }
  }
}

function checkState(
  value: unknown,
  calendar: Calendar,
  path: readonly PathSegment[],
): asserts value is CohortRetentionState {
  checkObject(value, path);
  if (value.currency !== null && typeof value.currency !== 'string') {
    fail(
      'invalid_input',
      [...path, 'currency'],
      `expected a currency code or null, got ${describeValue(value.currency)}`,
    );
  }
  checkObject(value.cohorts, [...path, 'cohorts']);
  for (const [cohort, cells] of Object.entries(value.cohorts)) {
    checkCells(cells, cohort, calendar, [...path, 'cohorts', cohort]);
  }
}

function sameCurrency(a: string | null, b: string | null, path: readonly PathSegment[]): string | null {
  if (a !== null && b !== null && a !== b) {
    fail('invalid_input', path, `revenue needs one currency; found ${a} and ${b}`);
  }
  return a ?? b;
}

function addCells(target: CohortCells, cells: CohortCells): void {
  target.accounts += cells.accounts;
  target.startingMinor += cells.startingMinor;
  cells.active.forEach((count, index) => {
    target.active[index] = (target.active[index] ?? 0) + count;
  });
  cells.mrrMinor.forEach((minor, index) => {
    target.mrrMinor[index] = (target.mrrMinor[index] ?? 0) + minor;
  });
}

function emptyCells(): CohortCells {
  return { accounts: 0, startingMinor: 0, active: [], mrrMinor: [] };
}

function tableOf(
  state: CohortRetentionState,
  period: CohortPeriodLength,
  asOf: CalendarDate,
  perMajor: number,
): CohortRetention {
  const months = monthsPerPeriod[period];
  const cohorts = Object.keys(state.cohorts)
    .sort()
    .map((cohort): CohortRow => {
      const cells = state.cohorts[cohort] ?? emptyCells();
      const cohortMonth = monthIndexOf(toEpochDay(cohort));
      return {
        cohort: cohort as CalendarDate,
        accounts: cells.accounts,
        startingMrr: toMajorUnits(cells.startingMinor, perMajor),
        periods: cells.active.map((activeAccounts, index) => {
          const minor = cells.mrrMinor[index] ?? 0;
          return {
            index,
            end: fromEpochDay(firstDayOfMonthIndex(cohortMonth + (index + 1) * months) - 1) as CalendarDate,
            activeAccounts,
            logoRetention: cells.accounts === 0 ? 0 : activeAccounts / cells.accounts,
            mrr: toMajorUnits(minor, perMajor),
            revenueRetention: cells.startingMinor === 0 ? null : minor / cells.startingMinor,
          };
        }),
      };
    });
  return { period, asOf, currency: state.currency, cohorts };
}

interface CohortSettings {
  readonly period: 'month' | 'quarter' | 'year';
  readonly asOf: CalendarDate;
  readonly perMajor: number;
  readonly calendar: Calendar;
}

function cohortSettings(options: CohortRetentionOptions): CohortSettings {
  // A bad asOf is a bad date, as everywhere asOf is taken; the other options are checked by the schema.
  const asOfGiven: unknown = isObjectRecord(options) ? options.asOf : undefined;
  if (asOfGiven !== undefined && !isCalendarDate(asOfGiven)) fail('invalid_date', ['asOf'], notADate(asOfGiven));
  const { period, asOf, fractionDigits } = parseWith(CohortRetentionOptions, options);
  return {
    period,
    asOf,
    perMajor: minorUnitsPerMajor(fractionDigits),
    calendar: { months: monthsPerPeriod[period], asOfDay: toEpochDay(asOf) },
  };
}

/** Checks amounts and currencies of parsed subscriptions; returns the one currency seen, if any. */
function checkSubscriptions(
  subscriptions: readonly Subscription[],
  currency: string | null,
  perMajor: number,
): string | null {
  let seen = currency;
  subscriptions.forEach((subscription, index) => {
    toMinorUnits(subscription.mrr, perMajor, [index, 'mrr']);
    seen = sameCurrency(seen, subscription.currency ?? null, [index, 'currency']);
  });
  return seen;
}

/** Adds one account's checked subscriptions to a state. */
function addAccount(
  state: CohortRetentionState,
  subscriptions: readonly Subscription[],
  settings: CohortSettings,
): void {
  const cells = accountCells(subscriptions, settings.calendar, settings.perMajor);
  if (cells === null) return;
  const cohort = fromEpochDay(firstDayOfMonthIndex(cells.cohortMonth));
  addCells(ownEntry(state.cohorts, cohort, emptyCells), { ...cells, accounts: 1 });
}

function mergedStates(
  a: CohortRetentionState,
  b: CohortRetentionState,
  settings: CohortSettings,
): CohortRetentionState {
  checkState(a, settings.calendar, ['a']);
  checkState(b, settings.calendar, ['b']);
  const merged: CohortRetentionState = {
    currency: sameCurrency(a.currency, b.currency, ['b', 'currency']),
    cohorts: {},
  };
  for (const source of [a, b]) {
    for (const [cohort, cells] of Object.entries(source.cohorts)) {
      addCells(ownEntry(merged.cohorts, cohort, emptyCells), cells);
    }
  }
  return merged;
}

function accumulatorOf(
  settings: CohortSettings,
): Accumulator<readonly SubscriptionInput[], CohortRetentionState, CohortRetention> {
  return {
    init: () => ({ currency: null, cohorts: {} }),
    add: (state, row) => {
      const subscriptions = parseWith(SubscriptionList, row);
      state.currency = checkSubscriptions(subscriptions, state.currency, settings.perMajor);
      addAccount(state, subscriptions, settings);
      return state;
    },
    merge: (a, b) => readingInput(() => mergedStates(a, b, settings)),
    result: (state) =>
      readingInput(() => {
        checkState(state, settings.calendar, []);
        return tableOf(state, settings.period, settings.asOf, settings.perMajor);
      }),
  };
}

/**
 * The mergeable {@link Accumulator} of {@link cohortRetention}: each row is
 * the subscriptions of one account (all of them, so its first payment is
 * known), the state holds per-cohort counts and MRR in minor units.
 *
 * @param options - period, `asOf` and fraction digits; see {@link CohortRetentionOptions}
 * @returns the accumulator
 * @throws {@link core!SuccessKitError} `invalid_date` for an `asOf` that is not a real date, `invalid_input` for other bad options; its `add` throws `invalid_input` for a bad subscription (path `[index, field]`) or a second currency, `merge` and `result` for a malformed state
 *
 * @example
 * ```ts
 * import { accumulate, cohortRetentionAccumulator } from 'successkit/metrics';
 *
 * const metric = cohortRetentionAccumulator({ period: 'month', asOf: '2026-03-31' });
 * const state = accumulate(metric, [
 *   [{ id: 's1', accountId: 'a', mrr: 100, startDate: '2026-01-10', endDate: '2026-02-20' }],
 *   [{ id: 's2', accountId: 'b', mrr: 300, startDate: '2026-01-15' }],
 * ]);
 * metric.result(state).cohorts[0]?.periods.map((cell) => cell.activeAccounts); // => [2, 1, 1]
 * ```
 */
export function cohortRetentionAccumulator(
  options: CohortRetentionOptions,
): Accumulator<readonly SubscriptionInput[], CohortRetentionState, CohortRetention> {
  return accumulatorOf(cohortSettings(options));
}

/**
 * A cohort retention table from subscriptions: accounts grouped by the calendar
 * month, quarter or year they first paid in, and for each period since, the share of
 * the cohort still paying at the period's end (logo retention) and the
 * cohort's MRR then as a share of its starting MRR (revenue retention, which
 * can pass 100% as accounts expand). A customer that churns and returns
 * stays in its first cohort and counts again once it pays. Only periods that
 * have ended by `asOf` are measured; subscriptions with 0 MRR are ignored.
 *
 * @param subscriptions - every subscription of the accounts, core `Subscription`s, any order
 * @param options - period, `asOf` and fraction digits; see {@link CohortRetentionOptions}
 * @returns cohorts × periods; see {@link CohortRetention}
 * @throws {@link core!SuccessKitError} `invalid_input` for a bad subscription (path `[index, field]`), two currencies or bad options; `invalid_date` for a bad `asOf`
 *
 * @example
 * ```ts
 * import { cohortRetention } from 'successkit/metrics';
 *
 * const table = cohortRetention(
 *   [
 *     { id: 's1', accountId: 'a', mrr: 100, startDate: '2026-01-10', endDate: '2026-02-20' },
 *     { id: 's2', accountId: 'b', mrr: 300, startDate: '2026-01-15' },
 *     { id: 's3', accountId: 'b', mrr: 100, startDate: '2026-03-01' },
 *   ],
 *   { period: 'month', asOf: '2026-03-31' },
 * );
 * table.cohorts[0]?.periods.map((cell) => [cell.logoRetention, cell.revenueRetention]); // => [[1, 1], [0.5, 0.75], [0.5, 1]]
 * ```
 */
export function cohortRetention(
  subscriptions: readonly SubscriptionInput[],
  options: CohortRetentionOptions,
): CohortRetention {
  return readingInput(() => retentionTable(subscriptions, options));
}

function retentionTable(subscriptions: readonly SubscriptionInput[], options: CohortRetentionOptions): CohortRetention {
  const settings = cohortSettings(options);
  const parsed = parseWith(SubscriptionList, subscriptions);
  const state: CohortRetentionState = { currency: checkSubscriptions(parsed, null, settings.perMajor), cohorts: {} };
  const byAccount = new Map<string, Subscription[]>();
  for (const subscription of parsed) {
    const list = byAccount.get(subscription.accountId);
    if (list === undefined) byAccount.set(subscription.accountId, [subscription]);
    else list.push(subscription);
  }
  for (const account of byAccount.values()) addAccount(state, account, settings);
  return tableOf(state, settings.period, settings.asOf, settings.perMajor);
}
