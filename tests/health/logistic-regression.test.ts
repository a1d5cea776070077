import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mannWhitneyAuc } from '../../src/health/auc';
import { fitLogisticRegression } from '../../src/health/logistic-regression';
import { catchSuccessKitError } from '../catch-error';

interface Reference {
  readonly features: number[][];
  readonly labels: number[];
  readonly fits: { l2: number; intercept: number; coefficients: number[] }[];
}

// Computed by tests/fixtures/logistic_reference.py with scipy's BFGS (see tests/fixtures/README.md).
const reference = JSON.parse(
  readFileSync(join(import.meta.dirname, '../fixtures/logistic_reference.json'), 'utf8'),
) as Reference;

describe('the L2 logistic regression behind suggestWeights', () => {
  for (const expected of reference.fits) {
    it(`matches scipy's BFGS fit of the 80-row reference set with l2 ${String(expected.l2)} to 6 decimals`, () => {
      const fit = fitLogisticRegression(reference.features, reference.labels, expected.l2);
      expect(fit.intercept).toBeCloseTo(expected.intercept, 6);
      fit.coefficients.forEach((value, index) => {
        expect(value).toBeCloseTo(expected.coefficients[index] ?? 0, 6);
      });
    });
  }

  it('is deterministic: the same data give the same bits', () => {
    expect(fitLogisticRegression(reference.features, reference.labels, 1)).toEqual(
      fitLogisticRegression(reference.features, reference.labels, 1),
    );
  });

  it('fails with fit_failed on separable data without enough penalty to converge', () => {
    const error = catchSuccessKitError(() => fitLogisticRegression([[0], [0], [1], [1]], [0, 0, 1, 1], 1e-300));
    expect(error.code).toBe('fit_failed');
  });
});

describe('the Mann–Whitney AUC', () => {
  it('of retained 40, 90 against churned 20, 60 is 3/4, by hand: 40>20, 90>20, 90>60 of four pairs', () => {
    expect(mannWhitneyAuc([20, 40, 60, 90], [1, 0, 1, 0], 0.95)?.value).toBe(0.75);
  });

  it('counts a tie as half a pair: retained 50, 70 against churned 50 is (0.5 + 1) / 2', () => {
    expect(mannWhitneyAuc([50, 50, 70], [1, 0, 0], 0.95)?.value).toBe(0.75);
  });

  it('has the Hanley–McNeil interval: A 0.75 over 2 churned and 2 retained', () => {
    const auc = mannWhitneyAuc([20, 40, 60, 90], [1, 0, 1, 0], 0.95);
    const q1 = 0.75 / 1.25;
    const q2 = (2 * 0.75 ** 2) / 1.75;
    const se = Math.sqrt((0.75 * 0.25 + (q1 - 0.5625) + (q2 - 0.5625)) / 4);
    expect(auc?.lower).toBeCloseTo(Math.max(0, 0.75 - 1.959963984540054 * se), 12);
    expect(auc?.upper).toBe(1);
  });

  it('is null without both classes', () => {
    expect(mannWhitneyAuc([1, 2], [0, 0], 0.95)).toBeNull();
  });
});
