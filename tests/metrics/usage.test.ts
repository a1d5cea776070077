import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accumulate } from '../../src/metrics/accumulator';
import {
  activeShare,
  activeShareAccumulator,
  licenseUtilization,
  licenseUtilizationAccumulator,
  stickiness,
  stickinessAccumulator,
} from '../../src/metrics/usage';
import { wilsonInterval } from '../../src/metrics/wilson-interval';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { deepFreeze } from '../freeze';

describe('licenseUtilization', () => {
  it('divides active users by licenses, seat-weighted over snapshots', () => {
    expect(licenseUtilization({ activeUsers: 41, licenses: 50 }).utilization).toBe(0.82);
    expect(
      licenseUtilization([
        { activeUsers: 5, licenses: 5 },
        { activeUsers: 100, licenses: 1000 },
      ]).utilization,
    ).toBe(105 / 1005);
  });

  it('reports snapshots without licenses as missing, not as zero', () => {
    expect(licenseUtilization([{ activeUsers: 8, licenses: 10 }, { activeUsers: 12 }])).toEqual({
      utilization: 0.8,
      activeUsers: 8,
      licenses: 10,
      counted: 1,
      missing: 1,
    });
    expect(licenseUtilization([]).utilization).toBeNull();
    expect(licenseUtilization({ activeUsers: 3, licenses: 0 }).utilization).toBeNull();
  });

  it('reads core UsageSnapshots as they are, without changing them', () => {
    const usage = deepFreeze([
      { accountId: 'a', periodStart: '2026-06-01', period: 'month' as const, activeUsers: 30, licenses: 40, logins: 5 },
    ]);
    expect(licenseUtilization(usage).utilization).toBe(0.75);
  });

  it('names bad counts with their index in a list', () => {
    expect(issuePaths(catchSuccessKitError(() => licenseUtilization({ activeUsers: -1, licenses: 5 })))).toEqual([
      'activeUsers',
    ]);
    expect(
      issuePaths(
        catchSuccessKitError(() =>
          licenseUtilization([
            { activeUsers: 1, licenses: 5 },
            { activeUsers: 1, licenses: 2.5 },
          ]),
        ),
      ),
    ).toEqual(['[1].licenses']);
    const metric = licenseUtilizationAccumulator();
    expect(issuePaths(catchSuccessKitError(() => metric.merge(metric.init(), { activeUsers: 1 } as never)))).toEqual([
      'b.licenses',
    ]);
  });
});

describe('stickiness', () => {
  it('divides daily by monthly actives: 12 of 40 and 3 of 10 are 0.3', () => {
    expect(
      stickiness([
        { activeUsers: 40, averageDailyActiveUsers: 12 },
        { activeUsers: 10, averageDailyActiveUsers: 3 },
      ]),
    ).toEqual({
      stickiness: 0.3,
      dailyActiveUsers: 15,
      monthlyActiveUsers: 50,
      counted: 2,
      missing: 0,
    });
  });

  it('sums fractional daily actives exactly, in any order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 30 }), (tenths) => {
        const usage = tenths.map((value) => ({ activeUsers: 1_000_000, averageDailyActiveUsers: value / 10 }));
        expect(stickiness(usage)).toEqual(stickiness([...usage].reverse()));
        expect(stickiness(usage).dailyActiveUsers).toBeCloseTo(tenths.reduce((sum, value) => sum + value, 0) / 10, 6);
      }),
    );
  });

  it('counts snapshots without daily actives as missing and gives null without monthly actives', () => {
    expect(stickiness([{ activeUsers: 10 }]).missing).toBe(1);
    expect(stickiness({ activeUsers: 0, averageDailyActiveUsers: 0 }).stickiness).toBeNull();
  });

  it('rejects weekly usage and daily actives above monthly actives', () => {
    expect(issuePaths(catchSuccessKitError(() => stickiness({ period: 'week', activeUsers: 10 })))).toEqual(['period']);
    expect(
      issuePaths(catchSuccessKitError(() => stickiness([{ activeUsers: 10, averageDailyActiveUsers: 11 }]))),
    ).toEqual(['[0].averageDailyActiveUsers']);
    const metric = stickinessAccumulator();
    expect(issuePaths(catchSuccessKitError(() => metric.result({ ...metric.init(), counted: -1 })))).toEqual([
      'counted',
    ]);
  });
});

describe('stickiness and license utilization at the limits of exact sums', () => {
  // The issue's case: the error named the state's internal field dailyMicros.
  it('names the snapshot field whose sum no longer adds up exactly, in users', () => {
    const error = catchSuccessKitError(() => stickiness({ activeUsers: 1e10, averageDailyActiveUsers: 1e10 }));
    expect([error.code, error.issues]).toEqual([
      'invalid_input',
      [
        {
          path: ['averageDailyActiveUsers'],
          message: 'the sum of this field over the rows passes 9007199254, the most that adds up exactly',
        },
      ],
    ]);
    const monthly = [
      { activeUsers: 9e15, averageDailyActiveUsers: 1 },
      { activeUsers: 9e15, averageDailyActiveUsers: 1 },
    ];
    expect(issuePaths(catchSuccessKitError(() => stickiness(monthly)))).toEqual(['[1].activeUsers']);
    const seats = [
      { activeUsers: 1, licenses: 9e15 },
      { activeUsers: 1, licenses: 9e15 },
    ];
    expect(issuePaths(catchSuccessKitError(() => licenseUtilization(seats)))).toEqual(['[1].licenses']);
    expect(stickiness({ activeUsers: 9e9, averageDailyActiveUsers: 9e9 }).stickiness).toBe(1);
  });
});

describe('activeShare', () => {
  it('gives the share and its Wilson interval', () => {
    const result = activeShare({ active: 15, total: 148 });
    expect(result.share).toBe(15 / 148);
    expect(result.interval).toEqual(wilsonInterval(15, 148));
    expect(activeShare({ active: 0, total: 0 })).toEqual({
      share: null,
      interval: null,
      active: 0,
      total: 0,
      confidence: 0.95,
    });
  });

  it('rejects more active than total, fractional counts and bad options', () => {
    expect(issuePaths(catchSuccessKitError(() => activeShare({ active: 5, total: 4 })))).toEqual(['active']);
    expect(issuePaths(catchSuccessKitError(() => activeShare({ active: 1, total: 4.5 })))).toEqual(['total']);
    expect(issuePaths(catchSuccessKitError(() => activeShare({ active: 1, total: 4 }, { confidence: -1 })))).toEqual([
      'confidence',
    ]);
  });
});

describe('activeShareAccumulator', () => {
  it('counts booleans and agrees with activeShare', () => {
    const metric = activeShareAccumulator({ confidence: 0.9 });
    const state = accumulate(metric, [true, false, true, true]);
    expect(state).toEqual({ active: 3, total: 4 });
    expect(metric.result(state)).toEqual(activeShare({ active: 3, total: 4 }, { confidence: 0.9 }));
    expect(catchSuccessKitError(() => metric.add(metric.init(), 'yes' as never)).code).toBe('invalid_input');
    expect(issuePaths(catchSuccessKitError(() => metric.merge({ active: 2, total: 1 }, metric.init())))).toEqual([
      'a.active',
    ]);
  });
});
