import { describe, expect, it } from 'vitest';
import * as segments from '../../src/segments/index';
import { exportedFunctions, hostileFailures } from '../hostile-calls';
import { account, accounts } from './fixtures';

// Every public function of successkit/segments, called with each hostile
// value in each argument position, in the first element of each array and
// in each field of each plain-object argument, returns a result with no NaN
// or Infinity in it or throws a SuccessKitError. A value that throws when
// read (a revoked proxy, a throwing getter) ends in a SuccessKitError too.

const snapshots = [...accounts('big', 3, 150_000), ...accounts('mid', 4, 30_000), account('none', null)];
const segmented = segments.segmentAccounts(segments.defaultSegmentation, snapshots);
const team = { csmCount: 2, hoursPerCsmPerMonth: 100, costPerCsm: 140_000 };
const plan = segments.capacityPlan(segmented, { team });
const activity = { id: 'qbr', name: 'QBR', delivery: 'csm', perYear: 4, hours: 6 };
const plainSegmentation = {
  tiers: ['high', 'tech'],
  segments: [
    { id: 'key', name: 'Key', tier: 'high', rule: { field: 'arr', op: 'gte', value: 100_000 }, activities: [activity] },
    { id: 'rest', name: 'Rest', tier: 'tech', fallback: true, activities: [] },
  ],
};

/** Every public function with arguments it accepts. */
const calls: [name: string, run: (...args: unknown[]) => unknown, args: unknown[]][] = [
  ['defineSegmentation', segments.defineSegmentation as never, [plainSegmentation, {}]],
  ['segmentAccounts', segments.segmentAccounts as never, [plainSegmentation, snapshots, { explain: true }]],
  [
    'segmentChanges',
    segments.segmentChanges as never,
    [segmented, segments.segmentAccounts(segments.defaultSegmentation, snapshots.slice(1))],
  ],
  [
    'capacityPlan',
    segments.capacityPlan as never,
    [
      segmented,
      { team: { ...team, allocation: { 'high-touch': 1 } }, ranges: { high: { accountsPerCsm: { min: 1 } } } },
    ],
  ],
  [
    'whatIf',
    segments.whatIf as never,
    [
      plan,
      {
        addCsms: 1,
        team: { costPerCsm: 1 },
        activities: { 'low-touch': [activity] },
        boundaries: [{ segmentId: 'high-touch', value: 1 }],
        snapshots,
      },
    ],
  ],
  [
    'suggestSegmentation',
    segments.suggestSegmentation as never,
    [snapshots, { field: 'arr', tiers: 3, balance: 'hours' }],
  ],
  ['monthlyHoursPerAccount', segments.monthlyHoursPerAccount as never, [[activity]]],
];

describe('every segments function answers hostile input with a SuccessKitError or a result', () => {
  it('lists every exported function', () => {
    const exported = exportedFunctions(segments);
    expect(calls.map(([name]) => name).sort()).toEqual(exported);
  });

  for (const [name, run, args] of calls) {
    it(
      name,
      () => {
        expect(() => run(...args)).not.toThrow();
        expect(hostileFailures(run, args)).toEqual([]);
      },
      60_000,
    );
  }
});
