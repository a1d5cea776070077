import { type CalendarDate, fromEpochDay, isCalendarDate, toEpochDay } from '../core/internal.js';

// Placing a portfolio turns the same few thousand days into labels and back
// again for every account: both directions are remembered, up to a bound.
const maximumEntries = 50_000;
const labels = new Map<number, CalendarDate>();
const numbers = new Map<string, number>();

/** The `YYYY-MM-DD` label of an epoch day, remembered. @internal */
export function dayLabel(day: number): CalendarDate {
  let label = labels.get(day);
  if (label === undefined) {
    label = fromEpochDay(day) as CalendarDate;
    if (labels.size >= maximumEntries) labels.clear();
    labels.set(day, label);
  }
  return label;
}

/** The epoch day of a real date, remembered. @internal */
export function dayNumber(date: CalendarDate): number {
  let day = numbers.get(date);
  if (day === undefined) {
    day = toEpochDay(date);
    if (numbers.size >= maximumEntries) numbers.clear();
    numbers.set(date, day);
  }
  return day;
}

/**
 * The epoch day of a value when it is a real `YYYY-MM-DD` date, else
 * `undefined`: a date remembered from an earlier call is known to be real, so
 * the usual case is one lookup, with no separate check of the text.
 *
 * @internal
 */
export function dayNumberOf(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const day = numbers.get(value);
  if (day !== undefined) return day;
  return isCalendarDate(value) ? dayNumber(value) : undefined;
}
