import { fail } from '../core/internal.js';

/** A fitted logistic regression: intercept and one coefficient per feature, on the log-odds scale. @internal */
export interface LogisticFit {
  readonly intercept: number;
  readonly coefficients: readonly number[];
  readonly iterations: number;
}

/** Solves `matrix × x = vector` by Gaussian elimination with partial pivoting; the matrix is positive definite here. */
function solve(matrix: number[][], vector: number[]): number[] {
  const size = vector.length;
  const rows = matrix.map((row, index) => [...row, vector[index] ?? 0]);
  for (let column = 0; column < size; column++) {
    let pivot = column;
    for (let row = column + 1; row < size; row++) {
      if (Math.abs(rows[row]?.[column] ?? 0) > Math.abs(rows[pivot]?.[column] ?? 0)) pivot = row;
    }
    const lead = rows[pivot] ?? [];
    rows[pivot] = rows[column] ?? [];
    rows[column] = lead;
    const divisor = lead[column] ?? 0;
    if (Math.abs(divisor) < 1e-300)
      fail('fit_failed', [], 'the features are collinear: the regression has no unique fit');
    for (let row = column + 1; row < size; row++) {
      const target = rows[row] ?? [];
      const factor = (target[column] ?? 0) / divisor;
      for (let at = column; at <= size; at++) target[at] = (target[at] ?? 0) - factor * (lead[at] ?? 0);
    }
  }
  const solution = new Array<number>(size).fill(0);
  for (let row = size - 1; row >= 0; row--) {
    const line = rows[row] ?? [];
    let sum = line[size] ?? 0;
    for (let at = row + 1; at < size; at++) sum -= (line[at] ?? 0) * (solution[at] ?? 0);
    solution[row] = sum / (line[row] ?? 1);
  }
  return solution;
}

/**
 * Fits P(y = 1) = 1 / (1 + e^−(b₀ + Σ bᵢxᵢ)) by Newton–Raphson on the
 * log-likelihood minus (l2 / 2) Σ bᵢ² (the intercept is not penalised),
 * from zero, until no coefficient moves by more than 1e-10.
 *
 * @internal
 */
export function fitLogisticRegression(
  features: readonly (readonly number[])[],
  labels: readonly number[],
  l2: number,
): LogisticFit {
  const width = (features[0]?.length ?? 0) + 1;
  let beta = new Array<number>(width).fill(0);
  for (let iteration = 1; iteration <= 100; iteration++) {
    const gradient = new Array<number>(width).fill(0);
    const hessian = Array.from({ length: width }, () => new Array<number>(width).fill(0));
    features.forEach((row, index) => {
      const x = [1, ...row];
      let eta = 0;
      for (let at = 0; at < width; at++) eta += (beta[at] ?? 0) * (x[at] ?? 0);
      const mu = 1 / (1 + Math.exp(-eta));
      const weight = mu * (1 - mu);
      const residual = (labels[index] ?? 0) - mu;
      for (let a = 0; a < width; a++) {
        gradient[a] = (gradient[a] ?? 0) + residual * (x[a] ?? 0);
        const line = hessian[a] ?? [];
        for (let b = 0; b < width; b++) line[b] = (line[b] ?? 0) + weight * (x[a] ?? 0) * (x[b] ?? 0);
      }
    });
    for (let at = 1; at < width; at++) {
      gradient[at] = (gradient[at] ?? 0) - l2 * (beta[at] ?? 0);
      const line = hessian[at] ?? [];
      line[at] = (line[at] ?? 0) + l2;
    }
    const step = solve(hessian, gradient);
    beta = beta.map((value, at) => value + (step[at] ?? 0));
    if (!beta.every(Number.isFinite)) break;
    if (step.every((value) => Math.abs(value) < 1e-10)) {
      return { intercept: beta[0] ?? 0, coefficients: beta.slice(1), iterations: iteration };
    }
  }
  return fail('fit_failed', [], 'the regression did not converge in 100 Newton steps; raise l2');
}
