import { describe, expect, it } from 'vitest';
import { fitGammaGamma } from '../../src/forecast/fit-gamma-gamma';
import { summarizeTransactions } from '../../src/forecast/summarize-transactions';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { cdnowSummary, cdnowTransactions } from '../fixtures/published';

function cdnowFromTransactions() {
  const transactions = cdnowTransactions().map((row) => ({
    customerId: row.sampleId,
    date: `${row.yyyymmdd.slice(0, 4)}-${row.yyyymmdd.slice(4, 6)}-${row.yyyymmdd.slice(6)}`,
    amount: row.dollars,
  }));
  return summarizeTransactions(transactions, { calibrationEnd: '1997-09-30', unit: 'week' });
}

describe('fitGammaGamma', () => {
  it('reproduces Fader & Hardie (2013) on the 946 CDNOW repeat buyers: p 6.25, q 3.74, γ 15.44', () => {
    // Mean spends computed from the raw transactions, as the note does.
    const buyers = cdnowFromTransactions().filter((customer) => customer.x > 0);
    const fit = fitGammaGamma(buyers);
    expect(fit.customers).toBe(946);
    expect([Number(fit.p.toFixed(2)), Number(fit.q.toFixed(2)), Number(fit.gamma.toFixed(2))]).toEqual([
      6.25, 3.74, 15.44,
    ]);
  });

  it('lands within 0.01 of the published values on the summary CSV, whose spends are rounded to cents', () => {
    // Rounding zbar to 2 decimals moves γ to 15.448 (lifetimes prints 15.45 for the same file).
    const buyers = cdnowSummary()
      .filter((row) => row.x > 0)
      .map((row) => ({ x: row.x, meanSpend: row.zbar }));
    const fit = fitGammaGamma(buyers);
    expect(Math.abs(fit.p - 6.25)).toBeLessThan(0.01);
    expect(Math.abs(fit.q - 3.74)).toBeLessThan(0.01);
    expect(Math.abs(fit.gamma - 15.44)).toBeLessThan(0.01);
  });

  it('reports the log-likelihood of the spends in their own currency unit: cents give dollars’ LL − N ln 100', () => {
    const buyers = cdnowSummary()
      .filter((row) => row.x > 0)
      .map((row) => ({ x: row.x, meanSpend: row.zbar }));
    const dollars = fitGammaGamma(buyers);
    const cents = fitGammaGamma(buyers.map((row) => ({ x: row.x, meanSpend: row.meanSpend * 100 })));
    expect(cents.gamma / 100).toBeCloseTo(dollars.gamma, 3);
    expect(cents.logLikelihood).toBeCloseTo(dollars.logLikelihood - buyers.length * Math.log(100), 4);
  });

  it('rejects empty input, customers without repeat purchases and bad spends, naming the row', () => {
    expect(issuePaths(catchSuccessKitError(() => fitGammaGamma([])))).toEqual(['customers']);
    expect(issuePaths(catchSuccessKitError(() => fitGammaGamma({} as never)))).toEqual(['customers']);
    const withZero = [
      { x: 2, meanSpend: 10 },
      { x: 0, meanSpend: null },
    ];
    const error = catchSuccessKitError(() => fitGammaGamma(withZero));
    expect([error.code, ...issuePaths(error)]).toEqual(['invalid_input', 'customers[1].x']);
    expect(issuePaths(catchSuccessKitError(() => fitGammaGamma([{ x: 2, meanSpend: -1 }])))).toEqual([
      'customers[0].meanSpend',
    ]);
  });

  it('fails at once when every customer spends the same, and when iterations run out', () => {
    const same = Array.from({ length: 100_000 }, (_, index) => ({ x: 1 + (index % 3), meanSpend: 20 }));
    const started = performance.now();
    expect(catchSuccessKitError(() => fitGammaGamma(same)).message).toBe(
      "fit_failed: customers: every customer's mean spend is 20: with no spread in spend the Gamma-Gamma likelihood has no finite maximum",
    );
    // It ran 40 s before the up-front check; now validation is all it does.
    expect(performance.now() - started).toBeLessThan(1000);
    const buyers = cdnowSummary()
      .filter((row) => row.x > 0)
      .map((row) => ({ x: row.x, meanSpend: row.zbar }));
    expect(catchSuccessKitError(() => fitGammaGamma(buyers, { maxIterations: 10 })).code).toBe('fit_failed');
  });
});
