import { describe, expect, it } from 'vitest';
import {
  capacityPlan,
  defaultCapacityRanges,
  defaultSegmentation,
  defineSegmentation,
  segmentAccounts,
  type CapacityPlan,
} from '../../src/segments/index';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { account, accounts, hoursModel } from './fixtures';

// 30 high-touch accounts of 150,000 ARR (70 h a year each: 175 h a month),
// 120 low-touch of 30,000 (14 h a year: 140 h a month), 240 tech-touch of
// 5,000 (0.5 h a year: 10 h a month). 325 hours a month in all.
const book = segmentAccounts(defaultSegmentation, [
  ...accounts('big', 30, 150_000),
  ...accounts('mid', 120, 30_000),
  ...accounts('small', 240, 5_000),
]);
const team = { csmCount: 4, hoursPerCsmPerMonth: 100, costPerCsm: 150_000 };

function codes(plan: CapacityPlan): string[] {
  return plan.findings.map((finding) => `${finding.severity} ${finding.code} ${finding.segmentId ?? 'team'}`);
}

describe('capacityPlan', () => {
  it('computes the hours and CSMs each segment needs, by hand', () => {
    const plan = capacityPlan(book, { team });
    expect(
      plan.segments.map((segment) => [
        segment.segmentId,
        segment.hoursNeeded,
        segment.csmsNeeded,
        segment.csmsNeededWhole,
      ]),
    ).toEqual([
      ['high-touch', 175, 1.75, 2],
      ['low-touch', 140, 1.4, 2],
      ['tech-touch', 10, 0.1, 1],
    ]);
    expect(plan.totals).toEqual({
      accounts: 390,
      arr: 9_300_000,
      hoursNeeded: 325,
      hoursAvailable: 400,
      csmsNeeded: 3.25,
      csmsNeededWhole: 4,
      csmsAvailable: 4,
      load: 0.8125,
      shortfallCsms: 0,
      spareCsms: 0.75,
      teamCost: 600_000,
      arrPerCsm: 2_325_000,
      arrToCost: 15.5,
    });
  });

  it('computes the book of business per CSM against the healthy ranges', () => {
    const [high, low, tech] = capacityPlan(book, { team }).segments;
    expect(high?.accountsPerCsm).toEqual({ value: 30 / 1.75, range: { min: 8, max: 30 }, status: 'within' });
    expect(high?.arrPerCsm.value).toBeCloseTo(4_500_000 / 1.75, 6);
    expect(high?.arrToCost).toEqual({
      value: 4_500_000 / 1.75 / 150_000,
      range: { min: 5, max: 25 },
      status: 'within',
    });
    expect(low?.accountsPerCsm).toEqual({ value: 120 / 1.4, range: { min: 30, max: 150 }, status: 'within' });
    expect([high?.serviceCost, high?.arrToServiceCost]).toEqual([262_500, 4_500_000 / 262_500]);
    expect(tech?.arrShare).toEqual({ value: 1_200_000 / 9_300_000, range: { max: 0.2 }, status: 'within' });
    expect(tech?.accountsPerCsm).toEqual({ value: 240 / 0.1, range: null, status: 'no_range' });
  });

  it('serves the most-touch tier first when the team is short', () => {
    const plan = capacityPlan(book, { team: { ...team, csmCount: 2 } });
    expect(plan.segments.map((segment) => [segment.csmsAssigned, segment.coverage])).toEqual([
      [1.75, 1],
      [0.25, 0.25 / 1.4],
      [0, 0],
    ]);
    expect(codes(plan)).toEqual([
      'critical over_capacity team',
      'critical under_served low-touch',
      'warning outside_range low-touch',
      'warning outside_range low-touch',
      'warning outside_range low-touch',
      'warning under_served tech-touch',
    ]);
    expect(plan.findings[0]?.message).toBe(
      'the service models need 325 CSM hours a month and the team has 200: 1.3 CSMs short, 2 to hire',
    );
  });

  it('calls a shortfall under one CSM a warning', () => {
    const plan = capacityPlan(book, { team: { ...team, csmCount: 3 } });
    expect(plan.findings.find((finding) => finding.code === 'over_capacity')).toEqual({
      code: 'over_capacity',
      severity: 'warning',
      segmentId: null,
      tier: null,
      message: 'the service models need 325 CSM hours a month and the team has 300: 0.3 CSMs short, 1 to hire',
    });
  });

  it('gives CSMs dedicated to a segment to it, and the pool to the rest', () => {
    const plan = capacityPlan(book, { team: { ...team, allocation: { 'low-touch': 3 } } });
    expect(plan.segments.map((segment) => segment.csmsAssigned)).toEqual([1, 3, 0]);
    expect(codes(plan)).toEqual([
      'warning under_served high-touch',
      'warning outside_range high-touch',
      'warning outside_range low-touch',
      'warning under_served tech-touch',
    ]);
  });

  it('gives findings, never NaN or Infinity, with no CSMs', () => {
    const plan = capacityPlan(book, { team: { ...team, csmCount: 0 } });
    expect(codes(plan)).toEqual(['critical no_csms team']);
    expect(plan.findings[0]?.message).toBe(
      'the team has no CSMs, and the service models need 325 CSM hours a month: 3.3 CSMs',
    );
    expect([plan.totals.load, plan.totals.loadNullReason, plan.totals.arrPerCsm, plan.totals.shortfallCsms]).toEqual([
      null,
      'no_hours_available',
      null,
      3.25,
    ]);
    expect(plan.segments[0]?.accountsPerCsm).toEqual({
      value: null,
      nullReason: 'no_csms_assigned',
      range: { min: 8, max: 30 },
      status: 'not_measured',
    });
    expect(JSON.stringify(plan)).not.toMatch(/null,"nullReason":undefined|NaN|Infinity/);
  });

  it('gives findings, never NaN or Infinity, with no hours per CSM', () => {
    const plan = capacityPlan(book, { team: { ...team, hoursPerCsmPerMonth: 0 } });
    expect(codes(plan)).toEqual(['critical no_csm_hours team']);
    expect([
      plan.totals.csmsNeeded,
      plan.totals.load,
      plan.totals.loadNullReason,
      plan.segments[0]?.csmsNeeded,
    ]).toEqual([null, null, 'no_hours_per_csm', null]);
  });

  it('needs nothing and finds nothing for no accounts and no team', () => {
    const plan = capacityPlan(segmentAccounts(defaultSegmentation, []), {
      team: { csmCount: 0, hoursPerCsmPerMonth: 0, costPerCsm: 0 },
    });
    expect([plan.totals.csmsNeeded, plan.totals.csmsNeededWhole, plan.findings]).toEqual([0, 0, []]);
  });

  it('finds spare capacity of a CSM or more', () => {
    const plan = capacityPlan(book, { team: { ...team, csmCount: 6 } });
    expect(plan.findings[0]?.message).toBe(
      'the service models need 3.3 CSMs and the team has 6: 2.8 to spare for a richer service model or a lower tier boundary',
    );
    expect(codes(plan)[0]).toBe('info spare_capacity team');
  });

  it('finds a high-touch segment whose ARR does not cover its service', () => {
    const plan = capacityPlan(segmentAccounts(defaultSegmentation, accounts('big', 10, 100_000)), {
      team: { csmCount: 1, hoursPerCsmPerMonth: 100, costPerCsm: 2_000_000 },
    });
    expect(plan.findings.find((finding) => finding.code === 'cost_not_covered')?.message).toBe(
      'High touch: its ARR of 1,000,000 a year does not cover the 1,166,667 a year its service model costs (0.6 CSMs)',
    );
  });

  it('finds a tech-touch segment holding high ARR', () => {
    const byPlan = defineSegmentation({
      segments: [
        {
          id: 'enterprise',
          name: 'Enterprise',
          tier: 'high',
          rule: { field: 'plan', op: 'eq', value: 'enterprise' },
          activities: hoursModel(12),
        },
        { id: 'self-serve', name: 'Self-serve', tier: 'tech', fallback: true, activities: hoursModel(0) },
      ],
    });
    const segmented = segmentAccounts(byPlan, [
      account('e', 80_000, { plan: 'enterprise' }),
      account('s1', 300_000, { plan: 'pro' }),
      account('s2', 20_000, { plan: 'pro' }),
    ]);
    const plan = capacityPlan(segmented, { team });
    expect(plan.findings.find((finding) => finding.code === 'tech_touch_high_arr')?.message).toBe(
      'Self-serve: 80% of all ARR, above the 20% a scaled programme should carry; an account of 300,000 ARR, as large as the smallest of the high tier (80,000)',
    );
  });

  it('merges the host’s ranges over the defaults, measure by measure', () => {
    const plan = capacityPlan(book, { team, ranges: { high: { accountsPerCsm: { max: 15 } } } });
    expect(plan.segments[0]?.accountsPerCsm.status).toBe('above');
    expect(plan.segments[0]?.arrPerCsm.range).toEqual(defaultCapacityRanges.high?.arrPerCsm);
  });

  it('words one-sided ranges, and checks the share of ARR of any tier', () => {
    const plan = capacityPlan(book, {
      team,
      ranges: { high: { arrShare: { max: 0.1 } }, low: { accountsPerCsm: { max: 10 } } },
    });
    expect(
      plan.findings.filter((finding) => finding.code === 'outside_range').map((finding) => finding.message),
    ).toEqual([
      'High touch: 48% of all ARR, outside the healthy at most 10%',
      'Low touch: 86 accounts per CSM, above the healthy at most 10',
    ]);
  });

  it('rejects a bad team, an allocation to no segment and one beyond the team', () => {
    const cases: [unknown, string[], string][] = [
      [{ team: { ...team, csmCount: -1 } }, ['input.team.csmCount'], 'invalid_input'],
      [{ team: { ...team, allocation: { nowhere: 1 } } }, ['input.team.allocation.nowhere'], 'invalid_input'],
      [{ team: { ...team, allocation: { 'high-touch': 5 } } }, ['input.team.allocation'], 'invalid_input'],
      [
        { team, ranges: { high: { accountsPerCsm: { min: 30, max: 8 } } } },
        ['input.ranges.high.accountsPerCsm.max'],
        'invalid_input',
      ],
    ];
    for (const [input, paths, code] of cases) {
      const error = catchSuccessKitError(() => capacityPlan(book, input as never));
      expect([error.code, issuePaths(error)]).toEqual([code, paths]);
    }
  });

  it('rejects tallies that do not match the segmentation', () => {
    const error = catchSuccessKitError(() => capacityPlan({ ...book, segments: book.segments.slice(1) }, { team }));
    expect(issuePaths(error)).toEqual(['segmented.segments']);
    const swapped = catchSuccessKitError(() =>
      capacityPlan({ ...book, segments: [book.segments[1], book.segments[0], book.segments[2]] } as never, { team }),
    );
    expect(issuePaths(swapped)).toEqual(['segmented.segments[0].segmentId']);
  });
});
