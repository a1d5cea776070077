/**
 * Maximum likelihood over positive parameters, searched on their logarithms
 * (so every point of the search is a valid parameter set). With the
 * log-likelihood's gradient: BFGS, which needs a few dozen evaluations where
 * Nelder–Mead needs hundreds. Without it, or when BFGS stalls short of a
 * maximum: Nelder–Mead, restarted from the best point with a fresh simplex
 * until a restart no longer improves the log-likelihood. Nothing is random,
 * so a fit is reproducible to the last digit.
 *
 * @internal
 */
import { at, fail, type PathSegment } from '../core/internal.js';
import { nelderMead } from './nelder-mead.js';
import { quasiNewton } from './quasi-newton.js';

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

/** Changes of the log-likelihood below this (relative) are rounding noise in a sum over thousands of rows. */
const VALUE_TOLERANCE = 1e-12;
/**
 * BFGS stops when it expects less than this (relative to the log-likelihood) from going on. Far below
 * what Nelder–Mead can resolve, and reachable because the gradient is exact: a likelihood still rising
 * towards an edge keeps the search moving out to LOG_PARAMETER_LIMIT, and a maximum is pinned down to
 * about 1e-9 in every log-parameter.
 */
const GRADIENT_TOLERANCE = 1e-18;
/** The longest quasi-Newton step along any log-parameter: a factor of e² ≈ 7.4 per step. */
const MAX_LOG_STEP = 2;

/** Writes ∂ ln L / ∂θᵢ into `gradient` (θ the parameters, not their logs) and returns ln L. */
export type LogLikelihoodGradient = (parameters: Float64Array, gradient: Float64Array) => number;

/** The maximum found. */
export interface LikelihoodMaximum {
  /** The parameters, in the order of `names`. */
  readonly parameters: number[];
  /** The log-likelihood at the maximum (natural log). */
  readonly logLikelihood: number;
  /** Quasi-Newton plus Nelder–Mead iterations, over all restarts. */
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
  /** The log-likelihood with its gradient; without it the search is Nelder–Mead only. */
  readonly gradient?: LogLikelihoodGradient;
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
  // A parameter past the limit is reported as running off below; Nelder–Mead would only confirm it.
  let escaped = false;
  const { gradient } = options;
  if (gradient !== undefined) {
    const minimum = quasiNewton(negativeWithGradient(gradient, parameters), point, {
      valueTolerance: GRADIENT_TOLERANCE * Math.max(1, Math.abs(value)),
      stallTolerance: VALUE_TOLERANCE * Math.max(1, Math.abs(value)),
      maxIterations: options.maxIterations,
      maxStep: MAX_LOG_STEP,
      bound: LOG_PARAMETER_LIMIT,
    });
    // Every step BFGS takes lowers −ln L, so its point is never worse than the start.
    iterations = minimum.iterations;
    point = minimum.point;
    value = minimum.value;
    converged = minimum.converged;
    escaped = point.some((logParameter) => Math.abs(logParameter) > LOG_PARAMETER_LIMIT);
  }
  for (
    let restart = 0;
    !converged && !escaped && restart < MAX_RESTARTS && iterations < options.maxIterations;
    restart++
  ) {
    // Tight enough that a likelihood still creeping up towards an edge keeps the search moving out to
    // LOG_PARAMETER_LIMIT, loose enough to sit above the rounding noise of a sum over thousands of rows.
    const tolerance = VALUE_TOLERANCE * Math.max(1, Math.abs(value));
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

/** −ln L and its gradient in the log-parameters, ∂(−ln L)/∂ ln θᵢ = −θᵢ ∂ ln L/∂θᵢ; +∞ outside the search box. */
function negativeWithGradient(
  gradient: LogLikelihoodGradient,
  parameters: Float64Array,
): (logParameters: Float64Array, logGradient: Float64Array) => number {
  return (logParameters, logGradient) => {
    for (let i = 0; i < logParameters.length; i++) {
      const logParameter = at(logParameters, i);
      if (Math.abs(logParameter) > SEARCH_BOX) return Infinity;
      parameters[i] = Math.exp(logParameter);
    }
    const value = gradient(parameters, logGradient);
    for (let i = 0; i < logGradient.length; i++) logGradient[i] = -at(parameters, i) * at(logGradient, i);
    return -value;
  };
}
