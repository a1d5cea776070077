import type { HealthColumns } from './compile-scorecard.js';
import { bandIndexOf, type GroupModel, type MeasureModel, type ScorecardModel } from './scorecard-model.js';

/** Rows scored at a time: large enough for tight loops, small enough to stay in cache. @internal */
export const blockSize = 1024;

/** The band code of "no band" in {@link HealthColumns}. @internal */
export const noBand = 255;

/** Where a block's values come from: fills a measure's points, and marks its stale rows. @internal */
export interface BlockSource {
  /** Called once per block, before any of its measures is filled or added: checks or reads its rows. */
  readonly prepare?: (start: number, length: number) => void;
  /** Fills `out` with the measure's points of rows `start … start + length)` and returns how many are NaN. */
  readonly fill: (measure: MeasureModel, start: number, length: number, out: Float64Array) => number;
  /** Adds the measure's weight × points of the rows to `sum` and returns true; false at the first value that cannot be scored. */
  readonly add: (measure: MeasureModel, start: number, length: number, sum: Float64Array) => boolean;
  /** Sets `out[row]` to 1 where the measure's value is stale; only called for measures with staleness. */
  readonly stale: (measure: MeasureModel, start: number, length: number, out: Uint8Array) => void;
}

/** The scratch arrays of one block. */
interface Block {
  readonly points: Float64Array;
  readonly staleRows: Uint8Array;
  readonly failed: Uint8Array;
  readonly groupSum: Float64Array;
  readonly groupWeight: Float64Array;
  readonly total: Float64Array;
  readonly totalWeight: Float64Array;
}

/**
 * Adds a group whose measures are all present in the block, and none can be
 * stale, to `total`: the group's mean is its points sum over the sum of its
 * weights, the same for every row, taken in the same order as
 * `combinePoints` takes it. Returns false, leaving `total` as it was, as
 * soon as a measure has a missing value: the block then takes the full path.
 */
function addWholeGroup(
  model: ScorecardModel,
  group: GroupModel,
  measureWeightSum: number,
  source: BlockSource,
  start: number,
  length: number,
  block: Block,
): boolean {
  const { groupSum, total } = block;
  groupSum.fill(0);
  for (const index of group.measures) {
    const measure = model.measures[index];
    if (measure === undefined || !source.add(measure, start, length, groupSum)) return false;
  }
  const weight = group.weight;
  for (let row = 0; row < length; row++)
    total[row] = (total[row] ?? 0) + weight * ((groupSum[row] ?? 0) / measureWeightSum);
  return true;
}

/**
 * Adds a group to `total` and `totalWeight` row by row, with each
 * measure's policy for missing and stale values; marks `failed` rows.
 */
function addGroup(
  model: ScorecardModel,
  group: GroupModel,
  source: BlockSource,
  start: number,
  length: number,
  block: Block,
): void {
  const { points, staleRows, failed, groupSum, groupWeight, total, totalWeight } = block;
  groupSum.fill(0);
  groupWeight.fill(0);
  for (const index of group.measures) {
    const measure = model.measures[index];
    if (measure === undefined) continue;
    source.fill(measure, start, length, points);
    const missingPoints = measure.missing.points;
    const missingFails = measure.missing.kind === 'fail';
    const checkStale = measure.stale !== null;
    if (checkStale) {
      staleRows.fill(0);
      source.stale(measure, start, length, staleRows);
    }
    const stalePoints = measure.stale?.policy.points ?? 0;
    const staleFails = measure.stale?.policy.kind === 'fail';
    const weight = measure.weight;
    for (let row = 0; row < length; row++) {
      let value = points[row] ?? Number.NaN;
      if (value !== value) {
        value = missingPoints;
        if (missingFails) failed[row] = 1;
      } else if (checkStale && staleRows[row] === 1) {
        value = stalePoints;
        if (staleFails) failed[row] = 1;
      }
      if (value === value) {
        groupSum[row] = (groupSum[row] ?? 0) + weight * value;
        groupWeight[row] = (groupWeight[row] ?? 0) + weight;
      }
    }
  }
  const weight = group.weight;
  for (let row = 0; row < length; row++) {
    const inGroup = groupWeight[row] ?? 0;
    if (inGroup > 0) {
      total[row] = (total[row] ?? 0) + weight * ((groupSum[row] ?? 0) / inGroup);
      totalWeight[row] = (totalWeight[row] ?? 0) + weight;
    }
  }
}

/** The band of a score without hysteresis: the last whose start it reaches (the first band when none), as bandIndexOf gives it. */
function plainBandOf(bandFrom: Float64Array, score: number): number {
  let band = 0;
  for (let index = 1; index < bandFrom.length; index++) if ((bandFrom[index] ?? Infinity) <= score) band = index;
  return band;
}

