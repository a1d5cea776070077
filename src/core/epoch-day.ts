/**
 * Calendar dates as whole days since 1970-01-01 (the epoch day), in the
 * proleptic Gregorian calendar. Integer arithmetic after Howard Hinnant's
 * `days_from_civil` / `civil_from_days`, so hot loops (the sample generator,
 * compiled rules) count days without allocating a Date, and exact in every
 * year 0000–9999, where JS Date reads years 0–99 as 1900–1999 in `Date.UTC`.
 * `daysBetween` counts with them; `addDays`, `addMonths` and `startOfPeriod`
 * are built on date-fns; tests check that both agree in every year.
 *
 * @internal
 */

/** Days since 1970-01-01 of a year, month (1–12) and day. */
export function epochDayOf(year: number, month: number, day: number): number {
  const shiftedYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(shiftedYear / 400);
  const yearOfEra = shiftedYear - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The year, month (1–12) and day of an epoch day. */
export function civilOf(epochDay: number): [year: number, month: number, day: number] {
  const shifted = epochDay + 719468;
  const era = Math.floor(shifted / 146097);
  const dayOfEra = shifted - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

/** Months since January of year 0 of an epoch day: year × 12 + month − 1. */
export function monthIndexOf(epochDay: number): number {
  const [year, month] = civilOf(epochDay);
  return year * 12 + month - 1;
}

/** The epoch day of the first day of a month index (see {@link monthIndexOf}); negative indices are years before 0. */
export function firstDayOfMonthIndex(monthIndex: number): number {
  const year = Math.floor(monthIndex / 12);
  return epochDayOf(year, monthIndex - 12 * year + 1, 1);
}

/** The number of days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  return month === 12 ? 31 : epochDayOf(year, month + 1, 1) - epochDayOf(year, month, 1);
}

/**
 * The epoch day `months` calendar months after `epochDay` (before, when
 * negative): the same day of the month, or the month's last day where it has
 * none (Jan 31 + 1 month = Feb 28 or 29), as `addMonths` and contract
 * anniversaries count. Results outside 0000–9999 are not checked.
 */
export function addMonthsToEpochDay(epochDay: number, months: number): number {
  const [year, month, day] = civilOf(epochDay);
  const monthIndex = year * 12 + month - 1 + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - 12 * targetYear + 1;
  return epochDayOf(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** Days since 1970-01-01 of a well-formed `YYYY-MM-DD` string; not validated. */
export function toEpochDay(date: string): number {
  return epochDayOf(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** The `YYYY-MM-DD` string of an epoch day; years outside 0000–9999 are not checked. */
export function fromEpochDay(epochDay: number): string {
  const [year, month, day] = civilOf(epochDay);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}
