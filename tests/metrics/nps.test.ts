import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accumulate } from '../../src/metrics/accumulator';
import { nps, npsAccumulator, npsCategory, type NpsResult } from '../../src/metrics/nps';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { deepFreeze } from '../freeze';

const z95 = 1.959963984540054;

/** The Wald NPS computed from the textbook formula, independently of the code under test. */
function waldByHand(promoters: number, passives: number, detractors: number, z = z95) {
  const n = promoters + passives + detractors;
  const p = promoters / n;
  const d = detractors / n;
  const standardError = 100 * Math.sqrt((p + d - (p - d) ** 2) / n);
  return { score: 100 * (p - d), standardError, marginOfError: z * standardError };
}

const counts = fc.record({
  promoters: fc.integer({ min: 0, max: 5000 }),
  passives: fc.integer({ min: 0, max: 5000 }),
  detractors: fc.integer({ min: 0, max: 5000 }),
});

function noNaN(result: NpsResult): void {
  const values: unknown[] = [...(Object.values(result) as unknown[]), ...(result.interval ?? [])];
  const numbers = values.filter((value) => typeof value === 'number');
  expect(numbers.filter((value) => !Number.isFinite(value))).toEqual([]);
}

describe('nps', () => {
  // The example of the "nps_beta_dist" doctest (J. D. Maturen, 2014, gist 2995b2795c63825feec0) and of
  // the issue: 250 promoters and 75 detractors out of 1,000 answers is 25% − 7.5% = 17.5.
  it('NPS of 250/675/75 responses is 17.5', () => {
    const result = nps({ promoters: 250, passives: 675, detractors: 75 });
    expect(result.score).toBe(17.5);
    expect(result.n).toBe(1000);
    expect(result.promoterShare).toBe(0.25);
    expect(result.detractorShare).toBe(0.075);
  });

  // W. Huber's answer to "How can I calculate margin of error in a NPS result?" (Cross Validated,
  // question 18603): with 1/2 promoters, 1/3 passives and 1/6 detractors the NPS is 1/3, the variance
  // of the +1/0/−1 tickets is 5/9, and "in a sample of, say, 324, you would expect an NPS of about
  // 33% with a standard error of about 4.1%".
  it('reproduces the Cross Validated worked example: 162/108/54 is 33.3 with a standard error of 4.1', () => {
    const result = nps({ promoters: 162, passives: 108, detractors: 54 }, { method: 'wald' });
    expect(result.score).toBeCloseTo(100 / 3, 12);
    expect(result.standardError).toBeCloseTo((100 * Math.sqrt(5 / 9)) / Math.sqrt(324), 12);
    expect(result.standardError?.toFixed(1)).toBe('4.1');
    expect(result.marginOfError).toBeCloseTo((z95 * (100 * Math.sqrt(5 / 9))) / 18, 12);
  });

  // A. Engelhardt, "Net Promoter Score confidence intervals 2: maths and stats" (CYBAEA, 2016): with
  // a third each of promoters, passives and detractors the 95% interval is about 320/√n points wide.
  it('gives an interval about 320/√n wide when each category holds a third', () => {
    for (const third of [50, 100, 400]) {
      const { interval } = nps({ promoters: third, passives: third, detractors: third }, { method: 'wald' });
      const [low, high] = interval ?? [0, 0];
      expect((high - low) / (320 / Math.sqrt(3 * third))).toBeCloseTo(1, 3);
    }
  });

  it('uses Var = p_P + p_D − (p_P − p_D)² and SE = √(Var / n) for the Wald interval', () => {
    fc.assert(
      fc.property(counts, ({ promoters, passives, detractors }) => {
        fc.pre(promoters + passives + detractors > 0);
        const expected = waldByHand(promoters, passives, detractors);
        const result = nps({ promoters, passives, detractors }, { method: 'wald' });
        expect(result.score).toBeCloseTo(expected.score, 10);
        expect(result.standardError).toBeCloseTo(expected.standardError, 10);
        expect(result.marginOfError).toBeCloseTo(expected.marginOfError, 10);
      }),
    );
  });

  // B. Rocks, "Interval estimation for the 'net promoter score'", The American Statistician 70(4), 2016,
  // and J. Sauro & J. Lewis (MeasuringU, 2021): add 3 to n and ¾ to promoters and detractors.
  it('builds the adjusted-Wald interval on 3 pseudo-answers: ¾ promoter, 1½ passive, ¾ detractor', () => {
    const result = nps({ promoters: 8, passives: 3, detractors: 1 }, { method: 'adjusted-wald' });
    const p = 8.75 / 15;
    const d = 1.75 / 15;
    const standardError = 100 * Math.sqrt((p + d - (p - d) ** 2) / 15);
    expect(result.score).toBeCloseTo((100 * 7) / 12, 12);
    expect(result.standardError).toBeCloseTo(standardError, 12);
    expect(result.interval?.[0]).toBeCloseTo(100 * (p - d) - z95 * standardError, 10);
    expect(result.interval?.[1]).toBeCloseTo(Math.min(100, 100 * (p - d) + z95 * standardError), 10);
    expect(result.method).toBe('adjusted-wald');
  });

  // The default: the same adjusted estimate, read against Student's t on n + 3 − 1 degrees of freedom
  // (3.182 for one answer, 2.145 for 12: the t table's 0.975 quantiles at 3 and 14 degrees of freedom).
  it('builds the default interval from the adjusted-Wald estimate and a Student-t critical value on n + 2 degrees of freedom', () => {
    const result = nps({ promoters: 8, passives: 3, detractors: 1 });
    const adjusted = nps({ promoters: 8, passives: 3, detractors: 1 }, { method: 'adjusted-wald' });
    expect(result.method).toBe('adjusted-wald-t');
    expect(result.standardError).toBe(adjusted.standardError);
    expect((result.marginOfError ?? 0) / (result.standardError ?? 1)).toBeCloseTo(2.1447866879169, 10);
    expect((nps([10]).marginOfError ?? 0) / (nps([10]).standardError ?? 1)).toBeCloseTo(3.182446305284263, 10);
    expect(nps({ promoters: 8, passives: 3, detractors: 1 }).interval?.map(Math.round)).toEqual([8, 85]);
  });

  it('widens the small-sample interval past the published adjusted Wald and meets it at large n', () => {
    const small = { promoters: 3, passives: 1, detractors: 1 };
    const large = { promoters: 3000, passives: 1000, detractors: 1000 };
    const ratio = (input: typeof small) =>
      (nps(input).marginOfError ?? 0) / (nps(input, { method: 'adjusted-wald' }).marginOfError ?? 1);
    expect(ratio(small)).toBeCloseTo(2.364624251592785 / z95, 10);
    expect(ratio(large)).toBeCloseTo(1, 3);
  });

  it('keeps every interval inside −100..100 and around the score, for every method and any level', () => {
    fc.assert(
      fc.property(
        counts,
        fc.constantFrom('wald' as const, 'adjusted-wald' as const, 'adjusted-wald-t' as const),
        fc.double({ min: 0.5, max: 0.999, noNaN: true }),
        (input, method, confidence) => {
          const result = nps(input, { method, confidence });
          noNaN(result);
          if (result.score === null) {
            expect(result.n).toBe(0);
            expect(result.interval).toBeNull();
            return;
          }
          const [low, high] = result.interval ?? [Number.NaN, Number.NaN];
          expect(result.score).toBeGreaterThanOrEqual(-100);
          expect(result.score).toBeLessThanOrEqual(100);
          expect(low).toBeGreaterThanOrEqual(-100);
          expect(high).toBeLessThanOrEqual(100);
          expect(low).toBeLessThanOrEqual(result.score);
          expect(high).toBeGreaterThanOrEqual(result.score);
        },
      ),
    );
  });

  it('keeps the adjusted-Wald interval around the score even for one unanimous answer', () => {
    const result = nps([10], { method: 'adjusted-wald' });
    expect(result.score).toBe(100);
    expect(result.interval?.[1]).toBe(100);
    expect(result.interval?.[0]).toBeLessThan(0);
  });

  it('gives a zero-width interval for unanimous answers under Wald, and flags the small sample', () => {
    const result = nps([9, 10, 9], { method: 'wald' });
    expect(result).toMatchObject({
      score: 100,
      standardError: 0,
      marginOfError: 0,
      interval: [100, 100],
      lowSample: true,
    });
  });

  it('counts raw scores into categories: 9–10 promote, 7–8 are passive, 0–6 detract', () => {
    const result = nps([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect([result.promoters, result.passives, result.detractors]).toEqual([2, 2, 7]);
    expect(result.score).toBeCloseTo((100 * -5) / 11, 12);
  });

  it('gives the same result for scores and for their counts', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 200 }), (scores) => {
        const counted = {
          promoters: scores.filter((score) => score >= 9).length,
          passives: scores.filter((score) => score === 7 || score === 8).length,
          detractors: scores.filter((score) => score <= 6).length,
        };
        expect(nps(scores)).toEqual(nps(counted));
      }),
    );
  });

  it('returns n: 0 and nulls for no answers, never NaN', () => {
    expect(nps([])).toEqual({
      n: 0,
      promoters: 0,
      passives: 0,
      detractors: 0,
      promoterShare: null,
      detractorShare: null,
      score: null,
      standardError: null,
      marginOfError: null,
      interval: null,
      confidence: 0.95,
      method: 'adjusted-wald-t',
      lowSample: true,
    });
    expect(nps({ promoters: 0, passives: 0, detractors: 0 }, { method: 'adjusted-wald' }).interval).toBeNull();
  });

  it('flags lowSample below the minimum sample, 30 by default', () => {
    const scores = (n: number) => Array.from({ length: n }, (_, index) => index % 11);
    expect(nps(scores(29)).lowSample).toBe(true);
    expect(nps(scores(30)).lowSample).toBe(false);
    expect(nps(scores(30), { minimumSample: 100 }).lowSample).toBe(true);
    expect(nps(scores(1), { minimumSample: 0 }).lowSample).toBe(false);
  });

  it('widens the interval with the confidence level', () => {
    const input = { promoters: 40, passives: 30, detractors: 30 };
    const width = (confidence: number) => {
      const [low, high] = nps(input, { confidence, method: 'wald' }).interval ?? [0, 0];
      return high - low;
    };
    expect(width(0.9)).toBeLessThan(width(0.95));
    expect(width(0.95)).toBeLessThan(width(0.99));
    expect(nps(input, { confidence: 0.9, method: 'wald' }).marginOfError).toBeCloseTo(
      1.6448536269514722 * waldByHand(40, 30, 30).standardError,
      12,
    );
  });

  it('does not change its input', () => {
    const scores = deepFreeze([9, 3, 10, 7]);
    const countsInput = deepFreeze({ promoters: 2, passives: 1, detractors: 1 });
    expect(nps(scores).score).toBe(25);
    expect(nps(countsInput).score).toBe(25);
  });

  it('names every score that is not a whole number from 0 to 10, by index', () => {
    const error = catchSuccessKitError(() => nps([9, 11, 4, 7.5, -1, Number.NaN, '9' as unknown as number]));
    expect(error.code).toBe('invalid_score');
    expect(issuePaths(error)).toEqual(['[1]', '[3]', '[4]', '[5]', '[6]']);
    expect(error.issues[0]?.message).toBe('expected an NPS score, a whole number from 0 to 10, got 11');
  });

  it('rejects bad counts and bad options with invalid_input', () => {
    expect(issuePaths(catchSuccessKitError(() => nps({ promoters: -1, passives: 0, detractors: 0 })))).toEqual([
      'promoters',
    ]);
    expect(issuePaths(catchSuccessKitError(() => nps({ promoters: 1, passives: 0.5, detractors: 0 })))).toEqual([
      'passives',
    ]);
    expect(catchSuccessKitError(() => nps(null as unknown as number[])).code).toBe('invalid_input');
    expect(issuePaths(catchSuccessKitError(() => nps([9], { confidence: 95 })))).toEqual(['confidence']);
    expect(issuePaths(catchSuccessKitError(() => nps([9], { method: 'wilson' as 'wald' })))).toEqual(['method']);
    expect(issuePaths(catchSuccessKitError(() => nps([9], { minimumSample: -1 })))).toEqual(['minimumSample']);
  });

  it('names the confidence option and its bound for a level that rounds to 1, not an internal quantile', () => {
    const error = catchSuccessKitError(() => nps([9, 10], { confidence: 0.9999999999999999 }));
    expect(error.code).toBe('invalid_input');
    expect(error.issues).toEqual([
      { path: ['confidence'], message: 'expected a number <= 0.999999999, got 0.9999999999999999' },
    ]);
    expect(nps([9, 10], { confidence: 0.999999999 }).interval).toEqual([expect.any(Number), 100]);
  });
});

