import { describe, expect, it } from 'vitest';
import { samplePortfolio } from '../../src/sample/index';
import { accountSnapshots } from '../../src/snapshot/index';
import {
  defaultSegmentation,
  defineSegmentation,
  segmentAccounts,
  type SegmentationInput,
} from '../../src/segments/index';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { account, accounts } from './fixtures';

const byRegion: SegmentationInput = {
  segments: [
    { id: 'large', name: 'Large', tier: 'high', rule: { field: 'arr', op: 'gte', value: 100_000 }, activities: [] },
    { id: 'emea', name: 'EMEA', tier: 'low', rule: { field: 'region', op: 'eq', value: 'emea' }, activities: [] },
    {
      id: 'large-emea',
      name: 'Large EMEA',
      tier: 'high',
      rule: {
        all: [
          { field: 'arr', op: 'gte', value: 200_000 },
          { field: 'region', op: 'eq', value: 'emea' },
        ],
      },
      activities: [],
    },
    { id: 'mars', name: 'Mars', tier: 'low', rule: { field: 'region', op: 'eq', value: 'mars' }, activities: [] },
    { id: 'rest', name: 'Rest', tier: 'tech', fallback: true, activities: [] },
  ],
};

describe('segmentAccounts', () => {
  it('puts each account in the first segment whose rule it meets', () => {
    const segmented = segmentAccounts(byRegion, [
      account('a', 250_000, { region: 'emea' }),
      account('b', 50_000, { region: 'emea' }),
      account('c', 50_000, { region: 'amer' }),
    ]);
    expect(segmented.accounts).toEqual([
      { accountId: 'a', segmentId: 'large', tier: 'high', arr: 250_000 },
      { accountId: 'b', segmentId: 'emea', tier: 'low', arr: 50_000 },
      { accountId: 'c', segmentId: 'rest', tier: 'tech', arr: 50_000 },
    ]);
  });

  it('sends accounts without ARR and churned accounts without ARR to the fallback', () => {
    const segmented = segmentAccounts(defaultSegmentation, [
      account('a', null),
      account('b', 0, { status: 'churned' }),
    ]);
    expect(segmented.accounts.map((assignment) => assignment.segmentId)).toEqual(['tech-touch', 'tech-touch']);
    expect(segmented.segments[2]).toEqual({
      segmentId: 'tech-touch',
      name: 'Tech touch',
      tier: 'tech',
      fallback: true,
      accounts: 2,
      accountShare: 1,
      arr: 0,
      arrShare: null,
      accountsWithoutArr: 1,
      smallestArr: 0,
      largestArr: 0,
    });
  });

  it('counts accounts and ARR per segment and tier, with shares', () => {
    const segmented = segmentAccounts(defaultSegmentation, [
      ...accounts('big', 2, 150_000),
      ...accounts('mid', 3, 20_000),
      ...accounts('small', 5, 2_000),
    ]);
    expect(
      segmented.segments.map((segment) => [segment.accounts, segment.arr, segment.accountShare, segment.arrShare]),
    ).toEqual([
      [2, 300_000, 0.2, 300_000 / 370_000],
      [3, 60_000, 0.3, 60_000 / 370_000],
      [5, 10_000, 0.5, 10_000 / 370_000],
    ]);
    expect(segmented.tiers.map((tier) => [tier.tier, tier.accounts, tier.arr])).toEqual([
      ['high', 2, 300_000],
      ['low', 3, 60_000],
      ['tech', 5, 10_000],
    ]);
    expect(segmented.totals).toEqual({ accounts: 10, arr: 370_000, accountsWithoutArr: 0 });
  });

  it('names segments shadowed by earlier ones, and segments no account meets', () => {
    const segmented = segmentAccounts(byRegion, [
      account('a', 250_000, { region: 'emea' }),
      account('b', 300_000, { region: 'emea' }),
      account('c', 10_000, { region: 'amer' }),
    ]);
    expect(segmented.shadowed).toEqual([
      { segmentId: 'emea', name: 'EMEA', matchingAccounts: 2, takenBy: [{ segmentId: 'large', accounts: 2 }] },
      {
        segmentId: 'large-emea',
        name: 'Large EMEA',
        matchingAccounts: 2,
        takenBy: [{ segmentId: 'large', accounts: 2 }],
      },
    ]);
    expect(segmented.unmatched).toEqual(['mars']);
  });

  it('explains on request: the rule that took the account and why earlier ones did not', () => {
    const [low, tech] = segmentAccounts(defaultSegmentation, [account('a', 20_000), account('b', 5_000)], {
      explain: true,
    }).accounts;
    expect(low?.explanation?.summary).toBe('Low touch: ARR 20,000 ≥ 15,000');
    expect(low?.explanation?.passedOver).toEqual([{ segmentId: 'high-touch', summary: 'ARR 20,000 < 100,000' }]);
    expect(tech?.explanation?.summary).toBe(
      'Tech touch (fallback): not High touch (ARR 5,000 < 100,000); not Low touch (ARR 5,000 < 15,000)',
    );
    expect(tech?.explanation?.matched).toBeNull();
  });

  it('leaves explanations out by default', () => {
    expect(segmentAccounts(defaultSegmentation, [account('a', 1)]).accounts[0]).toEqual({
      accountId: 'a',
      segmentId: 'tech-touch',
      tier: 'tech',
      arr: 1,
    });
  });

  it('counts days in rules to each snapshot’s asOf', () => {
    const renewing = defineSegmentation({
      segments: [
        {
          id: 'renewing',
          name: 'Renewing',
          tier: 'high',
          rule: { field: 'renewalDate', op: 'withinNextDays', value: 90 },
          activities: [],
        },
        { id: 'rest', name: 'Rest', tier: 'tech', fallback: true, activities: [] },
      ],
    });
    const segmented = segmentAccounts(renewing, [
      { id: 'a', asOf: '2026-06-30', arr: 1, renewalDate: '2026-08-01' },
      { id: 'b', asOf: '2026-01-01', arr: 1, renewalDate: '2026-08-01' },
    ]);
    expect(segmented.accounts.map((assignment) => assignment.segmentId)).toEqual(['renewing', 'rest']);
  });

  it('segments the sample portfolio’s snapshots', () => {
    const { snapshots } = accountSnapshots(samplePortfolio({ accounts: 200, seed: 3, asOf: '2026-06-30' }));
    const segmented = segmentAccounts(defaultSegmentation, snapshots);
    expect(segmented.segments.map((segment) => segment.accounts)).toEqual([27, 67, 106]);
  });

  it('reports a bad snapshot at its index', () => {
    const cases: [unknown, string[]][] = [
      [[account('a', 1), { id: 'b', asOf: '2026-06-30', arr: -5 }], ['snapshots[1].arr']],
      [[account('a', 1), { id: 7, asOf: '2026-06-30', arr: 5 }], ['snapshots[1].id']],
      [[account('a', 1), { id: 'b', arr: 5 }], ['snapshots[1].asOf']],
      [[{ id: 'a', asOf: '2026-02-30', arr: 5 }], ['snapshots[0].asOf']],
      [[null], ['snapshots[0]']],
      ['snapshots', ['snapshots']],
    ];
    for (const [snapshots, paths] of cases) {
      const error = catchSuccessKitError(() => segmentAccounts(defaultSegmentation, snapshots as never));
      expect([error.code, issuePaths(error)]).toEqual(['invalid_input', paths]);
    }
  });

  it('reports a snapshot whose field throws when a rule reads it, at its index', () => {
    const throwing = Object.defineProperty({ id: 'b', asOf: '2026-06-30', arr: 5 }, 'region', {
      enumerable: true,
      get: (): never => {
        throw new Error('no region');
      },
    });
    const error = catchSuccessKitError(() => segmentAccounts(byRegion, [account('a', 1, { region: 'x' }), throwing]));
    expect([error.code, issuePaths(error)]).toEqual(['invalid_input', ['snapshots[1]']]);
  });

  it('rejects ARR that sums beyond the largest number', () => {
    const error = catchSuccessKitError(() =>
      segmentAccounts(defaultSegmentation, [account('a', Number.MAX_VALUE), account('b', Number.MAX_VALUE)]),
    );
    expect([error.code, issuePaths(error)]).toEqual(['invalid_input', ['snapshots']]);
  });

  it('checks a plain segmentation first, with its path', () => {
    const error = catchSuccessKitError(() => segmentAccounts({ segments: [] }, []));
    expect([error.code, issuePaths(error)]).toEqual(['invalid_input', ['segmentation.segments']]);
    const options = catchSuccessKitError(() => segmentAccounts(defaultSegmentation, [], { explain: 'yes' } as never));
    expect(issuePaths(options)).toEqual(['options.explain']);
  });
});
