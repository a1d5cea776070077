import { describe, expect, it } from 'vitest';
import { samplePortfolio } from '../../src/sample/index';
import { accountSnapshots, snapshotSeries } from '../../src/snapshot/index';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { hostileValues } from '../hostile-values';

const portfolio = samplePortfolio({ accounts: 40, seed: 5, asOf: '2026-06-30' });

describe('snapshotSeries', () => {
  it('gives by default the 12 month ends up to the portfolio day', () => {
    expect(snapshotSeries(portfolio).map((day) => day.asOf)).toEqual([
      '2025-07-31',
      '2025-08-31',
      '2025-09-30',
      '2025-10-31',
      '2025-11-30',
      '2025-12-31',
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
      '2026-05-31',
      '2026-06-30',
    ]);
  });

  it('steps by weeks or months from from while on or before to', () => {
    expect(
      snapshotSeries(portfolio, { from: '2026-06-01', to: '2026-06-30', every: 'week' }).map((day) => day.asOf),
    ).toEqual(['2026-06-01', '2026-06-08', '2026-06-15', '2026-06-22', '2026-06-29']);
    expect(snapshotSeries(portfolio, { from: '2026-01-15', to: '2026-03-14' }).map((day) => day.asOf)).toEqual([
      '2026-01-15',
      '2026-02-15',
    ]);
    expect(
      snapshotSeries(portfolio, { to: '2026-06-15', every: 'week' })
        .map((day) => day.asOf)
        .slice(0, 2),
    ).toEqual(['2026-03-30', '2026-04-06']);
    expect(snapshotSeries(portfolio, { from: '2026-06-30', to: '2026-06-30' }).length).toBe(1);
  });

  it('gives on each day exactly what accountSnapshots gives for that day', () => {
    const series = snapshotSeries(portfolio, { from: '2025-03-31', to: '2026-06-30', every: 'month', windowDays: 30 });
    const oneByOne = series.map((day) => accountSnapshots(portfolio, { asOf: day.asOf, windowDays: 30 }));
    expect(series).toEqual(oneByOne);
    expect(series.map((day) => day.snapshots.length + day.notStarted)).toEqual(
      series.map(() => portfolio.accounts.length),
    );
  });

  it('shares an account’s frozen attributes between days, and its milestones while none is added', () => {
    const series = snapshotSeries(portfolio, { from: '2025-01-31', to: '2026-06-30' });
    const byDay = series.map((day) => new Map(day.snapshots.map((snapshot) => [snapshot.id, snapshot])));
    const pairs = byDay.slice(1).flatMap((day, index) =>
      [...day.values()].flatMap((after) => {
        const before = byDay[index]?.get(after.id);
        return before === undefined ? [] : [{ before, after }];
      }),
    );
    expect(pairs.filter(({ before, after }) => before.attributes !== after.attributes)).toEqual([]);
    const sameCount = pairs.filter(
      ({ before, after }) => Object.keys(before.milestones).length === Object.keys(after.milestones).length,
    );
    const added = pairs.filter(
      ({ before, after }) => Object.keys(before.milestones).length < Object.keys(after.milestones).length,
    );
    expect(sameCount.filter(({ before, after }) => before.milestones !== after.milestones)).toEqual([]);
    expect(added.length).toBeGreaterThan(0);
    expect(
      added.filter(({ before, after }) => !Object.keys(before.milestones).every((id) => id in after.milestones)),
    ).toEqual([]);
  });

  it('rejects from after to and series longer than 520 days, at options.from', () => {
    const failure = (options: unknown): [string, string[]] => {
      const error = catchSuccessKitError(() => snapshotSeries(portfolio, options as never));
      return [error.code, issuePaths(error)];
    };
    expect(failure({ from: '2026-07-01' })).toEqual(['invalid_input', ['options.from']]);
    expect(failure({ from: '2000-01-01', every: 'week' })).toEqual(['invalid_input', ['options.from']]);
    expect(failure({ every: 'day' })).toEqual(['invalid_input', ['options.every']]);
    expect(failure(null)).toEqual(['invalid_input', ['options']]);
    expect(catchSuccessKitError(() => snapshotSeries({ accounts: [] })).issues[0]?.path).toEqual(['options', 'to']);
  });

  it.each(hostileValues())(
    'answers %s as the portfolio or the options with a SuccessKitError, or accepts the options',
    (_name, value) => {
      expect(catchSuccessKitError(() => snapshotSeries(value as never)).code).toBe('invalid_input');
      let outcome = 'accepted';
      try {
        snapshotSeries({ asOf: '2026-06-30', accounts: [] } as never, value as never);
      } catch (error) {
        const { code, issues } = catchSuccessKitError(() => {
          throw error;
        });
        outcome = `${code} at ${String(issues[0]?.path[0])}`;
      }
      expect(['accepted', 'invalid_input at options']).toContain(outcome);
    },
  );
});
