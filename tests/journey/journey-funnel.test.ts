import { describe, expect, it } from 'vitest';
import { daysInStage } from '../../src/journey/days-in-stage';
import { defineJourney, journeyFunnel, journeyTimeline } from '../../src/journey/index';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { day, record, threeStages } from './fixtures';

const journey = defineJourney(threeStages);

describe('daysInStage', () => {
  it('counts stays still running as censored, not finished: median 15 where finished stays alone give 10', () => {
    // S(5) = 4/5, S(10) = 4/5 · 3/4 = 0.6 (one censored at 10 leaves), S(15) = 0.6 · 1/2 = 0.3; then one censored at 20.
    expect(daysInStage([5, 10, 10, 15, 20], [true, true, false, true, false])).toEqual({
      n: 5,
      finished: 3,
      censored: 2,
      median: 15,
      p90: null,
      nullReason: 'censored',
    });
  });

  it('gives the plain median and 90th percentile when every stay finished', () => {
    const days = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(
      daysInStage(
        days,
        days.map(() => true),
      ),
    ).toEqual({ n: 10, finished: 10, censored: 0, median: 5, p90: 9, nullReason: null });
  });

  it('has no median while more than half the stays are still running, and none at all without stays', () => {
    expect(daysInStage([3, 40, 50], [true, false, false]).median).toBeNull();
    expect(daysInStage([], [])).toEqual({
      n: 0,
      finished: 0,
      censored: 0,
      median: null,
      p90: null,
      nullReason: 'no_stays',
    });
  });
});

describe('journeyFunnel', () => {
  const onboarding = { startDate: '2026-01-01' };
  const series = [
    day(
      '2026-01-31',
      record('a', '2026-01-31', onboarding),
      record('b', '2026-01-31', onboarding),
      record('c', '2026-01-31', onboarding),
    ),
    day(
      '2026-02-28',
      record('a', '2026-02-28', { ...onboarding, milestones: { go_live: '2026-02-20' } }),
      record('b', '2026-02-28', onboarding),
      record('c', '2026-02-28', { ...onboarding, status: 'churned' }),
      record('d', '2026-02-28', { startDate: '2026-02-25' }),
    ),
  ];
  const funnel = journeyFunnel(journey, journeyTimeline(journey, series));

  it('counts accounts in each stage now and ever, conversion to later stages, and how stays ended', () => {
    expect(funnel.totals).toEqual({ accounts: 4, inStage: 3, noStage: 0, churned: 1, absent: 0 });
    const [first, second, third] = funnel.stages;
    expect([first?.now, first?.reached, first?.movedOn, first?.conversion]).toEqual([2, 4, 1, 0.25]);
    expect(first?.exits).toEqual({ forward: 1, skipped: 0, regression: 0, cycled: 0, churned: 1, left: 0 });
    expect([second?.now, second?.reached, second?.conversion, third?.reached, third?.conversion]).toEqual([
      1,
      1,
      0,
      0,
      null,
    ]);
  });

  it('estimates days in stage with the stays still running censored, and lists the stuck accounts longest first', () => {
    // a left after 58 days, c churned after 58; b is still there after 58 days, d after 3.
    expect(funnel.stages[0]?.daysInStage).toEqual({
      n: 4,
      finished: 2,
      censored: 2,
      median: 58,
      p90: null,
      nullReason: 'censored',
    });
    expect(funnel.stages[0]?.stuck).toEqual([{ accountId: 'b', days: 58, daysOver: 28 }]);
  });

  it('reads one day of snapshots by the journey order: an account in adoption has reached onboarding', () => {
    const today = journeyFunnel(journey, series[1]!.snapshots);
    expect([today.basis, today.step, today.totals]).toEqual([
      'snapshots',
      'single',
      { accounts: 4, inStage: 3, noStage: 0, churned: 1, absent: 0 },
    ]);
    expect(today.stages.map((stage) => [stage.now, stage.reached, stage.movedOn])).toEqual([
      [2, 3, 1],
      [1, 1, 0],
      [0, 0, 0],
    ]);
    expect(today.stages[0]?.stuck).toEqual([{ accountId: 'b', days: 58, daysOver: 28 }]);
  });

  it('rejects a timeline of another journey, a damaged one, no snapshots and snapshots of two days', () => {
    const timeline = journeyTimeline(journey, series);
    expect(issuePaths(catchSuccessKitError(() => journeyFunnel({ ...threeStages, id: 'other' }, timeline)))).toEqual([
      'source.journeyId',
    ]);
    const damaged = {
      ...timeline,
      accounts: [{ ...timeline.accounts[0], visits: [{ stageId: 'onboarding', days: -1 }] }],
    };
    expect(issuePaths(catchSuccessKitError(() => journeyFunnel(journey, damaged as never)))).toEqual([
      'source.accounts[0].visits[0].days',
    ]);
    expect(issuePaths(catchSuccessKitError(() => journeyFunnel(journey, [])))).toEqual(['source']);
    const mixed = [record('a', '2026-01-31'), record('b', '2026-02-28')];
    expect(issuePaths(catchSuccessKitError(() => journeyFunnel(journey, mixed)))).toEqual(['source[1].asOf']);
  });
});
