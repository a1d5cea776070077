import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { revenueChurn } from '../../src/metrics/churn';
import { mrrMovements } from '../../src/metrics/mrr-movements';
import { revenueRetention } from '../../src/metrics/revenue-retention';
import { catchSuccessKitError, issuePaths } from '../catch-error';

const zero = { new: 0, reactivation: 0, expansion: 0, contraction: 0, churned: 0 };

describe('revenueRetention', () => {
  // GRR = (starting − contraction − churn) / starting, NRR = (starting + expansion − contraction − churn) / starting
  // (KeyBanc Capital Markets SaaS survey definitions; ChartMogul, "Net MRR Retention"); quick ratio
  // = (new + expansion) / (churned + contraction) (M. Hamid, "The SaaS Quick Ratio", Social Capital, 2015).
  it('computes GRR, NRR, MRR churn and the quick ratio of a bridge', () => {
    const bridge = {
      starting: 100_000,
      new: 8_000,
      reactivation: 1_000,
      expansion: 6_000,
      contraction: 2_000,
      churned: 3_000,
    };
    expect(revenueRetention(bridge)).toEqual({
      grossRevenueRetention: 95_000 / 100_000,
      netRevenueRetention: 101_000 / 100_000,
      grossMrrChurnRate: 5_000 / 100_000,
      netMrrChurnRate: -1_000 / 100_000,
      quickRatio: 15_000 / 5_000,
      quickRatioIncludesReactivation: true,
    });
    expect(revenueRetention(bridge, { quickRatioIncludesReactivation: false })).toMatchObject({
      quickRatio: 14_000 / 5_000,
      quickRatioIncludesReactivation: false,
    });
  });

  it('never puts GRR above 100%, whatever the expansion, and keeps GRR + gross churn at 1', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 10_000_000 }),
        (starting, churnShare, contractionShare, expansion) => {
          const churned = Math.floor(starting * churnShare);
          const contraction = Math.floor((starting - churned) * contractionShare);
          const result = revenueRetention({ ...zero, starting, churned, contraction, expansion });
          expect(result.grossRevenueRetention).toBeLessThanOrEqual(1);
          expect(result.grossRevenueRetention).toBeGreaterThanOrEqual(0);
          expect((result.grossRevenueRetention ?? 0) + (result.grossMrrChurnRate ?? 0)).toBeCloseTo(1, 12);
          expect((result.netRevenueRetention ?? 0) + (result.netMrrChurnRate ?? 0)).toBeCloseTo(1, 12);
          expect(result.netRevenueRetention).toBeGreaterThanOrEqual(result.grossRevenueRetention ?? 0);
        },
      ),
    );
  });

  it('leaves new and reactivated MRR out of retention: they come from outside the starting cohort', () => {
    const withoutNew = revenueRetention({ ...zero, starting: 1_000, churned: 100 });
    const withNew = revenueRetention({ ...zero, starting: 1_000, churned: 100, new: 5_000, reactivation: 500 });
    expect(withNew.grossRevenueRetention).toBe(withoutNew.grossRevenueRetention);
    expect(withNew.netRevenueRetention).toBe(withoutNew.netRevenueRetention);
  });

  it('gives null, never Infinity, when a denominator is zero', () => {
    expect(revenueRetention({ ...zero, starting: 0, new: 500 })).toMatchObject({
      grossRevenueRetention: null,
      netRevenueRetention: null,
      grossMrrChurnRate: null,
      netMrrChurnRate: null,
      quickRatio: null,
    });
    expect(revenueRetention({ ...zero, starting: 100, expansion: 10 }).quickRatio).toBeNull();
  });

  it('reads an MRR bridge from mrrMovements', () => {
    const bridge = mrrMovements({ a: 100, b: 50 }, { a: 130, c: 40 });
    expect(revenueRetention(bridge)).toMatchObject({
      grossRevenueRetention: 100 / 150,
      netRevenueRetention: 130 / 150,
      quickRatio: 70 / 50,
    });
  });

  // The issue's case: a book in whole dong accepted by mrrMovements was refused here as too large.
  it('accepts every bridge mrrMovements gives with fractionDigits 0, as books in VND or IDR are', () => {
    const bridge = mrrMovements({ a: 5e12, b: 4e12 }, { a: 6e12, c: 1e12 }, { fractionDigits: 0 });
    expect(revenueRetention(bridge)).toEqual({
      grossRevenueRetention: 5 / 9,
      netRevenueRetention: 6 / 9,
      grossMrrChurnRate: 4 / 9,
      netMrrChurnRate: 3 / 9,
      quickRatio: 2 / 4,
      quickRatioIncludesReactivation: true,
    });
    const largest = mrrMovements({ a: Number.MAX_SAFE_INTEGER }, { a: Number.MAX_SAFE_INTEGER }, { fractionDigits: 0 });
    expect(revenueRetention(largest).grossRevenueRetention).toBe(1);
    expect(revenueChurn({ starting: 8e12, churned: 2e12 })).toEqual({ gross: 0.25, net: 0.25 });
  });

  it('rejects negative amounts, losses above the starting MRR and bad options', () => {
    expect(issuePaths(catchSuccessKitError(() => revenueRetention({ ...zero, starting: 100, expansion: -1 })))).toEqual(
      ['expansion'],
    );
    expect(
      issuePaths(
        catchSuccessKitError(() => revenueRetention({ ...zero, starting: 100, churned: 80, contraction: 30 })),
      ),
    ).toEqual(['churned']);
    expect(
      issuePaths(
        catchSuccessKitError(() =>
          revenueRetention({ ...zero, starting: 1 }, { quickRatioIncludesReactivation: 1 as never }),
        ),
      ),
    ).toEqual(['quickRatioIncludesReactivation']);
    expect(catchSuccessKitError(() => revenueRetention(null as never)).code).toBe('invalid_input');
  });
});
