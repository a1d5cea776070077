import * as z from 'zod/mini';
import { quoteText } from './describe-value.js';
import { parseWith } from './parse.js';

/** The message for a value that is not a calendar date; quotes strings, names other types. @internal */
export function notADate(value: unknown): string {
  return `expected a real calendar date as YYYY-MM-DD, got ${typeof value === 'string' ? quoteText(value, 40) : typeof value}`;
}

/**
 * A day on the calendar as `'YYYY-MM-DD'`, with no time and no time zone: a
 * contract start, a renewal, the day a survey was answered. Being a plain
 * string it sorts chronologically with `<` and survives JSON unchanged. The
 * brand keeps unchecked strings out; get one from {@link calendarDate}, the
 * date functions, or any `parse*` function.
 *
 * @example
 * ```ts
 * import { CalendarDate } from 'successkit/core';
 *
 * const renewal: CalendarDate = CalendarDate.parse('2026-03-31');
 * ```
 */
export const CalendarDate = z.iso.date({ error: (issue) => notADate(issue.input) }).brand<'CalendarDate'>();

/**
 * A validated `'YYYY-MM-DD'` string; see the {@link CalendarDate} schema.
 *
 * @example
 * ```ts
 * import { calendarDate, type CalendarDate } from 'successkit/core';
 *
 * const start: CalendarDate = calendarDate('2025-01-15');
 * ```
 */
export type CalendarDate = z.infer<typeof CalendarDate>;

/**
 * Checks that a value is a real calendar date written `YYYY-MM-DD` and returns
 * it typed. Rejects impossible days (`'2025-02-30'`), times
 * (`'2025-02-03T10:00'`), offsets and zones (`'2025-02-03Z'`), and anything
 * that is not a string.
 *
 * @param value - the candidate date
 * @returns the same string, branded as a {@link CalendarDate}
 * @throws {@link SuccessKitError} `invalid_date`
 *
 * @example
 * ```ts
 * import { calendarDate } from 'successkit/core';
 *
 * calendarDate('2024-02-29'); // => '2024-02-29'
 * calendarDate('2025-02-29'); // throws invalid_date
 * ```
 */
export function calendarDate(value: unknown): CalendarDate {
  return parseWith(CalendarDate, value, { code: 'invalid_date' });
}

/**
 * Tells whether a value is a real calendar date written `YYYY-MM-DD`, without
 * throwing.
 *
 * @param value - anything
 * @returns true when {@link calendarDate} would accept the value
 *
 * @example
 * ```ts
 * import { isCalendarDate } from 'successkit/core';
 *
 * isCalendarDate('2025-12-31'); // => true
 * isCalendarDate('2025-12-32'); // => false
 * ```
 */
export function isCalendarDate(value: unknown): value is CalendarDate {
  return typeof value === 'string' && z.regexes.date.test(value);
}
