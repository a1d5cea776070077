import { isCalendarDate, toEpochDay } from '../core/internal.js';

/**
 * Reads `YYYY-MM-DD` strings as day numbers (days since 1970-01-01), checking
 * each distinct string once: a portfolio has millions of dated rows but only
 * a few thousand distinct days. Gives `NaN` for anything that is not a real
 * calendar date.
 *
 * @internal
 */
export type DayNumbers = (value: unknown) => number;

/** A fresh {@link DayNumbers} reader with its own memory of the days it has seen. @internal */
export function createDayNumbers(): DayNumbers {
  const days = new Map<string, number>();
  return (value) => {
    if (typeof value !== 'string') return Number.NaN;
    let day = days.get(value);
    if (day === undefined) {
      day = isCalendarDate(value) ? toEpochDay(value) : Number.NaN;
      days.set(value, day);
    }
    return day;
  };
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
