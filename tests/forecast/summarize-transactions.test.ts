import { describe, expect, it } from 'vitest';
import { summarizeTransactions, type CustomerTransaction } from '../../src/forecast/summarize-transactions';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { deepFreeze } from '../freeze';
import { cdnowSummary, cdnowTransactions } from '../fixtures/published';

const calibration = { calibrationEnd: '1997-09-30', unit: 'week' } as const;

function cdnow(): CustomerTransaction[] {
  return cdnowTransactions().map(
    (row) =>
      ({
        customerId: row.sampleId,
        date: `${row.yyyymmdd.slice(0, 4)}-${row.yyyymmdd.slice(4, 6)}-${row.yyyymmdd.slice(6)}`,
        amount: row.dollars,
      }) as CustomerTransaction,
  );
}

function summarize(transactions: unknown, options: unknown = calibration) {
  return summarizeTransactions(transactions as CustomerTransaction[], options as never);
}

describe('summarizeTransactions', () => {
  it('reproduces the published CDNOW summary from CDNOW_sample.txt: all 2,357 customers to the printed 2 decimals', () => {
    const summaries = summarize(deepFreeze(cdnow()));
    const published = new Map(cdnowSummary().map((row) => [row.id, row]));
    expect(summaries).toHaveLength(2357);
    const mismatches = summaries.filter((summary) => {
      const row = published.get(summary.customerId)!;
      const near = (value: number, printed: number) => Math.abs(value - printed) <= 0.005 + 1e-9;
      return !(
        summary.x === row.x &&
        near(summary.tx, row.tx) &&
        near(summary.T, row.T) &&
        near(summary.meanSpend ?? 0, row.zbar)
      );
    });
    expect(mismatches).toEqual([]);
  });

  it('matches only because same-day purchases are combined: the sample has such days in calibration', () => {
    const byCustomerDay = new Set<string>();
    let sameDay = 0;
    for (const row of cdnow()) {
      const key = `${row.customerId} ${row.date}`;
      if (byCustomerDay.has(key) && row.date <= '1997-09-30') sameDay++;
      byCustomerDay.add(key);
    }
    expect(sameDay).toBeGreaterThan(0);
  });

  it('combines same-day purchases, ignores the first day’s spend and counts holdout days', () => {
    const rows = [
      { customerId: 'a', date: '2024-01-10', amount: 500 },
      { customerId: 'b', date: '2024-01-05', amount: 10 },
      { customerId: 'a', date: '2024-01-03', amount: 1000 },
      { customerId: 'a', date: '2024-01-10', amount: 100 },
      { customerId: 'a', date: '2024-01-17', amount: 60 },
      { customerId: 'a', date: '2024-02-01', amount: 5 },
      { customerId: 'a', date: '2024-02-01', amount: 5 },
      { customerId: 'a', date: '2024-03-01', amount: 5 },
      { customerId: 'c', date: '2024-02-01', amount: 10 },
    ];
    expect(summarize(rows, { calibrationEnd: '2024-01-31', unit: 'day', holdoutEnd: '2024-02-15' })).toEqual([
      { customerId: 'a', x: 2, tx: 14, T: 28, meanSpend: 330, holdoutPurchases: 1 },
      { customerId: 'b', x: 0, tx: 0, T: 26, meanSpend: null, holdoutPurchases: 0 },
    ]);
    expect(summarize(rows, { calibrationEnd: '2024-01-31', unit: 'week' })[0]).toEqual({
      customerId: 'a',
      x: 2,
      tx: 2,
      T: 4,
      meanSpend: 330,
    });
  });

  it('returns no rows for no transactions', () => {
    expect(summarize([])).toEqual([]);
  });

  it('rejects a bad transaction with its index, and bad options', () => {
    const pathsOf = (transactions: unknown, options?: unknown) =>
      issuePaths(catchSuccessKitError(() => summarize(transactions, options)));
    expect(
      pathsOf([
        { customerId: 'a', date: '2024-01-01', amount: 1 },
        { customerId: 'a', date: '2024-02-30', amount: 1 },
      ]),
    ).toEqual(['transactions[1].date']);
    expect(pathsOf([{ customerId: '', date: '2024-01-01', amount: 1 }])).toEqual(['transactions[0].customerId']);
    expect(pathsOf([{ customerId: 'a', date: '2024-01-01', amount: -1 }])).toEqual(['transactions[0].amount']);
    expect(pathsOf([{ customerId: 'a', date: '2024-01-01', amount: 1, sku: 'x' }])).toEqual(['transactions[0].sku']);
    expect(pathsOf('rows')).toEqual(['transactions']);
    expect(pathsOf([], { calibrationEnd: '2024-01-31', unit: 'month' })).toEqual(['input.unit']);
    expect(pathsOf([], { calibrationEnd: '2024-01-31', unit: 'day', holdoutEnd: '2024-01-01' })).toEqual([
      'input.holdoutEnd',
    ]);
  });
});
