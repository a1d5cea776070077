/**
 * BFGS quasi-Newton minimisation with a strong-Wolfe line search (Nocedal &
 * Wright 2006, algorithms 6.1, 3.5 and 3.6), for smooth objectives whose
 * gradient is known. Deterministic: it starts from the identity as its
 * inverse-Hessian estimate, rescaled after the first step (N&W eq. 6.20). A
 * value or gradient that is not finite counts as +∞, so the objective can
 * refuse a region by returning NaN or Infinity; the line search then steps
 * back.
 *
 * @internal
 */

import { at } from '../core/internal.js';
import type { Minimum } from './nelder-mead.js';

/** Writes ∇f(point) into `gradient` and returns f(point); must not keep either array. */
export type ObjectiveWithGradient = (point: Float64Array, gradient: Float64Array) => number;

/** How long and how finely to search. */
export interface QuasiNewtonOptions {
  /** Stop when the predicted decrease to the minimum, ½ gᵀ H⁻¹ g, falls below this. */
  readonly valueTolerance: number;
  /**
   * When no step along the search direction lowers the objective (its rounding noise is then larger
   * than the decrease left), stop if the predicted decrease is below this; otherwise start again from
   * steepest descent, or give up if that fails too.
   */
  readonly stallTolerance: number;
  /** Give up (`converged: false`) after this many iterations (line searches). */
  readonly maxIterations: number;
  /** No step moves any coordinate further than this. */
  readonly maxStep: number;
  /** Stop (`converged: false`) as soon as a coordinate of the iterate passes ±this. */
  readonly bound: number;
}

/** Where a minimisation stopped; `evaluations` counts objective calls. */
export interface QuasiNewtonMinimum extends Minimum {
  readonly evaluations: number;
}

/** Sufficient decrease and curvature constants of the strong Wolfe conditions (N&W §3.1). */
const SUFFICIENT_DECREASE = 1e-4;
const CURVATURE = 0.9;
/** Trial steps per line search; away from rounding noise one to three suffice. */
const MAX_LINE_SEARCH_STEPS = 12;

/** One point of the search: position, value and gradient. */
interface Probe {
  readonly point: Float64Array;
  readonly gradient: Float64Array;
  value: number;
}

function probe(n: number): Probe {
  return { point: new Float64Array(n), gradient: new Float64Array(n), value: Infinity };
}

function dot(left: Float64Array, right: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < left.length; i++) sum += at(left, i) * at(right, i);
  return sum;
}

function largestMagnitude(values: Float64Array): number {
  let largest = 0;
  for (const value of values) largest = Math.max(largest, Math.abs(value));
  return largest;
}

function setIdentity(matrix: Float64Array, n: number, scale: number): void {
  matrix.fill(0);
  for (let i = 0; i < n; i++) matrix[i * n + i] = scale;
}

