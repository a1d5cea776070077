import { describe, expect, it } from 'vitest';
import { samplePortfolio } from 'successkit/sample';
import { formatFit, portfolioFit } from '../../examples/review/fit.js';

const fit = portfolioFit(samplePortfolio({ accounts: 200, seed: 3, asOf: '2026-09-30' }));

describe('the fit section of the portfolio review', () => {
  it('counts every active account once, final or provisional, in each class', () => {
    expect(fit.classes.map((row) => row.fitClass)).toEqual(['perfect', 'good', 'bad']);
    const total = fit.classes.reduce((sum, row) => sum + row.final + row.provisional, 0);
    expect(total).toBeGreaterThan(0);
    expect(fit.oneCardAway.accounts.length).toBe(Math.min(5, fit.oneCardAway.total));
  });

  it('lists fold candidates with negative expected values, most negative first', () => {
    const values = fit.fold.accounts.map((account) => account.expectedValue);
    expect(values.filter((value) => value >= 0)).toEqual([]);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(formatFit(fit)).toContain('Customer fit (default model)');
    const bad = fit.classes.find((row) => row.fitClass === 'bad');
    expect(fit.fold.total + fit.heldAtMaintenance).toBeLessThanOrEqual((bad?.final ?? 0) + (bad?.provisional ?? 0));
  });
});