/**
 * The plain band of every score from 0 to 100 by its tenths. Scores have
 * one decimal, so a lookup gives the band without testing the score
 * against each band's start, a branch the processor mispredicts on mixed
 * scores.
 */
function plainBandTable(bandFrom: Float64Array): Uint8Array {
  return Uint8Array.from({ length: 1001 }, (_, tenths) => plainBandOf(bandFrom, tenths / 10));
}

/** Scores and bands of a block's rows from `total` over the group weight that counted. */
function writeScores(
  model: ScorecardModel,
  start: number,
  length: number,
  block: Block,
  uniformWeight: number,
  previous: Uint8Array | undefined,
  out: HealthColumns,
  bandTable: Uint8Array,
): void {
  const { failed, total, totalWeight } = block;
  const { bandFrom } = model;
  const margin = model.scorecard.hysteresis;
  const { scores, bands } = out;
  const plainBands = previous === undefined || margin === 0;
  for (let row = 0; row < length; row++) {
    const target = start + row;
    const weights = uniformWeight === uniformWeight ? uniformWeight : (totalWeight[row] ?? 0);
    if (failed[row] === 1 || !(weights > 0)) {
      scores[target] = Number.NaN;
      bands[target] = noBand;
      continue;
    }
    // roundScore, with the tenths kept for the band table.
    const tenths = Math.round(((total[row] ?? 0) / weights) * 10);
    const score = tenths / 10;
    scores[target] = score;
    if (plainBands) {
      bands[target] = tenths >= 0 && tenths <= 1000 ? (bandTable[tenths] ?? 0) : plainBandOf(bandFrom, score);
      continue;
    }
    const before = previous[target] ?? noBand;
    bands[target] = bandIndexOf(bandFrom, margin, score, before === noBand || before >= bandFrom.length ? -1 : before);
  }
}

/**
 * Scores `count` rows block by block, group by group, measure by measure:
 * the points of one measure for a whole block, then its share of its
 * group's sums; the same sums in the same order as `combinePoints`, so the
 * scores agree to the bit with `scoreAccount`. A group whose values are
 * all present in a block (the usual case) skips the per-row weights and
 * policies.
 *
 * @internal
 */
export function blockScores(
  model: ScorecardModel,
  count: number,
  source: BlockSource,
  previous: Uint8Array | undefined,
): HealthColumns {
  const out: HealthColumns = { scores: new Float64Array(count), bands: new Uint8Array(count) };
  const block: Block = {
    points: new Float64Array(blockSize),
    staleRows: new Uint8Array(blockSize),
    failed: new Uint8Array(blockSize),
    groupSum: new Float64Array(blockSize),
    groupWeight: new Float64Array(blockSize),
    total: new Float64Array(blockSize),
    totalWeight: new Float64Array(blockSize),
  };
  const { groups } = model;
  const bandTable = plainBandTable(model.bandFrom);
  // Each group's weights summed in measure order, as combinePoints sums them when nothing is missing.
  const weightSums = groups.map((group) =>
    group.measures.reduce((sum, index) => sum + (model.measures[index]?.weight ?? 0), 0),
  );
  // A group can be added whole when none of its measures checks staleness and its weights add up to more than 0.
  const canBeWhole = groups.map(
    (group, index) =>
      (weightSums[index] ?? 0) > 0 && group.measures.every((measure) => model.measures[measure]?.stale === null),
  );
  for (let start = 0; start < count; start += blockSize) {
    const length = Math.min(blockSize, count - start);
    source.prepare?.(start, length);
    block.failed.fill(0);
    block.total.fill(0);
    // The group weight that counted, the same for every row while every group so far was whole; NaN once one was not.
    let uniformWeight = 0;
    for (let index = 0; index < groups.length; index++) {
      const group = groups[index];
      if (group === undefined) continue;
      const whole =
        canBeWhole[index] === true && addWholeGroup(model, group, weightSums[index] ?? 0, source, start, length, block);
      if (whole) {
        if (uniformWeight === uniformWeight) uniformWeight += group.weight;
        else
          for (let row = 0; row < length; row++) block.totalWeight[row] = (block.totalWeight[row] ?? 0) + group.weight;
        continue;
      }
      if (uniformWeight === uniformWeight) {
        block.totalWeight.fill(uniformWeight);
        uniformWeight = Number.NaN;
      }
      addGroup(model, group, source, start, length, block);
    }
    writeScores(model, start, length, block, uniformWeight, previous, out, bandTable);
  }
  return out;
}
