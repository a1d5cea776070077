import { describe, expect, it } from 'vitest';
import {
  compileScorecard,
  defaultScorecard,
  defineScorecard,
  explainChange,
  scoreAccount,
} from '../../src/health/index';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { fullSnapshot, mixed } from './scorecards';

const tenths = (values: readonly number[]): number => values.reduce((sum, value) => sum + Math.round(value * 10), 0);

function single(scoring: object, field: string, extra: object = {}): ReturnType<typeof defineScorecard> {
  return defineScorecard({
    id: 's',
    label: 'S',
    groups: [
      { id: 'g', label: 'G', weight: 1, measures: [{ id: 'm', label: 'M', field, weight: 1, scoring, ...extra }] },
    ],
    bands: [
      { id: 'red', label: 'Red', from: 0 },
      { id: 'yellow', label: 'Yellow', from: 50 },
      { id: 'green', label: 'Green', from: 75 },
    ],
    hysteresis: 5,
  });
}

const at = (fields: object): object => ({ id: 'a', asOf: '2026-06-30', ...fields });

describe('scoreAccount', () => {
  it('scores the mixed scorecard: usage (2×50 + 50)/3 = 50, voice (100 + 100)/2 = 100, 0.6×50 + 0.4×100 = 70', () => {
    const health = scoreAccount(mixed, fullSnapshot);
    expect([health.score, health.band, health.trend]).toEqual([70, 'yellow', null]);
    expect(health.contributions.map((entry) => [entry.id, entry.points, entry.contributed])).toEqual([
      ['seats', 50, 20],
      ['tickets', 50, 10],
      ['nps', 100, 20],
      ['champion', 100, 20],
    ]);
    expect(health.groups.map((group) => [group.id, group.points, group.contributed])).toEqual([
      ['usage', 50, 30],
      ['voice', 100, 40],
    ]);
  });

  it('gives contributions that add up to the score exactly, in tenths', () => {
    const health = scoreAccount(
      defaultScorecard,
      at({
        licenseUtilization: 0.37,
        stickiness: 0.21,
        featuresAdopted: 7,
        escalations: 1,
        urgentTicketsOpened: 2,
        championNamed: false,
      }),
    );
    expect(tenths(health.contributions.map((entry) => entry.contributed))).toBe(Math.round((health.score ?? 0) * 10));
    expect(tenths(health.groups.map((group) => group.contributed))).toBe(Math.round((health.score ?? 0) * 10));
    expect(health.contributions.reduce((sum, entry) => sum + entry.weight, 0)).toBeCloseTo(1, 12);
  });

  it('scores linear measures clamped at both ends, and inverted', () => {
    const linear = single({ type: 'linear', min: 0.2, max: 0.8 }, 'licenseUtilization');
    expect(
      [0.1, 0.2, 0.5, 0.8, 1.1].map((value) => scoreAccount(linear, at({ licenseUtilization: value })).score),
    ).toEqual([0, 0, 50, 100, 100]);
    const inverted = single({ type: 'linear', min: 0, max: 10, invert: true }, 'openTickets');
    expect(scoreAccount(inverted, at({ openTickets: 2 })).score).toBe(80);
  });

  it('puts a threshold boundary in the upper range: from is included, below excluded', () => {
    const scorecard = single(
      {
        type: 'thresholds',
        ranges: [
          { below: 2, points: 100 },
          { from: 2, below: 5, points: 50 },
          { from: 5, points: 0 },
        ],
      },
      'escalations',
    );
    expect(
      [0, 1.999, 2, 4.999, 5, 50].map((value) => scoreAccount(scorecard, at({ escalations: value })).score),
    ).toEqual([100, 100, 50, 50, 0, 0]);
  });

  it('scores categories, with otherwise for unlisted ones, and booleans', () => {
    const bands = single({ type: 'bands', points: { promoter: 100, detractor: 0 }, otherwise: 40 }, 'lastNpsCategory');
    expect(
      ['promoter', 'detractor', 'passive'].map((value) => scoreAccount(bands, at({ lastNpsCategory: value })).score),
    ).toEqual([100, 0, 40]);
    const yesNo = single({ type: 'boolean', whenTrue: 90, whenFalse: 10 }, 'championNamed');
    expect([true, false].map((value) => scoreAccount(yesNo, at({ championNamed: value })).score)).toEqual([90, 10]);
  });

  it('redistributes a missing measure by default, within its group', () => {
    const health = scoreAccount(mixed, { ...fullSnapshot, licenseUtilization: null });
    expect([health.score, health.missing]).toEqual([70, ['seats']]);
    expect(health.contributions[0]).toMatchObject({
      status: 'missing',
      policy: 'redistributed',
      points: null,
      weight: 0,
      contributed: 0,
    });
  });

  it('counts missing data as zero or neutral points when the policy says so', () => {
    const health = scoreAccount(mixed, { ...fullSnapshot, ticketsOpened: undefined, championNamed: undefined });
    expect(health.contributions.map((entry) => [entry.policy, entry.points])).toEqual([
      ['scored', 50],
      ['zero', 0],
      ['scored', 100],
      ['neutral', 50],
    ]);
    expect(health.score).toBe(0.6 * (100 / 3) + 0.4 * 75);
  });

  it('fails the score with the reason when a fail measure is missing', () => {
    const scorecard = single({ type: 'linear', min: 0, max: 1 }, 'licenseUtilization', { missing: 'fail' });
    const health = scoreAccount(scorecard, at({}));
    expect([health.score, health.nullReason, health.band]).toEqual([null, 'measure_failed', null]);
    expect(health.explanation.summary).toBe('No health score: M is missing and the scorecard needs it; missing: M');
  });

  it('is null with no_data when no measure has a value', () => {
    expect(
      scoreAccount(mixed, { id: 'a', asOf: '2026-06-30', ticketsOpened: null, championNamed: null }).nullReason,
    ).toBe(null);
    const empty = scoreAccount(single({ type: 'boolean' }, 'championNamed'), at({}));
    expect([empty.score, empty.nullReason]).toEqual([null, 'no_data']);
  });

  it('treats a value older than maxAgeDays, or undated, as stale', () => {
    const fresh = scoreAccount(mixed, { ...fullSnapshot, lastNpsDate: '2026-04-01' });
    const old = scoreAccount(mixed, { ...fullSnapshot, lastNpsDate: '2026-03-31' });
    const undated = scoreAccount(mixed, { ...fullSnapshot, lastNpsDate: null });
    expect([fresh.stale, old.stale, undated.stale]).toEqual([[], ['nps'], ['nps']]);
    expect(old.contributions[2]).toMatchObject({ status: 'stale', policy: 'redistributed', value: 'promoter' });
  });

  it('moves up a band only at the margin above its start, and down only past the margin below', () => {
    const scorecard = single({ type: 'linear', min: 0, max: 100 }, 'nps');
    const band = (score: number, previous?: string): string | null =>
      scoreAccount(
        scorecard,
        at({ nps: score }),
        previous === undefined ? {} : { previous: { score: 0, band: previous } },
      ).band;
    expect([band(74.9), band(75), band(49.9)]).toEqual(['yellow', 'green', 'red']);
    expect([band(79.9, 'yellow'), band(80, 'yellow'), band(54.9, 'red'), band(55, 'red')]).toEqual([
      'yellow',
      'green',
      'red',
      'yellow',
    ]);
    expect([band(70, 'green'), band(69.9, 'green'), band(45, 'yellow'), band(44.9, 'yellow')]).toEqual([
      'green',
      'yellow',
      'yellow',
      'red',
    ]);
    expect(band(10, 'green')).toBe('red');
  });

  it('applies an unexpired manual override first, then rule overrides in order', () => {
    const snapshot = { ...fullSnapshot, highestEscalationSeverity: 'critical', sponsorChanged: true };
    expect(scoreAccount(mixed, snapshot).overriddenBy).toEqual({
      kind: 'rule',
      id: 'critical',
      label: 'Critical escalation',
      band: 'red',
    });
    expect(scoreAccount(mixed, { ...snapshot, highestEscalationSeverity: null }).band).toBe('yellow');
    const manual = { accountId: 'acc-1', band: 'green', reason: 'Renewal signed', expiresOn: '2026-07-01' };
    const overridden = scoreAccount(mixed, snapshot, { manualOverrides: [manual] });
    expect([overridden.band, overridden.scoreBand, overridden.overriddenBy?.kind]).toEqual([
      'green',
      'yellow',
      'manual',
    ]);
    const expired = scoreAccount(mixed, snapshot, { manualOverrides: [{ ...manual, expiresOn: '2026-06-30' }] });
    expect(expired.band).toBe('red');
    const other = scoreAccount(mixed, snapshot, { manualOverrides: [{ ...manual, accountId: 'acc-2' }] });
    expect(other.overriddenBy?.kind).toBe('rule');
  });

  it('tells the trend against the previous score, flat within flatWithin', () => {
    const previous = scoreAccount(mixed, fullSnapshot);
    expect(scoreAccount(mixed, { ...fullSnapshot, licenseUtilization: 0.2 }, { previous }).trend).toEqual({
      direction: 'down',
      delta: -20,
    });
    expect(scoreAccount(mixed, { ...fullSnapshot, licenseUtilization: 0.51 }, { previous }).trend).toEqual({
      direction: 'flat',
      delta: 0.7,
    });
  });

  it('says in one sentence what the score is and why', () => {
    const previous = scoreAccount(mixed, fullSnapshot);
    const health = scoreAccount(mixed, { ...fullSnapshot, licenseUtilization: 0.2, ticketsOpened: 6 }, { previous });
    expect(health.explanation.summary).toBe('Health 40 (red, was yellow), down 30; weakest: Seats (0 of 100)');
    expect(health.explanation.contributions.map((entry) => entry.points)).toEqual([0, 0, 20, 20]);
  });

  it('explains a change by measure, largest first, the deltas adding up to the score delta', () => {
    const before = scoreAccount(mixed, fullSnapshot);
    const after = scoreAccount(mixed, { ...fullSnapshot, licenseUtilization: 0.3, lastNpsCategory: 'passive' });
    const change = explainChange(before, after);
    expect(change.changes.map((entry) => [entry.id, entry.delta])).toEqual([
      ['seats', -13.3],
      ['nps', -10],
    ]);
    expect(tenths(change.changes.map((entry) => entry.delta))).toBe(Math.round((change.delta ?? 0) * 10));
  });

  it('gives the same score through the compiled scorer', () => {
    const compiled = compileScorecard(mixed);
    expect(compiled.score(fullSnapshot)).toBe(scoreAccount(mixed, fullSnapshot).score);
    expect(compiled.explain(fullSnapshot)).toEqual(scoreAccount(mixed, fullSnapshot));
  });

  it('rejects a snapshot without an id or a real asOf, and bad options, with their paths', () => {
    expect(issuePaths(catchSuccessKitError(() => scoreAccount(mixed, { asOf: '2026-06-30' })))).toEqual([
      'snapshot.id',
    ]);
    expect(issuePaths(catchSuccessKitError(() => scoreAccount(mixed, { id: 'a', asOf: '2026-02-30' })))).toEqual([
      'snapshot.asOf',
    ]);
    expect(
      issuePaths(
        catchSuccessKitError(() => scoreAccount(mixed, fullSnapshot, { previous: { score: 1, band: 'amber' } })),
      ),
    ).toEqual(['options.previous.band']);
    expect(catchSuccessKitError(() => scoreAccount(mixed, fullSnapshot, { colour: 1 } as never)).code).toBe(
      'invalid_input',
    );
  });

  it('counts a value of the wrong type as missing, never as a number', () => {
    const health = scoreAccount(mixed, { ...fullSnapshot, licenseUtilization: '0.9' });
    expect([health.missing, health.contributions[0]?.value]).toEqual([['seats'], '0.9']);
  });
});
