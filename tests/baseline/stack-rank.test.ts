import { describe, expect, it } from 'vitest';
import { defaultBaseline, milestoneProgress, paceIndex, stackRank } from '../../src/baseline/index';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { account } from './accounts';

const progressOf = (fields: Parameters<typeof account>[0]) => milestoneProgress(defaultBaseline, account(fields));

describe('paceIndex', () => {
  it('is 0 for an account exactly on the baseline', () => {
    expect(
      paceIndex(
        progressOf({
          asOf: '2026-02-01',
          milestones: { first_login: '2026-01-06', configuration_complete: '2026-01-11' },
        }),
      ),
    ).toBe(0);
  });

  it('adds the days early and takes the days late as shares of each due day, × 100', () => {
    // login 2 days early of 5 (+0.4), configuration 5 days late of 10 (−0.5)
    expect(
      paceIndex(
        progressOf({
          asOf: '2026-02-01',
          milestones: { first_login: '2026-01-04', configuration_complete: '2026-01-16' },
        }),
      ),
    ).toBe(-10);
  });

  it('counts an overdue milestone by the days late so far, clamped at −1 a milestone', () => {
    // login 26 days late of 5 → −1; configuration 21 days late of 10 → −1
    expect(paceIndex(progressOf({ asOf: '2026-02-01' }))).toBe(-200);
  });

  it('adds value attainment − 1, and leaves not-yet-due milestones out', () => {
    // all on time, EBR 1 on day 90 with 90% against 75%: +0.2
    const progress = progressOf({
      asOf: '2026-04-15',
      milestones: { first_login: '2026-01-06', configuration_complete: '2026-01-11', ebr_1: '2026-04-01' },
      valueRealized: 0.9,
      valueRealizedDate: '2026-04-01',
    });
    expect(paceIndex(progress)).toBe(20);
  });

  it('weighs each milestone by its weight', () => {
    const weighted = {
      name: 'Weighted',
      milestones: [{ id: 'first_login', name: 'First login', dueDay: 10, weight: 3 }],
    };
    expect(
      paceIndex(
        milestoneProgress(weighted, account({ asOf: '2026-02-01', milestones: { first_login: '2026-01-06' } })),
      ),
    ).toBe(150);
  });
});

describe('stackRank', () => {
  const snapshots = [
    account({
      id: 'late',
      asOf: '2026-02-01',
      milestones: { first_login: '2026-01-09', configuration_complete: '2026-01-11' },
    }),
    account({
      id: 'fast-b',
      asOf: '2026-02-01',
      segment: 'enterprise',
      milestones: { first_login: '2026-01-03', configuration_complete: '2026-01-05' },
    }),
    account({
      id: 'fast-a',
      asOf: '2026-02-01',
      milestones: { first_login: '2026-01-03', configuration_complete: '2026-01-05' },
    }),
    account({
      id: 'steady',
      asOf: '2026-02-01',
      segment: 'enterprise',
      milestones: { first_login: '2026-01-06', configuration_complete: '2026-01-11' },
    }),
    account({ id: 'new', asOf: '2026-01-02' }),
  ];
  const progresses = snapshots.map((snapshot) => milestoneProgress(defaultBaseline, snapshot));

  it('orders the book by pace index, ties by id, with ranks and percentiles 0–100', () => {
    const { ranked } = stackRank(progresses);
    expect(ranked.map((entry) => [entry.accountId, entry.rank, entry.percentile, entry.paceIndex, entry.pace])).toEqual(
      [
        ['fast-a', 1, 100, 120, 'champion'],
        ['fast-b', 2, 66.7, 120, 'champion'],
        ['steady', 3, 33.3, 0, 'cruiser'],
        ['late', 4, 0, -60, 'laggard'],
      ],
    );
  });

  it('leaves accounts too early to judge out of the ranks, saying why', () => {
    expect(stackRank(progresses).unranked).toEqual([
      {
        accountId: 'new',
        reason:
          'no milestone is reached or overdue yet: the first, First login, is due on day 5 and the account is on day 1',
      },
    ]);
  });

  it('ranks within each segment, groups in name order', () => {
    const { ranked } = stackRank(progresses, { within: 'segment' });
    expect(ranked.map((entry) => [entry.group, entry.accountId, entry.rank, entry.percentile])).toEqual([
      ['enterprise', 'fast-b', 1, 100],
      ['enterprise', 'steady', 2, 0],
      ['smb', 'fast-a', 1, 100],
      ['smb', 'late', 2, 0],
    ]);
  });

  it('puts accounts without the group field in a last group of their own, and a group of one at 100', () => {
    const lone = milestoneProgress(
      defaultBaseline,
      account({
        id: 'lone',
        plan: null,
        asOf: '2026-02-01',
        milestones: { first_login: '2026-01-06', configuration_complete: '2026-01-11' },
      }),
    );
    const { ranked } = stackRank([lone, ...progresses], { within: 'plan' });
    expect(ranked.at(-1)).toMatchObject({ accountId: 'lone', group: null, rank: 1, percentile: 100 });
  });

  it('gives the same ranks whatever the input order', () => {
    const reversed = stackRank([...progresses].reverse()).ranked.map((entry) => entry.accountId);
    expect(reversed).toEqual(stackRank(progresses).ranked.map((entry) => entry.accountId));
  });

  it('ranks nothing in an empty book', () => {
    expect(stackRank([])).toEqual({ ranked: [], unranked: [] });
  });

  it('passes the pace thresholds on to the classes', () => {
    const { ranked } = stackRank(progresses, { pace: { laggardLateShare: 1 } });
    expect(ranked.find((entry) => entry.accountId === 'late')?.pace).toBe('cruiser');
  });

  it('rejects a list that is not one, a bad entry and bad options, at their paths', () => {
    expect(issuePaths(catchSuccessKitError(() => stackRank('x' as never)))).toEqual(['progresses']);
    expect(
      issuePaths(catchSuccessKitError(() => stackRank([progresses[0]!, { accountId: 1 } as never]))).slice(0, 1),
    ).toEqual(['progresses[1].accountId']);
    expect(issuePaths(catchSuccessKitError(() => stackRank(progresses, { within: 'region' as never })))).toEqual([
      'options.within',
    ]);
    expect(issuePaths(catchSuccessKitError(() => stackRank(progresses, { pace: { laggardLateShare: 0 } })))).toEqual([
      'options.pace.laggardLateShare',
    ]);
  });
});
