import { describe, expect, it } from 'vitest';
import { defaultCsJourney, defineJourney, journeyTimeline } from '../../src/journey/index';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { day, record, threeStages } from './fixtures';

const journey = defineJourney(threeStages);
const onboarding = { startDate: '2026-01-01' };
const live = { ...onboarding, milestones: { go_live: '2026-02-15' } };
const expanded = { ...onboarding, milestones: { go_live: '2026-02-15', expanded: '2026-03-20' }, mrrChange90Days: 20 };

/** Month ends: forward, forward, regression (a contraction); a skip; a same-day start; no stage; a churn. */
const series = [
  day(
    '2026-01-31',
    record('forward', '2026-01-31', onboarding),
    record('skip', '2026-01-31', onboarding),
    record('none', '2026-01-31', { tenureDays: undefined }),
    record('churn', '2026-01-31', onboarding),
  ),
  day(
    '2026-02-28',
    record('forward', '2026-02-28', live),
    record('skip', '2026-02-28', expanded),
    record('same', '2026-02-28', { startDate: '2026-02-01', milestones: { go_live: '2026-02-28' } }),
    record('none', '2026-02-28', { tenureDays: undefined }),
    record('churn', '2026-02-28', { ...onboarding, status: 'churned' }),
  ),
  day(
    '2026-03-31',
    record('forward', '2026-03-31', expanded),
    record('skip', '2026-03-31', expanded),
    record('same', '2026-03-31', { milestones: { go_live: '2026-02-28' } }),
    record('none', '2026-03-31', onboarding),
    record('churn', '2026-03-31', { ...onboarding, status: 'churned' }),
  ),
  day(
    '2026-04-30',
    record('forward', '2026-04-30', { ...expanded, mrrChange90Days: -5 }),
    record('skip', '2026-04-30', expanded),
    record('same', '2026-04-30', { milestones: { go_live: '2026-02-28' } }),
    record('none', '2026-04-30', onboarding),
    record('churn', '2026-04-30', { ...onboarding, status: 'churned' }),
  ),
];

const timeline = journeyTimeline(journey, series);
const account = (id: string) => timeline.accounts.find((candidate) => candidate.accountId === id);

