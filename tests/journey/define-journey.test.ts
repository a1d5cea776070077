import { describe, expect, it } from 'vitest';
import { defaultCsJourney, defineJourney, stageOf } from '../../src/journey/index';
import { extendFields, snapshotFields } from '../../src/snapshot/index';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { threeStages } from './fixtures';

function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function withStage(change: (stage: Record<string, unknown>) => void): unknown {
  const journey = copy(threeStages) as unknown as { stages: Record<string, unknown>[] };
  const [first] = journey.stages;
  if (first !== undefined) change(first);
  return journey;
}

describe('defineJourney', () => {
  it('returns a frozen copy with since normalised to a list, and leaves the input as it was', () => {
    const input = copy(threeStages);
    const before = JSON.stringify(input);
    const journey = defineJourney(input);
    expect(JSON.stringify(input)).toBe(before);
    expect(journey).not.toBe(input);
    expect(Object.isFrozen(journey.stages[0]?.milestones[0])).toBe(true);
    expect(journey.stages[0]?.since).toEqual([{ field: 'startDate', offsetDays: 0 }]);
    expect(journey.stages[0]?.touchpoints[1]).toEqual({
      id: 'celebration',
      name: 'Go-live celebration',
      channel: 'call',
      owner: 'csm',
      after: 'go_live',
      daysAfter: 0,
    });
    expect(journey.churned).toEqual({ field: 'status', op: 'eq', value: 'churned' });
  });

  it('defines its own output again, also after a JSON round trip', () => {
    const journey = defineJourney(threeStages);
    expect(defineJourney(journey)).toEqual(journey);
    expect(defineJourney(copy(defaultCsJourney))).toEqual(defaultCsJourney);
  });

  it('passes the default CS journey: trial, onboarding, adoption, expansion, renewal, each with think, feel and do', () => {
    expect(defaultCsJourney.stages.map((stage) => stage.id)).toEqual([
      'trial',
      'onboarding',
      'adoption',
      'expansion',
      'renewal',
    ]);
    for (const stage of defaultCsJourney.stages) {
      expect([stage.think.length > 20, stage.feel.length > 10, stage.do.length > 10]).toEqual([true, true, true]);
      expect(stage.milestones.length).toBeGreaterThan(0);
      expect(stage.touchpoints.length).toBeGreaterThan(0);
    }
    expect(defaultCsJourney.stages[4]?.entry).toEqual({
      any: [
        { field: 'renewalDate', op: 'withinNextDays', value: 90 },
        { field: 'renewalDate', op: 'withinLastDays', value: 30 },
      ],
    });
    expect(defaultCsJourney.stages[4]?.since).toEqual([{ field: 'renewalDate', offsetDays: -90 }]);
  });

  it('rejects an empty stage list with invalid_input at stages', () => {
    const error = catchSuccessKitError(() => defineJourney({ ...threeStages, stages: [] }));
    expect([error.code, issuePaths(error)]).toEqual(['invalid_input', ['stages']]);
  });

  it('rejects duplicate stage, milestone and touchpoint ids with invalid_definition at each second use', () => {
    const journey = copy(threeStages) as unknown as {
      stages: { id: string; milestones?: { id: string }[]; touchpoints?: { id: string }[] }[];
    };
    (journey.stages[1] as { id: string }).id = 'onboarding';
    (journey.stages[2]?.milestones?.[0] as { id: string }).id = 'go_live';
    (journey.stages[0]?.touchpoints?.[1] as { id: string }).id = 'kickoff';
    const error = catchSuccessKitError(() => defineJourney(journey));
    expect(error.code).toBe('invalid_definition');
    expect(error.issues).toEqual([
      {
        path: ['stages', 0, 'touchpoints', 1, 'id'],
        message: 'duplicate touchpoint id "kickoff", first used at stages.0.touchpoints.0.id',
      },
      { path: ['stages', 1, 'id'], message: 'duplicate stage id "onboarding", first used at stages.0.id' },
      {
        path: ['stages', 2, 'milestones', 0, 'id'],
        message: 'duplicate milestone id "go_live", first used at stages.0.milestones.1.id',
      },
      // With its milestone renamed, the stage's since field is no longer declared.
      { path: ['stages', 2, 'since'], message: 'unknown date field "milestones.expanded"' },
    ]);
  });

  it('rejects a milestone due after the stage expected end', () => {
    const input = withStage((stage) => {
      stage.expectedDays = 20;
    });
    const error = catchSuccessKitError(() => defineJourney(input));
    expect(error.code).toBe('invalid_definition');
    expect(error.issues).toEqual([
      {
        path: ['stages', 0, 'milestones', 1, 'dueDay'],
        message: "due on day 30, after the stage's expected end on day 20",
      },
    ]);
  });

  it('rejects a touchpoint after an unknown milestone, and one planned by neither or both day and milestone', () => {
    const input = withStage((stage) => {
      stage.touchpoints = [
        { id: 'a', name: 'A', channel: 'call', owner: 'csm', after: 'go-live' },
        { id: 'b', name: 'B', channel: 'call', owner: 'csm' },
        { id: 'c', name: 'C', channel: 'call', owner: 'csm', day: 3, after: 'go_live' },
        { id: 'd', name: 'D', channel: 'call', owner: 'csm', day: 3, daysAfter: 2 },
      ];
    });
    const error = catchSuccessKitError(() => defineJourney(input));
    expect(error.code).toBe('invalid_definition');
    expect(error.issues).toEqual([
      {
        path: ['stages', 0, 'touchpoints', 0, 'after'],
        message: 'unknown milestone "go-live" (the stage\'s milestones: configuration_complete, go_live)',
      },
      { path: ['stages', 0, 'touchpoints', 1], message: 'a touchpoint needs a day or a milestone it follows (after)' },
      {
        path: ['stages', 0, 'touchpoints', 2],
        message: 'a touchpoint is planned by day or after a milestone, not both',
      },
      {
        path: ['stages', 0, 'touchpoints', 3, 'daysAfter'],
        message: 'daysAfter needs the milestone it counts from (after)',
      },
    ]);
  });

  it('rejects a since field that is not a date field of the catalog', () => {
    const error = catchSuccessKitError(() =>
      defineJourney(
        withStage((stage) => {
          stage.since = ['arr', 'startedOn', { field: 'renewalDate', offsetDays: -90 }];
        }),
      ),
    );
    expect(error.code).toBe('invalid_definition');
    expect(error.issues).toEqual([
      { path: ['stages', 0, 'since', 0], message: 'expected a date field, "arr" is a number field' },
      { path: ['stages', 0, 'since', 1], message: 'unknown date field "startedOn"' },
    ]);
  });

  it('checks every rule against snapshotFields, with the path of the rule', () => {
    const error = catchSuccessKitError(() =>
      defineJourney(
        withStage((stage) => {
          stage.entry = { field: 'tenure', op: 'gte', value: 0 };
          stage.outcome = { field: 'arr', op: 'gte', value: 'lots' };
        }),
      ),
    );
    expect(error.code).toBe('invalid_rule');
    expect(error.issues).toEqual([
      { path: ['stages', 0, 'outcome', 'value'], message: 'expected number for field "arr", got string' },
      { path: ['stages', 0, 'entry', 'field'], message: 'unknown field "tenure"' },
    ]);
  });

  it('knows milestones.<id> of every declared milestone, and other fields from the catalog it is given', () => {
    const reads = (field: string): unknown =>
      withStage((stage) => {
        stage.outcome = { field, op: 'exists' };
      });
    expect(issuePaths(catchSuccessKitError(() => defineJourney(reads('milestones.first_login'))))).toEqual([
      'stages[0].outcome.field',
    ]);
    expect(defineJourney(reads('milestones.go_live')).stages[0]?.outcome).toEqual({
      field: 'milestones.go_live',
      op: 'exists',
    });
    const fields = extendFields(snapshotFields, { 'milestones.first_login': 'date' });
    expect(defineJourney(reads('milestones.first_login'), { fields }).stages[0]?.outcome).toEqual({
      field: 'milestones.first_login',
      op: 'exists',
    });
  });

  it('rejects options that are not an object, and unknown keys', () => {
    expect(issuePaths(catchSuccessKitError(() => defineJourney(threeStages, null as never)))).toEqual(['options']);
    const error = catchSuccessKitError(() => defineJourney({ ...threeStages, owner: 'me' }));
    expect(error.code).toBe('invalid_input');
  });

  it('checks a plain journey given to stageOf, and trusts the one defineJourney returned', () => {
    const record = { id: 'a', asOf: '2026-06-30', tenureDays: 3, startDate: '2026-06-27', milestones: {} };
    expect(stageOf(threeStages, record, { explain: false }).stageId).toBe('onboarding');
    expect(catchSuccessKitError(() => stageOf({ ...threeStages, stages: [] }, record)).code).toBe('invalid_input');
  });
});
