import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CalendarDate, calendarDate, isCalendarDate } from '../../src/core/calendar-date';
import { catchSuccessKitError } from '../catch-error';

/** Real dates from 0000-01-01 to 9999-12-31, written by the platform's own ISO formatter. */
const isoDates = fc
  .date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

describe('calendarDate', () => {
  it('accepts real dates, leap days included, and returns them unchanged', () => {
    expect(calendarDate('2025-01-15')).toBe('2025-01-15');
    expect(calendarDate('2024-02-29')).toBe('2024-02-29');
    expect(calendarDate('2000-02-29')).toBe('2000-02-29');
    expect(calendarDate('0000-01-01')).toBe('0000-01-01');
    expect(calendarDate('9999-12-31')).toBe('9999-12-31');
  });

  it.each([
    ['2025-02-30', 'a day February does not have'],
    ['2025-02-29', 'a leap day in a common year'],
    ['1900-02-29', 'a leap day in a century year not divisible by 400'],
    ['2025-13-01', 'month 13'],
    ['2025-00-10', 'month 0'],
    ['2025-04-31', 'April 31'],
    ['2025-1-05', 'a one-digit month'],
    ['25-01-05', 'a two-digit year'],
    ['2025-02-03T10:00', 'a time'],
    ['2025-02-03T00:00:00Z', 'a UTC timestamp'],
    ['2025-02-03+02:00', 'an offset'],
    ['2025-02-03Z', 'a zone designator'],
    [' 2025-02-03', 'leading space'],
    ['2025/02/03', 'slashes'],
    ['', 'an empty string'],
  ])('rejects %j (%s) with invalid_date', (input) => {
    const error = catchSuccessKitError(() => calendarDate(input));
    expect(error.code).toBe('invalid_date');
    expect(error.issues).toEqual([
      { path: [], message: `expected a real calendar date as YYYY-MM-DD, got ${JSON.stringify(input)}` },
    ]);
  });

  it.each([[20250203], [null], [undefined], [new Date('2025-02-03T00:00:00Z')], [{}]])(
    'rejects the non-string %s',
    (input) => {
      expect(catchSuccessKitError(() => calendarDate(input)).code).toBe('invalid_date');
    },
  );

  it('shortens very long input in its message', () => {
    const error = catchSuccessKitError(() => calendarDate('x'.repeat(100)));
    expect(error.issues[0]?.message).toBe(`expected a real calendar date as YYYY-MM-DD, got "${'x'.repeat(40)}…"`);
  });

  it('accepts every date the platform formats', () => {
    fc.assert(
      fc.property(isoDates, (date) => {
        expect(calendarDate(date)).toBe(date);
      }),
    );
  });
});

describe('isCalendarDate', () => {
  it('agrees with calendarDate without throwing', () => {
    expect(isCalendarDate('2025-12-31')).toBe(true);
    expect(isCalendarDate('2025-12-32')).toBe(false);
    expect(isCalendarDate(20251231)).toBe(false);
    fc.assert(
      fc.property(fc.oneof(isoDates, fc.string(), fc.constantFrom('2023-02-29', '2025-06-31')), (value) => {
        const valid = isCalendarDate(value);
        const parsed = CalendarDate.safeParse(value);
        expect(parsed.success ? { accepted: parsed.data } : { rejected: value }).toEqual(
          valid ? { accepted: value } : { rejected: value },
        );
        expect(valid).toBe(
          !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
            new Date(`${value}T00:00:00Z`).toISOString().startsWith(value) &&
            /^\d{4}-\d{2}-\d{2}$/.test(value),
        );
      }),
    );
  });
});
