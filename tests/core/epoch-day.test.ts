import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarDate } from '../../src/core/calendar-date';
import { addDays, addMonths, daysBetween } from '../../src/core/date-arithmetic';
import {
  addMonthsToEpochDay,
  civilOf,
  daysInMonth,
  epochDayOf,
  firstDayOfMonthIndex,
  fromEpochDay,
  monthIndexOf,
  toEpochDay,
} from '../../src/core/epoch-day';

const epoch = calendarDate('1970-01-01');

describe('epoch days', () => {
  it('count from 1970-01-01', () => {
    expect(toEpochDay('1970-01-01')).toBe(0);
    expect(toEpochDay('2000-03-01')).toBe(11_017);
    expect(toEpochDay('1969-12-31')).toBe(-1);
    expect(fromEpochDay(0)).toBe('1970-01-01');
    expect(fromEpochDay(-719_528)).toBe('0000-01-01');
    expect(civilOf(toEpochDay('2024-02-29'))).toEqual([2024, 2, 29]);
    expect(epochDayOf(2024, 2, 29)).toBe(toEpochDay('2024-02-29'));
  });

  it('agree with the date-fns functions everywhere in 0000–9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: toEpochDay('0000-01-01'), max: toEpochDay('9999-12-31') }), (day) => {
        const date = fromEpochDay(day);
        expect(addDays(epoch, day)).toBe(date);
        expect(toEpochDay(date)).toBe(day);
        expect(daysBetween(epoch, calendarDate(date))).toBe(day);
      }),
    );
  });
});

describe('month indices', () => {
  it('count months from January of year 0 and map back to first days', () => {
    expect(monthIndexOf(toEpochDay('2026-09-17'))).toBe(2026 * 12 + 8);
    expect(fromEpochDay(firstDayOfMonthIndex(2026 * 12 + 8))).toBe('2026-09-01');
    expect(fromEpochDay(firstDayOfMonthIndex(monthIndexOf(toEpochDay('2026-01-31')) - 1))).toBe('2025-12-01');
    expect(civilOf(firstDayOfMonthIndex(-1))).toEqual([-1, 12, 1]);
  });

  it('round-trip every month of 0000–9999 through its first day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 * 12 + 11 }), (index) => {
        expect(monthIndexOf(firstDayOfMonthIndex(index))).toBe(index);
        expect(civilOf(firstDayOfMonthIndex(index))[2]).toBe(1);
      }),
    );
  });
});

describe('month arithmetic on epoch days', () => {
  it('keeps the day of the month, or lands on the month end, across year 0', () => {
    const plus = (date: string, months: number): string => fromEpochDay(addMonthsToEpochDay(toEpochDay(date), months));
    expect(plus('2025-01-31', 1)).toBe('2025-02-28');
    expect(plus('2024-01-31', 1)).toBe('2024-02-29');
    expect(plus('2024-02-29', 12)).toBe('2025-02-28');
    expect(plus('0000-02-29', 12)).toBe('0001-02-28');
    expect(plus('0001-01-31', -11)).toBe('0000-02-29');
    expect(civilOf(addMonthsToEpochDay(toEpochDay('0000-01-31'), -1))).toEqual([-1, 12, 31]);
    expect([daysInMonth(0, 2), daysInMonth(1900, 2), daysInMonth(2000, 2), daysInMonth(2025, 12)]).toEqual([
      29, 28, 29, 31,
    ]);
  });

  it('agrees with addMonths everywhere in 0000–9999', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: toEpochDay('0000-01-01'), max: toEpochDay('9999-12-31') }),
        fc.integer({ min: -1200, max: 1200 }),
        (day, months) => {
          const moved = addMonthsToEpochDay(day, months);
          fc.pre(moved >= toEpochDay('0000-01-01') && moved <= toEpochDay('9999-12-31'));
          expect(fromEpochDay(moved)).toBe(addMonths(calendarDate(fromEpochDay(day)), months));
        },
      ),
    );
  });
});
