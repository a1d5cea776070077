import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileScorecard,
  defineScorecard,
  pathToBand,
  scoreAccount,
  scoreColumns,
  scorePortfolio,
} from '../../src/health/index';
import { withValue } from '../../src/health/path-to-band';
import { mixed } from './scorecards';

const categories = ['promoter', 'passive', 'detractor'];

/** {@link mixed} with its groups the other way round: a group with staleness, then one without. */
const reversed = defineScorecard({ ...mixed, id: 'reversed', groups: [...mixed.groups].reverse() });

const snapshotArbitrary = fc.record({
  id: fc.constantFrom('a', 'b'),
  asOf: fc.constant('2026-06-30'),
  licenseUtilization: fc.option(fc.double({ min: 0, max: 1.2, noNaN: true }), { nil: null }),
  ticketsOpened: fc.option(fc.integer({ min: 0, max: 9 }), { nil: null }),
  lastNpsCategory: fc.option(fc.constantFrom(...categories), { nil: null }),
  lastNpsDate: fc.option(fc.constantFrom('2026-06-01', '2026-01-01'), { nil: null }),
  championNamed: fc.option(fc.boolean(), { nil: null }),
});

/** {@link mixed}'s numeric and yes/no measures in one group without staleness, so all are added straight from the snapshots. */
const oneGroup = defineScorecard({
  ...mixed,
  id: 'one-group',
  groups: [
    {
      id: 'all',
      label: 'All',
      weight: 1,
      measures: mixed.groups.flatMap((group) => group.measures).filter((measure) => measure.stale === undefined),
    },
  ],
});

type Sample = typeof snapshotArbitrary extends fc.Arbitrary<infer T> ? T : never;

function columnsOf(snapshots: readonly Sample[]): {
  columns: Record<string, Float64Array>;
  ages: Record<string, Float64Array>;
} {
  const number = (value: number | null): number => value ?? Number.NaN;
  return {
    columns: {
      seats: Float64Array.from(snapshots, (snapshot) => number(snapshot.licenseUtilization)),
      tickets: Float64Array.from(snapshots, (snapshot) => number(snapshot.ticketsOpened)),
      nps: Float64Array.from(snapshots, (snapshot) =>
        snapshot.lastNpsCategory === null ? Number.NaN : categories.indexOf(snapshot.lastNpsCategory),
      ),
      champion: Float64Array.from(snapshots, (snapshot) =>
        snapshot.championNamed === null ? Number.NaN : Number(snapshot.championNamed),
      ),
    },
    ages: {
      nps: Float64Array.from(snapshots, (snapshot) =>
        snapshot.lastNpsDate === '2026-06-01' ? 29 : snapshot.lastNpsDate === null ? Number.NaN : 180,
      ),
    },
  };
}

