import { describe, expect, it } from 'vitest';
import * as journey from '../../src/journey/index';
import { exportedFunctions, hostileArgumentLists, hostileOutcomes, outcomeOf } from '../hostile-calls';
import { day, record, threeStages } from './fixtures';

// Every public function of journey, with arguments it accepts; see
// tests/core/hostile-input.test.ts for how hostile values are placed. Each
// hostile value in each position and field gives a result or a
// SuccessKitError, never a TypeError from inside.
const defined = journey.defineJourney(threeStages);
const series = [
  day('2026-01-31', record('a', '2026-01-31', { startDate: '2026-01-01' })),
  day('2026-02-28', record('a', '2026-02-28', { startDate: '2026-01-01', milestones: { go_live: '2026-02-20' } })),
];
const timeline = journey.journeyTimeline(defined, series);
const responses = [{ id: 's1', accountId: 'a', date: '2026-02-21', kind: 'nps', score: 9 }];
const experience = journey.stageExperience(defined, { timeline, responses, asOf: '2026-02-28' });

const validArguments: Record<string, readonly unknown[]> = {
  defineJourney: [threeStages, {}],
  stageOf: [defined, record('a', '2026-02-28'), { explain: true }],
  journeyTimeline: [defined, series],
  journeyFunnel: [defined, timeline],
  stageExperience: [defined, { timeline, responses, asOf: '2026-02-28' }, { minimumSample: 5 }],
  thinkFeelDoGaps: [defined, experience, { confidence: 0.9 }],
  journeyToMermaid: [defined],
};

function call(name: string, argumentList: readonly unknown[]): unknown {
  return ((journey as Record<string, unknown>)[name] as (...values: unknown[]) => unknown)(...argumentList);
}

describe('hostile input to journey', () => {
  it('lists every public function of journey', () => {
    expect(exportedFunctions(journey)).toEqual(Object.keys(validArguments).sort());
  });

  it.each(Object.entries(validArguments))(
    '%s answers every hostile value in every position with a result or a SuccessKitError',
    (name, valid) => {
      expect(outcomeOf(() => call(name, valid))).toBe('returned');
      expect(hostileOutcomes((argumentList) => call(name, argumentList), valid)).toEqual([]);
    },
  );

  it('answers hostile values in the journey plain input, a timeline field and the funnel source alike', () => {
    const plain = JSON.parse(JSON.stringify(threeStages)) as unknown;
    const failures = [
      ...hostileArgumentLists([plain, record('a', '2026-02-28')]).map(
        ([where, list]) => [where, outcomeOf(() => call('stageOf', list))] as const,
      ),
      ...hostileArgumentLists([defined, timeline.accounts]).map(
        ([where, list]) =>
          [
            where,
            outcomeOf(() => journey.journeyFunnel(list[0] as never, { ...timeline, accounts: list[1] } as never)),
          ] as const,
      ),
      ...hostileArgumentLists([defined, [record('a', '2026-02-28')]]).map(
        ([where, list]) => [where, outcomeOf(() => call('journeyFunnel', list))] as const,
      ),
    ].filter(([, outcome]) => outcome !== 'returned' && outcome !== 'SuccessKitError');
    expect(failures).toEqual([]);
  });
});
