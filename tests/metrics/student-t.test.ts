import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { criticalValue } from '../../src/metrics/normal-distribution';
import { studentCriticalValue } from '../../src/metrics/student-t';

// Two-sided critical values t(1 − α/2, df), computed with mpmath (40 digits) by bisection on the
// regularized incomplete beta function; the tables of any statistics text agree to the digits shown.
const reference: readonly (readonly [number, number, number])[] = [
  [1, 12.706204736174705, 63.65674116287158],
  [2, 4.302652729749464, 9.924843200918293],
  [5, 2.5705818356363155, 4.032142983555228],
  [10, 2.228138851986275, 3.1692726726169513],
  [29, 2.0452296421327043, 2.7563859036706053],
  [100, 1.9839715185235522, 2.6258905214380177],
  [1000, 1.9623390808264085, 2.580754698065951],
];

describe('studentCriticalValue', () => {
  it('matches reference t quantiles for 95% and 99% to 12 significant digits', () => {
    for (const [degreesOfFreedom, t95, t99] of reference) {
      expect(Math.abs(studentCriticalValue(0.95, degreesOfFreedom) - t95) / t95).toBeLessThan(1e-12);
      expect(Math.abs(studentCriticalValue(0.99, degreesOfFreedom) - t99) / t99).toBeLessThan(1e-12);
    }
  });

  it('approaches the normal critical value as the degrees of freedom grow', () => {
    expect(studentCriticalValue(0.95, 1e8)).toBe(criticalValue(0.95));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), (degreesOfFreedom) => {
        const t = studentCriticalValue(0.95, degreesOfFreedom);
        expect(t).toBeGreaterThan(criticalValue(0.95));
        expect(studentCriticalValue(0.95, degreesOfFreedom + 1)).toBeLessThan(t);
      }),
      { numRuns: 50 },
    );
  });
});
