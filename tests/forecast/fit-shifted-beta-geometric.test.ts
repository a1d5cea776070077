import { describe, expect, it } from 'vitest';
import { fitShiftedBetaGeometric, fitShiftedBetaGeometricCohorts } from '../../src/forecast/fit-shifted-beta-geometric';
import { sbgSurvival } from '../../src/forecast/shifted-beta-geometric';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { deepFreeze } from '../freeze';
import { survivors } from '../fixtures/published';

/** Rounds to `digits` significant figures, the precision a paper prints. */
function significant(value: number, digits: number): number {
  return Number(value.toPrecision(digits));
}

const { regular, highEnd } = survivors();

describe('fitShiftedBetaGeometric', () => {
  it('reproduces the regular cohort of Fader & Hardie (2007): α 0.704, β 1.182, LL −1680.27', () => {
    const fit = fitShiftedBetaGeometric(regular.slice(0, 8));
    expect([significant(fit.alpha, 3), Number(fit.beta.toFixed(3)), Number(fit.logLikelihood.toFixed(2))]).toEqual([
      0.704, 1.182, -1680.27,
    ]);
    expect(fit.periods).toBe(7);
    expect(fit.converged).toBe(true);
    expect(fit.iterations).toBeGreaterThan(0);
  });

  it('reproduces the high-end cohort of Fader & Hardie (2007): α 0.668, β 3.806, LL −1611.16', () => {
    const fit = fitShiftedBetaGeometric(highEnd.slice(0, 8));
    expect([significant(fit.alpha, 3), Number(fit.beta.toFixed(3)), Number(fit.logLikelihood.toFixed(2))]).toEqual([
      0.668, 3.806, -1611.16,
    ]);
  });

  it('gives the same α and β for shares as for counts, with the log-likelihood scaled', () => {
    const counts = regular.slice(0, 8);
    const fromCounts = fitShiftedBetaGeometric(counts);
    const fromShares = fitShiftedBetaGeometric(counts.map((count) => count / 1000));
    expect(fromShares.alpha).toBeCloseTo(fromCounts.alpha, 6);
    expect(fromShares.beta).toBeCloseTo(fromCounts.beta, 6);
    expect(fromShares.logLikelihood * 1000).toBeCloseTo(fromCounts.logLikelihood, 3);
  });

  it('does not change its input and returns the same fit every time', () => {
    const counts = deepFreeze(regular.slice(0, 8));
    expect(fitShiftedBetaGeometric(counts)).toEqual(fitShiftedBetaGeometric(counts));
  });

  it('rejects a count that increases, naming its index', () => {
    const error = catchSuccessKitError(() => fitShiftedBetaGeometric([1000, 631, 680, 500]));
    expect(error.code).toBe('invalid_input');
    expect(issuePaths(error)).toEqual(['activeCounts[2]']);
  });

  it('rejects negative, non-finite and missing counts, fewer than 3 counts and an empty cohort', () => {
    const pathsOf = (input: unknown) =>
      issuePaths(catchSuccessKitError(() => fitShiftedBetaGeometric(input as number[])));
    expect(pathsOf([1000, -1, 0])).toEqual(['activeCounts[1]']);
    expect(pathsOf([1000, Infinity, 0])).toEqual(['activeCounts[1]']);
    expect(pathsOf([1000, 900])).toEqual(['activeCounts']);
    expect(pathsOf([])).toEqual(['activeCounts']);
    expect(pathsOf('1000,900,800')).toEqual(['activeCounts']);
    expect(pathsOf([0, 0, 0])).toEqual(['activeCounts[0]']);
  });

  it('rejects bad options', () => {
    const error = catchSuccessKitError(() => fitShiftedBetaGeometric([10, 8, 7], { maxIterations: 0 }));
    expect([error.code, ...issuePaths(error)]).toEqual(['invalid_input', 'options.maxIterations']);
  });

  it('refuses to return parameters when the optimiser runs out of iterations', () => {
    const error = catchSuccessKitError(() => fitShiftedBetaGeometric(regular.slice(0, 8), { maxIterations: 5 }));
    expect(error.code).toBe('fit_failed');
    expect(error.message).toBe('fit_failed: activeCounts: the fit did not converge in 5 iterations');
  });

  it('fails when no one churns, everyone churns at once, or retention falls with tenure', () => {
    for (const counts of [
      [1000, 1000, 1000],
      [1000, 0, 0],
      [1000, 500, 100],
      [1000, 900, 810, 729],
    ]) {
      const error = catchSuccessKitError(() => fitShiftedBetaGeometric(counts));
      expect(error.code).toBe('fit_failed');
      expect(error.message).toMatch(/runs off towards (zero|infinity): the data do not identify the model/);
    }
  });
});

