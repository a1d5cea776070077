/**
 * Nelder–Mead downhill simplex minimisation (Nelder & Mead 1965, with the
 * reflection, expansion, contraction and shrink coefficients 1, 2, ½, ½ of
 * Lagarias et al. 1998). Deterministic: the simplex starts at `start` plus
 * `step` along each axis. A value that is not finite counts as +∞, so the
 * objective can refuse a region by returning NaN or Infinity.
 *
 * @internal
 */

import { at } from '../core/internal.js';

/** Where a minimisation stopped. */
export interface Minimum {
  /** The best point found. */
  readonly point: number[];
  /** The objective there. */
  readonly value: number;
  /** Simplex iterations used. */
  readonly iterations: number;
  /** True when the simplex shrank below both tolerances before `maxIterations`. */
  readonly converged: boolean;
}

/** How long and how finely to search. */
export interface NelderMeadOptions {
  /** Distance of the initial simplex's vertices from `start` along each axis. */
  readonly step: number;
  /** Stop when every vertex is within this distance of the best one, coordinate-wise… */
  readonly pointTolerance: number;
  /** …and every vertex's value is within this of the best value. */
  readonly valueTolerance: number;
  /** Give up (`converged: false`) after this many iterations. */
  readonly maxIterations: number;
}

function finiteOrInfinity(value: number): number {
  return Number.isFinite(value) ? value : Infinity;
}

/** Minimises `objective` from `start`; the objective must not keep the array it is given. */
export function nelderMead(
  objective: (point: Float64Array) => number,
  start: readonly number[],
  options: NelderMeadOptions,
): Minimum {
  const n = start.length;
  const vertices: Float64Array[] = [];
  const values = new Float64Array(n + 1);
  for (let i = 0; i <= n; i++) {
    const vertex = Float64Array.from(start);
    if (i > 0) vertex[i - 1] = at(vertex, i - 1) + options.step;
    vertices.push(vertex);
    values[i] = finiteOrInfinity(objective(vertex));
  }
  const order = Array.from({ length: n + 1 }, (_, index) => index);
  const centroid = new Float64Array(n);
  const reflected = new Float64Array(n);
  const trial = new Float64Array(n);
  const pointAt = (index: number): Float64Array => vertices[index] ?? centroid;
  const valueAt = (index: number): number => at(values, index);
  /** centroid + factor × (centroid − worst), written into `target`. */
  const move = (target: Float64Array, worst: Float64Array, factor: number): number => {
    for (let j = 0; j < n; j++) {
      const middle = at(centroid, j);
      target[j] = middle + factor * (middle - at(worst, j));
    }
    return finiteOrInfinity(objective(target));
  };

  let iterations = 0;
  let converged = false;
  for (; iterations < options.maxIterations; iterations++) {
    order.sort((left, right) => valueAt(left) - valueAt(right));
    const best = at(order, 0);
    const secondWorst = at(order, n - 1);
    const worst = at(order, n);
    if (hasConverged(vertices, values, best, options)) {
      converged = true;
      break;
    }
    centroid.fill(0);
    for (let i = 0; i < n; i++) {
      const vertex = pointAt(at(order, i));
      for (let j = 0; j < n; j++) centroid[j] = at(centroid, j) + at(vertex, j) / n;
    }
    const worstPoint = pointAt(worst);
    const reflectedValue = move(reflected, worstPoint, 1);
    if (reflectedValue < valueAt(best)) {
      const expandedValue = move(trial, worstPoint, 2);
      if (expandedValue < reflectedValue) accept(worstPoint, trial, expandedValue, worst);
      else accept(worstPoint, reflected, reflectedValue, worst);
    } else if (reflectedValue < valueAt(secondWorst)) {
      accept(worstPoint, reflected, reflectedValue, worst);
    } else {
      const outside = reflectedValue < valueAt(worst);
      const contractedValue = move(trial, worstPoint, outside ? 0.5 : -0.5);
      if (outside ? contractedValue <= reflectedValue : contractedValue < valueAt(worst)) {
        accept(worstPoint, trial, contractedValue, worst);
      } else {
        const bestPoint = pointAt(best);
        for (const index of order.slice(1)) {
          const vertex = pointAt(index);
          for (let j = 0; j < n; j++) vertex[j] = at(bestPoint, j) + 0.5 * (at(vertex, j) - at(bestPoint, j));
          values[index] = finiteOrInfinity(objective(vertex));
        }
      }
    }
  }
  order.sort((left, right) => valueAt(left) - valueAt(right));
  const best = at(order, 0);
  return { point: Array.from(pointAt(best)), value: valueAt(best), iterations, converged };

  function accept(target: Float64Array, source: Float64Array, value: number, index: number): void {
    target.set(source);
    values[index] = value;
  }
}

function hasConverged(
  vertices: readonly Float64Array[],
  values: Float64Array,
  best: number,
  options: NelderMeadOptions,
): boolean {
  const bestValue = at(values, best);
  const bestPoint = vertices[best];
  if (!Number.isFinite(bestValue) || bestPoint === undefined) return false;
  for (let i = 0; i < vertices.length; i++) {
    if (Math.abs(at(values, i) - bestValue) > options.valueTolerance) return false;
    const vertex = vertices[i] ?? bestPoint;
    for (let j = 0; j < bestPoint.length; j++) {
      if (Math.abs(at(vertex, j) - at(bestPoint, j)) > options.pointTolerance) return false;
    }
  }
  return true;
}
