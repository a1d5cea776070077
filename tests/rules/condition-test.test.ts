import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCalendarDate } from '../../src/core/index';
import { isDateText } from '../../src/rules/condition-test';
import { hostileValues } from '../hostile-values';

/** Strings built from the characters of a date, so that most are near misses of one. */
const dateShaped = fc
  .array(fc.constantFrom('0', '1', '2', '3', '4', '9', '-', '/', 'x', ' '), { minLength: 8, maxLength: 12 })
  .map((characters) => characters.join(''));

/** Real dates of any year 0000–9999, and the same with one character changed. */
const nearDates = fc
  .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
  .map(([year, month, day]) =>
    [String(year).padStart(4, '0'), String(month).padStart(2, '0'), String(day).padStart(2, '0')].join('-'),
  );

describe('the date check of compiled conditions', () => {
  it('agrees with core isCalendarDate on date-shaped strings and real or impossible dates', () => {
    fc.assert(
      fc.property(fc.oneof(dateShaped, nearDates, fc.string({ minLength: 10, maxLength: 10 })), (text) => {
        expect({ text, isDate: isDateText(text) }).toEqual({ text, isDate: isCalendarDate(text) });
      }),
      { numRuns: 20_000 },
    );
  });

  it('knows the length of every month and the leap years of the Gregorian calendar', () => {
    const lastDays = ['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30'];
    const pastTheEnd = ['2026-01-32', '2026-02-29', '2026-04-31', '2026-06-31', '2026-09-31', '2026-11-31'];
    expect(lastDays.filter((text) => !isDateText(text))).toEqual([]);
    expect(pastTheEnd.filter((text) => isDateText(text))).toEqual([]);
    expect(['2000-02-29', '2024-02-29', '1900-02-29', '2100-02-29', '0000-02-29'].filter(isDateText)).toEqual([
      '2000-02-29',
      '2024-02-29',
      '0000-02-29',
    ]);
  });

  it('is false for every hostile value that is not a date string', () => {
    expect(hostileValues().filter(([, value]) => isDateText(value))).toEqual([]);
  });
});
