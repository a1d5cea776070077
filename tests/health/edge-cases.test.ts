import { describe, expect, it } from 'vitest';
import {
  defineScorecard,
  explainChange,
  movers,
  pathToBand,
  scoreAccount,
  scoreColumns,
  suggestWeights,
} from '../../src/health/index';
import { extendFields, snapshotFields } from '../../src/snapshot/index';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { fullSnapshot, mixed } from './scorecards';

const bands = [
  { id: 'red', label: 'Red', from: 0 },
  { id: 'green', label: 'Green', from: 75 },
];

function oneMeasure(measure: object): ReturnType<typeof defineScorecard> {
  return defineScorecard({
    id: 's',
    label: 'S',
    groups: [{ id: 'g', label: 'G', weight: 1, measures: [{ id: 'm', label: 'M', weight: 1, ...measure }] }],
    bands,
  });
}

describe('definitions at their edges', () => {
  it('rejects ranges without their inner ends, empty categories and all-zero weights', () => {
    const paths = (input: object): string[] => issuePaths(catchSuccessKitError(() => defineScorecard(input)));
    const thresholds = (ranges: object[]): object => ({
      id: 's',
      label: 'S',
      groups: [
        {
          id: 'g',
          label: 'G',
          weight: 1,
          measures: [{ id: 'm', label: 'M', field: 'escalations', weight: 1, scoring: { type: 'thresholds', ranges } }],
        },
      ],
      bands,
    });
    expect(paths(thresholds([{ points: 1 }, { points: 2 }]))).toEqual([
      'groups[0].measures[0].scoring.ranges[0].below',
      'groups[0].measures[0].scoring.ranges[1].from',
    ]);
    const categories = { ...(thresholds([]) as { groups: { measures: object[] }[] }) };
    expect(
      paths({
        ...categories,
        groups: [
          {
            id: 'g',
            label: 'G',
            weight: 1,
            measures: [{ id: 'm', label: 'M', field: 'segment', weight: 1, scoring: { type: 'bands', points: {} } }],
          },
        ],
      }),
    ).toEqual(['groups[0].measures[0].scoring.points']);
    expect(
      paths({
        ...categories,
        groups: [
          {
            id: 'g',
            label: 'G',
            weight: 0,
            measures: [
              { id: 'm', label: 'M', field: 'escalations', weight: 0, scoring: { type: 'linear', min: 0, max: 1 } },
            ],
          },
        ],
      }),
    ).toEqual(['groups[0].measures', 'groups']);
  });

  it('reads dotted fields of a host catalog, and counts a missing record entry as missing', () => {
    const fields = extendFields(snapshotFields, {
      'custom.reports': { type: 'number', label: 'Reports' },
      'attributes.tier': 'string',
    });
    const scorecard = defineScorecard(
      {
        id: 'c',
        label: 'C',
        groups: [
          {
            id: 'g',
            label: 'G',
            weight: 1,
            measures: [
              {
                id: 'reports',
                label: 'Reports',
                field: 'custom.reports',
                weight: 1,
                scoring: { type: 'linear', min: 0, max: 10 },
              },
              {
                id: 'tier',
                label: 'Tier',
                field: 'attributes.tier',
                weight: 1,
                scoring: { type: 'bands', points: { gold: 100 }, otherwise: 20 },
              },
            ],
          },
        ],
        bands,
      },
      { fields },
    );
    expect(
      scoreAccount(scorecard, { id: 'a', asOf: '2026-06-30', custom: { reports: 5 }, attributes: { tier: 'silver' } })
        .score,
    ).toBe(35);
    expect(scoreAccount(scorecard, { id: 'a', asOf: '2026-06-30', custom: {}, attributes: null }).nullReason).toBe(
      'no_data',
    );
    expect(
      scoreColumns(scorecard, { reports: Float64Array.of(5), tier: Float64Array.of(0, 0).subarray(0, 1) }).scores,
    ).toEqual(Float64Array.of(75));
  });
});

