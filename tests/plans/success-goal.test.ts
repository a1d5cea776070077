import { describe, expect, it } from 'vitest';
import { checkSmart, defineSuccessGoal, periodTargets } from '../../src/plans/index';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { healthyPlan } from './plan-fixtures';

const resolution = {
  id: 'g1',
  outcome: 'Cut average ticket resolution time',
  metric: { name: 'resolution time', unit: 'hours' },
  baseline: { value: 48, date: '2026-01-01' },
  target: { value: 36, date: '2026-07-01' },
  successCriterionId: 's1',
  dataOwner: 'client' as const,
};

describe('defineSuccessGoal', () => {
  it('returns a frozen copy with defaults, leaving the input as it was', () => {
    const before = structuredClone(resolution);
    const goal = defineSuccessGoal(resolution);
    expect(goal).toEqual({ ...resolution, cadence: 'month', periodTargets: [], reviews: [] });
    expect(Object.isFrozen(goal)).toBe(true);
    expect(Object.isFrozen(goal.baseline)).toBe(true);
    expect(resolution).toEqual(before);
  });

  it('accepts a goal that is not SMART yet', () => {
    expect(defineSuccessGoal({ id: 'g', outcome: 'Happier users', dataOwner: 'us' }).id).toBe('g');
  });

  it('rejects a target date on or before the baseline, and period targets out of order or range', () => {
    const error = catchSuccessKitError(() =>
      defineSuccessGoal({
        ...resolution,
        target: { value: 36, date: '2026-01-01' },
        periodTargets: [
          { periodEnd: '2026-03-31', value: 40 },
          { periodEnd: '2026-02-28', value: 44 },
          { periodEnd: '2025-12-31', value: 48 },
        ],
        reviews: [{ periodEnd: '2026-03-31' }, { periodEnd: '2026-03-31' }],
      }),
    );
    expect(error.code).toBe('invalid_definition');
    expect(issuePaths(error)).toEqual([
      'target.date',
      'periodTargets[0].periodEnd',
      'periodTargets[1].periodEnd',
      'periodTargets[1].periodEnd',
      'periodTargets[2].periodEnd',
      'periodTargets[2].periodEnd',
      'reviews[1].periodEnd',
    ]);
  });

  it('rejects more than 1,200 generated periods', () => {
    const error = catchSuccessKitError(() =>
      defineSuccessGoal({
        ...resolution,
        baseline: { value: 1, date: '2000-01-01' },
        target: { value: 2, date: '2200-01-01' },
      }),
    );
    expect(error.issues).toEqual([
      { path: ['target', 'date'], message: 'expected at most 1200 periods from baseline to target, got more' },
    ]);
  });

  it('rejects a non-finite baseline as invalid_input', () => {
    expect(
      issuePaths(
        catchSuccessKitError(() =>
          defineSuccessGoal({ ...resolution, baseline: { value: Infinity, date: '2026-01-01' } }),
        ),
      ),
    ).toEqual(['baseline.value']);
  });
});

describe('periodTargets', () => {
  it('generates one target a calendar month on a straight line from baseline to target', () => {
    expect(
      periodTargets({
        ...resolution,
        baseline: { value: 48, date: '2025-12-31' },
        target: { value: 36, date: '2026-03-31' },
      }),
    ).toEqual([
      { periodEnd: '2026-01-31', value: 48 - (12 * 31) / 90 },
      { periodEnd: '2026-02-28', value: 48 - (12 * 59) / 90 },
      { periodEnd: '2026-03-31', value: 36 },
    ]);
  });

  it('starts with a short first period for a baseline mid-month and ends on the target date', () => {
    const ends = periodTargets({
      ...resolution,
      baseline: { value: 0, date: '2026-01-15' },
      target: { value: 10, date: '2026-03-20' },
    }).map((period) => period.periodEnd);
    expect(ends).toEqual(['2026-01-31', '2026-02-28', '2026-03-20']);
  });

  it('generates calendar quarters', () => {
    const ends = periodTargets({
      ...resolution,
      cadence: 'quarter',
      baseline: { value: 0, date: '2026-02-10' },
      target: { value: 10, date: '2026-12-31' },
    }).map((period) => period.periodEnd);
    expect(ends).toEqual(['2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31']);
  });

  it('keeps the targets a goal gives, and has none without a baseline and a dated target', () => {
    expect(periodTargets({ ...resolution, periodTargets: [{ periodEnd: '2026-04-30', value: 40 }] })).toEqual([
      { periodEnd: '2026-04-30', value: 40 },
    ]);
    expect(periodTargets({ id: 'g', outcome: 'x', dataOwner: 'us' })).toEqual([]);
  });
});

