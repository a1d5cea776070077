import { describe, expect, it } from 'vitest';
import { goalProgress, hitsAndMisses } from '../../src/plans/index';
import { catchSuccessKitError, issuePaths } from '../catch-error';

const goal = {
  id: 'g1',
  outcome: 'Cut average ticket resolution time',
  metric: { name: 'resolution time', unit: 'hours' },
  baseline: { value: 48, date: '2025-12-31' },
  target: { value: 36, date: '2026-03-31' },
  periodTargets: [
    { periodEnd: '2026-01-31', value: 44 },
    { periodEnd: '2026-02-28', value: 40 },
    { periodEnd: '2026-03-31', value: 36 },
  ],
  reviews: [{ periodEnd: '2026-02-28', reason: 'holiday backlog', nextStep: 'add a weekend shift' }],
  dataOwner: 'client' as const,
};

describe('goalProgress', () => {
  it('counts a measurement on the last day of a period in that period, and the day after in the next', () => {
    const progress = goalProgress(
      goal,
      [
        { value: 44, date: '2026-01-31' },
        { value: 39, date: '2026-02-01' },
      ],
      { asOf: '2026-03-31' },
    );
    expect(progress.periods.map((period) => [period.periodStart, period.status, period.actual])).toEqual([
      ['2026-01-01', 'hit', 44],
      ['2026-02-01', 'hit', 39],
      ['2026-03-01', 'no_data', null],
    ]);
  });

  it('takes the last measurement in a period as its actual, whatever the input order', () => {
    const progress = goalProgress(
      goal,
      [
        { value: 41, date: '2026-01-20' },
        { value: 45, date: '2026-01-30' },
        { value: 43, date: '2026-01-10' },
      ],
      { asOf: '2026-02-10' },
    );
    expect(progress.periods[0]).toEqual({
      periodStart: '2026-01-01',
      periodEnd: '2026-01-31',
      target: 44,
      actual: 45,
      actualDate: '2026-01-30',
      status: 'miss',
      attainmentPercent: 75,
      reason: null,
      nextStep: null,
    });
    expect(progress.periods.map((period) => period.status)).toEqual(['miss', 'open', 'open']);
  });

  it('leaves a period open until its last day, then judges it', () => {
    const observations = [{ value: 43, date: '2026-01-15' }];
    expect(goalProgress(goal, observations, { asOf: '2026-01-30' }).periods[0]?.status).toBe('open');
    expect(goalProgress(goal, observations, { asOf: '2026-01-31' }).periods[0]?.status).toBe('hit');
  });

  it('does not read measurements dated after asOf', () => {
    const progress = goalProgress(goal, [{ value: 30, date: '2026-01-31' }], { asOf: '2026-01-30' });
    expect(progress.latest).toBeNull();
    expect(progress.periods[0]?.actual).toBeNull();
  });

  it('ignores measurements on or before the baseline day', () => {
    const progress = goalProgress(goal, [{ value: 10, date: '2025-12-31' }], { asOf: '2026-02-01' });
    expect(progress.periods[0]?.status).toBe('no_data');
  });

  it('judges an increasing goal the other way round', () => {
    const growth = {
      id: 'g2',
      outcome: 'Grow weekly active users',
      baseline: { value: 100, date: '2025-12-31' },
      target: { value: 130, date: '2026-03-31' },
      dataOwner: 'us' as const,
    };
    const progress = goalProgress(
      growth,
      [
        { value: 111, date: '2026-01-31' },
        { value: 115, date: '2026-02-28' },
      ],
      { asOf: '2026-03-01' },
    );
    expect(progress.direction).toBe('increase');
    expect(progress.periods.map((period) => period.status)).toEqual(['hit', 'miss', 'open']);
  });

  it('projects the trend to the target date: on track when the line reaches it', () => {
    const growth = {
      id: 'g2',
      outcome: 'Grow weekly active users',
      baseline: { value: 100, date: '2026-01-01' },
      target: { value: 130, date: '2026-01-31' },
      dataOwner: 'us' as const,
    };
    const progress = goalProgress(
      growth,
      [
        { value: 110, date: '2026-01-11' },
        { value: 120, date: '2026-01-21' },
      ],
      { asOf: '2026-01-21' },
    );
    expect(progress.pace).toEqual({
      status: 'on_track',
      changePerDay: 1,
      projectedValue: 130,
      projectedDate: '2026-01-31',
    });
    const slower = goalProgress(
      growth,
      [
        { value: 105, date: '2026-01-11' },
        { value: 110, date: '2026-01-21' },
      ],
      { asOf: '2026-01-21' },
    );
    expect(slower.pace.status).toBe('off_track');
    expect(slower.pace.projectedValue).toBeCloseTo(115, 10);
  });

  it('has no pace with the baseline alone, and none without a target', () => {
    expect(goalProgress(goal, [], { asOf: '2026-01-10' }).pace.status).toBe('insufficient_data');
    expect(
      goalProgress({ id: 'g', outcome: 'x', dataOwner: 'us' }, [{ value: 1, date: '2026-01-01' }], {
        asOf: '2026-01-10',
      }).pace,
    ).toEqual({
      status: 'no_target',
      changePerDay: null,
      projectedValue: null,
      projectedDate: null,
    });
  });

  it('gives no attainment when the target equals the baseline', () => {
    const hold = { ...goal, periodTargets: [{ periodEnd: '2026-01-31', value: 48 }] };
    expect(
      goalProgress(hold, [{ value: 47, date: '2026-01-31' }], { asOf: '2026-02-01' }).periods[0]?.attainmentPercent,
    ).toBeNull();
  });

  it('rejects bad observations and options at their path', () => {
    expect(
      issuePaths(
        catchSuccessKitError(() =>
          goalProgress(goal, [{ value: Number.NaN, date: '2026-01-01' }], { asOf: '2026-01-01' }),
        ),
      ),
    ).toEqual(['observations[0].value']);
    expect(issuePaths(catchSuccessKitError(() => goalProgress(goal, [], { asOf: 'soon' })))).toEqual(['options.asOf']);
  });
});