describe('journeyTimeline', () => {
  it('states the series step, so the precision of every date is known', () => {
    expect([timeline.dates, timeline.step, timeline.precisionDays]).toEqual([
      ['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30'],
      'month',
      31,
    ]);
    expect(timeline.accounts.map((candidate) => candidate.accountId)).toEqual([
      'forward',
      'skip',
      'none',
      'churn',
      'same',
    ]);
  });

  it('dates forward moves and a regression after a contraction at the first snapshot in the new stage', () => {
    expect(account('forward')?.stages).toEqual(['onboarding', 'adoption', 'expansion', 'adoption']);
    expect(account('forward')?.transitions).toEqual([
      { date: '2026-02-28', after: '2026-01-31', from: 'onboarding', to: 'adoption', kind: 'forward', skipped: [] },
      { date: '2026-03-31', after: '2026-02-28', from: 'adoption', to: 'expansion', kind: 'forward', skipped: [] },
      { date: '2026-04-30', after: '2026-03-31', from: 'expansion', to: 'adoption', kind: 'regression', skipped: [] },
    ]);
  });

  it('starts a stay at the stage since date when it falls after the day before, else at the first day seen in the stage', () => {
    expect(account('forward')?.visits).toEqual([
      {
        stageId: 'onboarding',
        enteredOn: '2026-01-31',
        start: '2026-01-01',
        startFrom: 'since',
        exitedOn: '2026-02-28',
        exit: 'forward',
        days: 58,
        censored: false,
        outcomeMet: false,
        overdue: true,
      },
      {
        stageId: 'adoption',
        enteredOn: '2026-02-28',
        start: '2026-02-15',
        startFrom: 'since',
        exitedOn: '2026-03-31',
        exit: 'forward',
        days: 44,
        censored: false,
        outcomeMet: false,
        overdue: false,
      },
      {
        stageId: 'expansion',
        enteredOn: '2026-03-31',
        start: '2026-03-20',
        startFrom: 'since',
        exitedOn: '2026-04-30',
        exit: 'regression',
        days: 41,
        censored: false,
        outcomeMet: false,
        overdue: false,
      },
      // Back in adoption: go-live was long before the day before, so the stay starts when it was seen.
      {
        stageId: 'adoption',
        enteredOn: '2026-04-30',
        start: '2026-04-30',
        startFrom: 'series',
        exitedOn: null,
        exit: null,
        days: 0,
        censored: true,
        outcomeMet: false,
        overdue: false,
      },
    ]);
  });

  it('names the stages a move skipped', () => {
    expect(account('skip')?.transitions).toEqual([
      {
        date: '2026-02-28',
        after: '2026-01-31',
        from: 'onboarding',
        to: 'expansion',
        kind: 'skipped',
        skipped: ['adoption'],
      },
    ]);
  });

  it('counts a stage that began on the snapshot day as 0 days, and an account first seen later from then on', () => {
    expect(account('same')?.statuses).toEqual(['absent', 'in_stage', 'in_stage', 'in_stage']);
    expect(account('same')?.transitions).toEqual([]);
    expect(account('same')?.visits.map((visit) => [visit.start, visit.days, visit.censored])).toEqual([
      ['2026-02-28', 61, true],
    ]);
  });

  it('reports an account in no stage as such, and its entry when it matches one', () => {
    expect(account('none')?.statuses).toEqual(['no_stage', 'no_stage', 'in_stage', 'in_stage']);
    expect(account('none')?.transitions).toEqual([
      { date: '2026-03-31', after: '2026-02-28', from: null, to: 'onboarding', kind: 'entered', skipped: [] },
    ]);
  });

  it('ends a stay in churn, counted against the stage left from', () => {
    expect(account('churn')?.statuses).toEqual(['in_stage', 'churned', 'churned', 'churned']);
    expect(account('churn')?.visits.map((visit) => [visit.stageId, visit.exit, visit.exitedOn])).toEqual([
      ['onboarding', 'churned', '2026-02-28'],
    ]);
  });

  it('calls a move from renewal back to expansion, once the renewal date moves on, a new cycle, not a regression', () => {
    const customer = {
      startDate: '2024-09-01',
      milestones: { go_live: '2024-10-01', expanded: '2025-03-01' },
      mrrChange90Days: 0,
    };
    const moves = journeyTimeline(defaultCsJourney, [
      day('2026-06-30', record('a', '2026-06-30', { ...customer, renewalDate: '2026-09-01' })),
      day('2026-07-07', record('a', '2026-07-07', { ...customer, renewalDate: '2026-09-01' })),
      day('2026-07-14', record('a', '2026-07-14', { ...customer, renewalDate: '2027-09-01' })),
    ]);
    expect([moves.step, moves.precisionDays, moves.accounts[0]?.stages]).toEqual([
      'week',
      7,
      ['renewal', 'renewal', 'expansion'],
    ]);
    expect(moves.accounts[0]?.transitions.map((move) => move.kind)).toEqual(['cycled']);
  });

  it('rejects days out of order, a snapshot of another day and an account twice on one day', () => {
    const reversed = catchSuccessKitError(() => journeyTimeline(journey, [series[1]!, series[0]!]));
    expect([reversed.code, issuePaths(reversed)]).toEqual(['invalid_input', ['series[1].asOf']]);
    expect(
      issuePaths(catchSuccessKitError(() => journeyTimeline(journey, [day('2026-01-31', record('a', '2026-02-01'))]))),
    ).toEqual(['series[0].snapshots[0].asOf']);
    const twice = day('2026-01-31', record('a', '2026-01-31'), record('a', '2026-01-31'));
    expect(issuePaths(catchSuccessKitError(() => journeyTimeline(journey, [twice])))).toEqual([
      'series[0].snapshots[1].id',
    ]);
    expect(issuePaths(catchSuccessKitError(() => journeyTimeline(journey, [])))).toEqual(['series']);
    expect(
      catchSuccessKitError(() => journeyTimeline(journey, [{ asOf: '2026-02-30', snapshots: [] } as never])).code,
    ).toBe('invalid_date');
  });
});