describe('fitShiftedBetaGeometricCohorts', () => {
  /** The sBG log-likelihood of cohorts computed from the survival function, independently of the fit. */
  function logLikelihood(params: { alpha: number; beta: number }, cohorts: readonly (readonly number[])[]): number {
    let total = 0;
    for (const counts of cohorts) {
      for (let t = 1; t < counts.length; t++) {
        const lost = counts[t - 1]! - counts[t]!;
        if (lost > 0) total += lost * Math.log(sbgSurvival(params, t - 1) - sbgSurvival(params, t));
      }
      total += counts.at(-1)! * Math.log(sbgSurvival(params, counts.length - 1));
    }
    return total;
  }

  // Three acquisition years of the regular cohort's customers, observed for 7, 4 and 2 years.
  const cohorts = [regular.slice(0, 8), regular.slice(0, 5).map((count) => count / 2), regular.slice(0, 3)];

  it('with one cohort is the single-cohort fit', () => {
    expect(fitShiftedBetaGeometricCohorts([regular.slice(0, 8)])).toEqual(fitShiftedBetaGeometric(regular.slice(0, 8)));
  });

  it('recovers the parameters behind cohorts of different sizes observed for different lengths', () => {
    const truth = { alpha: 0.7, beta: 1.2 };
    const expected = (size: number, periods: number) =>
      Array.from({ length: periods + 1 }, (_, t) => size * sbgSurvival(truth, t));
    const fit = fitShiftedBetaGeometricCohorts([expected(1000, 7), expected(500, 4), expected(800, 2)]);
    expect([significant(fit.alpha, 4), significant(fit.beta, 4), fit.periods]).toEqual([0.7, 1.2, 7]);
  });

  it('maximises the summed likelihood: its value matches an independent computation and no nearby point beats it', () => {
    const fit = fitShiftedBetaGeometricCohorts(cohorts);
    expect(fit.logLikelihood).toBeCloseTo(logLikelihood(fit, cohorts), 8);
    for (const [da, db] of [
      [1e-3, 0],
      [-1e-3, 0],
      [0, 1e-3],
      [0, -1e-3],
    ] as const) {
      const nearby = { alpha: fit.alpha * (1 + da), beta: fit.beta * (1 + db) };
      expect(logLikelihood(nearby, cohorts)).toBeLessThan(fit.logLikelihood);
    }
  });

  it('gives the same parameters for a cohort listed twice, with the log-likelihood doubled', () => {
    const once = fitShiftedBetaGeometricCohorts([highEnd.slice(0, 8)]);
    const twice = fitShiftedBetaGeometricCohorts([highEnd.slice(0, 8), highEnd.slice(0, 8)]);
    expect(twice.alpha).toBeCloseTo(once.alpha, 6);
    expect(twice.beta).toBeCloseTo(once.beta, 6);
    expect(twice.logLikelihood).toBeCloseTo(2 * once.logLikelihood, 6);
  });

  it('does not change its input', () => {
    const frozen = deepFreeze(cohorts.map((counts) => [...counts]));
    expect(fitShiftedBetaGeometricCohorts(frozen)).toEqual(fitShiftedBetaGeometricCohorts(cohorts));
  });

  it('names the cohort and period of a bad count', () => {
    const pathsOf = (input: unknown) =>
      issuePaths(catchSuccessKitError(() => fitShiftedBetaGeometricCohorts(input as number[][])));
    expect(
      pathsOf([
        [1000, 631],
        [500, 300, 320],
      ]),
    ).toEqual(['cohorts[1][2]']);
    expect(pathsOf([[1000, 631, 700]])).toEqual(['cohorts[0][2]']);
    expect(
      pathsOf([
        [1000, 631],
        [0, 0],
      ]),
    ).toEqual(['cohorts[1][0]']);
    expect(
      pathsOf([
        [1000, 631],
        [500, -1],
      ]),
    ).toEqual(['cohorts[1][1]']);
    expect(pathsOf([[1000, 631], [500]])).toEqual(['cohorts[1]']);
    expect(pathsOf([])).toEqual(['cohorts']);
    expect(pathsOf([1000, 631])).toEqual(['cohorts[0]', 'cohorts[1]']);
  });

  it('fits 130,000 cohorts without overflowing the stack', () => {
    const cohorts = Array.from({ length: 130_000 }, (_, index) => (index % 2 === 0 ? [100, 60, 45] : [80, 50]));
    const fit = fitShiftedBetaGeometricCohorts(cohorts);
    expect([fit.periods, fit.converged]).toEqual([2, true]);
  });

  it('fails at once, with the reason, when no customer churned in any cohort', () => {
    const cohorts = Array.from({ length: 1000 }, () => [100, 100, 100]);
    expect(catchSuccessKitError(() => fitShiftedBetaGeometricCohorts(cohorts)).message).toBe(
      'fit_failed: cohorts: no customer churned in any period, so alpha runs off towards zero: the data do not identify the model',
    );
  });

  it('reads a sparse cohort list or cohort as holding undefined, and names the hole', () => {
    // eslint-disable-next-line no-sparse-arrays
    const sparseCohorts = [[10, 8], , [10, 7]] as never;
    // eslint-disable-next-line no-sparse-arrays
    const sparseCounts = [[10, , 7]] as never;
    expect([
      issuePaths(catchSuccessKitError(() => fitShiftedBetaGeometricCohorts(sparseCohorts))),
      issuePaths(catchSuccessKitError(() => fitShiftedBetaGeometricCohorts(sparseCounts))),
    ]).toEqual([['cohorts[1]'], ['cohorts[0][1]']]);
  });

  it('fails when the cohorts do not identify the model', () => {
    const error = catchSuccessKitError(() =>
      fitShiftedBetaGeometricCohorts([
        [100, 100],
        [50, 50, 50],
      ]),
    );
    expect(error.code).toBe('fit_failed');
  });
});
