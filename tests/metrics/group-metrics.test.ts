import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accumulate, type Accumulator } from '../../src/metrics/accumulator';
import { ces, cesAccumulator } from '../../src/metrics/ces';
import { csat, csatAccumulator } from '../../src/metrics/csat';
import { groupAccumulator, groupMetrics } from '../../src/metrics/group-metrics';
import { nps, npsAccumulator } from '../../src/metrics/nps';
import { activeShareAccumulator } from '../../src/metrics/usage';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { deepFreeze } from '../freeze';

interface Answer {
  readonly segment: string;
  readonly region: string;
  readonly kind: 'nps' | 'csat' | 'ces';
  readonly score: number;
}

const answer: fc.Arbitrary<Answer> = fc.oneof(
  fc.record({
    segment: fc.constantFrom('smb', 'mid-market', 'enterprise'),
    region: fc.constantFrom('emea', 'amer'),
    kind: fc.constant('nps' as const),
    score: fc.integer({ min: 0, max: 10 }),
  }),
  fc.record({
    segment: fc.constantFrom('smb', 'mid-market', 'enterprise'),
    region: fc.constantFrom('emea', 'amer'),
    kind: fc.constant('csat' as const),
    score: fc.integer({ min: 1, max: 5 }),
  }),
  fc.record({
    segment: fc.constantFrom('smb', 'mid-market', 'enterprise'),
    region: fc.constantFrom('emea', 'amer'),
    kind: fc.constant('ces' as const),
    score: fc.integer({ min: 1, max: 7 }),
  }),
);

const scoresOf = (rows: readonly Answer[], kind: Answer['kind']): number[] =>
  rows.filter((row) => row.kind === kind).map((row) => row.score);

const metricsFor = {
  nps: { accumulator: npsAccumulator(), value: (row: Answer) => (row.kind === 'nps' ? row.score : undefined) },
  csat: { accumulator: csatAccumulator(), value: (row: Answer) => (row.kind === 'csat' ? row.score : undefined) },
  ces: { accumulator: cesAccumulator(), value: (row: Answer) => (row.kind === 'ces' ? row.score : undefined) },
};

