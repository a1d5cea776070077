import { describe, expect, it } from 'vitest';
import {
  defineJourney,
  journeyFunnel,
  journeyTimeline,
  journeyToMermaid,
  stageExperience,
  thinkFeelDoGaps,
  type StageExperience,
} from '../../src/journey/index';
import { nps } from '../../src/metrics/index';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { day, record, threeStages } from './fixtures';

const journey = defineJourney(threeStages);

describe('journey edge cases', () => {
  it('names a return from churn reactivation and a fall out of every stage a leaving, and censors an account that drops out', () => {
    const timeline = journeyTimeline(journey, [
      day(
        '2026-01-31',
        record('back', '2026-01-31', { status: 'churned' }),
        record('out', '2026-01-31'),
        record('gone', '2026-01-31'),
      ),
      day('2026-02-28', record('back', '2026-02-28'), record('out', '2026-02-28', { tenureDays: undefined })),
      day(
        '2026-03-31',
        record('back', '2026-03-31'),
        record('out', '2026-03-31', { tenureDays: undefined }),
        record('gone', '2026-03-31'),
      ),
    ]);
    const byId = new Map(timeline.accounts.map((account) => [account.accountId, account]));
    expect(byId.get('back')?.transitions.map((move) => move.kind)).toEqual(['reactivated']);
    expect(byId.get('out')?.transitions.map((move) => move.kind)).toEqual(['left']);
    expect(byId.get('gone')?.statuses).toEqual(['in_stage', 'absent', 'in_stage']);
    expect(byId.get('gone')?.visits.map((visit) => [visit.enteredOn, visit.censored, visit.exit])).toEqual([
      ['2026-01-31', true, null],
      ['2026-03-31', true, null],
    ]);
    const funnel = journeyFunnel(journey, timeline);
    expect(funnel.stages[0]?.exits.left).toBe(1);
    expect([timeline.step, funnel.totals.noStage]).toEqual(['month', 1]);
  });

  it('calls a series of uneven gaps irregular, and one day single', () => {
    const uneven = journeyTimeline(journey, [
      day('2026-01-01', record('a', '2026-01-01')),
      day('2026-01-05', record('a', '2026-01-05')),
      day('2026-02-05', record('a', '2026-02-05')),
    ]);
    expect([uneven.step, uneven.precisionDays]).toEqual(['irregular', 31]);
    const single = journeyTimeline(journey, [day('2026-01-01', record('a', '2026-01-01'))]);
    expect([single.step, single.precisionDays]).toEqual(['single', 0]);
  });

  it('keeps a description, targets and a churn rule of the host', () => {
    const custom = defineJourney({
      ...threeStages,
      description: 'For SMB accounts',
      churned: { field: 'mrr', op: 'eq', value: 0 },
    });
    expect([custom.description, custom.churned, custom.stages[0]?.targets]).toEqual([
      'For SMB accounts',
      { field: 'mrr', op: 'eq', value: 0 },
      { minimumNps: 20, minimumCsatShare: 0.8 },
    ]);
    expect(
      issuePaths(
        catchSuccessKitError(() => defineJourney({ ...threeStages, churned: { field: 'mrr', op: 'eq', value: 'x' } })),
      ),
    ).toEqual(['churned.value']);
  });

  it('draws touchpoints planned by day and a number of days after a milestone', () => {
    const drawn = journeyToMermaid(
      defineJourney({
        ...threeStages,
        stages: [
          {
            ...threeStages.stages[0],
            touchpoints: [
              { id: 'a', name: 'Check-in', channel: 'call', owner: 'csm', day: 14 },
              { id: 'b', name: 'Recap', channel: 'email', owner: 'csm', after: 'configuration_complete', daysAfter: 2 },
            ],
          },
        ],
      }),
    );
    expect(drawn).toContain('stage0_t0>"Check-in (call, csm, day 14)"]');
    expect(drawn).toContain('stage0_t1>"Recap (email, csm, 2 days after Configured)"]');
  });

  it('finds a Feel gap against the other stages by more than noise when the stage has no CSAT target', () => {
    const base = stageExperience(journey, {
      snapshots: [record('a', '2026-06-30')],
      responses: [],
      asOf: '2026-06-30',
    });
    const stage = (index: number, satisfied: number, met: number) => ({
      ...base.stages[index]!,
      nps: nps({ promoters: 40, passives: 30, detractors: 30 }),
      csat: { n: 100, satisfied, share: satisfied / 100, interval: null, lowSample: false },
      outcome: { stays: 100, met, share: met / 100 },
    });
    const experience: StageExperience = { ...base, stages: [stage(0, 90, 10), stage(1, 60, 90), stage(2, 92, 10)] };
    const gaps = thinkFeelDoGaps(journey, experience).gaps;
    expect(gaps.map((gap) => [gap.stageId, gap.kind, gap.basis])).toEqual([
      ['adoption', 'do_without_feel', 'other_stages'],
      ['expansion', 'think_feel_without_do', 'target'],
    ]);
    expect(gaps[0]?.sentence).toMatch(
      /^Adoption: 90% of stays reach the Do outcome \(target 50%\), but CSAT is 60% satisfied below the other stages' 91% \(p = 0\.000\) \(n = 100\)/,
    );
  });

  it('rejects snapshots of two days in stageExperience, and a damaged experience stage', () => {
    const mixed = [record('a', '2026-01-31'), record('b', '2026-02-28')];
    expect(
      issuePaths(
        catchSuccessKitError(() => stageExperience(journey, { snapshots: mixed, responses: [], asOf: '2026-02-28' })),
      ),
    ).toEqual(['input.snapshots[1].asOf']);
    const base = stageExperience(journey, {
      snapshots: [record('a', '2026-06-30')],
      responses: [],
      asOf: '2026-06-30',
    });
    const broken = {
      ...base,
      stages: [{ ...base.stages[0]!, nps: { ...base.stages[0]!.nps, score: 300 } }, ...base.stages.slice(1)],
    };
    expect(issuePaths(catchSuccessKitError(() => thinkFeelDoGaps(journey, broken)))).toEqual([
      'experience.stages[0].nps.score',
    ]);
  });
});
