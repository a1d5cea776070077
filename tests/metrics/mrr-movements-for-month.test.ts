import { describe, expect, it } from 'vitest';
import { mrrMovements } from '../../src/metrics/mrr-movements';
import { mrrMovementsForMonth } from '../../src/metrics/mrr-movements-for-month';
import { catchSuccessKitError, issuePaths } from '../catch-error';

describe('mrrMovementsForMonth', () => {
  const history = [
    { accountId: 'a', month: '2026-03-01', mrr: 100 },
    { accountId: 'a', month: '2026-04-01', mrr: 0 },
    { accountId: 'b', month: '2026-05-01', mrr: 200 },
    { accountId: 'c', month: '2026-05-01', mrr: 50 },
    { accountId: 'a', month: '2026-06-01', mrr: 90 },
    { accountId: 'b', month: '2026-06-01', mrr: 250 },
    { accountId: 'd', month: '2026-06-01', mrr: 75 },
    { accountId: 'e', month: '2026-07-01', mrr: 999 },
  ];

  it('compares a month with the one before and treats earlier payers as returning', () => {
    const june = mrrMovementsForMonth(history, '2026-06-01');
    expect(june).toMatchObject({
      month: '2026-06-01',
      previousMonth: '2026-05-01',
      starting: 250,
      new: 75,
      reactivation: 90,
      expansion: 50,
      churned: 50,
      ending: 415,
    });
  });

  it('agrees with mrrMovements given the same months and history', () => {
    const june = mrrMovementsForMonth(history, '2026-06-01');
    const direct = mrrMovements({ b: 200, c: 50 }, { a: 90, b: 250, d: 75 }, { history: ['a'] });
    expect({ ...june, month: undefined, previousMonth: undefined }).toEqual({
      ...direct,
      month: undefined,
      previousMonth: undefined,
    });
  });

  it('rolls over the year: January follows December', () => {
    const january = mrrMovementsForMonth([{ accountId: 'a', month: '2025-12-01', mrr: 5 }], '2026-01-01');
    expect([january.previousMonth, january.churned]).toEqual(['2025-12-01', 5]);
  });

  // The issue's case: the month before 0000-01 came out as '00-1-12-01'.
  it('keeps every month a valid date at the start of the calendar, and refuses 0000-01 which has no month before', () => {
    const february = mrrMovementsForMonth([{ accountId: 'a', month: '0000-01-01', mrr: 5 }], '0000-02-01');
    expect([february.month, february.previousMonth, february.churned]).toEqual(['0000-02-01', '0000-01-01', 5]);
    const error = catchSuccessKitError(() => mrrMovementsForMonth([], '0000-01-01'));
    expect([error.code, error.issues]).toEqual([
      'invalid_date',
      [{ path: ['month'], message: 'expected a month after 0000-01-01: it has no month before it' }],
    ]);
    expect(mrrMovementsForMonth([], '9999-12-01').previousMonth).toBe('9999-11-01');
  });

  it('rejects a month that is not a first day, bad snapshots and duplicates', () => {
    // A real date that is not a first day is a bad value, as in a snapshot; only a non-date is an invalid_date.
    expect(catchSuccessKitError(() => mrrMovementsForMonth(history, '2026-06-15')).code).toBe('invalid_input');
    expect(catchSuccessKitError(() => mrrMovementsForMonth(history, '2026-13-01')).code).toBe('invalid_date');
    expect(
      issuePaths(
        catchSuccessKitError(() =>
          mrrMovementsForMonth([{ accountId: 'a', month: '2026-06-02', mrr: 1 }], '2026-06-01'),
        ),
      ),
    ).toEqual(['[0].month']);
    expect(
      issuePaths(
        catchSuccessKitError(() =>
          mrrMovementsForMonth([{ accountId: 7, month: '2026-06-01', mrr: 1 } as never], '2026-06-01'),
        ),
      ),
    ).toEqual(['[0].accountId']);
    expect(
      issuePaths(
        catchSuccessKitError(() =>
          mrrMovementsForMonth([{ accountId: 'a', month: '2026-06-01', mrr: -1 }], '2026-06-01'),
        ),
      ),
    ).toEqual(['[0].mrr']);
    const twice = [
      { accountId: 'a', month: '2026-06-01', mrr: 1 },
      { accountId: 'a', month: '2026-06-01', mrr: 1 },
    ];
    expect(issuePaths(catchSuccessKitError(() => mrrMovementsForMonth(twice, '2026-06-01')))).toEqual(['[1]']);
    expect(catchSuccessKitError(() => mrrMovementsForMonth('x' as never, '2026-06-01')).code).toBe('invalid_input');
  });
});
