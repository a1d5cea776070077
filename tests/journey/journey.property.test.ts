import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineJourney, journeyFunnel, journeyTimeline, stageExperience } from '../../src/journey/index';
import { day, record, threeStages } from './fixtures';

const journey = defineJourney(threeStages);
const dates = ['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30'];

/** One account's state on a day: absent, churned, no stage, onboarding, adoption, expansion, expansion after a contraction. */
const state = fc.integer({ min: 0, max: 6 });

function recordOf(id: string, asOf: string, code: number) {
  if (code === 1) return record(id, asOf, { status: 'churned' });
  if (code === 2) return record(id, asOf, { tenureDays: undefined });
  if (code === 3) return record(id, asOf, { startDate: '2026-01-01' });
  const milestones = code >= 5 ? { go_live: '2026-01-20', expanded: '2026-02-10' } : { go_live: '2026-01-20' };
  return record(id, asOf, { milestones, mrrChange90Days: code === 6 ? -1 : 1 });
}

const paths = fc.array(fc.array(state, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 25 });

function seriesOf(accounts: readonly (readonly number[])[]) {
  return dates.map((asOf, point) =>
    day(
      asOf,
      ...accounts.flatMap((codes, index) =>
        codes[point] === 0 ? [] : [recordOf(`acc-${String(index)}`, asOf, codes[point] ?? 3)],
      ),
    ),
  );
}

describe('journey properties', () => {
  it('funnel counts add up: totals to the accounts, stays to finished plus censored, conversion within 0–1', () => {
    fc.assert(
      fc.property(paths, (accounts) => {
        const series = seriesOf(accounts);
        if (series.every((point) => point.snapshots.length === 0)) return;
        const before = JSON.stringify(series);
        const timeline = journeyTimeline(journey, series);
        const funnel = journeyFunnel(journey, timeline);
        expect(JSON.stringify(series)).toBe(before);
        const { totals } = funnel;
        expect(totals.inStage + totals.noStage + totals.churned + totals.absent).toBe(totals.accounts);
        expect(funnel.stages.reduce((sum, stage) => sum + stage.now, 0)).toBe(totals.inStage);
        for (const stage of funnel.stages) {
          expect(stage.daysInStage.finished + stage.daysInStage.censored).toBe(stage.daysInStage.n);
          expect(stage.movedOn).toBeLessThanOrEqual(stage.reached);
          expect(stage.now).toBeLessThanOrEqual(stage.reached);
          if (stage.conversion !== null) expect([stage.conversion >= 0, stage.conversion <= 1]).toEqual([true, true]);
          if (stage.daysInStage.median !== null && stage.daysInStage.p90 !== null)
            expect(stage.daysInStage.median).toBeLessThanOrEqual(stage.daysInStage.p90);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('attributes every answer to one stage or to a reason it was left out', () => {
    fc.assert(
      fc.property(
        paths,
        fc.array(fc.tuple(fc.nat(30), fc.integer({ min: 0, max: 119 }), fc.integer({ min: 0, max: 10 })), {
          maxLength: 40,
        }),
        (accounts, answers) => {
          const series = seriesOf(accounts);
          if (series.every((point) => point.snapshots.length === 0)) return;
          const timeline = journeyTimeline(journey, series);
          const responses = answers.map(([account, offset, score], index) => ({
            id: `s${String(index)}`,
            accountId: `acc-${String(account)}`,
            date: new Date(Date.UTC(2026, 0, 1 + offset)).toISOString().slice(0, 10),
            kind: 'nps' as const,
            score,
          }));
          const experience = stageExperience(journey, { timeline, responses, asOf: '2026-04-15' });
          const counted = experience.stages.reduce((sum, stage) => sum + stage.nps.n, 0);
          const { leftOut } = experience.responses;
          expect(counted).toBe(experience.responses.attributed);
          expect(counted + leftOut.afterAsOf + leftOut.unknownAccount + leftOut.outsideStages + leftOut.ces).toBe(
            responses.length,
          );
        },
      ),
      { numRuns: 150 },
    );
  });
});
