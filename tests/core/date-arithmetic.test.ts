import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { calendarDate, type CalendarDate } from '../../src/core/calendar-date';
import { addDays, addMonths, daysBetween, startOfPeriod, type CalendarPeriod } from '../../src/core/date-arithmetic';
import { fromEpochDay, toEpochDay } from '../../src/core/epoch-day';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { cyclicObject, deeplyNestedArray, nullPrototypeObject } from '../hostile-values';

const d = calendarDate;
const millisecondsPerDay = 86_400_000;

/** Days from 0000-01-01 to 9999-12-31 as the platform counts them in UTC: an oracle independent of date-fns. */
const utcDay = (date: string): number => Date.parse(`${date}T00:00:00Z`) / millisecondsPerDay;
const fromUtcDay = (day: number): string => new Date(day * millisecondsPerDay).toISOString().slice(0, 10);

const inRange = (day: number): boolean => day >= utcDay('0000-01-01') && day <= utcDay('9999-12-31');

/** Any date of 0000–9999, with the years 0000–0099 (where JS Date reads years as 19xx) drawn often. */
const dates = fc
  .oneof(
    fc.integer({ min: utcDay('0000-01-01'), max: utcDay('9999-12-31') }),
    fc.integer({ min: utcDay('0000-01-01'), max: utcDay('0099-12-31') }),
  )
  .map((day) => fromUtcDay(day) as CalendarDate);

/** Expected month arithmetic: same day of the month, else the month's last day. */
function expectedAddMonths(date: string, months: number): string {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const text = (value: number, width: number): string => String(value).padStart(width, '0');
  // Day 0 of the next month is this month's last day; setUTCFullYear reads years 0–99 as written, and 10000 is fine.
  const monthEnd = new Date(0);
  monthEnd.setUTCFullYear(year, month, 0);
  const lastDay = monthEnd.getUTCDate();
  return `${text(year, 4)}-${text(month, 2)}-${text(Math.min(Number(date.slice(8, 10)), lastDay), 2)}`;
}

/**
 * Zones that break naive local-time date code: UTC; Los Angeles (DST, a
 * negative offset that moves UTC midnight to the previous day); Kiritimati
 * (UTC+14, and it skipped 1994-12-31 entirely); Lord Howe (a 30-minute DST
 * shift); Sao Paulo (DST changes at midnight, in its historic rules).
 */
const zones = ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Australia/Lord_Howe', 'America/Sao_Paulo'];
const originalZone = process.env.TZ;

function inEveryZone(check: () => void): void {
  for (const zone of zones) {
    process.env.TZ = zone;
    check();
  }
}

afterEach(() => {
  if (originalZone === undefined) delete process.env.TZ;
  else process.env.TZ = originalZone;
});

describe('time zones', () => {
  it('the test really switches zones', () => {
    const offsets = zones.map((zone) => {
      process.env.TZ = zone;
      return new Date(2025, 0, 1).getTimezoneOffset();
    });
    expect(offsets).toEqual([0, 480, -840, -660, 180]);
  });

  it('gives the same results in every zone, across DST changes and a skipped day', () => {
    inEveryZone(() => {
      expect(daysBetween(d('2025-03-08'), d('2025-03-10'))).toBe(2); // US spring forward on 03-09
      expect(daysBetween(d('2025-11-01'), d('2025-11-03'))).toBe(2); // US fall back on 11-02
      expect(addDays(d('2025-03-08'), 1)).toBe('2025-03-09');
      expect(addDays(d('2025-11-02'), 1)).toBe('2025-11-03');
      expect(addDays(d('1994-12-30'), 1)).toBe('1994-12-31'); // a day Kiritimati never had
      expect(daysBetween(d('1994-12-30'), d('1995-01-01'))).toBe(2);
      expect(addMonths(d('1994-11-30'), 1)).toBe('1994-12-30');
      expect(addMonths(d('2018-10-31'), 1)).toBe('2018-11-30'); // Sao Paulo DST began at midnight 2018-11-04
      expect(addDays(d('2018-11-03'), 1)).toBe('2018-11-04');
      expect(startOfPeriod(d('2018-11-04'), 'month')).toBe('2018-11-01');
      expect(startOfPeriod(d('1994-12-31'), 'quarter')).toBe('1994-10-01');
      expect(startOfPeriod(d('1995-01-01'), 'year')).toBe('1995-01-01');
    });
  });

  it('matches the UTC oracle for random dates in every zone', () => {
    inEveryZone(() => {
      fc.assert(
        fc.property(dates, fc.integer({ min: -5000, max: 5000 }), (date, days) => {
          fc.pre(inRange(utcDay(date) + days));
          expect(addDays(date, days)).toBe(fromUtcDay(utcDay(date) + days));
        }),
        { numRuns: 60 },
      );
    });
  });
});

