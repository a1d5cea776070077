import { describe, expect, it } from 'vitest';
import {
  bandDistribution,
  compileScorecard,
  defaultScorecard,
  movers,
  rollUp,
  scoreAccount,
  scoreColumns,
  scorePortfolio,
} from '../../src/health/index';
import { samplePortfolio } from '../../src/sample/index';
import { accountSnapshots } from '../../src/snapshot/index';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { fullSnapshot, mixed } from './scorecards';

const portfolio = samplePortfolio({ accounts: 60, seed: 4, asOf: '2026-06-30' });
const lastMonth = accountSnapshots(portfolio, { asOf: '2026-05-31' }).snapshots;
const now = accountSnapshots(portfolio).snapshots;

describe('scorePortfolio', () => {
  it('gives what scoreAccount gives one by one, with previous results matched by account', () => {
    const before = scorePortfolio(defaultScorecard, lastMonth);
    const after = scorePortfolio(defaultScorecard, now, { previous: before, previousSnapshots: lastMonth });
    const byId = new Map(before.map((result) => [result.accountId, result]));
    expect(after).toEqual(
      now.map((snapshot) => {
        const previous = byId.get(snapshot.id);
        const previousSnapshot = lastMonth.find((entry) => entry.id === snapshot.id);
        return scoreAccount(defaultScorecard, snapshot, {
          ...(previous === undefined ? {} : { previous }),
          ...(previousSnapshot === undefined ? {} : { previousSnapshot }),
        });
      }),
    );
  });

  it('shares one frozen contribution between accounts that have the same value, weight and points', () => {
    const [one, two] = scorePortfolio(mixed, [fullSnapshot, { ...fullSnapshot, id: 'acc-2' }]);
    expect(two?.contributions[0]).toBe(one?.contributions[0]);
    expect(two?.explanation.contributions[0]).toBe(one?.explanation.contributions[0]);
    expect(two?.groups[0]).toBe(one?.groups[0]);
    expect(Object.isFrozen(one?.contributions[0])).toBe(true);
    expect(two).toEqual(scoreAccount(mixed, { ...fullSnapshot, id: 'acc-2' }));
  });

  it('applies manual overrides to their account only', () => {
    const manual = { accountId: 'acc-1', band: 'red', reason: 'Sponsor left', expiresOn: '2026-07-31' };
    const [one, two] = scorePortfolio(mixed, [fullSnapshot, { ...fullSnapshot, id: 'acc-2' }], {
      manualOverrides: [manual, { ...manual, reason: 'Second' }],
    });
    expect([one?.band, one?.overriddenBy?.label, two?.band]).toEqual(['red', 'Sponsor left', 'yellow']);
  });

  it('rejects a bad snapshot, previous band or override band with its path', () => {
    expect(issuePaths(catchSuccessKitError(() => scorePortfolio(mixed, [fullSnapshot, { id: 3 }])))).toEqual([
      'snapshots[1].id',
    ]);
    expect(
      issuePaths(
        catchSuccessKitError(() =>
          scorePortfolio(mixed, [], { previous: [{ accountId: 'a', score: 1, band: 'amber' }] }),
        ),
      ),
    ).toEqual(['options.previous[0].band']);
    expect(
      issuePaths(
        catchSuccessKitError(() =>
          scorePortfolio(mixed, [], {
            manualOverrides: [{ accountId: 'a', band: 'amber', reason: 'x', expiresOn: '2026-01-01' }],
          }),
        ),
      ),
    ).toEqual(['options.manualOverrides[0].band']);
    expect(issuePaths(catchSuccessKitError(() => scorePortfolio(mixed, 'all' as never)))).toEqual(['snapshots']);
  });
});

