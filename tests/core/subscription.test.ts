import { describe, expect, it } from 'vitest';
import { parseMrrSnapshot, parseSubscription } from '../../src/core/subscription';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { deepFreeze } from '../freeze';

const subscription = {
  id: 'sub-1',
  accountId: 'acc-1',
  plan: 'growth',
  mrr: 4_000,
  currency: 'USD',
  quantity: 40,
  startDate: '2024-04-01',
  endDate: '2025-04-01',
};

describe('parseSubscription', () => {
  it('accepts a subscription without changing it', () => {
    expect(parseSubscription(deepFreeze({ ...subscription }))).toEqual(subscription);
  });

  it('rejects negative MRR, an end before the start and unknown fields', () => {
    const pathsOf = (input: unknown) => issuePaths(catchSuccessKitError(() => parseSubscription(input)));
    expect(pathsOf({ ...subscription, mrr: -5 })).toEqual(['mrr']);
    expect(pathsOf({ ...subscription, endDate: '2024-03-31' })).toEqual(['endDate']);
    expect(pathsOf({ ...subscription, arr: 48_000 })).toEqual(['arr']);
    expect(pathsOf({ ...subscription, quantity: 2.5 })).toEqual(['quantity']);
  });
});

describe('parseMrrSnapshot', () => {
  it('accepts a month-start snapshot', () => {
    expect(parseMrrSnapshot(deepFreeze({ accountId: 'acc-1', month: '2025-06-01', mrr: 4_250 }))).toEqual({
      accountId: 'acc-1',
      month: '2025-06-01',
      mrr: 4_250,
    });
  });

  it('rejects a month that is not a first day, and negative MRR', () => {
    const error = catchSuccessKitError(() => parseMrrSnapshot({ accountId: 'acc-1', month: '2025-06-15', mrr: 4_250 }));
    expect(error.message).toBe('invalid_input: month: expected the first day of a month');
    expect(
      issuePaths(catchSuccessKitError(() => parseMrrSnapshot({ accountId: 'acc-1', month: '2025-06-01', mrr: -1 }))),
    ).toEqual(['mrr']);
  });
});
