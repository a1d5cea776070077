import { describe, expect, it } from 'vitest';
import { parseUsageSnapshot } from '../../src/core/usage-snapshot';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { deepFreeze } from '../freeze';

const valid = {
  accountId: 'acc-1',
  periodStart: '2025-06-01',
  period: 'month',
  activeUsers: 42,
  averageDailyActiveUsers: 17.5,
  licenses: 50,
  logins: 910,
  featuresAdopted: 7,
  events: { reports_created: 31 },
};

function pathsOf(input: unknown): string[] {
  return issuePaths(catchSuccessKitError(() => parseUsageSnapshot(input)));
}

describe('parseUsageSnapshot', () => {
  it('accepts a snapshot without changing it', () => {
    expect(parseUsageSnapshot(deepFreeze(structuredClone(valid)))).toEqual(valid);
  });

  it('rejects negative and fractional counts, an unknown period and unknown fields', () => {
    expect(pathsOf({ ...valid, activeUsers: -1 })).toEqual(['activeUsers']);
    expect(pathsOf({ ...valid, logins: 1.5 })).toEqual(['logins']);
    expect(pathsOf({ ...valid, period: 'quarter' })).toEqual(['period']);
    expect(pathsOf({ ...valid, events: { reports_created: -2 } })).toEqual(['events.reports_created']);
    expect(pathsOf({ ...valid, mau: 40 })).toEqual(['mau']);
  });

  it('rejects more daily actives than actives', () => {
    expect(pathsOf({ ...valid, averageDailyActiveUsers: 43 })).toEqual(['averageDailyActiveUsers']);
  });
});