/** Minimises `objective` from `start`. */
export function quasiNewton(
  objective: ObjectiveWithGradient,
  start: readonly number[],
  options: QuasiNewtonOptions,
): QuasiNewtonMinimum {
  const n = start.length;
  let evaluations = 0;
  /** Evaluates at `target.point`; anything not finite becomes +∞. */
  const evaluate = (target: Probe): number => {
    evaluations++;
    const value = objective(target.point, target.gradient);
    let finite = Number.isFinite(value);
    for (let i = 0; finite && i < n; i++) finite = Number.isFinite(at(target.gradient, i));
    target.value = finite ? value : Infinity;
    return target.value;
  };

  let current = probe(n);
  current.point.set(start);
  if (evaluate(current) === Infinity) {
    return { point: [...start], value: Infinity, iterations: 0, converged: false, evaluations };
  }
  let trial = probe(n);
  let spare = probe(n);
  const inverseHessian = new Float64Array(n * n);
  setIdentity(inverseHessian, n, 1);
  let updated = false;
  const direction = new Float64Array(n);
  const step = new Float64Array(n);
  const change = new Float64Array(n);
  const hessianChange = new Float64Array(n);

  const at0 = { value: 0, slope: 0 };
  /** Moves `target` to current + t·direction and returns φ(t); φ'(t) is `slopeOf(target)`. */
  const phi = (target: Probe, t: number): number => {
    for (let i = 0; i < n; i++) target.point[i] = at(current.point, i) + t * at(direction, i);
    return evaluate(target);
  };
  const slopeOf = (target: Probe): number => dot(target.gradient, direction);

  /**
   * N&W algorithm 3.6 between `from` (the best step so far, with value `fromValue`) and `to`; leaves
   * the accepted point in `trial` and returns true, or false when no step satisfies even sufficient
   * decrease.
   */
  const zoom = (from: number, fromValue: number, fromSlope: number, to: number, toValue: number): boolean => {
    let [low, lowValue, lowSlope, high, highValue] = [from, fromValue, fromSlope, to, toValue];
    // `spare` holds the point at `low` when low > 0.
    let found = low > 0;
    for (let i = 0; i < MAX_LINE_SEARCH_STEPS; i++) {
      const width = high - low;
      // The minimum of the quadratic through φ(low), φ'(low) and φ(high), kept inside the middle 80%.
      const curvature = highValue - lowValue - lowSlope * width;
      let t = Number.isFinite(highValue) && curvature > 0 ? low - (lowSlope * width * width) / (2 * curvature) : NaN;
      const inner = low + 0.1 * width;
      const outer = high - 0.1 * width;
      if (!(t >= Math.min(inner, outer) && t <= Math.max(inner, outer))) t = low + 0.5 * width;
      const value = phi(trial, t);
      if (value > at0.value + SUFFICIENT_DECREASE * t * at0.slope || value >= lowValue) {
        high = t;
        highValue = value;
      } else {
        const slope = slopeOf(trial);
        if (Math.abs(slope) <= -CURVATURE * at0.slope) return true;
        if (slope * (high - low) >= 0) {
          high = low;
          highValue = lowValue;
        }
        low = t;
        lowValue = value;
        lowSlope = slope;
        found = true;
        [spare, trial] = [trial, spare];
      }
      if (Math.abs(high - low) <= 1e-12 * Math.max(1, Math.abs(low))) break;
    }
    // Sufficient decrease without the curvature condition: still a step downhill.
    if (found) [spare, trial] = [trial, spare];
    return found;
  };

  /**
   * N&W algorithm 3.5 along `direction`, longest step `longest`; the accepted point is left in `trial`.
   * When the decrease left is within rounding noise (`noisy`), a first step that does not lower the
   * value ends the search at once: bisecting noise finds nothing.
   */
  const lineSearch = (longest: number, noisy: boolean): boolean => {
    at0.value = current.value;
    at0.slope = dot(current.gradient, direction);
    let previous = 0;
    let previousValue = current.value;
    let previousSlope = at0.slope;
    let t = Math.min(1, longest);
    for (let i = 0; i < MAX_LINE_SEARCH_STEPS; i++) {
      const value = phi(trial, t);
      if (value > at0.value + SUFFICIENT_DECREASE * t * at0.slope || (i > 0 && value >= previousValue)) {
        if (noisy && i === 0) return false;
        return zoom(previous, previousValue, previousSlope, t, value);
      }
      const slope = slopeOf(trial);
      if (Math.abs(slope) <= -CURVATURE * at0.slope) return true;
      if (t >= longest) return true;
      [spare, trial] = [trial, spare];
      if (slope >= 0) return zoom(t, value, slope, previous, previousValue);
      previous = t;
      previousValue = value;
      previousSlope = slope;
      t = Math.min(2 * t, longest);
    }
    [spare, trial] = [trial, spare];
    return true;
  };

  let iterations = 0;
  let converged = false;
  for (; iterations < options.maxIterations; iterations++) {
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let j = 0; j < n; j++) sum -= at(inverseHessian, i * n + j) * at(current.gradient, j);
      direction[i] = sum;
    }
    // gᵀ H⁻¹ g, twice the decrease a Newton step would bring. Should rounding make the estimate lose
    // positive definiteness, the line search fails and the estimate restarts from the identity.
    const decrement = -dot(current.gradient, direction);
    if (decrement <= 2 * options.valueTolerance && (updated || decrement === 0)) {
      converged = true;
      break;
    }
    const longest = options.maxStep / largestMagnitude(direction);
    const noisy = decrement <= 2 * options.stallTolerance;
    if (!lineSearch(longest, noisy)) {
      if (noisy) {
        converged = true;
        break;
      }
      if (!updated) break;
      setIdentity(inverseHessian, n, 1);
      updated = false;
      continue;
    }
    for (let i = 0; i < n; i++) {
      step[i] = at(trial.point, i) - at(current.point, i);
      change[i] = at(trial.gradient, i) - at(current.gradient, i);
    }
    [current, trial] = [trial, current];
    if (largestMagnitude(current.point) > options.bound) {
      iterations++;
      break;
    }
    const curvature = dot(step, change);
    if (curvature > 1e-12 * Math.sqrt(dot(step, step) * dot(change, change))) {
      if (!updated) setIdentity(inverseHessian, n, curvature / dot(change, change));
      updated = true;
      updateInverseHessian(inverseHessian, n, step, change, curvature, hessianChange);
    }
  }
  return { point: Array.from(current.point), value: current.value, iterations, converged, evaluations };
}

/** H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ with ρ = 1 / yᵀs (N&W eq. 6.17). */
function updateInverseHessian(
  matrix: Float64Array,
  n: number,
  step: Float64Array,
  change: Float64Array,
  curvature: number,
  scratch: Float64Array,
): void {
  const rho = 1 / curvature;
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += at(matrix, i * n + j) * at(change, j);
    scratch[i] = sum;
  }
  const quadratic = dot(change, scratch);
  const factor = rho * (1 + rho * quadratic);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const si = at(step, i);
      const sj = at(step, j);
      matrix[i * n + j] = at(matrix, i * n + j) + factor * si * sj - rho * (at(scratch, i) * sj + si * at(scratch, j));
    }
  }
}
