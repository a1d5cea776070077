import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { criticalValue, normalCdf, normalQuantile, twoSidedPValue } from '../../src/metrics/normal-distribution';
import { catchSuccessKitError, issuePaths } from '../catch-error';

// Reference values computed independently with mpmath (30 significant digits): mpmath.ncdf(x) and
// sqrt(2)·erfinv(2p − 1). R and SciPy print the same numbers to the digits they show.
const cdfReference: readonly (readonly [number, number])[] = [
  [1.96, 0.9750021048517795],
  [-1.96, 0.024997895148220435],
  [0.3, 0.6179114221889527],
  [2.5, 0.9937903346742238],
  [-5, 2.866515718791939e-7],
  [-10, 7.619853024160525e-24],
  [-20, 2.7536241186062337e-89],
];
const quantileReference: readonly (readonly [number, number])[] = [
  [0.975, 1.9599639845400543],
  [0.995, 2.575829303548901],
  [0.95, 1.6448536269514726],
  [0.9, 1.2815515655446004],
  [0.025, -1.9599639845400543],
  [1e-10, -6.361340902404057],
  [1e-20, -9.262340089798407],
];

function relativeError(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.abs(expected);
}

describe('normalCdf', () => {
  it('gives Φ(1.96) = 0.9750021048517795 to within one unit in the last place', () => {
    expect(Math.abs(normalCdf(1.96) - 0.9750021048517795)).toBeLessThanOrEqual(Number.EPSILON);
  });

  it('matches 30-digit reference values to 15 significant digits, far tails included', () => {
    for (const [x, expected] of cdfReference) expect(relativeError(normalCdf(x), expected)).toBeLessThan(1e-15);
  });

  it('is 0.5 at 0, and 0 and 1 at the infinities', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(normalCdf(Number.POSITIVE_INFINITY)).toBe(1);
    expect(normalCdf(-40)).toBe(0);
  });

  it('is symmetric, Φ(−x) = 1 − Φ(x), and never decreases', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -8, max: 8, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        (x, step) => {
          expect(normalCdf(-x) + normalCdf(x)).toBeCloseTo(1, 15);
          expect(normalCdf(x + step)).toBeGreaterThanOrEqual(normalCdf(x));
        },
      ),
    );
  });

  it('rejects NaN and non-numbers', () => {
    expect(issuePaths(catchSuccessKitError(() => normalCdf(Number.NaN)))).toEqual(['x']);
    expect(catchSuccessKitError(() => normalCdf('1' as unknown as number)).code).toBe('invalid_input');
  });
});

describe('normalQuantile', () => {
  it('gives z(0.975) = 1.959963984540054 to within one unit in the last place', () => {
    expect(Math.abs(normalQuantile(0.975) - 1.959963984540054)).toBeLessThanOrEqual(2 * Number.EPSILON);
  });

  it('matches 30-digit reference values to 15 significant digits, down to p = 1e-20', () => {
    for (const [p, expected] of quantileReference) {
      expect(relativeError(normalQuantile(p), expected)).toBeLessThan(1e-15);
    }
    expect(normalQuantile(0.5)).toBe(0);
  });

  it('inverts normalCdf across the three regions of AS 241', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 1 - 1e-16, noNaN: true }), (p) => {
        const z = normalQuantile(p);
        const back = p < 0.5 ? normalCdf(z) : 1 - normalCdf(-z);
        expect(relativeError(back, p)).toBeLessThan(1e-12);
      }),
    );
  });

  it('rejects probabilities of 0, 1 and outside, and NaN', () => {
    for (const p of [0, 1, -0.1, 1.5, Number.NaN]) {
      expect(issuePaths(catchSuccessKitError(() => normalQuantile(p)))).toEqual(['p']);
    }
  });
});

describe('critical values and p-values', () => {
  it('gives the two-sided critical values of 90%, 95% and 99%', () => {
    expect(criticalValue(0.95)).toBeCloseTo(1.959963984540054, 14);
    expect(criticalValue(0.9)).toBeCloseTo(1.644853626951472, 14);
    expect(criticalValue(0.99)).toBeCloseTo(2.5758293035489, 13);
  });

  it('gives a two-sided p-value of 2·Φ(−|z|): 0.05 at z = 1.96, 1 at z = 0', () => {
    expect(twoSidedPValue(1.96)).toBeCloseTo(2 * 0.024997895148220435, 16);
    expect(twoSidedPValue(-1.96)).toBe(twoSidedPValue(1.96));
    expect(twoSidedPValue(0)).toBe(1);
    expect(twoSidedPValue(criticalValue(0.95))).toBeCloseTo(0.05, 14);
  });
});
