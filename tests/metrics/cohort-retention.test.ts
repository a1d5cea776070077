import { describe, expect, it } from 'vitest';
import { accumulate } from '../../src/metrics/accumulator';
import {
  cohortRetention,
  cohortRetentionAccumulator,
  type SubscriptionInput,
} from '../../src/metrics/cohort-retention';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { survivors } from '../fixtures/published';
import { deepFreeze } from '../freeze';

/** One subscription per customer: all start on 2010-01-01 and leave on the anniversary of their last year. */
function cohortFrom(alive: readonly number[], prefix: string): SubscriptionInput[] {
  const subscriptions: SubscriptionInput[] = [];
  let id = 0;
  alive.forEach((count, year) => {
    const leaving = year + 1 < alive.length ? count - (alive[year + 1] ?? 0) : count;
    for (let index = 0; index < leaving; index++) {
      const endYear = 2010 + year + 1;
      subscriptions.push({
        id: `${prefix}-${String(id)}`,
        accountId: `${prefix}-${String(id++)}`,
        mrr: 100,
        startDate: '2010-01-01',
        ...(year + 1 < alive.length ? { endDate: `${String(endYear)}-01-01` } : {}),
      });
    }
  });
  return subscriptions;
}

describe('cohortRetention', () => {
  it('reproduces the survivor counts of Fader and Hardie (2007) for the regular and high-end cohorts', () => {
    const { regular, highEnd } = survivors();
    expect(regular.slice(0, 4)).toEqual([1000, 631, 468, 382]);
    for (const [alive, prefix] of [
      [regular, 'regular'],
      [highEnd, 'high'],
    ] as const) {
      const table = cohortRetention(cohortFrom(alive, prefix), { period: 'quarter', asOf: '2022-12-31' });
      expect(table.cohorts).toHaveLength(1);
      const [cohort] = table.cohorts;
      expect(cohort?.cohort).toBe('2010-01-01');
      expect(cohort?.accounts).toBe(1000);
      // The last quarter of year t ends on December 31; a customer alive at the start of year t is still paying then.
      const yearEnds = (cohort?.periods ?? []).filter((cell) => cell.end.endsWith('-12-31'));
      expect(yearEnds.map((cell) => cell.activeAccounts)).toEqual(alive);
      expect(yearEnds.map((cell) => cell.logoRetention)).toEqual(alive.map((count) => count / 1000));
      expect(yearEnds.map((cell) => cell.revenueRetention)).toEqual(alive.map((count) => count / 1000));
    }
  });

  it('gives the year-on-year retention rates of the paper: 0.631, 0.742, 0.816 for the regular cohort', () => {
    const { regular } = survivors();
    const table = cohortRetention(cohortFrom(regular, 'r'), { period: 'quarter', asOf: '2013-12-31' });
    const yearEnds = (table.cohorts[0]?.periods ?? []).filter((cell) => cell.end.endsWith('-12-31'));
    const rates = yearEnds
      .slice(1)
      .map((cell, index) => (cell.activeAccounts / (yearEnds[index]?.activeAccounts ?? 1)).toFixed(3));
    expect(rates).toEqual(['0.631', '0.742', '0.816']);
  });

  it('tracks logo and revenue retention month by month, with expansion and a return', () => {
    const subscriptions = [
      { id: 's1', accountId: 'a', mrr: 100, startDate: '2026-01-10', endDate: '2026-02-20' },
      { id: 's2', accountId: 'a', mrr: 80, startDate: '2026-04-02' },
      { id: 's3', accountId: 'b', mrr: 300, startDate: '2026-01-15' },
      { id: 's4', accountId: 'b', mrr: 100, startDate: '2026-03-01' },
      { id: 's5', accountId: 'c', mrr: 50, startDate: '2026-02-03' },
      { id: 's6', accountId: 'd', mrr: 0, startDate: '2026-01-03' },
      { id: 's7', accountId: 'e', mrr: 70, startDate: '2026-05-01' },
    ];
    const table = cohortRetention(subscriptions, { period: 'month', asOf: '2026-04-30' });
    expect(table.cohorts.map((row) => [row.cohort, row.accounts, row.startingMrr])).toEqual([
      ['2026-01-01', 2, 400],
      ['2026-02-01', 1, 50],
    ]);
    expect(table.cohorts[0]?.periods).toEqual([
      { index: 0, end: '2026-01-31', activeAccounts: 2, logoRetention: 1, mrr: 400, revenueRetention: 1 },
      { index: 1, end: '2026-02-28', activeAccounts: 1, logoRetention: 0.5, mrr: 300, revenueRetention: 0.75 },
      { index: 2, end: '2026-03-31', activeAccounts: 1, logoRetention: 0.5, mrr: 400, revenueRetention: 1 },
      { index: 3, end: '2026-04-30', activeAccounts: 2, logoRetention: 1, mrr: 480, revenueRetention: 1.2 },
    ]);
    expect(table.cohorts[1]?.periods.map((cell) => cell.index)).toEqual([0, 1, 2]);
    expect(table.currency).toBeNull();
  });

  it('groups by calendar quarter with the quarter option and measures only ended quarters', () => {
    const table = cohortRetention(
      [
        { id: 's1', accountId: 'a', mrr: 10, startDate: '2025-11-30' },
        { id: 's2', accountId: 'b', mrr: 10, startDate: '2025-10-01', endDate: '2026-02-01' },
      ],
      { period: 'quarter', asOf: '2026-05-15' },
    );
    expect(table.cohorts[0]?.cohort).toBe('2025-10-01');
    expect(table.cohorts[0]?.periods.map((cell) => [cell.end, cell.activeAccounts])).toEqual([
      ['2025-12-31', 2],
      ['2026-03-31', 1],
    ]);
  });

  it('groups by calendar year with the year option: annual contracts show one renewal per column', () => {
    const table = cohortRetention(
      [
        { id: 's1', accountId: 'a', mrr: 10, startDate: '2023-03-15', endDate: '2025-03-15' },
        { id: 's2', accountId: 'b', mrr: 20, startDate: '2023-08-01' },
        { id: 's3', accountId: 'c', mrr: 30, startDate: '2023-11-20', endDate: '2024-11-20' },
      ],
      { period: 'year', asOf: '2026-06-30' },
    );
    expect(table.period).toBe('year');
    expect(table.cohorts[0]?.cohort).toBe('2023-01-01');
    expect(table.cohorts[0]?.periods.map((cell) => [cell.end, cell.activeAccounts, cell.mrr])).toEqual([
      ['2023-12-31', 3, 60],
      ['2024-12-31', 2, 30],
      ['2025-12-31', 1, 20],
    ]);
  });

  it('is empty for no subscriptions, and ignores subscriptions starting after asOf', () => {
    expect(cohortRetention([], { period: 'month', asOf: '2026-01-31' }).cohorts).toEqual([]);
    const later = [{ id: 's', accountId: 'a', mrr: 5, startDate: '2026-03-01' }];
    expect(cohortRetention(later, { period: 'month', asOf: '2026-01-31' }).cohorts).toEqual([]);
  });

  it('does not change its input', () => {
    const subscriptions = deepFreeze([{ id: 's', accountId: 'a', mrr: 5, currency: 'EUR', startDate: '2026-01-01' }]);
    const table = cohortRetention(subscriptions, { period: 'month', asOf: '2026-01-31' });
    expect([table.currency, table.cohorts[0]?.accounts]).toEqual(['EUR', 1]);
  });

  it('rejects bad subscriptions by index, two currencies and bad options', () => {
    expect(
      issuePaths(
        catchSuccessKitError(() =>
          cohortRetention([{ id: 's', accountId: 'a', mrr: -5, startDate: '2026-01-01' }], {
            period: 'month',
            asOf: '2026-03-31',
          }),
        ),
      ),
    ).toEqual(['[0].mrr']);
    const mixed = [
      { id: 's1', accountId: 'a', mrr: 5, currency: 'USD', startDate: '2026-01-01' },
      { id: 's2', accountId: 'b', mrr: 5, currency: 'EUR', startDate: '2026-01-01' },
    ];
    expect(
      issuePaths(catchSuccessKitError(() => cohortRetention(mixed, { period: 'month', asOf: '2026-03-31' }))),
    ).toEqual(['[1].currency']);
    expect(
      issuePaths(catchSuccessKitError(() => cohortRetention([], { period: 'week' as 'month', asOf: '2026-03-31' }))),
    ).toEqual(['period']);
    // A bad asOf is an invalid_date, as in rules and core: the code says what kind of value failed.
    const asOf = catchSuccessKitError(() => cohortRetention([], { period: 'month', asOf: '2026-02-30' }));
    expect([asOf.code, issuePaths(asOf)]).toEqual(['invalid_date', ['asOf']]);
    expect(
      catchSuccessKitError(() => cohortRetentionAccumulator({ period: 'month', asOf: 20260228 as never })).code,
    ).toBe('invalid_date');
    expect(catchSuccessKitError(() => cohortRetention([], { period: 'month' } as never)).code).toBe('invalid_input');
  });
});

