import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accumulate } from '../../src/metrics/accumulator';
import { mrrMovements, mrrMovementsAccumulator } from '../../src/metrics/mrr-movements';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { deepFreeze } from '../freeze';

/** Cents, from major units with at most two decimals, for checking sums by hand. */
const cents = (amount: number): number => Math.round(amount * 100);

const mrrMaps = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { maxLength: 30 }).chain((ids) =>
  fc.tuple(
    fc.constant(ids),
    fc.array(
      fc.oneof(
        fc.constant(0),
        fc.integer({ min: 1, max: 5_000_000 }).map((value) => value / 100),
      ),
      {
        minLength: ids.length,
        maxLength: ids.length,
      },
    ),
    fc.array(
      fc.oneof(
        fc.constant(0),
        fc.integer({ min: 1, max: 5_000_000 }).map((value) => value / 100),
      ),
      {
        minLength: ids.length,
        maxLength: ids.length,
      },
    ),
    fc.array(fc.boolean(), { minLength: ids.length, maxLength: ids.length }),
  ),
);

describe('mrrMovements', () => {
  it('splits the change between two months into new, reactivation, expansion, contraction and churn', () => {
    const july = { northwind: 1_000, globex: 500, initech: 300, hooli: 0, acme: 250 };
    const august = { northwind: 1_200, globex: 450, umbrella: 800, hooli: 200, acme: 250 };
    const bridge = mrrMovements(july, august, { history: ['hooli'] });
    expect(bridge).toMatchObject({
      starting: 2_050,
      new: 800,
      reactivation: 200,
      expansion: 200,
      contraction: 50,
      churned: 300,
      ending: 2_900,
      netChange: 850,
      accounts: {
        starting: 4,
        new: 1,
        reactivation: 1,
        expansion: 1,
        contraction: 1,
        churned: 1,
        unchanged: 1,
        ending: 5,
      },
    });
    expect(bridge.byAccount).toEqual([
      { accountId: 'acme', movement: 'unchanged', previous: 250, current: 250, change: 0 },
      { accountId: 'globex', movement: 'contraction', previous: 500, current: 450, change: -50 },
      { accountId: 'hooli', movement: 'reactivation', previous: 0, current: 200, change: 200 },
      { accountId: 'initech', movement: 'churned', previous: 300, current: 0, change: -300 },
      { accountId: 'northwind', movement: 'expansion', previous: 1_000, current: 1_200, change: 200 },
      { accountId: 'umbrella', movement: 'new', previous: 0, current: 800, change: 800 },
    ]);
  });

  it('counts a returning account as new without history, and as a reactivation with it', () => {
    expect(mrrMovements({}, { hooli: 200 }).new).toBe(200);
    expect(mrrMovements({}, { hooli: 200 }, { history: new Set(['hooli']) }).reactivation).toBe(200);
  });

  it('balances the bridge exactly in cents for any amounts: starting + new + reactivation + expansion − contraction − churned = ending', () => {
    fc.assert(
      fc.property(mrrMaps, ([ids, before, after, returning]) => {
        const previous = Object.fromEntries(ids.map((id, index) => [id, before[index] ?? 0]));
        const current = Object.fromEntries(ids.map((id, index) => [id, after[index] ?? 0]));
        const history = ids.filter((_, index) => returning[index] === true);
        const bridge = mrrMovements(previous, current, { history });
        const { minor } = bridge;
        expect(
          minor.starting + minor.new + minor.reactivation + minor.expansion - minor.contraction - minor.churned,
        ).toBe(minor.ending);
        expect(minor.starting).toBe(before.reduce((sum, amount) => sum + cents(amount), 0));
        expect(minor.ending).toBe(after.reduce((sum, amount) => sum + cents(amount), 0));
        for (const key of [
          'starting',
          'new',
          'reactivation',
          'expansion',
          'contraction',
          'churned',
          'ending',
        ] as const) {
          expect(minor[key]).toBe(Math.round(minor[key]));
          expect(bridge[key]).toBe(minor[key] / 100);
        }
        expect(bridge.byAccount.reduce((sum, line) => sum + cents(line.change), 0)).toBe(minor.ending - minor.starting);
      }),
    );
  });

  it('adds 0.1 and 0.2 to exactly 0.3, where floating point alone gives 0.30000000000000004', () => {
    const bridge = mrrMovements({}, { a: 0.1, b: 0.2 });
    expect(bridge.new).toBe(0.3);
    expect(bridge.minor.new).toBe(30);
  });

  it('rounds amounts with more decimals than the currency half away from zero, on their decimal digits', () => {
    expect(mrrMovements({}, { a: 1.005 }).new).toBe(1.01);
    expect(mrrMovements({}, { a: 4166.666666666667 }).new).toBe(4166.67);
    expect(mrrMovements({}, { a: 1234.5 }, { fractionDigits: 0 }).new).toBe(1235);
    expect(mrrMovements({}, { a: 0.0125 }, { fractionDigits: 3 }).minor.new).toBe(13);
  });

  it('reads records, maps and MRR snapshots alike', () => {
    const fromRecord = mrrMovements({ a: 10, b: 5 }, { a: 12 });
    const fromMap = mrrMovements(
      new Map([
        ['a', 10],
        ['b', 5],
      ]),
      new Map([['a', 12]]),
    );
    const fromSnapshots = mrrMovements(
      [
        { accountId: 'a', month: '2026-05-01', mrr: 10 },
        { accountId: 'b', month: '2026-05-01', mrr: 5 },
      ],
      [{ accountId: 'a', month: '2026-06-01', mrr: 12 }],
    );
    expect(fromMap).toEqual(fromRecord);
    expect(fromSnapshots).toEqual(fromRecord);
  });

  it('leaves out accounts with no MRR in either period, and handles empty periods', () => {
    expect(mrrMovements({ a: 0 }, { a: 0 }).byAccount).toEqual([]);
    expect(mrrMovements({}, {})).toMatchObject({ starting: 0, ending: 0, netChange: 0, byAccount: [] });
  });

  it('does not change its inputs', () => {
    const previous = deepFreeze({ a: 1, b: 2 });
    const current = deepFreeze([{ accountId: 'a', month: '2026-06-01', mrr: 3 }]);
    expect(mrrMovements(previous, current, { history: deepFreeze(['b']) }).ending).toBe(3);
  });

  it('names bad amounts, mixed months, duplicate snapshots and bad history', () => {
    expect(issuePaths(catchSuccessKitError(() => mrrMovements({ a: -1 }, {})))).toEqual(['previous.a']);
    expect(issuePaths(catchSuccessKitError(() => mrrMovements({}, new Map([['b', Number.NaN]]))))).toEqual([
      'current.b',
    ]);
    expect(issuePaths(catchSuccessKitError(() => mrrMovements({}, new Map([[1 as unknown as string, 5]]))))).toEqual([
      'current',
    ]);
    expect(issuePaths(catchSuccessKitError(() => mrrMovements({ a: Number.POSITIVE_INFINITY }, {})))).toEqual([
      'previous.a',
    ]);
    expect(issuePaths(catchSuccessKitError(() => mrrMovements({ a: 1e14 }, {})))).toEqual(['previous.a']);
    const snapshots = [
      { accountId: 'a', month: '2026-05-01', mrr: 1 },
      { accountId: 'b', month: '2026-06-01', mrr: 1 },
    ];
    expect(issuePaths(catchSuccessKitError(() => mrrMovements(snapshots, {})))).toEqual(['previous[1].month']);
    const twice = [
      { accountId: 'a', month: '2026-05-01', mrr: 1 },
      { accountId: 'a', month: '2026-05-01', mrr: 2 },
    ];
    expect(issuePaths(catchSuccessKitError(() => mrrMovements({}, twice)))).toEqual(['current[1]']);
    expect(
      issuePaths(catchSuccessKitError(() => mrrMovements({}, [{ accountId: '', month: '2026-05-01', mrr: 1 }]))),
    ).toEqual(['current[0].accountId']);
    expect(issuePaths(catchSuccessKitError(() => mrrMovements({}, [null as never])))).toEqual(['current[0]']);
    expect(issuePaths(catchSuccessKitError(() => mrrMovements({}, 'x' as never)))).toEqual(['current']);
    expect(issuePaths(catchSuccessKitError(() => mrrMovements({}, {}, { history: 'a' as never })))).toEqual([
      'history',
    ]);
    expect(issuePaths(catchSuccessKitError(() => mrrMovements({}, {}, { history: [3] as never })))).toEqual([
      'history[0]',
    ]);
    expect(issuePaths(catchSuccessKitError(() => mrrMovements({}, {}, { fractionDigits: 5 })))).toEqual([
      'fractionDigits',
    ]);
  });
});

