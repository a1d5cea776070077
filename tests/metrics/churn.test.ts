import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accumulate } from '../../src/metrics/accumulator';
import { logoChurn, logoChurnAccumulator, revenueChurn } from '../../src/metrics/churn';
import { catchSuccessKitError, issuePaths } from '../catch-error';

describe('logoChurn', () => {
  it('divides churned accounts by the accounts at the start: 50 of 500 is 10%', () => {
    expect(logoChurn({ startCount: 500, churned: 50 })).toEqual({
      rate: 0.1,
      retention: 0.9,
      nullReason: null,
      method: 'start',
      startCount: 500,
      churned: 50,
      newAccounts: null,
      endCount: null,
    });
  });

  it('divides by the mean of the start and end counts with the average method', () => {
    const churn = logoChurn({ startCount: 500, churned: 50, newAccounts: 150 }, { method: 'average' });
    expect(churn.endCount).toBe(600);
    expect(churn.rate).toBe(50 / 550);
  });

  it('stays within 0–1 with the start method and is null without accounts', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (startCount, share) => {
          const churned = Math.floor(startCount * share);
          const { rate, retention } = logoChurn({ startCount, churned });
          if (startCount === 0) expect([rate, retention]).toEqual([null, null]);
          else {
            expect(rate).toBeGreaterThanOrEqual(0);
            expect(rate).toBeLessThanOrEqual(1);
            expect((rate ?? 0) + (retention ?? 0)).toBeCloseTo(1, 12);
          }
        },
      ),
    );
    expect(logoChurn({ startCount: 0, churned: 0, newAccounts: 0 }, { method: 'average' })).toMatchObject({
      rate: null,
      nullReason: 'no_accounts',
    });
  });

  // The issue's case: 10 of 10 churned and none new divided by the mean of 10 and 0 gave a rate of 2.
  it('gives no average-method rate when more accounts churned than the mean of the start and end counts', () => {
    expect(logoChurn({ startCount: 10, churned: 10, newAccounts: 0 }, { method: 'average' })).toEqual({
      rate: null,
      retention: null,
      nullReason: 'churned_above_average',
      method: 'average',
      startCount: 10,
      churned: 10,
      newAccounts: 0,
      endCount: 0,
    });
    expect(logoChurn({ startCount: 10, churned: 10, newAccounts: 0 }).rate).toBe(1);
  });

  it('keeps the average-method rate and retention within 0–1 whenever there is one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (startCount, share, newAccounts) => {
          const churned = Math.floor(startCount * share);
          const { rate, retention, nullReason } = logoChurn(
            { startCount, churned, newAccounts },
            { method: 'average' },
          );
          const shares = [rate, retention].filter((value) => value !== null && !(value >= 0 && value <= 1));
          expect(shares).toEqual([]);
          expect(rate === null).toBe(nullReason !== null);
        },
      ),
    );
  });

  it('rejects fractional counts, more churned than starting accounts and the average method without newAccounts', () => {
    expect(issuePaths(catchSuccessKitError(() => logoChurn({ startCount: 10.5, churned: 1 })))).toEqual(['startCount']);
    expect(issuePaths(catchSuccessKitError(() => logoChurn({ startCount: 10, churned: 11 })))).toEqual(['churned']);
    expect(issuePaths(catchSuccessKitError(() => logoChurn({ startCount: 10, churned: 1, newAccounts: -2 })))).toEqual([
      'newAccounts',
    ]);
    expect(
      issuePaths(catchSuccessKitError(() => logoChurn({ startCount: 10, churned: 1 }, { method: 'average' }))),
    ).toEqual(['newAccounts']);
    expect(
      issuePaths(catchSuccessKitError(() => logoChurn({ startCount: 10, churned: 1 }, { method: 'end' as 'start' }))),
    ).toEqual(['method']);
  });
});

describe('logoChurnAccumulator', () => {
  it('counts accounts by their status at the start and end of the period', () => {
    const metric = logoChurnAccumulator({ method: 'average' });
    const state = accumulate(metric, [
      { payingAtStart: true, payingAtEnd: true },
      { payingAtStart: true, payingAtEnd: false },
      { payingAtStart: false, payingAtEnd: true },
      { payingAtStart: false, payingAtEnd: false },
    ]);
    expect(state).toEqual({ startCount: 2, churned: 1, newAccounts: 1 });
    expect(metric.result(state)).toEqual(
      logoChurn({ startCount: 2, churned: 1, newAccounts: 1 }, { method: 'average' }),
    );
  });

  it('rejects rows without booleans and malformed states', () => {
    const metric = logoChurnAccumulator();
    expect(
      issuePaths(
        catchSuccessKitError(() => metric.add(metric.init(), { payingAtStart: 1, payingAtEnd: true } as never)),
      ),
    ).toEqual(['payingAtStart']);
    expect(issuePaths(catchSuccessKitError(() => metric.add(metric.init(), { payingAtStart: true } as never)))).toEqual(
      ['payingAtEnd'],
    );
    expect(issuePaths(catchSuccessKitError(() => metric.merge(metric.init(), { startCount: 1, churned: 2 })))).toEqual([
      'b.churned',
    ]);
    expect(metric.merge({ startCount: 3, churned: 1 }, metric.init())).toEqual({
      startCount: 3,
      churned: 1,
      newAccounts: 0,
    });
  });
});

describe('revenueChurn', () => {
  it('gives gross churn from losses and net churn after expansion, as shares of starting MRR', () => {
    expect(revenueChurn({ starting: 50_000, churned: 1_500, contraction: 500, expansion: 2_500 })).toEqual({
      gross: 2_000 / 50_000,
      net: -500 / 50_000,
    });
    expect(revenueChurn({ starting: 1_000, churned: 30 })).toEqual({ gross: 0.03, net: 0.03 });
  });

  it('is null without starting MRR and rejects losses above it', () => {
    expect(revenueChurn({ starting: 0, churned: 0 })).toEqual({ gross: null, net: null });
    expect(issuePaths(catchSuccessKitError(() => revenueChurn({ starting: 10, churned: 11 })))).toEqual(['churned']);
    expect(issuePaths(catchSuccessKitError(() => revenueChurn({ starting: 10, churned: 1, expansion: -1 })))).toEqual([
      'expansion',
    ]);
  });
});