describe('groupMetrics', () => {
  it('gives each group the results of computing each metric on its rows alone', () => {
    fc.assert(
      fc.property(fc.array(answer, { maxLength: 120 }), (rows) => {
        const groups = groupMetrics(deepFreeze(rows), { by: 'segment', metrics: metricsFor });
        const keys = [...new Set(rows.map((row) => row.segment))].sort();
        expect(groups.map((group) => group.key)).toEqual(keys);
        for (const group of groups) {
          const own = rows.filter((row) => row.segment === group.key);
          expect(group.rows).toBe(own.length);
          expect(group.metrics.nps).toEqual(nps(scoresOf(own, 'nps')));
          expect(group.metrics.csat).toEqual(csat(scoresOf(own, 'csat')));
          expect(group.metrics.ces).toEqual(ces(scoresOf(own, 'ces')));
        }
      }),
    );
  });

  it('agrees with groupAccumulator for one, two, three and four metrics, grouped by a function', () => {
    const four = {
      ...metricsFor,
      active: { accumulator: activeShareAccumulator(), value: (row: Answer) => row.score > 5 },
    };
    const sets = [{ nps: metricsFor.nps }, { nps: metricsFor.nps, csat: metricsFor.csat }, metricsFor, four];
    fc.assert(
      fc.property(fc.array(answer, { maxLength: 80 }), (rows) => {
        for (const metrics of sets) {
          const options = { by: (row: Answer) => `${row.segment}/${row.region}`, metrics };
          const accumulator = groupAccumulator(options);
          expect(groupMetrics(rows, options)).toEqual(accumulator.result(accumulate(accumulator, rows)));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('gives the same groups whether rows of one key come in runs or interleaved, for one to four metrics', () => {
    const four = {
      ...metricsFor,
      active: { accumulator: activeShareAccumulator(), value: (row: Answer) => row.score > 5 },
    };
    const sets = [{ nps: metricsFor.nps }, { nps: metricsFor.nps, csat: metricsFor.csat }, metricsFor, four];
    fc.assert(
      fc.property(fc.array(answer, { maxLength: 80 }), (rows) => {
        const runs = [...rows].sort((a, b) => (a.segment < b.segment ? -1 : a.segment > b.segment ? 1 : 0));
        for (const metrics of sets) {
          expect(groupMetrics(runs, { by: 'segment', metrics })).toEqual(
            groupMetrics(rows, { by: 'segment', metrics }),
          );
        }
      }),
      { numRuns: 40 },
    );
  });

  it('still checks the key of a row after a run of rows with one key', () => {
    const rows = [{ segment: 'smb' }, { segment: 'smb' }, { segment: 'smb' }, { segment: null }];
    for (const metrics of [
      { nps: metricsFor.nps },
      { a: metricsFor.nps, b: metricsFor.csat },
      metricsFor,
      { ...metricsFor, d: metricsFor.nps },
    ]) {
      const error = catchSuccessKitError(() =>
        groupMetrics(rows as unknown as Answer[], { by: 'segment', metrics: metrics as never }),
      );
      expect([error.code, ...issuePaths(error)]).toEqual(['invalid_input', '[3]']);
    }
  });

  it('uses the row itself as the value when a metric has no value function', () => {
    const groups = groupMetrics([9, 10, 3, 7], {
      by: (score) => (score >= 5 ? 'high' : 'low'),
      metrics: { nps: { accumulator: npsAccumulator() } },
    });
    expect(groups.map((group) => [group.key, group.rows, group.metrics.nps.n])).toEqual([
      ['high', 3, 3],
      ['low', 1, 1],
    ]);
  });

  it('returns no groups for no rows', () => {
    expect(groupMetrics([], { by: 'segment', metrics: metricsFor })).toEqual([]);
  });

  it('keeps keys such as __proto__ and constructor as ordinary groups', () => {
    const rows = [
      { team: '__proto__', score: 9 },
      { team: 'constructor', score: 3 },
      { team: 'toString', score: 8 },
    ];
    const groups = groupMetrics(rows, {
      by: 'team',
      metrics: { nps: { accumulator: npsAccumulator(), value: (row) => row.score } },
    });
    expect(groups.map((group) => [group.key, group.metrics.nps.score])).toEqual([
      ['__proto__', 100],
      ['constructor', -100],
      ['toString', 0],
    ]);
  });

  it('names the row of a bad value or key by its index', () => {
    const rows = [
      { segment: 'smb', region: 'emea', kind: 'nps', score: 9 },
      { segment: 'smb', region: 'emea', kind: 'nps', score: 12 },
    ] as const;
    for (const metrics of [
      { nps: metricsFor.nps },
      { a: metricsFor.nps, b: metricsFor.csat },
      metricsFor,
      { ...metricsFor, d: metricsFor.nps },
    ]) {
      const error = catchSuccessKitError(() => groupMetrics(rows, { by: 'segment', metrics }));
      expect([error.code, ...issuePaths(error)]).toEqual(['invalid_score', '[1]']);
    }
    const keyError = catchSuccessKitError(() =>
      groupMetrics([{ segment: 'smb' }, { segment: 7 }] as unknown as { segment: string }[], {
        by: 'segment',
        metrics: { nps: metricsFor.nps } as never,
      }),
    );
    expect([keyError.code, ...issuePaths(keyError)]).toEqual(['invalid_input', '[1]']);
  });

  it('rejects bad options', () => {
    const rows: Answer[] = [];
    expect(issuePaths(catchSuccessKitError(() => groupMetrics(rows, { by: 3 as never, metrics: metricsFor })))).toEqual(
      ['by'],
    );
    expect(issuePaths(catchSuccessKitError(() => groupMetrics(rows, { by: 'segment', metrics: {} })))).toEqual([
      'metrics',
    ]);
    expect(
      issuePaths(catchSuccessKitError(() => groupMetrics(rows, { by: 'segment', metrics: { x: null as never } }))),
    ).toEqual(['metrics.x']);
    const noAdd = { accumulator: { ...npsAccumulator(), add: 5 } as unknown as Accumulator<number, never, unknown> };
    expect(
      issuePaths(catchSuccessKitError(() => groupMetrics(rows, { by: 'segment', metrics: { x: noAdd } }))),
    ).toEqual(['metrics.x.accumulator.add']);
    const badValue = { accumulator: npsAccumulator(), value: 'score' as never };
    expect(
      issuePaths(catchSuccessKitError(() => groupMetrics(rows, { by: 'segment', metrics: { x: badValue } }))),
    ).toEqual(['metrics.x.value']);
    expect(
      issuePaths(catchSuccessKitError(() => groupMetrics('rows' as never, { by: 'segment', metrics: metricsFor }))),
    ).toEqual(['rows']);
    expect(catchSuccessKitError(() => groupMetrics(rows, null as never)).code).toBe('invalid_input');
  });

  // The issue's case: a null row made the field read throw a TypeError.
  it('names a null or undefined row by its index instead of throwing a TypeError', () => {
    const rows = [{ segment: 'smb', region: 'emea', kind: 'nps', score: 9 }, null, undefined] as unknown as Answer[];
    for (const metrics of [{ nps: metricsFor.nps }, metricsFor, { ...metricsFor, again: metricsFor.nps }]) {
      const error = catchSuccessKitError(() => groupMetrics(rows, { by: 'segment', metrics }));
      expect([error.code, error.issues]).toEqual([
        'invalid_input',
        [{ path: [1], message: 'expected a row to read the field from, got null' }],
      ]);
    }
  });
});

describe('groupAccumulator', () => {
  const metric = groupAccumulator({ by: 'segment', metrics: { nps: metricsFor.nps, csat: metricsFor.csat } });

  it('keeps plain JSON state per group key', () => {
    const state = accumulate(metric, [
      { segment: 'smb', region: 'emea', kind: 'nps', score: 9 },
      { segment: 'smb', region: 'emea', kind: 'csat', score: 2 },
    ] satisfies Answer[]);
    expect(state).toEqual({
      groups: {
        smb: {
          rows: 2,
          states: { nps: { promoters: 1, passives: 0, detractors: 0 }, csat: { scale: 5, counts: [0, 1, 0, 0, 0] } },
        },
      },
    });
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });

  it('rejects malformed states, bad keys and bad rows', () => {
    expect(issuePaths(catchSuccessKitError(() => metric.result({ groups: { smb: { rows: 1, states: {} } } })))).toEqual(
      ['groups.smb.states.nps'],
    );
    expect(issuePaths(catchSuccessKitError(() => metric.merge({ groups: 3 } as never, metric.init())))).toEqual([
      'a.groups',
    ]);
    expect(
      issuePaths(catchSuccessKitError(() => metric.merge(metric.init(), { groups: { x: { rows: -1, states: {} } } }))),
    ).toEqual(['b.groups.x.rows']);
    expect(catchSuccessKitError(() => metric.add(metric.init(), { segment: null } as never)).code).toBe(
      'invalid_input',
    );
    expect(catchSuccessKitError(() => metric.add(metric.init(), null as never)).issues).toEqual([
      { path: [], message: 'expected a row to read the field from, got null' },
    ]);
    expect(issuePaths(catchSuccessKitError(() => accumulate(metric, [undefined as never])))).toEqual(['[0]']);
    expect(
      catchSuccessKitError(() => metric.add(metric.init(), { segment: 'a', kind: 'nps', score: -1 } as never)).code,
    ).toBe('invalid_score');
  });
});
