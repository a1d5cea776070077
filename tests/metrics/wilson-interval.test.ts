import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../src/metrics/wilson-interval';
import { catchSuccessKitError, issuePaths } from '../catch-error';

describe('wilsonInterval', () => {
  // R. G. Newcombe, "Two-sided confidence intervals for the single proportion: comparison of seven
  // methods", Statistics in Medicine 17 (1998) 857–872, Table II, method 3 (score, no continuity correction).
  it.each([
    [81, 263, '0.2553', '0.3662'],
    [15, 148, '0.0624', '0.1605'],
    [0, 20, '0.0000', '0.1611'],
    [1, 29, '0.0061', '0.1718'],
  ])('reproduces Newcombe (1998): %i of %i gives %s to %s', (successes, trials, low, high) => {
    const interval = wilsonInterval(successes, trials);
    expect(interval?.map((bound) => bound.toFixed(4))).toEqual([low, high]);
  });

  it('stays inside 0–1, holds the observed share, and narrows with more trials', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (trials, share) => {
        const successes = Math.round(share * trials);
        const [low, high] = wilsonInterval(successes, trials) ?? [Number.NaN, Number.NaN];
        expect(low).toBeGreaterThanOrEqual(0);
        expect(high).toBeLessThanOrEqual(1);
        expect(low).toBeLessThanOrEqual(successes / trials);
        expect(high).toBeGreaterThanOrEqual(successes / trials);
        const [wideLow, wideHigh] = wilsonInterval(successes, trials, { confidence: 0.99 }) ?? [0, 0];
        expect(wideHigh - wideLow).toBeGreaterThanOrEqual(high - low);
      }),
    );
  });

  it('is null for zero trials', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  it('rejects fractional or negative counts, more successes than trials and bad confidence levels', () => {
    expect(issuePaths(catchSuccessKitError(() => wilsonInterval(1.5, 4)))).toEqual(['successes']);
    expect(issuePaths(catchSuccessKitError(() => wilsonInterval(1, -4)))).toEqual(['trials']);
    expect(issuePaths(catchSuccessKitError(() => wilsonInterval(5, 4)))).toEqual(['successes']);
    expect(issuePaths(catchSuccessKitError(() => wilsonInterval(1, 4, { confidence: 1 })))).toEqual(['confidence']);
  });
});
