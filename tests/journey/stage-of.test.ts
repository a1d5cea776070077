import { describe, expect, it } from 'vitest';
import { defaultCsJourney, defineJourney, stageOf } from '../../src/journey/index';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { record, threeStages } from './fixtures';

const journey = defineJourney(threeStages);

describe('stageOf', () => {
  it('places an account in the last stage whose entry holds and whose exit does not', () => {
    const expanded = record('a', '2026-06-30', {
      milestones: { go_live: '2026-02-01', expanded: '2026-05-01' },
      mrrChange90Days: 40,
    });
    expect(stageOf(journey, expanded, { explain: false })).toEqual({
      accountId: 'a',
      asOf: '2026-06-30',
      status: 'in_stage',
      stageId: 'expansion',
      since: '2026-05-01',
      daysInStage: 60,
      expectedDays: 90,
      overdue: false,
      outcomeMet: false,
      milestones: [{ milestoneId: 'expanded', dueDay: 0, reached: true, overdue: false }],
      evidence: null,
    });
    const contracted = { ...expanded, mrrChange90Days: -10 };
    expect(stageOf(journey, contracted).stageId).toBe('adoption');
  });

  it('flags days in stage past the expected duration as overdue, and milestones past their due day', () => {
    const late = stageOf(journey, record('a', '2026-03-01', { startDate: '2026-01-01' }), { explain: false });
    expect([late.stageId, late.daysInStage, late.overdue]).toEqual(['onboarding', 59, true]);
    expect(late.milestones).toEqual([
      { milestoneId: 'configuration_complete', dueDay: 10, reached: false, overdue: true },
      { milestoneId: 'go_live', dueDay: 30, reached: false, overdue: true },
    ]);
    const onTime = stageOf(journey, record('a', '2026-01-31', { startDate: '2026-01-01' }), { explain: false });
    expect([onTime.daysInStage, onTime.overdue]).toEqual([30, false]);
  });

  it('reports an account matching no stage as such, with why each stage did not hold', () => {
    const position = stageOf(journey, { id: 'x', asOf: '2026-06-30', status: 'active' });
    expect([position.status, position.stageId, position.since, position.daysInStage]).toEqual([
      'no_stage',
      null,
      null,
      null,
    ]);
    expect(position.evidence?.summary).toBe(
      'in no stage: onboarding: Tenure in days is missing; adoption: Go-live is missing; expansion: Expanded is missing',
    );
    expect(position.evidence?.laterStages.map((stage) => stage.stageId)).toEqual([
      'onboarding',
      'adoption',
      'expansion',
    ]);
  });

  it('puts a churned account in no stage with status churned', () => {
    const position = stageOf(journey, record('a', '2026-06-30', { status: 'churned' }));
    expect([position.status, position.stageId, position.evidence?.summary]).toEqual([
      'churned',
      null,
      'churned: Status is churned',
    ]);
  });

  it('explains the stage found: entry, exit, outcome and the later stages that did not hold', () => {
    const position = stageOf(
      journey,
      record('a', '2026-06-30', { milestones: { go_live: '2026-06-30' }, valueRealized: 0.8 }),
    );
    expect(position.evidence?.summary).toBe('in Adoption: Go-live is set');
    expect([position.evidence?.outcome?.summary, position.outcomeMet, position.daysInStage]).toEqual([
      'Business value realized 0.8 ≥ 0.75',
      true,
      0,
    ]);
    expect(position.evidence?.laterStages).toEqual([
      {
        stageId: 'expansion',
        entry: {
          field: 'milestones.expanded',
          op: 'exists',
          label: 'Expanded',
          actual: null,
          result: false,
          summary: 'Expanded is missing',
        },
        exit: {
          field: 'mrrChange90Days',
          op: 'lt',
          value: 0,
          label: 'MRR change over 90 days',
          actual: null,
          result: false,
          summary: 'MRR change over 90 days is missing',
        },
      },
    ]);
  });

  it('enters renewal 90 days before the renewal date and stays 30 days after it, counting days from 90 days before', () => {
    const on = (asOf: string) =>
      stageOf(
        defaultCsJourney,
        { id: 'a', asOf, status: 'active', startDate: '2025-01-01', renewalDate: '2026-09-28', milestones: {} },
        { explain: false },
      );
    expect([
      on('2026-06-29').stageId,
      on('2026-06-30').stageId,
      on('2026-10-28').stageId,
      on('2026-10-29').stageId,
    ]).toEqual(['onboarding', 'renewal', 'renewal', 'onboarding']);
    expect([on('2026-06-30').since, on('2026-06-30').daysInStage, on('2026-08-01').daysInStage]).toEqual([
      '2026-06-30',
      0,
      32,
    ]);
  });

  it('reads the first since field that has a date: a trial conversion, else the contract start', () => {
    const converted = stageOf(
      defaultCsJourney,
      {
        id: 'a',
        asOf: '2026-03-01',
        status: 'active',
        startDate: '2026-01-01',
        milestones: { trial_started: '2026-01-01', trial_converted: '2026-01-20' },
      },
      { explain: false },
    );
    expect([converted.stageId, converted.since, converted.daysInStage]).toEqual(['onboarding', '2026-01-20', 40]);
    const direct = stageOf(
      defaultCsJourney,
      { id: 'b', asOf: '2026-03-01', status: 'active', startDate: '2026-01-01', milestones: {} },
      { explain: false },
    );
    expect([direct.stageId, direct.since]).toEqual(['onboarding', '2026-01-01']);
  });

  it('rejects a snapshot without an id or a real asOf, and bad options', () => {
    expect(issuePaths(catchSuccessKitError(() => stageOf(journey, null as never)))).toEqual(['snapshot']);
    expect(issuePaths(catchSuccessKitError(() => stageOf(journey, { asOf: '2026-06-30' })))).toEqual(['snapshot.id']);
    const badDay = catchSuccessKitError(() => stageOf(journey, { id: 'a', asOf: '2026-02-30' }));
    expect([badDay.code, issuePaths(badDay)]).toEqual(['invalid_date', ['snapshot.asOf']]);
    expect(
      issuePaths(catchSuccessKitError(() => stageOf(journey, record('a', '2026-06-30'), { explain: 'no' } as never))),
    ).toEqual(['options.explain']);
    expect(issuePaths(catchSuccessKitError(() => stageOf(journey, record('a', '2026-06-30'), null as never)))).toEqual([
      'options',
    ]);
  });
});
