import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareNps } from '../../src/metrics/compare-nps';
import { normalCdf } from '../../src/metrics/normal-distribution';
import { nps } from '../../src/metrics/nps';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { deepFreeze } from '../freeze';

const counts = fc.record({
  promoters: fc.integer({ min: 0, max: 2000 }),
  passives: fc.integer({ min: 0, max: 2000 }),
  detractors: fc.integer({ min: 0, max: 2000 }),
});

/** Variance of the +1/0/−1 answers on the −1..1 scale, as in B. Rocks' R package NPS (nps_var). */
function variance(promoters: number, passives: number, detractors: number): number {
  const n = promoters + passives + detractors;
  const score = (promoters - detractors) / n;
  return ((1 - score) ** 2 * promoters + score ** 2 * passives + (-1 - score) ** 2 * detractors) / n;
}

describe('compareNps', () => {
  // The two-sample z-test of B. Rocks' R package NPS (nps_test): se = √(var.x/n.x + var.y/n.y),
  // p = 1 − (2·Φ(|δ|/se) − 1), with the variance written as Σ (category − NPS)² × share.
  it('tests the difference b − a against √(SE_a² + SE_b²), as the NPS package of Brendan Rocks does', () => {
    const a = { promoters: 120, passives: 90, detractors: 90 };
    const b = { promoters: 150, passives: 90, detractors: 60 };
    const standardError = 100 * Math.sqrt(variance(120, 90, 90) / 300 + variance(150, 90, 60) / 300);
    const result = compareNps(a, b, { method: 'wald' });
    expect(result.difference).toBeCloseTo(20, 12);
    expect(result.standardError).toBeCloseTo(standardError, 12);
    expect(result.z).toBeCloseTo(20 / standardError, 12);
    expect(result.pValue).toBeCloseTo(2 * normalCdf(-20 / standardError), 15);
    expect(result.significant).toBe(true);
    expect(result.interval?.[0]).toBeCloseTo(20 - 1.959963984540054 * standardError, 10);
  });

  it('is symmetric: swapping the surveys flips the difference and keeps the p-value', () => {
    fc.assert(
      fc.property(counts, counts, (a, b) => {
        const forward = compareNps(a, b);
        const backward = compareNps(b, a);
        if (forward.difference === null) {
          expect(backward.difference).toBeNull();
          return;
        }
        expect(backward.difference).toBeCloseTo(-forward.difference, 10);
        expect(backward.pValue).toBe(forward.pValue);
        expect(backward.significant).toBe(forward.significant);
      }),
    );
  });

  it('calls a difference significant exactly when p < 1 − confidence and the interval excludes 0', () => {
    fc.assert(
      fc.property(counts, counts, fc.constantFrom(0.9, 0.95, 0.99), (a, b, confidence) => {
        const result = compareNps(a, b, { confidence });
        const numbers = [result.difference, result.standardError, result.z, result.pValue];
        expect(numbers.filter((value) => value !== null && !Number.isFinite(value))).toEqual([]);
        if (result.pValue === null) {
          expect(result.significant).toBe(false);
          return;
        }
        expect(result.significant).toBe(result.pValue < 1 - confidence);
        const [low, high] = result.interval ?? [0, 0];
        if (Math.abs((result.z ?? 0) - Math.sign(result.z ?? 0) * 1.96) > 0.05) {
          expect(result.significant).toBe(low > 0 || high < 0);
        }
        expect(low).toBeLessThanOrEqual(result.difference ?? 0);
        expect(high).toBeGreaterThanOrEqual(result.difference ?? 0);
      }),
    );
  });

  it('returns the two results it compared', () => {
    const result = compareNps([10, 9, 3], [8, 8, 10], { confidence: 0.9 });
    expect(result.a).toEqual(nps([10, 9, 3], { confidence: 0.9 }));
    expect(result.b).toEqual(nps([8, 8, 10], { confidence: 0.9 }));
    expect(result.confidence).toBe(0.9);
  });

  it('does not call small differences between small samples significant', () => {
    const result = compareNps([10, 9, 8, 6, 9], [10, 9, 9, 6, 9], { minimumSample: 0 });
    expect(result.difference).toBeCloseTo(20, 12);
    expect([result.status, result.significant]).toEqual(['not_significant', false]);
  });

  // The issue's case: Wald called 4 answers against 1 significant (p = 0.046).
  it('reports 4 answers against 1 as insufficient below the minimum sample, with the reason, under every method', () => {
    for (const method of ['adjusted-wald-t', 'adjusted-wald', 'wald'] as const) {
      const result = compareNps([10, 9, 8, 7], [10], { method });
      expect(result).toMatchObject({
        difference: 50,
        z: null,
        pValue: null,
        significant: false,
        status: 'insufficient',
        insufficient: {
          reason: 'below_minimum_sample',
          message: 'a has 4 answers and b 1 answer; testing a difference needs at least 30 in each (minimumSample)',
        },
      });
    }
    expect(compareNps([10, 9, 8, 7], [10], { method: 'wald', minimumSample: 0 }).pValue?.toFixed(3)).toBe('0.046');
    expect(compareNps([10, 9, 8, 7], [10], { minimumSample: 0 }).status).toBe('not_significant');
  });

  it('tests from the minimum sample on, on either side', () => {
    const thirty = { promoters: 20, passives: 5, detractors: 5 };
    const twentyNine = { promoters: 4, passives: 5, detractors: 20 };
    expect(compareNps(thirty, { promoters: 4, passives: 6, detractors: 20 }).status).toBe('significant');
    expect(compareNps(thirty, twentyNine).insufficient?.reason).toBe('below_minimum_sample');
    expect(compareNps(twentyNine, thirty).insufficient?.reason).toBe('below_minimum_sample');
    expect(compareNps(thirty, twentyNine, { minimumSample: 29 }).status).toBe('significant');
  });

  it('reads the default test against Student t on Welch–Satterthwaite degrees of freedom', () => {
    const a = { promoters: 15, passives: 10, detractors: 5 };
    const b = { promoters: 25, passives: 4, detractors: 1 };
    const t = compareNps(a, b);
    const z = compareNps(a, b, { method: 'adjusted-wald' });
    expect(t.z).toBe(z.z);
    expect(t.standardError).toBe(z.standardError);
    expect(t.pValue ?? 0).toBeGreaterThan(z.pValue ?? 1);
  });

  it('gives nulls and no significance when either survey is empty', () => {
    const result = compareNps([], [9, 10]);
    expect(result).toMatchObject({
      difference: null,
      standardError: null,
      z: null,
      pValue: null,
      significant: false,
      interval: null,
      status: 'insufficient',
      insufficient: { reason: 'no_answers', message: 'survey a has no answers' },
    });
  });

  it('makes no test when both surveys are unanimous under Wald, but can under adjusted Wald', () => {
    const wald = compareNps([10, 10, 9], [1, 2, 3], { method: 'wald', minimumSample: 0 });
    expect(wald).toMatchObject({ difference: -200, standardError: 0, z: null, pValue: null, significant: false });
    expect(wald.insufficient?.reason).toBe('no_spread');
    const adjusted = compareNps([10, 10, 9], [1, 2, 3], { method: 'adjusted-wald', minimumSample: 0 });
    expect(adjusted.difference).toBe(-200);
    expect(adjusted.z).toBeLessThan(0);
    expect(adjusted.pValue).not.toBeNull();
    expect(adjusted.interval?.[0]).toBe(-200);
  });

  it('does not change its inputs', () => {
    const a = deepFreeze([9, 9, 3]);
    const b = deepFreeze({ promoters: 3, passives: 1, detractors: 0 });
    expect(compareNps(a, b).difference).toBeCloseTo(75 - 100 / 3, 12);
  });

  it('names the survey and index of a bad score, and rejects bad options', () => {
    expect(issuePaths(catchSuccessKitError(() => compareNps([9, 10], [9, 12])))).toEqual(['b[1]']);
    expect(
      issuePaths(catchSuccessKitError(() => compareNps({ promoters: 1, passives: 1, detractors: -3 }, []))),
    ).toEqual(['a.detractors']);
    expect(issuePaths(catchSuccessKitError(() => compareNps([9], [9], { confidence: 0 })))).toEqual(['confidence']);
  });
});