describe('daysBetween', () => {
  it('counts calendar days from the first date to the second', () => {
    expect(daysBetween(d('2025-01-01'), d('2025-03-01'))).toBe(59);
    expect(daysBetween(d('2024-01-01'), d('2024-03-01'))).toBe(60);
    expect(daysBetween(d('2025-03-01'), d('2025-01-01'))).toBe(-59);
    expect(daysBetween(d('2025-06-30'), d('2025-06-30'))).toBe(0);
    expect(daysBetween(d('0000-01-01'), d('9999-12-31'))).toBe(3_652_424);
  });

  it('counts 0000-02-29 to 0000-03-01 as 1 day: year 0 is a leap year', () => {
    expect(daysBetween(d('0000-02-29'), d('0000-03-01'))).toBe(1);
    expect(daysBetween(d('0000-02-28'), d('0000-02-29'))).toBe(1);
    expect(daysBetween(d('0000-01-01'), d('0001-01-01'))).toBe(366);
    expect(daysBetween(d('0000-03-01'), d('0000-02-29'))).toBe(-1);
  });

  it('agrees with the UTC oracle and is antisymmetric', () => {
    fc.assert(
      fc.property(dates, dates, (from, to) => {
        expect(daysBetween(from, to)).toBe(utcDay(to) - utcDay(from));
        expect(daysBetween(to, from) + daysBetween(from, to)).toBe(0);
      }),
    );
  });

  it('rejects a date that is not real, naming the argument', () => {
    const error = catchSuccessKitError(() => daysBetween(d('2025-01-01'), '2025-02-30' as CalendarDate));
    expect(error.code).toBe('invalid_date');
    expect(issuePaths(error)).toEqual(['to']);
    expect(issuePaths(catchSuccessKitError(() => daysBetween('soon' as CalendarDate, d('2025-01-01'))))).toEqual([
      'from',
    ]);
  });
});