describe('hitsAndMisses', () => {
  const cost = {
    id: 'cost',
    outcome: 'Lower cost per ticket',
    periodTargets: [{ periodEnd: '2026-02-28', value: 9 }],
    dataOwner: 'client' as const,
  };
  const adoption = {
    id: 'adoption',
    outcome: 'More agents on the product',
    periodTargets: [{ periodEnd: '2026-02-28', value: 50 }],
    dataOwner: 'us' as const,
  };

  it('sorts the latest ended period of each goal into hits, misses and goals without data', () => {
    const review = hitsAndMisses(
      [goal, cost, adoption],
      {
        g1: [
          { value: 43, date: '2026-01-31' },
          { value: 41, date: '2026-02-27' },
        ],
      },
      { asOf: '2026-03-05' },
    );
    expect(review).toEqual({
      asOf: '2026-03-05',
      hits: [],
      misses: [
        {
          goalId: 'g1',
          outcome: 'Cut average ticket resolution time',
          periodEnd: '2026-02-28',
          target: 40,
          actual: 41,
          attainmentPercent: 87.5,
          reason: 'holiday backlog',
          nextStep: 'add a weekend shift',
          explained: true,
        },
      ],
      noClientData: [
        { goalId: 'cost', outcome: 'Lower cost per ticket', dataOwner: 'client', periodEnds: ['2026-02-28'] },
      ],
      noOwnData: [
        { goalId: 'adoption', outcome: 'More agents on the product', dataOwner: 'us', periodEnds: ['2026-02-28'] },
      ],
      offPace: ['g1'],
    });
  });

  it('reviews every ended period with periods: all, hits to celebrate first among them', () => {
    const review = hitsAndMisses(
      [goal],
      {
        g1: [
          { value: 43, date: '2026-01-31' },
          { value: 41, date: '2026-02-27' },
        ],
      },
      { asOf: '2026-03-05', periods: 'all' },
    );
    expect(review.hits.map((hit) => [hit.periodEnd, hit.attainmentPercent])).toEqual([['2026-01-31', 125]]);
    expect(review.misses.map((miss) => miss.periodEnd)).toEqual(['2026-02-28']);
  });

  it('marks a miss without a recorded reason and next step as unexplained', () => {
    const review = hitsAndMisses(
      [{ ...goal, reviews: [] }],
      { g1: [{ value: 41, date: '2026-02-27' }] },
      { asOf: '2026-03-05' },
    );
    expect(review.misses[0]).toMatchObject({ reason: null, nextStep: null, explained: false });
  });

  it('rejects two goals with one id, and a bad goal at its index', () => {
    const twice = catchSuccessKitError(() => hitsAndMisses([cost, cost], {}, { asOf: '2026-03-05' }));
    expect(twice.code).toBe('invalid_definition');
    expect(issuePaths(twice)).toEqual(['goals[1].id']);
    expect(
      issuePaths(
        catchSuccessKitError(() =>
          hitsAndMisses([{ ...cost, dataOwner: 'them' as never }], {}, { asOf: '2026-03-05' }),
        ),
      ),
    ).toEqual(['goals[0].dataOwner']);
    expect(
      issuePaths(
        catchSuccessKitError(() =>
          hitsAndMisses([cost], { cost: [{ value: 'x' as never, date: '2026-01-01' }] }, { asOf: '2026-03-05' }),
        ),
      ),
    ).toEqual(['observations.cost[0].value']);
  });
});