describe('explanations at their edges', () => {
  it('describes lists, booleans and values of the wrong type', () => {
    const list = oneMeasure({ field: 'segment', scoring: { type: 'bands', points: { smb: 50 } } });
    const health = scoreAccount(list, { id: 'a', asOf: '2026-06-30', segment: ['smb', 'enterprise'] });
    expect([health.contributions[0]?.value, health.contributions[0]?.note]).toEqual([
      ['smb', 'enterprise'],
      'M "smb, enterprise": cannot be scored; its weight went to the other measures',
    ]);
    const yesNo = scoreAccount(mixed, { ...fullSnapshot, championNamed: false });
    expect(yesNo.contributions[3]?.note).toBe('Champion no scores 0 of 100');
    expect(scoreAccount(mixed, { ...fullSnapshot, lastNpsDate: '2025-01-01' }).contributions[2]?.note).toBe(
      'NPS "promoter": older than 90 days by lastNpsDate; its weight went to the other measures',
    );
  });

  it('fails a score on a stale value whose policy is fail', () => {
    const strict = oneMeasure({
      field: 'lastNpsCategory',
      scoring: { type: 'bands', points: { promoter: 100 } },
      stale: { dateField: 'lastNpsDate', maxAgeDays: 30, policy: 'fail' },
    });
    const health = scoreAccount(strict, {
      id: 'a',
      asOf: '2026-06-30',
      lastNpsCategory: 'promoter',
      lastNpsDate: '2026-01-01',
    });
    expect([health.score, health.nullReason, health.contributions[0]?.policy]).toEqual([
      null,
      'measure_failed',
      'failed',
    ]);
    expect(scoreColumns(strict, { m: Float64Array.of(0) }, { ages: { m: Float64Array.of(200) } }).scores).toEqual(
      Float64Array.of(Number.NaN),
    );
  });

  it('explains a change between scorecards that differ, ties by id', () => {
    const before = scoreAccount(mixed, fullSnapshot);
    const other = scoreAccount(
      oneMeasure({ field: 'licenseUtilization', scoring: { type: 'linear', min: 0, max: 1 } }),
      fullSnapshot,
    );
    const change = explainChange(before, other);
    expect(change.changes.map((entry) => [entry.id, entry.statusBefore, entry.statusAfter])).toEqual([
      ['m', null, 'ok'],
      ['champion', 'ok', null],
      ['nps', 'ok', null],
      ['seats', 'ok', null],
      ['tickets', 'ok', null],
    ]);
    const unscored = scoreAccount(mixed, {
      id: 'a',
      asOf: '2026-06-30',
      ticketsOpened: null,
      championNamed: null,
      licenseUtilization: null,
    });
    expect(explainChange(unscored, before).delta).toBe(70 - (unscored.score ?? 0));
    expect(explainChange(before, before).summary).toBe('No change: 70 (yellow)');
  });

  it('ranks movers with equal drops by account id and leaves out those without a previous score', () => {
    const results = ['b', 'a', 'c'].map((id) => scoreAccount(mixed, { ...fullSnapshot, id, licenseUtilization: 0.2 }));
    const previous = ['a', 'b'].map((id) => scoreAccount(mixed, { ...fullSnapshot, id }));
    expect(movers(results, previous).drops.map((mover) => mover.accountId)).toEqual(['a', 'b']);
    expect(movers(previous, results).rises.map((mover) => mover.accountId)).toEqual(['a', 'b']);
  });
});

describe('paths to a band at their edges', () => {
  it('lowers a falling measure: an inverted linear one and counts above a threshold', () => {
    const inverted = oneMeasure({ field: 'openTickets', scoring: { type: 'linear', min: 0, max: 20, invert: true } });
    const path = pathToBand(inverted, { id: 'a', asOf: '2026-06-30', openTickets: 12 }, 'green');
    // 5.01 still rounds to 75 (74.95), the boundary of the one-decimal score.
    expect(path.reachable && path.plan.map((change) => change.to)).toEqual([5.01]);
    const stepped = oneMeasure({
      field: 'escalations',
      scoring: {
        type: 'thresholds',
        ranges: [
          { below: 1.5, points: 100 },
          { from: 1.5, below: 3, points: 50 },
          { from: 3, points: 0 },
        ],
      },
    });
    const down = pathToBand(stepped, { id: 'a', asOf: '2026-06-30', escalations: 4 }, 'green');
    expect(down.reachable && down.plan.map((change) => change.to)).toEqual([0.5]);
    const fromMissing = pathToBand(stepped, { id: 'a', asOf: '2026-06-30' }, 'green');
    expect(
      fromMissing.reachable && fromMissing.plan.map((change) => [change.from, change.to, change.pointsFrom]),
    ).toEqual([[null, 0.5, null]]);
  });

  it('fills a measure whose fail policy left the score null', () => {
    const strict = oneMeasure({
      field: 'licenseUtilization',
      missing: 'fail',
      scoring: { type: 'linear', min: 0, max: 1 },
    });
    const path = pathToBand(strict, { id: 'a', asOf: '2026-06-30' }, 'green');
    expect(path.reachable && [path.score, path.plan[0]?.to]).toEqual([null, 0.75]);
  });
});

describe('weight suggestions at their edges', () => {
  it('gives no scorecard when no measure protects against churn', () => {
    const snapshots = [0.1, 0.3, 0.5, 0.7, 0.9, 0.2, 0.4, 0.6, 0.8, 1].map((licenseUtilization, index) => ({
      ...fullSnapshot,
      id: `s${String(index)}`,
      licenseUtilization,
    }));
    const outcomes = snapshots.map((snapshot) => ({
      accountId: snapshot.id,
      churnDate: snapshot.licenseUtilization > 0.55 ? '2026-08-01' : null,
    }));
    const seatsOnly = oneMeasure({ field: 'licenseUtilization', scoring: { type: 'linear', min: 0, max: 1 } });
    const suggestion = suggestWeights(seatsOnly, { snapshots, outcomes, horizonDays: 90, holdoutShare: 0.2 });
    expect([suggestion.scorecard, suggestion.auc.after, suggestion.weights[0]?.weight]).toEqual([null, null, 0]);
    expect(suggestion.weights[0]?.coefficient).toBeGreaterThan(0);
  });
});
