import { isStaleDate, type PolicyModel, type ScorecardModel } from './scorecard-model.js';

/** Status codes of {@link MeasurePoints}: 0 ok, 1 missing, 2 stale. @internal */
export const ok = 0;
/** @internal */
export const missing = 1;
/** @internal */
export const stale = 2;

/** Per measure of one account: the points as scored, the points that count, and the status. @internal */
export interface MeasurePoints {
  /** The value of each measure's field, as read once for its points and its explanation. */
  readonly seen: unknown[];
  /** The measure's own points 0–100 of the value seen; NaN when it could not be scored. */
  readonly scored: Float64Array;
  /** The points the score uses after the missing and stale policies; NaN when redistributed. */
  readonly effective: Float64Array;
  readonly status: Uint8Array;
  /** The index of the first measure whose `fail` policy applied, or −1. */
  failed: number;
  /** Scratch for explanations: effective measure and group shares, group points and weights, raw contributions and their tenths. */
  readonly measureShare: Float64Array;
  readonly groupShare: Float64Array;
  readonly groupPoints: Float64Array;
  readonly groupWeight: Float64Array;
  readonly raw: Float64Array;
  readonly tenths: Int32Array;
  readonly remainders: Float64Array;
}

/** Fresh buffers for one account's measure points. @internal */
export function measurePoints(model: ScorecardModel): MeasurePoints {
  const count = model.measures.length;
  const groups = model.groups.length;
  return {
    seen: new Array<unknown>(count).fill(undefined),
    scored: new Float64Array(count),
    effective: new Float64Array(count),
    status: new Uint8Array(count),
    failed: -1,
    measureShare: new Float64Array(count),
    groupShare: new Float64Array(groups),
    groupPoints: new Float64Array(groups),
    groupWeight: new Float64Array(groups),
    raw: new Float64Array(count),
    tenths: new Int32Array(count),
    remainders: new Float64Array(count),
  };
}

function apply(target: MeasurePoints, index: number, policy: PolicyModel): void {
  target.effective[index] = policy.points;
  if (policy.kind === 'fail' && target.failed < 0) target.failed = index;
}

/**
 * Fills `target` with the points of every measure of `snapshot`, as of the
 * epoch day `asOfDay`: a value that cannot be scored is missing, a value
 * whose date is older than the measure allows is stale, and each then
 * counts as its policy says.
 *
 * @internal
 */
export function scoreMeasures(model: ScorecardModel, snapshot: object, asOfDay: number, target: MeasurePoints): void {
  const { measures } = model;
  target.failed = -1;
  for (const measure of measures) {
    const { index } = measure;
    const value = measure.read(snapshot);
    target.seen[index] = value;
    const points = measure.points(value);
    target.scored[index] = points;
    if (points !== points) {
      target.status[index] = missing;
      apply(target, index, measure.missing);
    } else if (measure.stale !== null && isStaleDate(measure.stale.read(snapshot), asOfDay, measure.stale.maxAgeDays)) {
      target.status[index] = stale;
      apply(target, index, measure.stale.policy);
    } else {
      target.status[index] = ok;
      target.effective[index] = points;
    }
  }
}
