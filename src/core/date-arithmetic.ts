import {
  addDays as addDaysInContext,
  addMonths as addMonthsInContext,
  startOfMonth,
  startOfQuarter,
  startOfYear,
} from 'date-fns';
import { isCalendarDate, notADate, type CalendarDate } from './calendar-date.js';
import { describeValue, quoteText } from './describe-value.js';
import { fromEpochDay, toEpochDay } from './epoch-day.js';
import { fail } from './parse.js';
import { UtcDate } from './utc-date.js';

/**
 * A calendar period that {@link startOfPeriod} can snap a date to.
 *
 * @example
 * ```ts
 * import type { CalendarPeriod } from 'successkit/core';
 *
 * const reporting: CalendarPeriod = 'quarter';
 * ```
 */
export type CalendarPeriod = 'month' | 'quarter' | 'year';

const millisecondsPerDay = 86_400_000;

function toUtcDate(date: CalendarDate, name: string): UtcDate {
  checkDate(date, name);
  const utc = new UtcDate(0);
  utc.setUTCFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return utc;
}

function toCalendarDate(date: Date): CalendarDate {
  const text = fromEpochDay(Math.floor(date.getTime() / millisecondsPerDay));
  if (!isCalendarDate(text)) fail('invalid_date', [], 'the result is outside the years 0000–9999');
  return text;
}

function checkDate(date: CalendarDate, name: string): void {
  if (!isCalendarDate(date)) fail('invalid_date', [name], notADate(date));
}

function checkInteger(value: number, name: string): void {
  if (!Number.isSafeInteger(value)) fail('invalid_input', [name], `expected integer, got ${describeValue(value)}`);
}

/**
 * Counts the calendar days from one date to another, in any time zone the
 * same.
 *
 * @param from - the earlier date (or later, for a negative count)
 * @param to - the date counted to
 * @returns whole days, `to − from`: positive when `to` is later
 * @throws {@link SuccessKitError} `invalid_date` when either argument is not a real date
 *
 * @example
 * ```ts
 * import { calendarDate, daysBetween } from 'successkit/core';
 *
 * daysBetween(calendarDate('2025-01-01'), calendarDate('2025-03-01')); // => 59
 * ```
 */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  checkDate(from, 'from');
  checkDate(to, 'to');
  // Day numbers, not date-fns' differenceInCalendarDays: it goes through
  // Date.UTC, which reads years 0–99 as 1900–1999 and so loses 0000-02-29.
  return toEpochDay(to) - toEpochDay(from);
}

/**
 * Moves a date by whole days.
 *
 * @param date - the starting date
 * @param days - days to add; negative moves back
 * @returns the new date
 * @throws {@link SuccessKitError} `invalid_date` for a bad date or a result outside 0000–9999, `invalid_input` for a non-integer count
 *
 * @example
 * ```ts
 * import { addDays, calendarDate } from 'successkit/core';
 *
 * addDays(calendarDate('2024-02-28'), 2); // => '2024-03-01'
 * ```
 */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  checkInteger(days, 'days');
  return toCalendarDate(addDaysInContext(toUtcDate(date, 'date'), days));
}

/**
 * Moves a date by whole months, keeping the day of the month where it exists
 * and otherwise landing on the month's last day (Jan 31 + 1 month = Feb 28 or
 * 29), as contract anniversaries do.
 *
 * @param date - the starting date
 * @param months - months to add; negative moves back
 * @returns the new date
 * @throws {@link SuccessKitError} `invalid_date` for a bad date or a result outside 0000–9999, `invalid_input` for a non-integer count
 *
 * @example
 * ```ts
 * import { addMonths, calendarDate } from 'successkit/core';
 *
 * addMonths(calendarDate('2025-01-31'), 1); // => '2025-02-28'
 * addMonths(calendarDate('2025-03-15'), 12); // => '2026-03-15'
 * ```
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  checkInteger(months, 'months');
  return toCalendarDate(addMonthsInContext(toUtcDate(date, 'date'), months));
}

const periodStarts = { month: startOfMonth, quarter: startOfQuarter, year: startOfYear } as const;

/**
 * Snaps a date to the first day of its month, calendar quarter or year.
 *
 * @param date - any date in the period
 * @param period - `'month'`, `'quarter'` (Jan, Apr, Jul, Oct) or `'year'`
 * @returns the first day of the period
 * @throws {@link SuccessKitError} `invalid_date` for a bad date, `invalid_input` for an unknown period
 *
 * @example
 * ```ts
 * import { calendarDate, startOfPeriod } from 'successkit/core';
 *
 * startOfPeriod(calendarDate('2025-08-19'), 'quarter'); // => '2025-07-01'
 * ```
 */
export function startOfPeriod(date: CalendarDate, period: CalendarPeriod): CalendarDate {
  if (typeof period !== 'string' || !Object.hasOwn(periodStarts, period)) {
    const got = typeof period === 'string' ? quoteText(period, 20) : describeValue(period);
    fail('invalid_input', ['period'], `expected one of "month", "quarter", "year", got ${got}`);
  }
  return toCalendarDate(periodStarts[period](toUtcDate(date, 'date')));
}
