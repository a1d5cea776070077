import { type CalendarDate, fromEpochDay, isCalendarDate, toEpochDay } from '../core/internal.js';

/**
 * Reads `YYYY-MM-DD` strings as day numbers (days since 1970-01-01), checking
 * each distinct string once: a portfolio has millions of dated rows but only
 * a few thousand distinct days. Gives `NaN` for anything that is not a real
 * calendar date.
 *
 * @internal
 */
export type DayNumbers = (value: unknown) => number;

/**
 * The text of a day number that a {@link DayNumbers} reader has read, the
 * very string of a row, so a snapshot can name the date of a row without
 * reading the row again; a day it never read is formatted.
 *
 * @internal
 */
export type DayLabels = (day: number) => CalendarDate;

/**
 * `compute`, remembering its answer for each key it has seen: a portfolio's
 * millions of rows share a few thousand days, months and names, so each is
 * worked out once.
 *
 * @internal
 */
export function remembered<Key>(compute: (key: Key) => number): (key: Key) => number {
  const answers = new Map<Key, number>();
  return (key) => {
    let answer = answers.get(key);
    if (answer === undefined) {
      answer = compute(key);
      answers.set(key, answer);
    }
    return answer;
  };
}

/** A fresh {@link DayNumbers} reader with its own memory of the days it has seen, and the {@link DayLabels} of those days. @internal */
export function createDayNumbers(): { readonly dayOf: DayNumbers; readonly labelOf: DayLabels } {
  const labels = new Map<number, CalendarDate>();
  const dayOfText = remembered((value: string): number => {
    if (!isCalendarDate(value)) return Number.NaN;
    const day = toEpochDay(value);
    labels.set(day, value);
    return day;
  });
  const dayOf: DayNumbers = (value) => (typeof value === 'string' ? dayOfText(value) : Number.NaN);
  const labelOf: DayLabels = (day) => labels.get(day) ?? (fromEpochDay(day) as CalendarDate);
  return { dayOf, labelOf };
}

/** The day number of an optional date: `fallback` when absent, `NaN` when present but not a date. @internal */
export function optionalDay(dayOf: DayNumbers, value: unknown, fallback: number): number {
  return value === undefined ? fallback : dayOf(value);
}

/** Digits 0–9 as character codes start at 48. */
const zero = 48;

/**
 * The month index (year × 12 + month − 1) of a `YYYY-MM-DD` text that
 * {@link DayNumbers} accepted, read from its digits without allocating.
 *
 * @internal
 */
export function monthIndexOfDate(date: string): number {
  const year =
    (date.charCodeAt(0) - zero) * 1000 +
    (date.charCodeAt(1) - zero) * 100 +
    (date.charCodeAt(2) - zero) * 10 +
    (date.charCodeAt(3) - zero);
  return year * 12 + (date.charCodeAt(5) - zero) * 10 + (date.charCodeAt(6) - zero) - 1;
}
