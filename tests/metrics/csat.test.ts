import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accumulate } from '../../src/metrics/accumulator';
import { csat, csatAccumulator, defaultSatisfiedAtLeast } from '../../src/metrics/csat';
import { wilsonInterval } from '../../src/metrics/wilson-interval';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { deepFreeze } from '../freeze';

/** Mean, sample standard deviation and t-interval computed directly from the answers. */
function meanByHand(scores: readonly number[], t: number) {
  const mean = scores.reduce((sum, score) => sum + score, 0) / scores.length;
  const deviation = Math.sqrt(scores.reduce((sum, score) => sum + (score - mean) ** 2, 0) / (scores.length - 1));
  const margin = (t * deviation) / Math.sqrt(scores.length);
  return { mean, deviation, low: mean - margin, high: mean + margin };
}

describe('csat', () => {
  it('counts the top two boxes of a 1–5 scale as satisfied: 6 of 8 is 75%', () => {
    const result = csat([5, 4, 4, 3, 5, 2, 5, 4]);
    expect(result).toMatchObject({ n: 8, scale: 5, satisfiedAtLeast: 4, satisfied: 6, score: 75, mean: 4 });
    expect(result.counts).toEqual([0, 1, 1, 3, 3]);
  });

  it('uses 6–7 on a 7-point scale and 8–10 on a 10-point scale unless told otherwise', () => {
    expect(defaultSatisfiedAtLeast).toEqual({ 5: 4, 7: 6, 10: 8 });
    expect(csat([7, 6, 5, 4], { scale: 7 }).satisfied).toBe(2);
    expect(csat([10, 8, 7, 9], { scale: 10 }).satisfied).toBe(3);
    expect(csat([10, 8, 7, 9], { scale: 10, satisfiedAtLeast: 9 }).satisfied).toBe(2);
    expect(csat([5, 4, 3], { satisfiedAtLeast: 5 }).score).toBeCloseTo(100 / 3, 12);
  });

  it('gives the Wilson interval of the satisfied share, in percent', () => {
    const scores = [...Array<number>(81).fill(5), ...Array<number>(182).fill(2)];
    const result = csat(scores);
    const [low, high] = wilsonInterval(81, 263) ?? [0, 0];
    expect(result.interval?.[0]).toBeCloseTo(100 * low, 12);
    expect(result.interval?.[1]).toBeCloseTo(100 * high, 12);
    // R. G. Newcombe (1998), Table II: 81/263 → 0.2553–0.3662.
    expect(result.interval?.map((bound) => bound.toFixed(2))).toEqual(['25.53', '36.62']);
  });

  it('gives the mean a Student-t interval: t(0.975, 7) = 2.3646 for eight answers', () => {
    const scores = [5, 4, 4, 3, 5, 2, 5, 4];
    const expected = meanByHand(scores, 2.3646242515927849);
    const result = csat(scores);
    expect(result.standardDeviation).toBeCloseTo(expected.deviation, 12);
    expect(result.meanInterval?.[0]).toBeCloseTo(expected.low, 10);
    expect(result.meanInterval?.[1]).toBeCloseTo(expected.high, 10);
  });

  it('keeps shares within 0–100 and means within the scale, around the estimates, with no NaN', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(5 as const, 7 as const, 10 as const),
        fc.array(fc.nat(), { maxLength: 60 }),
        (scale, raw) => {
          const scores = raw.map((value) => 1 + (value % scale));
          const result = csat(scores, { scale });
          expect(result.n).toBe(scores.length);
          if (result.score === null || result.mean === null) {
            expect(result.n).toBe(0);
            expect([result.interval, result.meanInterval, result.standardDeviation]).toEqual([null, null, null]);
            return;
          }
          const [low, high] = result.interval ?? [Number.NaN, Number.NaN];
          expect(low).toBeGreaterThanOrEqual(0);
          expect(high).toBeLessThanOrEqual(100);
          expect(low).toBeLessThanOrEqual(result.score + 1e-9);
          expect(high).toBeGreaterThanOrEqual(result.score - 1e-9);
          if (result.meanInterval !== null) {
            expect(result.meanInterval[0]).toBeGreaterThanOrEqual(1);
            expect(result.meanInterval[1]).toBeLessThanOrEqual(scale);
            expect(result.meanInterval[0]).toBeLessThanOrEqual(result.mean);
            expect(result.meanInterval[1]).toBeGreaterThanOrEqual(result.mean);
          } else {
            expect(result.n).toBe(1);
          }
        },
      ),
    );
  });

  it('returns n: 0 and nulls for no answers, and no mean interval for one answer', () => {
    expect(csat([])).toMatchObject({
      n: 0,
      score: null,
      interval: null,
      mean: null,
      meanInterval: null,
      lowSample: true,
    });
    expect(csat([4])).toMatchObject({ n: 1, score: 100, mean: 4, meanInterval: null, standardDeviation: null });
  });

  it('does not change its input', () => {
    expect(csat(deepFreeze([5, 1, 4])).satisfied).toBe(2);
  });

  it('names scores off the scale or fractional by index, with invalid_score', () => {
    const error = catchSuccessKitError(() => csat([5, 6, 0, 3.5]));
    expect(error.code).toBe('invalid_score');
    expect(issuePaths(error)).toEqual(['[1]', '[2]', '[3]']);
    expect(issuePaths(catchSuccessKitError(() => csat([8], { scale: 7 })))).toEqual(['[0]']);
  });

  // One code for one situation: invalid_score is for a survey answer off its scale; a bad scale or
  // threshold is a bad option like any other.
  it('rejects an unsupported scale and a threshold off the scale with invalid_input, as any bad option', () => {
    const scale = catchSuccessKitError(() => csat([3], { scale: 4 as 5 }));
    expect([scale.code, issuePaths(scale)]).toEqual(['invalid_input', ['scale']]);
    const threshold = catchSuccessKitError(() => csat([3], { satisfiedAtLeast: 6 }));
    expect(threshold.code).toBe('invalid_input');
    expect(issuePaths(threshold)).toEqual(['satisfiedAtLeast']);
    expect(issuePaths(catchSuccessKitError(() => csat([3], { confidence: 2 })))).toEqual(['confidence']);
    expect(catchSuccessKitError(() => csat([3], 'x' as never)).code).toBe('invalid_input');
  });
});

describe('csatAccumulator', () => {
  it('counts answers per score and gives the same result as csat', () => {
    const metric = csatAccumulator({ scale: 7 });
    const state = accumulate(metric, [7, 6, 1]);
    expect(state).toEqual({ scale: 7, counts: [1, 0, 0, 0, 0, 1, 1] });
    expect(metric.result(state)).toEqual(csat([7, 6, 1], { scale: 7 }));
  });

  it('refuses to merge states of another scale or malformed ones', () => {
    const five = csatAccumulator();
    const seven = csatAccumulator({ scale: 7 });
    expect(issuePaths(catchSuccessKitError(() => five.merge(five.init(), seven.init())))).toEqual(['b.scale']);
    expect(issuePaths(catchSuccessKitError(() => five.merge({ scale: 5, counts: [1, 2] }, five.init())))).toEqual([
      'a.counts',
    ]);
    expect(issuePaths(catchSuccessKitError(() => five.result({ scale: 5, counts: [1, 2, 3, 4, -5] })))).toEqual([
      'counts[4]',
    ]);
    expect(catchSuccessKitError(() => five.add(five.init(), 9)).code).toBe('invalid_score');
  });
});
