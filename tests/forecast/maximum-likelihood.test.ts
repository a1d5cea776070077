import { describe, expect, it } from 'vitest';
import { maximizeLogLikelihood, type LogLikelihoodGradient } from '../../src/forecast/maximum-likelihood';
import { catchSuccessKitError } from '../catch-error';

// Two independent Poisson rates with observed totals 12 over 4 periods and 3 over 6: ln L = Σ (k ln θ − n θ),
// maximised at θ = (3, 0.5).
const totals = [12, 3];
const periods = [4, 6];
const poisson: LogLikelihoodGradient = (parameters, gradient) => {
  let value = 0;
  parameters.forEach((theta, index) => {
    value += totals[index]! * Math.log(theta) - periods[index]! * theta;
    gradient[index] = totals[index]! / theta - periods[index]!;
  });
  return value;
};
const valueOnly = (parameters: Float64Array) => poisson(parameters, new Float64Array(parameters.length));
const options = { names: ['first', 'second'], start: [1, 1], maxIterations: 1000, path: ['counts'] };

describe('maximizeLogLikelihood', () => {
  it('finds the same maximum with the gradient (BFGS) as without it (Nelder–Mead), in far fewer iterations', () => {
    const withGradient = maximizeLogLikelihood(valueOnly, { ...options, gradient: poisson });
    const without = maximizeLogLikelihood(valueOnly, options);
    expect(withGradient.parameters[0]).toBeCloseTo(3, 8);
    expect(withGradient.parameters[1]).toBeCloseTo(0.5, 8);
    expect(without.parameters[0]).toBeCloseTo(3, 7);
    expect(without.parameters[1]).toBeCloseTo(0.5, 7);
    expect(withGradient.logLikelihood).toBeCloseTo(without.logLikelihood, 10);
    expect(withGradient.iterations * 5).toBeLessThan(without.iterations);
  });

  it('falls back on Nelder–Mead when the gradient misleads BFGS, and still finds the maximum', () => {
    const misleading: LogLikelihoodGradient = (parameters, gradient) => {
      const value = poisson(parameters, gradient);
      gradient[0] = gradient[0]! + 0.5;
      return value;
    };
    const maximum = maximizeLogLikelihood(valueOnly, { ...options, gradient: misleading });
    expect(maximum.parameters[0]).toBeCloseTo(3, 7);
    expect(maximum.parameters[1]).toBeCloseTo(0.5, 7);
  });

  it('fails, naming the parameter, when the likelihood keeps rising towards infinity or zero', () => {
    // ln L = ln θ₁ − ln(1 + θ₂) rises for ever as θ₁ grows (and as θ₂ shrinks).
    const rising: LogLikelihoodGradient = (parameters, gradient) => {
      gradient[0] = 1 / parameters[0]!;
      gradient[1] = -1 / (1 + parameters[1]!);
      return Math.log(parameters[0]!) - Math.log(1 + parameters[1]!);
    };
    const value = (parameters: Float64Array) => rising(parameters, new Float64Array(2));
    expect(catchSuccessKitError(() => maximizeLogLikelihood(value, { ...options, gradient: rising })).message).toBe(
      'fit_failed: counts: first runs off towards infinity: the data do not identify the model',
    );
    const falling: LogLikelihoodGradient = (parameters, gradient) => {
      gradient[0] = -10 / (1 + parameters[0]!);
      gradient[1] = totals[1]! / parameters[1]! - periods[1]!;
      return -10 * Math.log(1 + parameters[0]!) + totals[1]! * Math.log(parameters[1]!) - periods[1]! * parameters[1]!;
    };
    const fallingValue = (parameters: Float64Array) => falling(parameters, new Float64Array(2));
    expect(
      catchSuccessKitError(() => maximizeLogLikelihood(fallingValue, { ...options, gradient: falling })).message,
    ).toBe('fit_failed: counts: first runs off towards zero: the data do not identify the model');
  });

  it('fails when BFGS runs out of iterations', () => {
    const error = catchSuccessKitError(() =>
      maximizeLogLikelihood(valueOnly, { ...options, maxIterations: 2, gradient: poisson }),
    );
    expect(error.message).toBe('fit_failed: counts: the fit did not converge in 2 iterations');
  });
});
