import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accumulate } from '../../src/metrics/accumulator';
import { ces, cesAccumulator, defaultLowEffortAtLeast } from '../../src/metrics/ces';
import { wilsonInterval } from '../../src/metrics/wilson-interval';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { deepFreeze } from '../freeze';

describe('ces', () => {
  it('averages effort answers on the CES 2.0 scale of 1–7, higher meaning easier', () => {
    const result = ces([7, 6, 6, 5, 3, 2, 7, 4]);
    expect(result).toMatchObject({
      n: 8,
      scale: 7,
      score: 5,
      lowEffortAtLeast: 5,
      lowEffort: 5,
      lowEffortPercent: 62.5,
    });
  });

  it('counts answers above the midpoint as low effort: 4–5 of 5, 5–7 of 7, 6–10 of 10', () => {
    expect(defaultLowEffortAtLeast).toEqual({ 5: 4, 7: 5, 10: 6 });
    expect(ces([5, 4, 3], { scale: 5 }).lowEffort).toBe(2);
    expect(ces([6, 5, 10], { scale: 10 }).lowEffort).toBe(2);
    expect(ces([6, 5, 7], { lowEffortAtLeast: 6 }).lowEffort).toBe(2);
  });

  it('gives the Wilson interval of the low-effort share and a t-interval of the mean', () => {
    const scores = [7, 7, 6, 5, 2, 1, 4, 6, 7, 3];
    const result = ces(scores);
    const [low, high] = wilsonInterval(6, 10) ?? [0, 0];
    expect(result.lowEffortInterval?.[0]).toBeCloseTo(100 * low, 12);
    expect(result.lowEffortInterval?.[1]).toBeCloseTo(100 * high, 12);
    const mean = 4.8;
    const deviation = Math.sqrt(scores.reduce((sum, score) => sum + (score - mean) ** 2, 0) / 9);
    // t(0.975, 9) = 2.2621571627409915.
    const margin = (2.2621571627409915 * deviation) / Math.sqrt(10);
    expect(result.score).toBeCloseTo(mean, 12);
    expect(result.interval?.[0]).toBeCloseTo(mean - margin, 10);
    expect(result.interval?.[1]).toBeCloseTo(mean + margin, 10);
  });

  it('clips the mean interval to the scale and never returns NaN', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 7 }), { maxLength: 40 }), (scores) => {
        const result = ces(scores);
        if (result.score === null) {
          expect(result).toMatchObject({ n: 0, interval: null, lowEffortPercent: null, lowEffortInterval: null });
          return;
        }
        expect(result.score).toBeGreaterThanOrEqual(1);
        expect(result.score).toBeLessThanOrEqual(7);
        if (result.interval !== null) {
          expect(result.interval[0]).toBeGreaterThanOrEqual(1);
          expect(result.interval[1]).toBeLessThanOrEqual(7);
        }
        expect(result.lowEffortPercent).toBeGreaterThanOrEqual(0);
        expect(result.lowEffortPercent).toBeLessThanOrEqual(100);
      }),
    );
  });

  it('does not change its input', () => {
    expect(ces(deepFreeze([7, 1])).score).toBe(4);
  });

  it('names bad scores by index and rejects an unsupported scale with invalid_input', () => {
    expect(issuePaths(catchSuccessKitError(() => ces([7, 8, 0])))).toEqual(['[1]', '[2]']);
    const scale = catchSuccessKitError(() => ces([1], { scale: 3 as 5 }));
    expect([scale.code, ...issuePaths(scale)]).toEqual(['invalid_input', 'scale']);
    expect(issuePaths(catchSuccessKitError(() => ces([1], { lowEffortAtLeast: 0 })))).toEqual(['lowEffortAtLeast']);
  });
});

describe('cesAccumulator', () => {
  it('gives the same result as ces and checks states', () => {
    const metric = cesAccumulator({ scale: 5 });
    const state = accumulate(metric, [5, 4, 1]);
    expect(metric.result(state)).toEqual(ces([5, 4, 1], { scale: 5 }));
    expect(metric.merge(state, metric.init())).toEqual(state);
    expect(issuePaths(catchSuccessKitError(() => metric.merge(state, { scale: 7, counts: [] })))).toEqual(['b.scale']);
    expect(issuePaths(catchSuccessKitError(() => metric.result(null as never)))).toEqual(['']);
    expect(catchSuccessKitError(() => metric.add(state, 6)).code).toBe('invalid_score');
  });
});
