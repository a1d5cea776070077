import { describe, expect, it } from 'vitest';
import { calendarDate } from '../../src/core/calendar-date';
import { Account, isActiveAccount, parseAccount } from '../../src/core/account';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { deepFreeze } from '../freeze';

const valid = {
  id: 'acc-1',
  name: 'Northwind Logistics',
  parentId: 'acc-0',
  segment: 'mid-market',
  industry: 'logistics',
  region: 'EMEA',
  employees: 420,
  plan: 'growth',
  currency: 'EUR',
  arr: 48_000,
  licenses: 60,
  startDate: '2024-04-01',
  renewalDate: '2026-04-01',
  csmId: 'csm-7',
  attributes: { hasSso: true, integrations: 3, tier: 'gold', products: ['api', 'sso'], note: null },
};

function pathsOf(input: unknown): string[] {
  return issuePaths(catchSuccessKitError(() => parseAccount(input)));
}

describe('parseAccount', () => {
  it('accepts a full account without changing it', () => {
    expect(parseAccount(deepFreeze(structuredClone(valid)))).toEqual(valid);
  });

  it('accepts the minimal account', () => {
    expect(parseAccount({ id: 'a', name: 'A', arr: 0, startDate: '2025-01-01' })).toEqual({
      id: 'a',
      name: 'A',
      arr: 0,
      startDate: '2025-01-01',
    });
  });

  it('rejects wrong types, naming each field', () => {
    expect(pathsOf({ ...valid, arr: '48000', employees: 4.5, name: 7 })).toEqual(['name', 'employees', 'arr']);
  });

  it('rejects unknown fields, where a typo would vanish', () => {
    const error = catchSuccessKitError(() => parseAccount({ ...valid, arrr: 1 }));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe('invalid_input: arrr: unknown field');
  });

  it('rejects impossible dates and out-of-range numbers', () => {
    expect(pathsOf({ ...valid, startDate: '2024-02-30' })).toEqual(['startDate']);
    expect(pathsOf({ ...valid, renewalDate: '2026-04-01T00:00:00Z' })).toEqual(['renewalDate']);
    expect(pathsOf({ ...valid, arr: -1 })).toEqual(['arr']);
    expect(pathsOf({ ...valid, arr: Number.POSITIVE_INFINITY })).toEqual(['arr']);
    expect(pathsOf({ ...valid, licenses: -3 })).toEqual(['licenses']);
    expect(pathsOf({ ...valid, currency: 'eur' })).toEqual(['currency']);
    expect(pathsOf({ ...valid, id: '' })).toEqual(['id']);
    expect(pathsOf({ ...valid, attributes: { nested: { no: 1 } } })).toEqual(['attributes.nested']);
  });

  it('rejects dates out of order and an account that is its own parent', () => {
    expect(pathsOf({ ...valid, renewalDate: '2024-03-31' })).toEqual(['renewalDate']);
    expect(pathsOf({ ...valid, churnDate: '2024-01-01' })).toEqual(['churnDate']);
    expect(pathsOf({ ...valid, parentId: 'acc-1' })).toEqual(['parentId']);
  });

  it('rejects what is not an object', () => {
    expect(catchSuccessKitError(() => parseAccount(null)).issues).toEqual([
      { path: [], message: 'expected object, got null' },
    ]);
    expect(catchSuccessKitError(() => parseAccount([])).code).toBe('invalid_input');
  });

  it('is the same as the exported schema', () => {
    expect(Account.parse(valid)).toEqual(parseAccount(valid));
  });
});

describe('isActiveAccount', () => {
  const account = parseAccount({ id: 'a', name: 'A', arr: 0, startDate: '2024-01-01', churnDate: '2025-06-30' });

  it('is false before the start, true while paying, and false from the churn date on', () => {
    expect(isActiveAccount(account, calendarDate('2023-12-31'))).toBe(false);
    expect(isActiveAccount(account, calendarDate('2024-01-01'))).toBe(true);
    expect(isActiveAccount(account, calendarDate('2025-06-29'))).toBe(true);
    expect(isActiveAccount(account, calendarDate('2025-06-30'))).toBe(false);
  });

  it('stays true for an account that never churned', () => {
    const open = parseAccount({ id: 'b', name: 'B', arr: 10, startDate: '2024-01-01' });
    expect(isActiveAccount(open, calendarDate('2030-01-01'))).toBe(true);
  });

  it('reads only the dates it needs, and rejects a bad account or asOf instead of comparing garbage', () => {
    expect(isActiveAccount({ startDate: '2024-01-01' } as never, calendarDate('2024-06-01'))).toBe(true);
    const badAsOf = catchSuccessKitError(() => isActiveAccount(account, '2025-02-30' as never));
    expect(badAsOf.code).toBe('invalid_date');
    expect(issuePaths(badAsOf)).toEqual(['asOf']);
    const noStart = catchSuccessKitError(() =>
      isActiveAccount({ startDate: [[['2024-01-01']]] } as never, account.startDate),
    );
    expect(noStart.code).toBe('invalid_input');
    expect(issuePaths(noStart)).toEqual(['account.startDate']);
    expect(issuePaths(catchSuccessKitError(() => isActiveAccount(null as never, account.startDate)))).toEqual([
      'account',
    ]);
  });
});
