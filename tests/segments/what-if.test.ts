import { describe, expect, it } from 'vitest';
import { capacityPlan, defaultSegmentation, segmentAccounts, whatIf } from '../../src/segments/index';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { deepFreeze } from '../freeze';
import { accounts } from './fixtures';

// 24 high-touch accounts (140 h a month) and 12 low-touch (14 h a month).
const snapshots = [...accounts('big', 24, 120_000), ...accounts('mid', 12, 90_000)];
const plan = capacityPlan(segmentAccounts(defaultSegmentation, snapshots), {
  team: { csmCount: 1, hoursPerCsmPerMonth: 70, costPerCsm: 140_000 },
});

describe('whatIf', () => {
  it('adds CSMs and sets the new plan beside the old', () => {
    const hired = whatIf(plan, { addCsms: 2 });
    expect(hired.changes).toEqual(['add 2 CSMs, 3 in all']);
    expect(hired.totals.csmsAvailable).toEqual({ before: 1, after: 3 });
    expect(hired.totals.shortfallCsms.before).toBeCloseTo(1.2, 12);
    expect(hired.totals.shortfallCsms.after).toBe(0);
    expect(hired.findingsResolved.map((finding) => finding.code)).toEqual([
      'over_capacity',
      'under_served',
      'under_served',
    ]);
    expect(hired.findingsAdded).toEqual([]);
    expect(hired.before).toEqual(plan);
  });

  it('removes CSMs, but not more than the team has', () => {
    expect(whatIf(plan, { addCsms: -1 }).after.totals.csmsAvailable).toBe(0);
    const error = catchSuccessKitError(() => whatIf(plan, { addCsms: -2 }));
    expect([error.code, issuePaths(error), error.issues[0]?.message]).toEqual([
      'invalid_input',
      ['change.addCsms'],
      'removes 2 CSMs from a team of 1',
    ]);
  });

  it('moves a tier boundary and re-segments the snapshots', () => {
    const lowered = whatIf(plan, { boundaries: [{ segmentId: 'high-touch', value: 80_000 }], snapshots });
    expect(lowered.changes).toEqual(['High touch starts at arr 80000']);
    expect(lowered.segments.map((segment) => [segment.segmentId, segment.accounts])).toEqual([
      ['high-touch', { before: 24, after: 36 }],
      ['low-touch', { before: 12, after: 0 }],
      ['tech-touch', { before: 0, after: 0 }],
    ]);
    expect(lowered.after.segmentation.segments[0]?.rule).toEqual({ field: 'arr', op: 'gte', value: 80_000 });
    expect(lowered.totals.csmsNeeded).toEqual({ before: 2.2, after: 3 });
  });

  it('changes a service model', () => {
    const lighter = whatIf(plan, {
      activities: { 'high-touch': [{ id: 'qbr', name: 'QBR', delivery: 'csm', perYear: 4, hours: 6 }] },
    });
    expect(lighter.segments[0]?.hoursNeeded).toEqual({ before: 140, after: 48 });
    expect(lighter.changes).toEqual(['High touch gets a new service model of 1 activities']);
  });

  it('changes the team’s hours and cost', () => {
    const changed = whatIf(plan, { team: { hoursPerCsmPerMonth: 140, costPerCsm: 100_000 } });
    expect([changed.totals.csmsNeeded, changed.totals.teamCost]).toEqual([
      { before: 2.2, after: 1.1 },
      { before: 140_000, after: 100_000 },
    ]);
    expect(changed.changes).toEqual(['the team changes: hoursPerCsmPerMonth, costPerCsm']);
  });

  it('leaves the plan and the change as they were', () => {
    const change = deepFreeze({
      boundaries: [{ segmentId: 'high-touch', value: 80_000 }],
      snapshots: deepFreeze(structuredClone(snapshots)),
    });
    const copy = structuredClone(plan);
    whatIf(deepFreeze(plan), change);
    expect(plan).toEqual(copy);
  });

  it('rejects boundaries it cannot move and unknown segments', () => {
    const cases: [unknown, string[]][] = [
      [{ boundaries: [{ segmentId: 'high-touch', value: 1 }] }, ['change.snapshots']],
      [{ boundaries: [{ segmentId: 'nowhere', value: 1 }], snapshots }, ['change.boundaries[0].segmentId']],
      [{ boundaries: [{ segmentId: 'tech-touch', value: 1 }], snapshots }, ['change.boundaries[0]']],
      [{ boundaries: [{ segmentId: 'high-touch', field: 'licenses', value: 1 }], snapshots }, ['change.boundaries[0]']],
      [{ activities: { nowhere: [] } }, ['change.activities.nowhere']],
      [{ team: { csmCount: -3 } }, ['change.team.csmCount']],
      [
        { boundaries: [{ segmentId: 'high-touch', value: 1 }], snapshots: [{ id: 'x' }] },
        ['change.snapshots[0].asOf', 'change.snapshots[0].arr'],
      ],
    ];
    for (const [change, paths] of cases) {
      const error = catchSuccessKitError(() => whatIf(plan, change as never));
      expect([error.code, issuePaths(error)]).toEqual(['invalid_input', paths]);
    }
    expect(issuePaths(catchSuccessKitError(() => whatIf(null as never, {})))).toEqual(['plan']);
  });
});