describe('mrrMovementsAccumulator', () => {
  it('gives the bridge totals of mrrMovements, one row per account', () => {
    const metric = mrrMovementsAccumulator();
    const rows = [
      { accountId: 'a', previous: 100, current: 120 },
      { accountId: 'b', previous: 50, current: 0 },
      { accountId: 'c', previous: 0, current: 30, returning: true },
      { accountId: 'd', previous: 0, current: 0 },
    ];
    const { byAccount, ...totals } = mrrMovements({ a: 100, b: 50 }, { a: 120, c: 30 }, { history: ['c'] });
    expect(byAccount).toHaveLength(3);
    expect(metric.result(accumulate(metric, rows))).toEqual(totals);
  });

  it('rejects bad rows and malformed or mismatched states', () => {
    const metric = mrrMovementsAccumulator();
    expect(
      issuePaths(catchSuccessKitError(() => metric.add(metric.init(), { accountId: 'a', previous: -5, current: 0 }))),
    ).toEqual(['previous']);
    const other = mrrMovementsAccumulator({ fractionDigits: 0 }).init();
    expect(issuePaths(catchSuccessKitError(() => metric.merge(metric.init(), other)))).toEqual(['b.fractionDigits']);
    const broken = { ...metric.init(), minor: { ...metric.init().minor, churned: 0.5 } };
    expect(issuePaths(catchSuccessKitError(() => metric.result(broken)))).toEqual(['minor.churned']);
    const noCounts = { ...metric.init(), accounts: { ...metric.init().accounts, new: -1 } };
    expect(issuePaths(catchSuccessKitError(() => metric.merge(noCounts, metric.init())))).toEqual(['a.accounts.new']);
  });
});
