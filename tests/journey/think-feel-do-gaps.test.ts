import { describe, expect, it } from 'vitest';
import { defineJourney, stageExperience, thinkFeelDoGaps, type StageExperience } from '../../src/journey/index';
import { compareNps, nps } from '../../src/metrics/index';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { record, threeStages } from './fixtures';

const journey = defineJourney(threeStages);
const base = stageExperience(journey, { snapshots: [record('a', '2026-06-30')], responses: [], asOf: '2026-06-30' });

type Counts = readonly [promoters: number, passives: number, detractors: number];

function stage(
  index: number,
  counts: Counts,
  csat: readonly [satisfied: number, n: number],
  outcome: readonly [met: number, stays: number],
) {
  const template = base.stages[index]!;
  const [promoters, passives, detractors] = counts;
  const npsResult = nps({ promoters, passives, detractors });
  return {
    ...template,
    lowSample: npsResult.lowSample || csat[1] < 30,
    nps: npsResult,
    csat: { n: csat[1], satisfied: csat[0], share: csat[0] / csat[1], interval: null, lowSample: csat[1] < 30 },
    outcome: { stays: outcome[1], met: outcome[0], share: outcome[0] / outcome[1] },
  };
}

function experience(...stages: ReturnType<typeof stage>[]): StageExperience {
  return { ...base, stages };
}

describe('thinkFeelDoGaps', () => {
  // Onboarding reaches its Do but NPS 0 misses its target of 20; adoption reaches its Do with an NPS
  // far below the other stages'; expansion is well thought of and felt about, but few expand.
  const result = thinkFeelDoGaps(
    journey,
    experience(
      stage(0, [30, 40, 30], [90, 100], [90, 100]),
      stage(1, [10, 30, 60], [92, 100], [80, 100]),
      stage(2, [80, 15, 5], [95, 100], [20, 100]),
    ),
  );

  it('finds a Do reached without the Think, against the target and against the other stages by more than noise', () => {
    expect(result.gaps.map((gap) => [gap.stageId, gap.kind, gap.basis])).toEqual([
      ['onboarding', 'do_without_think', 'target'],
      ['adoption', 'do_without_think', 'other_stages'],
      ['expansion', 'think_feel_without_do', 'target'],
    ]);
    const [onboarding, adoption] = result.gaps;
    expect(onboarding?.sentence).toBe(
      'Onboarding: 90% of stays reach the Do outcome (target 50%), but NPS is 0 against a target of 20 (n = 100): customers do what the stage asks without thinking better of us for it.',
    );
    const others = compareNps(
      { promoters: 110, passives: 55, detractors: 35 },
      { promoters: 10, passives: 30, detractors: 60 },
    );
    expect([adoption?.value, adoption?.others, adoption?.pValue]).toEqual([-50, others.a.score, others.pValue]);
  });

  it('finds the reverse: customers who think and feel well of a stage without reaching its outcome', () => {
    expect(result.gaps[2]).toMatchObject({
      dimension: 'do',
      value: 0.2,
      target: 0.5,
      outcomeShare: 0.2,
      lowSample: false,
    });
    expect(result.gaps[2]?.sentence).toBe(
      'Expansion: customers think and feel well of the stage (NPS 75, CSAT 95%), but only 20% of stays reach the Do outcome (target 50%): goodwill is not turning into progress.',
    );
  });

  it('finds a Feel gap from CSAT below the target, and calls no difference from the other stages below the minimum sample', () => {
    const felt = thinkFeelDoGaps(
      journey,
      experience(
        stage(0, [50, 30, 20], [60, 100], [90, 100]),
        stage(1, [1, 0, 5], [1, 6], [5, 6]),
        stage(2, [5, 3, 2], [9, 10], [0, 10]),
      ),
    );
    expect(felt.gaps.map((gap) => [gap.stageId, gap.kind, gap.basis, gap.lowSample])).toEqual([
      ['onboarding', 'do_without_feel', 'target', false],
      // Adoption's NPS of −67 from 6 answers is not compared; expansion's reverse gap is flagged as low-n.
      ['expansion', 'think_feel_without_do', 'target', true],
    ]);
  });

  it('rejects the experience of another journey or a damaged one', () => {
    expect(issuePaths(catchSuccessKitError(() => thinkFeelDoGaps({ ...threeStages, id: 'x' }, base)))).toEqual([
      'experience.journeyId',
    ]);
    const damaged = { ...base, stages: base.stages.slice(1) };
    expect(issuePaths(catchSuccessKitError(() => thinkFeelDoGaps(journey, damaged)))).toEqual(['experience.stages']);
    expect(issuePaths(catchSuccessKitError(() => thinkFeelDoGaps(journey, base, { confidence: 2 })))).toEqual([
      'options.confidence',
    ]);
  });
});