describe('cohortRetentionAccumulator', () => {
  const options = { period: 'month', asOf: '2026-04-30' } as const;
  const accounts: SubscriptionInput[][] = [
    [{ id: 's1', accountId: 'a', mrr: 100, startDate: '2026-01-10', endDate: '2026-02-20' }],
    [
      { id: 's3', accountId: 'b', mrr: 300, startDate: '2026-01-15' },
      { id: 's4', accountId: 'b', mrr: 100, startDate: '2026-03-01' },
    ],
    [{ id: 's5', accountId: 'c', mrr: 50, currency: 'USD', startDate: '2026-02-03' }],
  ];

  it('takes one account per row and merges partitions into the table of all rows', () => {
    const metric = cohortRetentionAccumulator(options);
    const whole = metric.result(accumulate(metric, accounts));
    expect(whole).toEqual(cohortRetention(accounts.flat(), options));
    const left = accumulate(metric, accounts.slice(0, 1));
    const right = JSON.parse(JSON.stringify(accumulate(metric, accounts.slice(1)))) as ReturnType<typeof metric.init>;
    expect(metric.result(metric.merge(left, right))).toEqual(whole);
    expect(metric.result(metric.merge(right, left))).toEqual(whole);
  });

  it('rejects a second currency on merge and malformed states', () => {
    const metric = cohortRetentionAccumulator(options);
    const usd = { currency: 'USD', cohorts: {} };
    const eur = { currency: 'EUR', cohorts: {} };
    expect(issuePaths(catchSuccessKitError(() => metric.merge(usd, eur)))).toEqual(['b.currency']);
    expect(issuePaths(catchSuccessKitError(() => metric.result({ currency: 3, cohorts: {} } as never)))).toEqual([
      'currency',
    ]);
    const ragged = {
      currency: null,
      cohorts: { '2026-01-01': { accounts: 1, startingMinor: 5, active: [1], mrrMinor: [] } },
    };
    expect(issuePaths(catchSuccessKitError(() => metric.result(ragged)))).toEqual(['cohorts.2026-01-01']);
    const negative = {
      currency: null,
      cohorts: { '2026-01-01': { accounts: 1, startingMinor: 5, active: [-1, 1, 1, 1], mrrMinor: [5, 5, 5, 5] } },
    };
    expect(issuePaths(catchSuccessKitError(() => metric.result(negative)))).toEqual(['cohorts.2026-01-01.active[0]']);
    const fraction = {
      currency: null,
      cohorts: { '2026-01-01': { accounts: 1, startingMinor: 5, active: [1, 1, 1, 1], mrrMinor: [0.5, 5, 5, 5] } },
    };
    expect(issuePaths(catchSuccessKitError(() => metric.result(fraction)))).toEqual(['cohorts.2026-01-01.mrrMinor[0]']);
    expect(issuePaths(catchSuccessKitError(() => metric.add(metric.init(), [{ id: 's' }] as never)))).toContain(
      '[0].accountId',
    );
  });

  // The issue's case: a state claiming 5 active accounts in a cohort of 1 gave logoRetention: 5.
  it('refuses a state that add could not have made: more active than cohort accounts, MRR without accounts, wrong periods or keys', () => {
    const metric = cohortRetentionAccumulator(options);
    const cohort = (cells: object, key = '2026-01-01') => ({ currency: null, cohorts: { [key]: cells } }) as never;
    const valid = { accounts: 1, startingMinor: 500, active: [1, 1, 1, 1], mrrMinor: [500, 500, 500, 500] };
    expect(metric.result(cohort(valid)).cohorts[0]?.periods.map((cell) => cell.logoRetention)).toEqual([1, 1, 1, 1]);
    const cases: [string, object, string][] = [
      ['more active than accounts', { ...valid, active: [5, 1, 1, 1] }, 'cohorts.2026-01-01.active[0]'],
      ['MRR with no active account', { ...valid, active: [0, 1, 1, 1] }, 'cohorts.2026-01-01.mrrMinor[0]'],
      ['too few periods', { ...valid, active: [1], mrrMinor: [500] }, 'cohorts.2026-01-01'],
    ];
    for (const [, cells, path] of cases) {
      const error = catchSuccessKitError(() => metric.result(cohort(cells)));
      expect([error.code, issuePaths(error)]).toEqual(['invalid_input', [path]]);
    }
    for (const key of ['2026-01-15', '2026-06-01', 'abc', '2026-13-01']) {
      expect(issuePaths(catchSuccessKitError(() => metric.result(cohort(valid, key))))).toEqual([`cohorts.${key}`]);
    }
    expect(
      issuePaths(catchSuccessKitError(() => metric.merge(metric.init(), cohort({ ...valid, active: [5, 1, 1, 1] })))),
    ).toEqual(['b.cohorts.2026-01-01.active[0]']);
  });

  it('finds the first payment of an account with 150,000 subscription lines without overflowing the stack', () => {
    const lines = Array.from({ length: 150_000 }, (_, index) => ({
      id: `s${String(index)}`,
      accountId: 'a',
      mrr: 1,
      startDate: index === 149_999 ? '2026-01-05' : '2026-02-01',
    }));
    const table = cohortRetention(lines, { period: 'month', asOf: '2026-02-28' });
    expect(table.cohorts.map((row) => [row.cohort, row.accounts, row.startingMrr])).toEqual([['2026-01-01', 1, 1]]);
    expect(table.cohorts[0]?.periods.map((cell) => cell.mrr)).toEqual([1, 150_000]);
  });
});
