import { describe, expect, it } from 'vitest';
import { samplePortfolio } from '../../src/sample/index';
import { accountSnapshots } from '../../src/snapshot/index';
import {
  defaultSegmentation,
  defineSegmentation,
  segmentAccounts,
  suggestSegmentation,
} from '../../src/segments/index';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { account } from './fixtures';

const ladder = [400_000, 300_000, 200_000, 100_000, 90_000, 80_000, 60_000, 50_000, 40_000, 30_000, 20_000, 10_000].map(
  (arr, index) => account(`acc-${String(index)}`, arr),
);

describe('suggestSegmentation', () => {
  it('cuts the accounts where the running ARR passes each third', () => {
    const suggested = suggestSegmentation(ladder);
    expect(suggested.breakpoints).toEqual([300_000, 100_000]);
    expect(
      suggested.segments.map((segment) => [segment.segmentId, segment.from, segment.accounts, segment.arr]),
    ).toEqual([
      ['high-touch', 300_000, 2, 700_000],
      ['low-touch', 100_000, 2, 300_000],
      ['tech-touch', null, 8, 380_000],
    ]);
  });

  it('balances CSM hours: each segment gets accounts in inverse proportion to its hours per account', () => {
    const template = defineSegmentation({
      segments: [
        {
          id: 'a',
          name: 'A',
          tier: 'high',
          rule: { field: 'arr', op: 'gte', value: 1 },
          activities: [{ id: 'w', name: 'W', delivery: 'csm', perYear: 1, hours: 4 }],
        },
        {
          id: 'b',
          name: 'B',
          tier: 'low',
          rule: { field: 'arr', op: 'gte', value: 1 },
          activities: [{ id: 'w', name: 'W', delivery: 'csm', perYear: 1, hours: 2 }],
        },
        {
          id: 'c',
          name: 'C',
          tier: 'tech',
          fallback: true,
          activities: [{ id: 'w', name: 'W', delivery: 'csm', perYear: 1, hours: 1 }],
        },
      ],
    });
    // Shares 1/4 : 1/2 : 1 of 14 accounts: 2, 4 and 8.
    const fourteen = Array.from({ length: 14 }, (_, index) => account(`acc-${String(index)}`, (14 - index) * 1_000));
    const suggested = suggestSegmentation(fourteen, { balance: 'hours', template });
    expect(suggested.segments.map((segment) => [segment.accounts, segment.hoursNeeded])).toEqual([
      [2, 8 / 12],
      [4, 8 / 12],
      [8, 8 / 12],
    ]);
    expect(suggested.breakpoints).toEqual([13_000, 9_000]);
  });

  it('rounds breakpoints to two significant digits and sends accounts without a value to the fallback', () => {
    const accounts = [account('a', 123_456), account('b', 45_678), account('c', 1_234), account('d', null)];
    const suggested = suggestSegmentation(accounts, { tiers: 2 });
    expect(suggested.breakpoints).toEqual([120_000]);
    expect(suggested.accountsWithoutValue).toBe(1);
    expect(suggested.segmentation.segments.map((segment) => segment.id)).toEqual(['high-touch', 'tech-touch']);
  });

  it('cuts another number field', () => {
    const accounts = [
      account('a', 1, { licenses: 500 }),
      account('b', 1, { licenses: 50 }),
      account('c', 100, { licenses: 5 }),
    ];
    const suggested = suggestSegmentation(accounts, { field: 'licenses', tiers: 2 });
    expect(suggested.segmentation.segments[0]?.rule).toEqual({ field: 'licenses', op: 'gte', value: 5 });
  });

  it('suggests a segmentation that segments the sample portfolio as it says', () => {
    const { snapshots } = accountSnapshots(samplePortfolio({ accounts: 300, seed: 5, asOf: '2026-06-30' }));
    const suggested = suggestSegmentation(snapshots, { balance: 'arr' });
    const segmented = segmentAccounts(suggested.segmentation, snapshots);
    expect(segmented.segments.map((segment) => segment.accounts)).toEqual(
      suggested.segments.map((segment) => segment.accounts),
    );
    expect(suggested.segmentation.segments.map((segment) => segment.activities)).toEqual(
      defaultSegmentation.segments.map((segment) => segment.activities),
    );
  });

  it('reports a field that throws when read at its snapshot', () => {
    const throwing = Object.defineProperty(account('b', 1), 'licenses', {
      enumerable: true,
      get: (): never => {
        throw new Error('no seats');
      },
    });
    const error = catchSuccessKitError(() =>
      suggestSegmentation([account('a', 1), throwing], { field: 'licenses', tiers: 2 }),
    );
    expect([error.code, issuePaths(error)]).toEqual(['invalid_input', ['snapshots[1].licenses']]);
  });

  it('rejects what it cannot suggest from', () => {
    const cases: [() => unknown, string[]][] = [
      [() => suggestSegmentation([account('a', null)]), ['snapshots']],
      [() => suggestSegmentation(ladder, { tiers: 4 }), ['options.tiers']],
      [() => suggestSegmentation(ladder, { tiers: 1 }), ['options.tiers']],
      [
        () =>
          suggestSegmentation(ladder, {
            balance: 'hours',
            template: {
              ...defaultSegmentation,
              segments: defaultSegmentation.segments.map((segment) => ({ ...segment, activities: [] })),
            } as never,
          }),
        ['options.balance'],
      ],
      [() => suggestSegmentation(ladder, { field: 'nope' }), ['snapshots']],
      [() => suggestSegmentation([{ id: 'a', asOf: 'x', arr: 1 }]), ['snapshots[0].asOf']],
    ];
    for (const [call, paths] of cases) {
      const error = catchSuccessKitError(call);
      expect([error.code, issuePaths(error)]).toEqual(['invalid_input', paths]);
    }
  });
});
