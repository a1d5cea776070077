import { describe, expect, it } from 'vitest';
import { defineJourney, journeyTimeline, stageExperience } from '../../src/journey/index';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { day, record, threeStages } from './fixtures';

const journey = defineJourney(threeStages);
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
    // a went live on 02-20, and its adoption starts then; b's go-live of 01-15 was only known by 02-28.
    record('a', '2026-02-28', { ...onboarding, milestones: { go_live: '2026-02-20' } }),
    record('b', '2026-02-28', { ...onboarding, milestones: { go_live: '2026-01-15' } }),
    record('c', '2026-02-28', { ...onboarding, status: 'churned' }),
    record('d', '2026-02-28', { startDate: '2026-02-25' }),
  ),
];
const timeline = journeyTimeline(journey, series);

let next = 0;
function nps(accountId: string, date: string, score: number) {
  next++;
  return { id: `s${String(next)}`, accountId, date, kind: 'nps', score } as const;
}
function csat(accountId: string, date: string, score: number, scale: 5 | 7 | 10 = 5) {
  next++;
  return { id: `s${String(next)}`, accountId, date, kind: 'csat', score, scale } as const;
}

describe('stageExperience', () => {
  it('attributes an answer to the stage the account was in on its date, the day a stage began counting for the new stage', () => {
    const responses = [
      nps('a', '2026-02-19', 10), // onboarding: adoption began on 02-20
      nps('a', '2026-02-20', 3), // adoption, on the day it began
      nps('b', '2026-02-27', 8), // onboarding: b was first seen in adoption on 02-28
      nps('b', '2026-02-28', 9), // adoption
      csat('a', '2026-01-10', 6, 7), // onboarding, satisfied on a 7-point scale
      csat('c', '2026-01-20', 2),
    ];
    const experience = stageExperience(journey, { timeline, responses, asOf: '2026-02-28' });
    const [first, second] = experience.stages;
    expect([first?.nps.promoters, first?.nps.passives, first?.nps.detractors]).toEqual([1, 1, 0]);
    expect([second?.nps.promoters, second?.nps.passives, second?.nps.detractors, second?.nps.score]).toEqual([
      1, 0, 1, 0,
    ]);
    expect(first?.csat).toEqual({ n: 2, satisfied: 1, share: 0.5, interval: first?.csat.interval, lowSample: true });
    expect(experience.responses).toEqual({
      attributed: 6,
      leftOut: { afterAsOf: 0, unknownAccount: 0, outsideStages: 0, ces: 0 },
    });
  });

  it('counts each churn against the stage it left from, and flags stages below the minimum sample', () => {
    const experience = stageExperience(journey, { timeline, responses: [], asOf: '2026-02-28' });
    expect(experience.stages[0]?.churn).toEqual({
      stays: 4,
      churned: 1,
      rate: 0.25,
      nullReason: null,
      lowSample: true,
    });
    expect(experience.stages[2]?.churn).toEqual({
      stays: 0,
      churned: 0,
      rate: null,
      nullReason: 'no_stays',
      lowSample: true,
    });
    expect(experience.stages.map((stage) => stage.lowSample)).toEqual([true, true, true]);
    expect(experience.minimumSample).toBe(30);
    const relaxed = stageExperience(
      journey,
      { timeline, responses: [nps('a', '2026-02-01', 9)], asOf: '2026-02-28' },
      { minimumSample: 1 },
    );
    expect([relaxed.stages[0]?.nps.lowSample, relaxed.stages[0]?.churn.lowSample]).toEqual([false, false]);
  });

  it('leaves out answers after asOf, from unknown accounts, outside any stay, and CES answers, and says how many', () => {
    const responses = [
      nps('a', '2026-03-01', 9),
      nps('zz', '2026-02-01', 9),
      nps('d', '2026-02-20', 9), // before d started
      nps('c', '2026-02-28', 0), // c had churned
      { id: 'x', accountId: 'a', date: '2026-02-01', kind: 'ces', score: 6 } as const,
    ];
    expect(stageExperience(journey, { timeline, responses, asOf: '2026-02-28' }).responses).toEqual({
      attributed: 0,
      leftOut: { afterAsOf: 1, unknownAccount: 1, outsideStages: 2, ces: 1 },
    });
  });

  it('reads one day of snapshots from each stage start on, with churn left to timelines', () => {
    const experience = stageExperience(journey, {
      snapshots: series[1]!.snapshots,
      responses: [nps('a', '2026-02-21', 10), nps('a', '2026-02-19', 10)],
      asOf: '2026-02-28',
    });
    expect([experience.basis, experience.stages[1]?.nps.n, experience.responses.leftOut.outsideStages]).toEqual([
      'snapshots',
      1,
      1,
    ]);
    expect(experience.stages[0]?.churn).toEqual({
      stays: 1,
      churned: 0,
      rate: null,
      nullReason: 'needs_timeline',
      lowSample: true,
    });
  });

  it('rejects neither or both sources, a bad answer at its path, and a bad asOf', () => {
    expect(
      issuePaths(catchSuccessKitError(() => stageExperience(journey, { responses: [], asOf: '2026-02-28' }))),
    ).toEqual(['input']);
    const both = { timeline, snapshots: [], responses: [], asOf: '2026-02-28' };
    expect(issuePaths(catchSuccessKitError(() => stageExperience(journey, both)))).toEqual(['input']);
    const bad = catchSuccessKitError(() =>
      stageExperience(journey, {
        timeline,
        responses: [{ id: 'x', accountId: 'a', date: '2026-02-01', kind: 'nps', score: 11 }],
        asOf: '2026-02-28',
      }),
    );
    expect(issuePaths(bad)).toEqual(['input.responses[0].score']);
    expect(
      issuePaths(catchSuccessKitError(() => stageExperience(journey, { timeline, responses: [], asOf: '2026-02-31' }))),
    ).toEqual(['input.asOf']);
  });
});
