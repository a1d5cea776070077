import { describe, expect, it } from 'vitest';
import { retentionImpact } from '../../src/forecast/retention-impact';
import { catchSuccessKitError, issuePaths } from '../catch-error';

describe('retentionImpact', () => {
  it('compounds monthly: ARR after 5 years is startingArr × (1 + growth − churn)^60 on each path', () => {
    const impact = retentionImpact({
      startingArr: 1_000_000,
      monthlyChurn: 0.02,
      churnDelta: -0.01,
      growth: 0.03,
      years: 5,
    });
    const base = 1_000_000 * Math.pow(1.01, 60);
    const changed = 1_000_000 * Math.pow(1.02, 60);
    expect(impact.byYear).toHaveLength(6);
    expect(impact.byYear[5]!.arr).toBeCloseTo(base, 4);
    expect(impact.byYear[5]!.arrWithChange).toBeCloseTo(changed, 4);
    expect(impact.arrDifference).toBeCloseTo(changed - base, 4);
    expect(impact.relativeDifference).toBeCloseTo(Math.pow(1.02 / 1.01, 60) - 1, 12);
  });

  it('turns one point less annual churn into 5.2% more ARR after five years with no new business', () => {
    // 10% vs 9% a year, spread evenly over the months: (1 − 0.09/12)^60 / (1 − 0.10/12)^60 − 1.
    const impact = retentionImpact({
      startingArr: 1_000_000,
      monthlyChurn: 0.1 / 12,
      churnDelta: -0.01 / 12,
      years: 5,
    });
    expect(impact.relativeDifference).toBeCloseTo(Math.pow((1 - 0.09 / 12) / (1 - 0.1 / 12), 60) - 1, 12);
    expect(impact.relativeDifference!.toFixed(3)).toBe('0.052');
  });

  it('sums the revenue difference month by month from the MRR at each month’s start', () => {
    const impact = retentionImpact({ startingArr: 1200, monthlyChurn: 0.5, churnDelta: -0.5, years: 1 });
    // Months start with ARR 1200 × 0.5ᵐ without the change and 1200 with it.
    let expected = 0;
    for (let month = 0; month < 12; month++) expected += (1200 - 1200 * Math.pow(0.5, month)) / 12;
    expect(impact.revenueDifference).toBeCloseTo(expected, 9);
    expect(impact.byYear[0]).toEqual({ year: 0, arr: 1200, arrWithChange: 1200, difference: 0 });
  });

  it('stays finite at the largest starting ARR and growth over 50 years', () => {
    const impact = retentionImpact({ startingArr: 1e15, monthlyChurn: 0, churnDelta: 0.5, growth: 1, years: 50 });
    const figures = impact.byYear.flatMap(({ arr, arrWithChange, difference }) => [arr, arrWithChange, difference]);
    expect(figures.filter((figure) => !Number.isFinite(figure))).toEqual([]);
    expect(impact.byYear[50]!.arr).toBeCloseTo(1e15 * 2 ** 600, -170);
  });

  it('reports a relative difference too large for a number as null', () => {
    const impact = retentionImpact({ startingArr: 1, monthlyChurn: 0.999999, churnDelta: -0.999999, years: 50 });
    expect(impact.relativeDifference).toBeNull();
  });

  it('rejects churn outside [0, 1), a change that leaves it, growth above 100% and bad years', () => {
    const base = { startingArr: 1000, monthlyChurn: 0.02, churnDelta: -0.01, years: 5 };
    const pathsOf = (changes: Record<string, unknown>) =>
      issuePaths(catchSuccessKitError(() => retentionImpact({ ...base, ...changes })));
    expect(pathsOf({ monthlyChurn: 1 })).toEqual(['monthlyChurn']);
    expect(pathsOf({ churnDelta: -0.05 })).toEqual(['churnDelta']);
    expect(pathsOf({ growth: 2 })).toEqual(['growth']);
    expect(pathsOf({ years: 0 })).toEqual(['years']);
    expect(pathsOf({ startingArr: 0 })).toEqual(['startingArr']);
    // 1e308 doubled every month overflowed into Infinity and NaN; the bound keeps every figure finite.
    const error = catchSuccessKitError(() => retentionImpact({ ...base, startingArr: 1e308 }));
    expect(error.message).toBe('invalid_input: startingArr: expected a starting ARR of at most 1e15');
    expect(pathsOf({ months: 3 })).toEqual(['months']);
  });
});
