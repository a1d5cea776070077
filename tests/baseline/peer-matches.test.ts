import { describe, expect, it } from 'vitest';
import { peerMatches, type RankedAccount } from '../../src/baseline/index';
import { catchSuccessKitError, issuePaths } from '../catch-error';

function entry(
  accountId: string,
  pace: RankedAccount['pace'],
  rank: number,
  fields: Partial<RankedAccount> = {},
): RankedAccount {
  return {
    accountId,
    pace,
    rank,
    paceIndex: 100 - rank,
    segment: 'smb',
    plan: 'growth',
    employees: 40,
    featuresAdopted: 5,
    ...fields,
  } as RankedAccount;
}

describe('peerMatches', () => {
  it('pairs each cruiser with the most similar champion of the same segment, size band and plan, with the why', () => {
    const ranked = [
      entry('far', 'champion', 1, { employees: 45, featuresAdopted: 11 }),
      entry('near', 'champion', 2, { employees: 41, featuresAdopted: 5 }),
      entry('other-plan', 'champion', 3, { plan: 'pro' }),
      entry('k', 'cruiser', 4),
    ];
    const { pairs, unmatched } = peerMatches(ranked);
    expect(unmatched).toEqual([]);
    expect(pairs).toEqual([
      {
        cruiserId: 'k',
        champions: [
          {
            championId: 'near',
            shared: { segment: 'smb', sizeBand: 'under 50 employees', plan: 'growth' },
            similarity: 0.976,
            explanation:
              "same segment smb, size under 50 employees, plan growth; similarity 0.98 (headcount 41 vs 40, features 5 vs 5); champion's pace index 98",
          },
        ],
      },
    ]);
  });

  it('never gives a champion more than maxPerChampion cruisers', () => {
    const ranked = [
      entry('c1', 'champion', 1),
      entry('c2', 'champion', 2),
      ...[3, 4, 5, 6, 7].map((rank) => entry(`k${String(rank)}`, 'cruiser', rank)),
    ];
    const { pairs, unmatched } = peerMatches(ranked, { maxPerChampion: 2 });
    const load = new Map<string, number>();
    for (const pair of pairs)
      for (const match of pair.champions) load.set(match.championId, (load.get(match.championId) ?? 0) + 1);
    expect([...load.entries()]).toEqual([
      ['c1', 2],
      ['c2', 2],
    ]);
    expect(unmatched).toEqual([
      { cruiserId: 'k7', reason: 'every champion sharing segment, sizeBand, plan already has 2 cruiser(s)' },
    ]);
  });

  it('suggests peersPerCruiser champions, pairs on the by fields only, and says why a cruiser has none', () => {
    const ranked = [
      entry('c1', 'champion', 1, { plan: 'pro' }),
      entry('c2', 'champion', 2),
      entry('k', 'cruiser', 3),
      entry('lone', 'cruiser', 4, { segment: 'enterprise' }),
      entry('anon', 'cruiser', 5, { segment: null }),
      entry('lag', 'laggard', 6),
    ];
    const result = peerMatches({ ranked, unranked: [] }, { by: ['segment'], peersPerCruiser: 2 });
    expect(result.pairs.map((pair) => [pair.cruiserId, pair.champions.map((match) => match.championId)])).toEqual([
      ['k', ['c1', 'c2']],
    ]);
    expect(result.unmatched).toEqual([
      { cruiserId: 'lone', reason: 'no champion shares segment' },
      { cruiserId: 'anon', reason: 'missing one of segment' },
    ]);
  });

  it('pairs with anyone when by is empty', () => {
    const result = peerMatches([entry('c', 'champion', 1, { segment: 'enterprise' }), entry('k', 'cruiser', 2)], {
      by: [],
    });
    expect(result.pairs[0]?.champions[0]?.explanation.startsWith('any profile')).toBe(true);
  });

  it('rejects a ranked list that is not one and bad options, at their paths', () => {
    expect(issuePaths(catchSuccessKitError(() => peerMatches(5 as never)))).toEqual(['ranked']);
    expect(issuePaths(catchSuccessKitError(() => peerMatches([{ accountId: 'x' }] as never))).slice(0, 1)).toEqual([
      'ranked[0].pace',
    ]);
    expect(issuePaths(catchSuccessKitError(() => peerMatches([], { maxPerChampion: 0 })))).toEqual([
      'options.maxPerChampion',
    ]);
  });
});
