import { describe, expect, it } from 'vitest';
import { compareNps } from '../../src/metrics/compare-nps';
import { npsAccumulator, type NpsCounts } from '../../src/metrics/nps';

// Seeded Monte Carlo checks of the default NPS interval and test: the same
// numbers on every run and machine. mulberry32 (T. Ettinger, public domain)
// is a 32-bit generator that is plenty for sampling answers.
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** n answers from a population with the given promoter and detractor shares. */
function sample(random: () => number, n: number, promoterShare: number, detractorShare: number): NpsCounts {
  const counts = { promoters: 0, passives: 0, detractors: 0 };
  for (let answer = 0; answer < n; answer++) {
    const u = random();
    if (u < promoterShare) counts.promoters++;
    else if (u < promoterShare + detractorShare) counts.detractors++;
    else counts.passives++;
  }
  return counts;
}

const sampleSizes = [5, 6, 7, 8, 10, 15, 20, 30, 50, 100, 200];
const shares = [0.05, 0.25, 0.5, 0.7, 0.9];
/** Every promoter/detractor pair of the grid that leaves room for passives or fills the scale. */
const populations = shares.flatMap((promoterShare) =>
  shares
    .filter((detractorShare) => promoterShare + detractorShare <= 0.95)
    .map((detractorShare) => ({ promoterShare, detractorShare })),
);

describe('the default NPS interval and comparison at small samples (seeded Monte Carlo)', () => {
  it('covers the true score at least 93% of the time at 95% confidence, for every population of the grid and n from 5 to 200', () => {
    const trials = 3000;
    const random = mulberry32(20260101);
    const metric = npsAccumulator();
    const shortfalls: string[] = [];
    for (const { promoterShare, detractorShare } of populations) {
      const truth = 100 * (promoterShare - detractorShare);
      for (const n of sampleSizes) {
        let covered = 0;
        for (let trial = 0; trial < trials; trial++) {
          const interval = metric.result(sample(random, n, promoterShare, detractorShare)).interval;
          if (interval !== null && interval[0] <= truth + 1e-9 && truth <= interval[1] + 1e-9) covered++;
        }
        if (covered / trials < 0.93)
          shortfalls.push(
            `P ${String(promoterShare)}, D ${String(detractorShare)}, n ${String(n)}: ${String(covered / trials)}`,
          );
      }
    }
    // Exact enumeration puts the worst cell of this grid at 94.2% (the simulation: 94.4%); 3,000 trials have a
    // standard error of 0.4 points.
    expect(shortfalls).toEqual([]);
  });

  it('calls two samples of one population different at most about 5% of the time, and never below the minimum sample', () => {
    const trials = 1000;
    const random = mulberry32(7);
    let tests = 0;
    let significant = 0;
    const tooOften: string[] = [];
    const belowMinimum: string[] = [];
    for (const { promoterShare, detractorShare } of populations) {
      for (const n of sampleSizes) {
        let hits = 0;
        // Below the minimum sample nothing is tested, so fewer trials show it.
        const runs = n < 30 ? trials / 10 : trials;
        for (let trial = 0; trial < runs; trial++) {
          const comparison = compareNps(
            sample(random, n, promoterShare, detractorShare),
            sample(random, n, promoterShare, detractorShare),
          );
          if (comparison.significant) hits++;
          if (n < 30 && comparison.status !== 'insufficient') belowMinimum.push(`n ${String(n)}: ${comparison.status}`);
        }
        if (n >= 30) {
          tests += runs;
          significant += hits;
        }
        // 5% plus three binomial standard errors of 1,000 trials (0.69 points each).
        if (hits / runs > 0.05 + 3 * Math.sqrt((0.05 * 0.95) / trials)) {
          tooOften.push(
            `P ${String(promoterShare)}, D ${String(detractorShare)}, n ${String(n)}: ${String(hits / runs)}`,
          );
        }
      }
    }
    expect(belowMinimum).toEqual([]);
    expect(tooOften).toEqual([]);
    // Pooled over the tested cells (n ≥ 30: 48,000 pairs, a standard error of 0.1 points) the rate is at most 5.5%;
    // it was 4.2% when this test was written, and the worst cell 6.6%.
    expect(significant / tests).toBeLessThanOrEqual(0.055);
  });
});