describe('checkSmart', () => {
  it('passes a specific, measurable, achievable, relevant, time-bound goal', () => {
    const result = checkSmart(resolution, { asOf: '2026-03-01', plan: healthyPlan() });
    expect(result.smart).toBe(true);
    expect(result.requiredChangePerMonth).toBeCloseTo(-12 / (181 / (365.2425 / 12)), 12);
  });

  it('S: vague text without a metric, or an outcome of a word or two', () => {
    expect(checkSmart({ ...resolution, metric: undefined }).specific).toMatchObject({
      status: 'finding',
      code: 'no_metric',
    });
    expect(checkSmart({ ...resolution, outcome: 'Faster tickets' }).specific).toEqual({
      status: 'finding',
      code: 'vague_outcome',
      message: 'the outcome "Faster tickets" is too vague',
      fix: 'say which business result changes, for whom, in a short sentence',
    });
  });

  it('M: no numeric target, or no unit', () => {
    expect(checkSmart({ ...resolution, target: { date: '2026-07-01' } }).measurable).toMatchObject({
      code: 'no_numeric_target',
    });
    expect(checkSmart({ ...resolution, metric: { name: 'resolution time' } }).measurable).toMatchObject({
      code: 'no_unit',
    });
  });

  it('A: a target beyond the monthly limit, against the trend or far beyond it, or no baseline', () => {
    const steep = { ...resolution, target: { value: 12, date: '2026-04-01' } };
    expect(checkSmart(steep).achievable).toEqual({
      status: 'finding',
      code: 'beyond_limit',
      message: 'the target asks for 25.4% of the baseline a month, beyond the 10% limit',
      fix: 'agree a later date or a smaller step with the customer',
    });
    expect(checkSmart(steep, { maximumMonthlyChange: 0.3 }).achievable).toEqual({ status: 'ok' });
    expect(checkSmart(resolution, { trendPerMonth: 0.5 }).achievable).toMatchObject({ code: 'beyond_trend' });
    expect(checkSmart(resolution, { trendPerMonth: -0.5 }).achievable).toMatchObject({ code: 'beyond_trend' });
    expect(checkSmart(resolution, { trendPerMonth: -1 }).achievable).toEqual({ status: 'ok' });
    expect(checkSmart({ ...resolution, baseline: undefined }).achievable).toMatchObject({ code: 'no_baseline' });
  });

  it('R: no link, or a link the plan does not have', () => {
    expect(checkSmart({ ...resolution, successCriterionId: undefined }).relevant).toMatchObject({ code: 'not_linked' });
    expect(checkSmart({ ...resolution, successCriterionId: 's9' }, { plan: healthyPlan() }).relevant).toMatchObject({
      code: 'unknown_link',
      message: 'the plan has no success criterion "s9"',
    });
    expect(checkSmart({ ...resolution, purchaseReasonId: 'r9' }, { plan: healthyPlan() }).relevant).toMatchObject({
      code: 'unknown_link',
    });
    expect(
      checkSmart({ ...resolution, successCriterionId: undefined, purchaseReasonId: 'r1' }, { plan: healthyPlan() })
        .relevant,
    ).toEqual({ status: 'ok' });
  });

  it('T: no end date, or one before asOf', () => {
    expect(checkSmart({ ...resolution, target: { value: 36 } }).timeBound).toMatchObject({ code: 'no_end_date' });
    expect(checkSmart(resolution, { asOf: '2026-07-02' }).timeBound).toMatchObject({
      code: 'end_date_past',
      message: 'the target date 2026-07-01 is before 2026-07-02',
    });
    expect(checkSmart(resolution, { asOf: '2026-07-01' }).timeBound).toEqual({ status: 'ok' });
  });

  it('rejects bad options at their path', () => {
    expect(issuePaths(catchSuccessKitError(() => checkSmart(resolution, { maximumMonthlyChange: -1 })))).toEqual([
      'options.maximumMonthlyChange',
    ]);
    expect(issuePaths(catchSuccessKitError(() => checkSmart(resolution, { plan: { id: 'p' } as never })))).toEqual([
      'options.plan.accountId',
      'options.plan.contacts',
    ]);
  });
});
