import { at, fail } from '../core/internal.js';

/** A fitted logistic regression: intercept and one coefficient per feature, on the log-odds scale. @internal */
export interface LogisticFit {
  readonly intercept: number;
  readonly coefficients: readonly number[];
  readonly iterations: number;
}

/**
 * Solves `matrix × x = vector` in place by Gaussian elimination with
 * partial pivoting; `matrix` is `size × size`, row after row. The matrix
 * here is positive definite (a Hessian plus the L2 penalty).
 */
function solve(matrix: Float64Array, vector: Float64Array, size: number): Float64Array {
  for (let column = 0; column < size; column++) {
    let pivot = column;
    for (let row = column + 1; row < size; row++) {
      if (Math.abs(at(matrix, row * size + column)) > Math.abs(at(matrix, pivot * size + column))) pivot = row;
    }
    if (pivot !== column) {
      for (let index = 0; index < size; index++) {
        const swap = at(matrix, column * size + index);
        matrix[column * size + index] = at(matrix, pivot * size + index);
        matrix[pivot * size + index] = swap;
      }
      const swap = at(vector, column);
      vector[column] = at(vector, pivot);
      vector[pivot] = swap;
    }
    const divisor = at(matrix, column * size + column);
    if (!(Math.abs(divisor) > 1e-300))
      fail('fit_failed', [], 'the features are collinear: the regression has no unique fit');
    for (let row = column + 1; row < size; row++) {
      const factor = at(matrix, row * size + column) / divisor;
      for (let index = column; index < size; index++) {
        matrix[row * size + index] = at(matrix, row * size + index) - factor * at(matrix, column * size + index);
      }
      vector[row] = at(vector, row) - factor * at(vector, column);
    }
  }
  const solution = new Float64Array(size);
  for (let row = size - 1; row >= 0; row--) {
    let sum = at(vector, row);
    for (let index = row + 1; index < size; index++) sum -= at(matrix, row * size + index) * at(solution, index);
    solution[row] = sum / at(matrix, row * size + row);
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
  const beta = new Float64Array(width);
  const x = new Float64Array(width);
  x[0] = 1;
  for (let iteration = 1; iteration <= 100; iteration++) {
    const gradient = new Float64Array(width);
    const hessian = new Float64Array(width * width);
    features.forEach((row, index) => {
      row.forEach((value, column) => (x[column + 1] = value));
      let eta = 0;
      for (let column = 0; column < width; column++) eta += at(beta, column) * at(x, column);
      const mu = 1 / (1 + Math.exp(-eta));
      const weight = mu * (1 - mu);
      const residual = at(labels, index) - mu;
      for (let a = 0; a < width; a++) {
        gradient[a] = at(gradient, a) + residual * at(x, a);
        for (let b = 0; b < width; b++)
          hessian[a * width + b] = at(hessian, a * width + b) + weight * at(x, a) * at(x, b);
      }
    });
    for (let column = 1; column < width; column++) {
      gradient[column] = at(gradient, column) - l2 * at(beta, column);
      hessian[column * width + column] = at(hessian, column * width + column) + l2;
    }
    const step = solve(hessian, gradient, width);
    let largest = 0;
    for (let column = 0; column < width; column++) {
      beta[column] = at(beta, column) + at(step, column);
      largest = Math.max(largest, Math.abs(at(step, column)));
    }
    if (!(largest < Infinity)) break;
    if (largest < 1e-10) return { intercept: at(beta, 0), coefficients: [...beta.subarray(1)], iterations: iteration };
  }
  return fail('fit_failed', [], 'the regression did not converge in 100 Newton steps; raise l2');
}
