/**
 * Maximum likelihood over positive parameters: Nelder–Mead on their
 * logarithms (so every point of the search is a valid parameter set), then
 * restarts from the best point with a fresh simplex until a restart no longer
 * improves the log-likelihood. Nothing is random, so a fit is reproducible to
 * the last digit.
 *
 * @internal
 */
import { at, fail, type PathSegment } from '../core/internal.js';
import { nelderMead } from './nelder-mead.js';

/**
 * A log-parameter beyond ±this (e^16 ≈ 9e6) means the likelihood keeps rising towards the edge of the
 * parameter space. Callers scale their data so that every parameter is unitless and of order 1 at a
 * sensible optimum (shape parameters are; scale parameters are divided by a typical time or spend).
 */
const LOG_PARAMETER_LIMIT = 16;
/** The search refuses points beyond this, so a run-away parameter stops instead of drifting forever. */
const SEARCH_BOX = 30;
const MAX_RESTARTS = 20;
/** How far along each log-parameter axis the identification check looks. */
const IDENTIFICATION_STEP = 0.1;

/** The maximum found. */
export interface LikelihoodMaximum {
  /** The parameters, in the order of `names`. */
  readonly parameters: number[];
  /** The log-likelihood at the maximum (natural log). */
  readonly logLikelihood: number;
  /** Nelder–Mead iterations, over all restarts. */
  readonly iterations: number;
}

/** Options shared by every fit. */
export interface MaximizeOptions {
  /** The parameters' names, for error messages. */
  readonly names: readonly string[];
  /** The starting parameters (positive). */
  readonly start: readonly number[];
  /** Iterations allowed over all restarts. */
  readonly maxIterations: number;
  /** Where the fit's options sit, for the error path. */
  readonly path: readonly PathSegment[];
}

/**
 * Maximises `logLikelihood(parameters)` over positive parameters.
 *
 * @throws SuccessKitError `fit_failed` when the search does not converge within
 * `maxIterations`, or a parameter runs off towards 0 or ∞ (the data do not
 * identify the model), or the likelihood is not finite anywhere it looked.
 */
export function maximizeLogLikelihood(
  logLikelihood: (parameters: Float64Array) => number,
  options: MaximizeOptions,
): LikelihoodMaximum {
  const parameters = new Float64Array(options.start.length);
  const negative = (logParameters: Float64Array): number => {
    for (let i = 0; i < logParameters.length; i++) {
      const logParameter = at(logParameters, i);
      if (Math.abs(logParameter) > SEARCH_BOX) return Infinity;
      parameters[i] = Math.exp(logParameter);
    }
    return -logLikelihood(parameters);
  };
  let point = options.start.map(Math.log);
  let value = negative(Float64Array.from(point));
  let iterations = 0;
  let converged = false;
  for (let restart = 0; restart < MAX_RESTARTS && iterations < options.maxIterations; restart++) {
    // Tight enough that a likelihood still creeping up towards an edge keeps the search moving out to
    // LOG_PARAMETER_LIMIT, loose enough to sit above the rounding noise of a sum over thousands of rows.
    const tolerance = 1e-12 * Math.max(1, Math.abs(value));
    const minimum = nelderMead(negative, point, {
      step: restart === 0 ? 0.5 : 0.1,
      pointTolerance: 1e-9,
      valueTolerance: tolerance,
      maxIterations: options.maxIterations - iterations,
    });
    iterations += minimum.iterations;
    const improvement = value - minimum.value;
    point = minimum.point;
    value = minimum.value;
    if (!minimum.converged) break;
    if (restart > 0 && !(improvement > tolerance)) {
      converged = true;
      break;
    }
  }
  if (!Number.isFinite(value)) {
    fail('fit_failed', options.path, 'the log-likelihood is not finite for any parameters tried');
  }
  point.forEach((logParameter, index) => {
    if (Math.abs(logParameter) > LOG_PARAMETER_LIMIT) {
      const name = options.names[index] ?? String(index);
      const towards = logParameter > 0 ? 'infinity' : 'zero';
      fail('fit_failed', options.path, `${name} runs off towards ${towards}: the data do not identify the model`);
    }
  });
  if (!converged) {
    fail('fit_failed', options.path, `the fit did not converge in ${String(options.maxIterations)} iterations`);
  }
  // A maximum must fall away along every axis; a parameter the likelihood ignores is not estimated.
  const probe = Float64Array.from(point);
  point.forEach((logParameter, index) => {
    for (const offset of [-IDENTIFICATION_STEP, IDENTIFICATION_STEP]) {
      probe[index] = logParameter + offset;
      if (!(negative(probe) > value + 1e-12 * Math.max(1, Math.abs(value)))) {
        const name = options.names[index] ?? String(index);
        fail(
          'fit_failed',
          options.path,
          `the likelihood does not depend on ${name}: the data do not identify the model`,
        );
      }
    }
    probe[index] = logParameter;
  });
  return { parameters: point.map(Math.exp), logLikelihood: -value, iterations };
}