describe('addDays', () => {
  it('moves across month, year and leap-day boundaries', () => {
    expect(addDays(d('2024-02-28'), 1)).toBe('2024-02-29');
    expect(addDays(d('2024-02-28'), 2)).toBe('2024-03-01');
    expect(addDays(d('2025-12-31'), 1)).toBe('2026-01-01');
    expect(addDays(d('2025-01-01'), -1)).toBe('2024-12-31');
    expect(addDays(d('2025-05-05'), 0)).toBe('2025-05-05');
  });

  it('is undone by daysBetween over the years 0000–9999', () => {
    const counts = fc.oneof(fc.integer({ min: -400, max: 400 }), fc.integer({ min: -3_652_424, max: 3_652_424 }));
    fc.assert(
      fc.property(dates, counts, (date, days) => {
        fc.pre(inRange(utcDay(date) + days));
        expect(daysBetween(date, addDays(date, days))).toBe(days);
      }),
      { numRuns: 2_000 },
    );
  });

  it('rejects fractional, non-finite and unsafe counts with invalid_input', () => {
    for (const days of [1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60]) {
      const error = catchSuccessKitError(() => addDays(d('2025-01-01'), days));
      expect(error.code).toBe('invalid_input');
      expect(issuePaths(error)).toEqual(['days']);
    }
  });

  it('rejects results outside the years 0000–9999 with invalid_date', () => {
    expect(catchSuccessKitError(() => addDays(d('9999-12-31'), 1)).message).toBe(
      'invalid_date: the result is outside the years 0000–9999',
    );
    expect(catchSuccessKitError(() => addDays(d('0000-01-01'), -1)).code).toBe('invalid_date');
    expect(catchSuccessKitError(() => addDays(d('2025-01-01'), 9_000_000_000)).code).toBe('invalid_date');
  });

  it('rejects a bad date', () => {
    expect(issuePaths(catchSuccessKitError(() => addDays('2025-13-01' as CalendarDate, 1)))).toEqual(['date']);
  });

  it('describes a hostile count or date in its message instead of crashing on it', () => {
    expect(
      catchSuccessKitError(() => addDays(d('2024-02-28'), nullPrototypeObject() as unknown as number)).issues,
    ).toEqual([{ path: ['days'], message: 'expected integer, got object' }]);
    expect(catchSuccessKitError(() => addDays(d('2024-02-28'), 10n as unknown as number)).issues).toEqual([
      { path: ['days'], message: 'expected integer, got 10n' },
    ]);
    expect(catchSuccessKitError(() => addDays(deeplyNestedArray(10_000) as unknown as CalendarDate, 1)).issues).toEqual(
      [{ path: ['date'], message: 'expected a real calendar date as YYYY-MM-DD, got object' }],
    );
  });
});

describe('addMonths', () => {
  it('keeps the day of the month, or lands on the month end', () => {
    expect(addMonths(d('2025-01-31'), 1)).toBe('2025-02-28');
    expect(addMonths(d('2024-01-31'), 1)).toBe('2024-02-29');
    expect(addMonths(d('2024-02-29'), 12)).toBe('2025-02-28');
    expect(addMonths(d('2025-03-31'), -1)).toBe('2025-02-28');
    expect(addMonths(d('2025-03-15'), 12)).toBe('2026-03-15');
    expect(addMonths(d('2025-11-30'), 3)).toBe('2026-02-28');
    expect(addMonths(d('2025-05-05'), 0)).toBe('2025-05-05');
    expect(addMonths(d('0001-03-31'), -1)).toBe('0001-02-28');
  });

  it('lands on the month end of December 9999', () => {
    expect(addMonths(d('9999-11-30'), 1)).toBe('9999-12-30');
    expect(addMonths(d('9999-12-01'), 0)).toBe('9999-12-01');
  });

  it('matches the day-of-month rule for random dates and counts', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: -1200, max: 1200 }), (date, months) => {
        const expected = expectedAddMonths(date, months);
        fc.pre(/^\d{4}-/.test(expected));
        expect(addMonths(date, months)).toBe(expected);
      }),
    );
  });

  it('rejects bad counts and out-of-range results', () => {
    expect(issuePaths(catchSuccessKitError(() => addMonths(d('2025-01-01'), 0.5)))).toEqual(['months']);
    expect(catchSuccessKitError(() => addMonths(d('9999-12-01'), 1)).code).toBe('invalid_date');
    expect(catchSuccessKitError(() => addMonths('2025-1-1' as CalendarDate, 1)).code).toBe('invalid_date');
  });
});