describe('the compiled scorer and scoreColumns', () => {
  it('start hysteresis from previous bands', () => {
    const compiled = compileScorecard(mixed);
    const low = { ...fullSnapshot, licenseUtilization: 0.605, ticketsOpened: 3 };
    expect(compiled.score(low)).toBe(77);
    expect([...compiled.scores([low], Uint8Array.of(1)).bands]).toEqual([1]);
    expect([...compiled.scores([low], Uint8Array.of(255)).bands]).toEqual([2]);
    const columns = {
      seats: Float64Array.of(0.605),
      tickets: Float64Array.of(3),
      nps: Float64Array.of(0),
      champion: Float64Array.of(1),
    };
    const ages = { nps: Float64Array.of(60) };
    expect([...scoreColumns(mixed, columns, { ages, previousBands: Uint8Array.of(1) }).bands]).toEqual([1]);
  });

  it('give NaN and band 255 for a score that cannot be given', () => {
    const scorecard = {
      ...mixed,
      groups: [{ ...mixed.groups[0], measures: [{ ...mixed.groups[0]?.measures[0], missing: 'fail' }] }],
    };
    const compiled = compileScorecard(scorecard as never);
    expect(compiled.score({ id: 'a', asOf: '2026-06-30' })).toBeNull();
    expect(compiled.scores([{ id: 'a', asOf: '2026-06-30' }])).toEqual({
      scores: Float64Array.of(Number.NaN),
      bands: Uint8Array.of(255),
    });
    expect(scoreColumns(scorecard as never, { seats: Float64Array.of(Number.NaN) })).toEqual({
      scores: Float64Array.of(Number.NaN),
      bands: Uint8Array.of(255),
    });
  });

  it('reject missing, unknown and short columns, and bad previous bands, with their paths', () => {
    const columns = {
      seats: Float64Array.of(0.8),
      tickets: Float64Array.of(3),
      nps: Float64Array.of(0),
      champion: Float64Array.of(1),
    };
    const ages = { nps: Float64Array.of(60) };
    const paths = (run: () => unknown): string[] => issuePaths(catchSuccessKitError(run));
    expect(paths(() => scoreColumns(mixed, { ...columns, extra: Float64Array.of(1) }, { ages }))).toEqual([
      'columns.extra',
    ]);
    expect(paths(() => scoreColumns(mixed, { ...columns, tickets: Float64Array.of(1, 2) }, { ages }))).toEqual([
      'columns.tickets',
    ]);
    expect(paths(() => scoreColumns(mixed, { ...columns, seats: [0.8] as never }, { ages }))).toEqual([
      'columns.seats',
    ]);
    expect(paths(() => scoreColumns(mixed, columns))).toEqual(['options.ages.nps']);
    expect(paths(() => scoreColumns(mixed, columns, { ages, previousBands: Uint8Array.of(1, 2) }))).toEqual([
      'options.previousBands',
    ]);
    expect(paths(() => compileScorecard(mixed).scores([fullSnapshot], Uint8Array.of(7)))).toEqual(['previousBands[0]']);
    expect(paths(() => compileScorecard(mixed).scores([fullSnapshot], Uint8Array.of()))).toEqual(['previousBands']);
    expect(paths(() => compileScorecard(mixed).scores([fullSnapshot, null as never]))).toEqual(['snapshots[1]']);
    expect(paths(() => compileScorecard(mixed).scores([{ ...fullSnapshot, asOf: 'soon' }]))).toEqual([
      'snapshots[0].asOf',
    ]);
  });

  it('reports a value that is not a snapshot before an unreadable field of an earlier snapshot, blocks apart', () => {
    const throwing = Object.defineProperty({ ...fullSnapshot }, 'licenseUtilization', {
      get: () => {
        throw new Error('unreadable');
      },
    });
    const snapshots = Array.from({ length: 3000 }, (_, index) => (index === 0 ? throwing : fullSnapshot));
    const paths = (run: () => unknown): string[] => issuePaths(catchSuccessKitError(run));
    expect(paths(() => compileScorecard(mixed).scores(snapshots))).toEqual(['snapshots']);
    expect(paths(() => compileScorecard(mixed).scores([...snapshots, null as never]))).toEqual(['snapshots[3000]']);
    expect(paths(() => compileScorecard(mixed).scores([...snapshots, { ...fullSnapshot, asOf: 'soon' }]))).toEqual([
      'snapshots[3000].asOf',
    ]);
  });
});

describe('portfolio views', () => {
  const results = [0.9, 0.6, 0.3, 0.1].map((licenseUtilization, index) =>
    scoreAccount(defaultScorecard, { id: `a${String(index)}`, asOf: '2026-06-30', licenseUtilization }),
  );

  it('counts results by band in band order, with shares', () => {
    const unscored = scoreAccount(mixed, { id: 'x', asOf: '2026-06-30' });
    expect(bandDistribution(defaultScorecard, [...results, { ...unscored, band: null }])).toEqual({
      accounts: 5,
      unbanded: 1,
      bands: [
        { band: 'red', label: 'Red', accounts: 2, share: 0.4 },
        { band: 'yellow', label: 'Yellow', accounts: 1, share: 0.2 },
        { band: 'green', label: 'Green', accounts: 1, share: 0.2 },
      ],
    });
    expect(bandDistribution(defaultScorecard, [])).toMatchObject({
      accounts: 0,
      bands: [{ share: 0 }, { share: 0 }, { share: 0 }],
    });
    expect(
      issuePaths(catchSuccessKitError(() => bandDistribution(defaultScorecard, [{ ...unscored, band: 'amber' }]))),
    ).toEqual(['results[0].band']);
  });

  it('lists the biggest drops and rises, explained, largest first', () => {
    const later = [0.5, 0.6, 0.9, 0.1].map((licenseUtilization, index) =>
      scoreAccount(defaultScorecard, { id: `a${String(index)}`, asOf: '2026-07-31', licenseUtilization }),
    );
    const moved = movers(later, results, { limit: 1 });
    expect(moved.drops.map((mover) => [mover.accountId, mover.delta])).toEqual([['a0', -50]]);
    expect(moved.rises.map((mover) => [mover.accountId, mover.delta])).toEqual([['a2', 75]]);
    expect(moved.drops[0]?.change.changes[0]?.id).toBe('license-utilization');
    expect(movers(later, results).drops).toHaveLength(1);
    expect(issuePaths(catchSuccessKitError(() => movers(later, results, { limit: -1 })))).toEqual(['options.limit']);
  });

  it('rolls children up to parents by ARR, equally or by the worst', () => {
    const parentOf = { a1: 'a0', a2: 'a0', a3: 'other' };
    const arr = { a0: 10, a1: 30, a2: 60 };
    const byArr = rollUp(defaultScorecard, results, { parentOf, arr });
    expect(byArr.map((parent) => [parent.parentId, parent.members, parent.score, parent.band])).toEqual([
      ['a0', 3, 43.8, 'red'],
      ['other', 1, null, null],
    ]);
    expect(rollUp(defaultScorecard, results, { parentOf, weightBy: 'equal' })[1]?.score).toBe(12.5);
    expect(rollUp(defaultScorecard, results, { parentOf, weightBy: 'worst' })[0]?.worst).toEqual({
      accountId: 'a2',
      score: 25,
    });
    expect(issuePaths(catchSuccessKitError(() => rollUp(defaultScorecard, results, { parentOf })))).toEqual([
      'options.arr',
    ]);
  });
});
