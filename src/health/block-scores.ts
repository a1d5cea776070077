import { at } from '../core/internal.js';
import type { HealthColumns } from './compile-scorecard.js';
import { bandIndexOf, roundScore, type MeasureModel, type ScorecardModel } from './scorecard-model.js';

/** Rows scored at a time: large enough for tight loops, small enough to stay in cache. */
const blockSize = 1024;

/** The band code of "no band" in {@link HealthColumns}. @internal */
export const noBand = 255;

/** Where a block's values come from: fills a measure's points, and marks its stale rows. @internal */
export interface BlockSource {
  readonly fill: (measure: MeasureModel, start: number, length: number, out: Float64Array) => void;
  /** Sets `out[row]` to 1 where the measure's value is stale; only called for measures with staleness. */
  readonly stale: (measure: MeasureModel, start: number, length: number, out: Uint8Array) => void;
}

/**
 * Scores `count` rows block by block, measure by measure: the points of one
 * measure for a whole block, then its policy, then its share of its group
 * sums; the same sums in the same order as `combinePoints`, so the scores
 * agree to the bit with `scoreAccount`.
 *
 * @internal
 */
export function blockScores(
  model: ScorecardModel,
  count: number,
  source: BlockSource,
  previous: Uint8Array | undefined,
): HealthColumns {
  const scores = new Float64Array(count);
  const bands = new Uint8Array(count);
  const points = new Float64Array(blockSize);
  const staleRows = new Uint8Array(blockSize);
  const failed = new Uint8Array(blockSize);
  const groupSum = new Float64Array(blockSize);
  const groupWeight = new Float64Array(blockSize);
  const total = new Float64Array(blockSize);
  const totalWeight = new Float64Array(blockSize);
  const { measures, groups, bandFrom } = model;
  const margin = model.scorecard.hysteresis;
  for (let start = 0; start < count; start += blockSize) {
    const length = Math.min(blockSize, count - start);
    failed.fill(0);
    total.fill(0);
    totalWeight.fill(0);
    for (const group of groups) {
      groupSum.fill(0);
      groupWeight.fill(0);
      for (const index of group.measures) {
        const measure = measures[index];
        if (measure === undefined) continue;
        source.fill(measure, start, length, points);
        const missingPoints = measure.missing.points;
        const missingFails = measure.missing.kind === 'fail';
        if (measure.stale !== null) {
          staleRows.fill(0);
          source.stale(measure, start, length, staleRows);
        }
        const stalePoints = measure.stale?.policy.points ?? 0;
        const staleFails = measure.stale?.policy.kind === 'fail';
        const checkStale = measure.stale !== null;
        const weight = measure.weight;
        if (!checkStale && measure.missing.kind === 'redistribute') {
          // The common case, in a loop of its own: a missing value is left out, nothing else to check.
          for (let row = 0; row < length; row++) {
            const value = at(points, row);
            if (value === value) {
              groupSum[row] = at(groupSum, row) + weight * value;
              groupWeight[row] = at(groupWeight, row) + weight;
            }
          }
          continue;
        }
        for (let row = 0; row < length; row++) {
          let value = at(points, row);
          if (value !== value) {
            value = missingPoints;
            if (missingFails) failed[row] = 1;
          } else if (checkStale && staleRows[row] === 1) {
            value = stalePoints;
            if (staleFails) failed[row] = 1;
          }
          if (value === value) {
            groupSum[row] = at(groupSum, row) + weight * value;
            groupWeight[row] = at(groupWeight, row) + weight;
          }
        }
      }
      const weight = group.weight;
      for (let row = 0; row < length; row++) {
        const inGroup = at(groupWeight, row);
        if (inGroup > 0) {
          total[row] = at(total, row) + weight * (at(groupSum, row) / inGroup);
          totalWeight[row] = at(totalWeight, row) + weight;
        }
      }
    }
    for (let row = 0; row < length; row++) {
      const target = start + row;
      const weights = at(totalWeight, row);
      if (failed[row] === 1 || !(weights > 0)) {
        scores[target] = Number.NaN;
        bands[target] = noBand;
        continue;
      }
      const score = roundScore(at(total, row) / weights);
      scores[target] = score;
      const before = previous === undefined ? noBand : (previous[target] ?? noBand);
      bands[target] = bandIndexOf(
        bandFrom,
        margin,
        score,
        before === noBand || before >= bandFrom.length ? -1 : before,
      );
    }
  }
  return { scores, bands };
}