describe('npsCategory', () => {
  it('puts 0–6 in detractors, 7–8 in passives and 9–10 in promoters', () => {
    expect([0, 6, 7, 8, 9, 10].map(npsCategory)).toEqual([
      'detractor',
      'detractor',
      'passive',
      'passive',
      'promoter',
      'promoter',
    ]);
    expect(catchSuccessKitError(() => npsCategory(11)).code).toBe('invalid_score');
  });
});

describe('npsAccumulator', () => {
  it('adds scores into counts in place and computes the same result as nps', () => {
    const metric = npsAccumulator({ confidence: 0.9 });
    const state = metric.init();
    expect(metric.add(state, 9)).toBe(state);
    accumulate(metric, [3, 7, 10], state);
    expect(state).toEqual({ promoters: 2, passives: 1, detractors: 1 });
    expect(metric.result(state)).toEqual(nps([9, 3, 7, 10], { confidence: 0.9 }));
  });

  it('merges without changing either state', () => {
    const metric = npsAccumulator();
    const a = deepFreeze({ promoters: 1, passives: 2, detractors: 3 });
    const b = deepFreeze({ promoters: 4, passives: 5, detractors: 6 });
    expect(metric.merge(a, b)).toEqual({ promoters: 5, passives: 7, detractors: 9 });
  });

  it('rejects a bad score in add, and malformed states in merge and result', () => {
    const metric = npsAccumulator();
    expect(catchSuccessKitError(() => metric.add(metric.init(), 12)).code).toBe('invalid_score');
    const bad = { promoters: 1, passives: -2, detractors: 0 };
    expect(issuePaths(catchSuccessKitError(() => metric.merge(metric.init(), bad)))).toEqual(['b.passives']);
    expect(issuePaths(catchSuccessKitError(() => metric.result(bad)))).toEqual(['passives']);
  });
});