describe('health scoring invariants', () => {
  it('gives the same scores and bands by columns, by the compiled object path and by scoreAccount', () => {
    fc.assert(
      fc.property(fc.array(snapshotArbitrary, { maxLength: 30 }), (snapshots) => {
        const { columns, ages } = columnsOf(snapshots);
        const byColumns = scoreColumns(mixed, columns, { ages });
        const byObjects = compileScorecard(mixed).scores(snapshots);
        const one = snapshots.map((snapshot) => scoreAccount(mixed, snapshot));
        expect([...byColumns.scores]).toEqual([...byObjects.scores]);
        expect([...byColumns.bands]).toEqual([...byObjects.bands]);
        expect([...byObjects.scores]).toEqual(one.map((health) => health.score ?? Number.NaN));
        expect([...byObjects.bands].map((band) => (band === 255 ? null : mixed.bands[band]?.id))).toEqual(
          one.map((health) => health.scoreBand),
        );
      }),
    );
  });

  it('scores fields of any type in the compiled object path as scoreAccount does', () => {
    const anything = fc.oneof(
      fc.double(),
      fc.integer({ min: -300, max: 300 }),
      fc.integer({ min: -300, max: 300 }).map((hundredths) => hundredths / 100),
      fc.constantFrom(-0, Number.NaN, Infinity, -Infinity, 1e300, true, false, 0, 1, '1', null, undefined),
    );
    const field = fc.record({
      id: fc.constant('a'),
      asOf: fc.constant('2026-06-30'),
      licenseUtilization: anything,
      ticketsOpened: anything,
      championNamed: anything,
    });
    fc.assert(
      fc.property(fc.array(field, { maxLength: 40 }), (snapshots) => {
        for (const scorecard of [mixed, oneGroup]) {
          expect([...compileScorecard(scorecard).scores(snapshots).scores]).toEqual(
            snapshots.map((snapshot) => scoreAccount(scorecard, snapshot).score ?? Number.NaN),
          );
        }
      }),
    );
  });

  it('scores groups of one measure and of more than four, added a few measures at a time, as scoreAccount does', () => {
    const linear = (id: string, field: string, weight: number) => ({
      id,
      label: id,
      field,
      weight,
      scoring: { type: 'linear' as const, min: 0.1, max: 4 },
    });
    const wide = defineScorecard({
      id: 'wide',
      label: 'Wide',
      groups: [
        {
          id: 'many',
          label: 'Many',
          weight: 3,
          measures: [
            linear('seats', 'licenseUtilization', 3),
            linear('stickiness', 'stickiness', 1),
            { ...linear('features', 'featuresAdopted', 2), scoring: { type: 'linear', min: 2, max: 10, invert: true } },
            linear('logins', 'logins', 1),
            {
              ...linear('escalations', 'escalations', 5),
              scoring: {
                type: 'thresholds',
                ranges: [
                  { below: 1, points: 100 },
                  { from: 1, points: 20 },
                ],
              },
            },
            { ...linear('champion', 'championNamed', 2), scoring: { type: 'boolean', whenFalse: 10 } },
          ],
        },
        { id: 'one', label: 'One', weight: 1, measures: [linear('meetings', 'daysSinceLastMeeting', 1)] },
      ],
      bands: mixed.bands,
    });
    // Mostly values that can be scored, so that most blocks are added whole, and now and then one that cannot.
    const value = fc.oneof(
      { arbitrary: fc.integer({ min: -3, max: 12 }), weight: 40 },
      { arbitrary: fc.integer({ min: 0, max: 500 }).map((hundredths) => hundredths / 100), weight: 40 },
      { arbitrary: fc.double({ min: -10, max: 10, noNaN: true }), weight: 20 },
      { arbitrary: fc.constantFrom(true, false, null, Number.NaN, Infinity), weight: 1 },
    );
    const snapshot = fc.record({
      id: fc.constant('a'),
      asOf: fc.constant('2026-06-30'),
      licenseUtilization: value,
      stickiness: value,
      featuresAdopted: value,
      logins: value,
      escalations: value,
      championNamed: fc.oneof({ arbitrary: fc.boolean(), weight: 40 }, { arbitrary: value, weight: 1 }),
      daysSinceLastMeeting: value,
    });
    fc.assert(
      fc.property(fc.array(snapshot, { maxLength: 40 }), (snapshots) => {
        expect([...compileScorecard(wide).scores(snapshots).scores]).toEqual(
          snapshots.map((one) => scoreAccount(wide, one).score ?? Number.NaN),
        );
      }),
    );
  });

  it('scores every reader and run slot, and measures past the last slot, as scoreAccount does', () => {
    // Fourteen groups of one measure: more measures and runs than there are slots (12), so every slot's
    // own reader and run adder is used, and the two measures past them go through their scorers.
    const fields = [
      'licenseUtilization',
      'stickiness',
      'featuresAdopted',
      'logins',
      'escalations',
      'daysSinceLastMeeting',
      'ticketsOpened',
      'urgentTicketsOpened',
      'openTickets',
      'activeUsers',
      'licenses',
      'npsResponses',
      'contacts',
      'featureRequests',
    ] as const;
    const many = defineScorecard({
      id: 'many-slots',
      label: 'Many slots',
      groups: fields.map((field, index) => ({
        id: `group-${String(index)}`,
        label: field,
        weight: index + 1,
        measures: [
          {
            id: field,
            label: field,
            field,
            weight: 1,
            scoring: { type: 'linear' as const, min: index / 10, max: 2 + index, invert: index % 2 === 1 },
          },
        ],
      })),
      bands: mixed.bands,
    });
    const value = fc.oneof(
      { arbitrary: fc.integer({ min: -2, max: 20 }), weight: 30 },
      { arbitrary: fc.integer({ min: 0, max: 900 }).map((hundredths) => hundredths / 100), weight: 30 },
      { arbitrary: fc.constantFrom(null, Number.NaN, '3'), weight: 1 },
    );
    const snapshot = fc.record(
      Object.fromEntries([
        ['id', fc.constant('a')],
        ['asOf', fc.constant('2026-06-30')],
        ...fields.map((field) => [field, value] as const),
      ]),
    );
    fc.assert(
      fc.property(fc.array(snapshot, { maxLength: 30 }), (snapshots) => {
        expect([...compileScorecard(many).scores(snapshots).scores]).toEqual(
          snapshots.map((one) => scoreAccount(many, one).score ?? Number.NaN),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('explains a portfolio exactly as scoreAccount explains each account, however values repeat', () => {
    const repeated = fc.record({
      id: fc.constantFrom('a', 'b'),
      asOf: fc.constant('2026-06-30'),
      licenseUtilization: fc.option(fc.constantFrom(-0, 0, 0.5, 0.9, 1.1, Number.NaN), { nil: null }),
      ticketsOpened: fc.option(fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constant('two')), { nil: null }),
      lastNpsCategory: fc.option(fc.constantFrom(...categories, 'unknown'), { nil: null }),
      lastNpsDate: fc.option(fc.constantFrom('2026-06-01', '2026-01-01'), { nil: null }),
      championNamed: fc.option(fc.boolean(), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(fc.oneof(snapshotArbitrary, repeated), { maxLength: 40 }), (snapshots) => {
        expect(scorePortfolio(mixed, snapshots)).toEqual(snapshots.map((snapshot) => scoreAccount(mixed, snapshot)));
      }),
    );
  });

  it('explains more distinct values than it remembers as scoreAccount does', () => {
    const snapshots = Array.from({ length: 9000 }, (_, index) => ({
      id: `acc-${String(index)}`,
      asOf: '2026-06-30',
      licenseUtilization: index / 9000,
      ticketsOpened: index % 7,
      championNamed: index % 3 === 0,
    }));
    const portfolio = scorePortfolio(mixed, snapshots);
    for (const index of [0, 4095, 4096, 8191, 8999]) {
      expect(portfolio[index]).toEqual(scoreAccount(mixed, snapshots[index] ?? {}));
    }
  });

  it('scores a whole block of yes/no columns as scoreAccount scores the snapshots', () => {
    const yesNo = defineScorecard({
      id: 'yes-no',
      label: 'Yes/no',
      groups: [
        {
          id: 'relationship',
          label: 'Relationship',
          weight: 1,
          measures: [
            {
              id: 'champion',
              label: 'Champion',
              field: 'championNamed',
              weight: 2,
              scoring: { type: 'boolean', whenFalse: 20 },
            },
            {
              id: 'seats',
              label: 'Seats',
              field: 'licenseUtilization',
              weight: 1,
              scoring: { type: 'linear', min: 0, max: 1 },
            },
          ],
        },
      ],
      bands: mixed.bands,
    });
    const snapshots = Array.from({ length: 1500 }, (_, index) => ({
      id: 'a',
      asOf: '2026-06-30',
      championNamed: index % 3 !== 0,
      licenseUtilization: (index % 101) / 100,
    }));
    const columns = {
      champion: Float64Array.from(snapshots, (snapshot) => (snapshot.championNamed ? 1 : 0)),
      seats: Float64Array.from(snapshots, (snapshot) => snapshot.licenseUtilization),
    };
    expect([...scoreColumns(yesNo, columns).scores]).toEqual(
      snapshots.map((snapshot) => scoreAccount(yesNo, snapshot).score ?? Number.NaN),
    );
  });

  it.each([
    ['usage', mixed],
    ['voice', reversed],
  ])('scores whole blocks and blocks with missing values as scoreAccount does, %s first', (_, scorecard) => {
    // Rows 1024–2047, the second block, miss values now and then; the other blocks have all of theirs.
    const snapshots: Sample[] = Array.from({ length: 3000 }, (_, index) => {
      const gap = index >= 1024 && index < 2048 && index % 7 === 0;
      return {
        id: 'a',
        asOf: '2026-06-30',
        licenseUtilization: gap ? null : (index % 130) / 100,
        ticketsOpened: index % 11 === 3 && gap ? null : index % 9,
        lastNpsCategory: categories[index % 3] ?? null,
        lastNpsDate: index % 5 === 0 ? '2026-01-01' : '2026-06-01',
        championNamed: index % 13 === 0 && gap ? null : index % 2 === 0,
      };
    });
    const { columns, ages } = columnsOf(snapshots);
    const previousBands = Uint8Array.from(snapshots, (_, index) => [0, 1, 2, 255][index % 4] ?? 255);
    const one = snapshots.map((snapshot) => scoreAccount(scorecard, snapshot));
    const byColumns = scoreColumns(scorecard, columns, { ages });
    expect([...byColumns.scores]).toEqual(one.map((health) => health.score ?? Number.NaN));
    expect([...compileScorecard(scorecard).scores(snapshots).scores]).toEqual([...byColumns.scores]);
    const withBefore = scoreColumns(scorecard, columns, { ages, previousBands });
    const previous = (index: number): { score: number; band: string } | undefined => {
      const band = scorecard.bands[previousBands[index] ?? 255];
      return band === undefined ? undefined : { score: 50, band: band.id };
    };
    expect([...withBefore.bands].map((band) => scorecard.bands[band]?.id ?? null)).toEqual(
      snapshots.map((snapshot, index) => {
        const before = previous(index);
        return scoreAccount(scorecard, snapshot, before === undefined ? {} : { previous: before }).scoreBand;
      }),
    );
    expect([...compileScorecard(scorecard).scores(snapshots, previousBands).bands]).toEqual([...withBefore.bands]);
  });

  it.each([-5000, 7, -0, 0.25, 0.1 + 0.2])(
    'scores values at, around and far beyond every break as scoreAccount does, starting with %d',
    (first) => {
      // The first value of a block decides how it is scored: from a table of whole numbers, of hundredths, or neither.
      const values = [
        first,
        -5000,
        -300,
        -1,
        -0,
        0,
        1,
        2,
        4,
        5,
        6,
        200,
        300,
        5000,
        0.5,
        1.5,
        4.999,
        0.1 + 0.2,
        0.35,
        0.333,
        0.456,
        -2.5,
      ];
      const snapshots = values.flatMap((tickets) =>
        values.map((seats): Sample => ({
          id: 'a',
          asOf: '2026-06-30',
          licenseUtilization: seats,
          ticketsOpened: tickets,
          lastNpsCategory: 'promoter',
          lastNpsDate: '2026-06-01',
          championNamed: true,
        })),
      );
      const expected = snapshots.map((snapshot) => scoreAccount(mixed, snapshot).score ?? Number.NaN);
      expect([...compileScorecard(mixed).scores(snapshots).scores]).toEqual(expected);
      const { columns, ages } = columnsOf(snapshots);
      expect([...scoreColumns(mixed, columns, { ages }).scores]).toEqual(expected);
    },
  );

  it('keeps contributions adding up to the score, scores within 0–100, and no NaN in any result', () => {
    fc.assert(
      fc.property(snapshotArbitrary, (snapshot) => {
        const copy = structuredClone(snapshot);
        const health = scoreAccount(mixed, snapshot);
        expect(snapshot).toEqual(copy);
        expect(JSON.stringify(health)).not.toMatch(/NaN|Infinity|null,"nullReason":null/);
        if (health.score !== null) {
          expect(health.contributions.reduce((sum, entry) => sum + Math.round(entry.contributed * 10), 0)).toBe(
            Math.round(health.score * 10),
          );
          expect(health.score >= 0 && health.score <= 100).toBe(true);
        }
      }),
    );
  });

  it('proposes changes to reach green that, applied, do reach it', () => {
    fc.assert(
      fc.property(snapshotArbitrary, (snapshot) => {
        const path = pathToBand(mixed, snapshot, 'green');
        if (!path.reachable) return;
        const apply = (changes: typeof path.plan): object =>
          changes.reduce<object>((state, change) => {
            const changed = withValue(state, change.field, change.to);
            return change.refreshes === null ? changed : withValue(changed, change.refreshes, snapshot.asOf);
          }, snapshot);
        expect(scoreAccount(mixed, apply(path.plan)).scoreBand).toBe('green');
        for (const change of path.alone) expect(scoreAccount(mixed, apply([change])).scoreBand).toBe('green');
      }),
    );
  });
});