describe('startOfPeriod', () => {
  it('snaps to the first day of the month, quarter or year', () => {
    expect(startOfPeriod(d('2025-08-19'), 'month')).toBe('2025-08-01');
    expect(startOfPeriod(d('2025-08-19'), 'quarter')).toBe('2025-07-01');
    expect(startOfPeriod(d('2025-12-31'), 'quarter')).toBe('2025-10-01');
    expect(startOfPeriod(d('2025-03-31'), 'quarter')).toBe('2025-01-01');
    expect(startOfPeriod(d('2025-08-19'), 'year')).toBe('2025-01-01');
    expect(startOfPeriod(d('0050-05-05'), 'year')).toBe('0050-01-01');
  });

  it('is idempotent, never after the date, and within a year of it', () => {
    fc.assert(
      fc.property(dates, fc.constantFrom<CalendarPeriod>('month', 'quarter', 'year'), (date, period) => {
        const start = startOfPeriod(date, period);
        expect(startOfPeriod(start, period)).toBe(start);
        expect(daysBetween(start, date)).toBeGreaterThanOrEqual(0);
        expect(daysBetween(start, date)).toBeLessThan(366);
        expect(start.slice(8)).toBe('01');
      }),
    );
  });

  it('rejects an unknown period and a bad date', () => {
    const error = catchSuccessKitError(() => startOfPeriod(d('2025-01-01'), 'week' as CalendarPeriod));
    expect(error.code).toBe('invalid_input');
    expect(error.issues[0]?.message).toBe('expected one of "month", "quarter", "year", got "week"');
    expect(catchSuccessKitError(() => startOfPeriod(d('2025-01-01'), 'constructor' as CalendarPeriod)).code).toBe(
      'invalid_input',
    );
    expect(catchSuccessKitError(() => startOfPeriod('2025-02-30' as CalendarDate, 'month')).code).toBe('invalid_date');
  });

  it('describes a hostile period in its message instead of crashing on it', () => {
    const messageFor = (period: unknown) =>
      catchSuccessKitError(() => startOfPeriod(d('2025-08-19'), period as CalendarPeriod)).issues[0]?.message;
    expect(messageFor(10n)).toBe('expected one of "month", "quarter", "year", got 10n');
    expect(messageFor(cyclicObject())).toBe('expected one of "month", "quarter", "year", got object');
    expect(messageFor(nullPrototypeObject())).toBe('expected one of "month", "quarter", "year", got object');
    expect(messageFor(Symbol('month'))).toBe('expected one of "month", "quarter", "year", got symbol');
  });
});

describe('years 0000–0099, which JS Date reads as 1900–1999 in Date.UTC and new Date(y, m, d)', () => {
  it('every date function is exact on every day of them', () => {
    const wrong: string[] = [];
    for (let day = toEpochDay('0000-01-01'); day <= toEpochDay('0100-12-31'); day++) {
      const date = fromEpochDay(day) as CalendarDate;
      const [year, month] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
      const text = (value: number, width: number): string => String(value).padStart(width, '0');
      const quarterMonth = Math.floor((month - 1) / 3) * 3 + 1;
      if (daysBetween(date, fromEpochDay(day + 1) as CalendarDate) !== 1) wrong.push(`daysBetween ${date}`);
      if (daysBetween(d('0000-01-01'), date) !== day - toEpochDay('0000-01-01'))
        wrong.push(`daysBetween from 0000 ${date}`);
      if (addDays(date, 1) !== fromEpochDay(day + 1)) wrong.push(`addDays ${date} 1`);
      if (day > toEpochDay('0000-01-01') && addDays(date, -1) !== fromEpochDay(day - 1))
        wrong.push(`addDays ${date} -1`);
      if (addMonths(date, 1) !== expectedAddMonths(date, 1)) wrong.push(`addMonths ${date} 1`);
      if (year > 0 && addMonths(date, -12) !== expectedAddMonths(date, -12)) wrong.push(`addMonths ${date} -12`);
      if (startOfPeriod(date, 'month') !== `${date.slice(0, 7)}-01`) wrong.push(`startOfPeriod ${date} month`);
      if (startOfPeriod(date, 'quarter') !== `${text(year, 4)}-${text(quarterMonth, 2)}-01`) {
        wrong.push(`startOfPeriod ${date} quarter`);
      }
      if (startOfPeriod(date, 'year') !== `${text(year, 4)}-01-01`) wrong.push(`startOfPeriod ${date} year`);
    }
    expect(wrong).toEqual([]);
  });
});
