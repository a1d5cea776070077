import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bgNbdLogLikelihood } from '../../src/forecast/fit-bg-nbd';
import { gammaGammaLogLikelihood } from '../../src/forecast/fit-gamma-gamma';
import { lifetimeCounts, sbgLogLikelihood } from '../../src/forecast/fit-shifted-beta-geometric';
import type { LogLikelihoodGradient } from '../../src/forecast/maximum-likelihood';

fc.configureGlobal({ seed: 20261201 });

/** A log-parameter: the fits search e^−4 … e^4 around data scaled to order 1, and beyond. */
const logParameter = fc.double({ min: -4, max: 4, noNaN: true });
const STEP = 1e-5;

/**
 * The largest gap between the analytic gradient in the log-parameters, θᵢ ∂ ln L/∂θᵢ, and the
 * central difference [ln L(θᵢ e^h) − ln L(θᵢ e^−h)] / 2h, relative to 1 + |ln L|: the difference is
 * exact to about h² and to rounding noise of 1e-16 |ln L| / h.
 */
function gradientGap(logLikelihood: LogLikelihoodGradient, logParameters: readonly number[]): number {
  const parameters = Float64Array.from(logParameters, Math.exp);
  const gradient = new Float64Array(parameters.length);
  const value = logLikelihood(parameters, gradient);
  const scratch = new Float64Array(parameters.length);
  let gap = 0;
  logParameters.forEach((logParameter, index) => {
    const shifted = Float64Array.from(logParameters, Math.exp);
    shifted[index] = Math.exp(logParameter + STEP);
    const up = logLikelihood(shifted, scratch);
    shifted[index] = Math.exp(logParameter - STEP);
    const down = logLikelihood(shifted, scratch);
    const difference = (up - down) / (2 * STEP);
    gap = Math.max(gap, Math.abs(difference - parameters[index]! * gradient[index]!) / (1 + Math.abs(value)));
  });
  return gap;
}

const bgNbdCustomer = fc
  .record({
    x: fc.integer({ min: 0, max: 40 }),
    T: fc.double({ min: 0.01, max: 1, noNaN: true }),
    share: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ x, T, share }) => ({ x, tx: x === 0 ? 0 : share * T, T }));

describe('log-likelihood gradients', () => {
  it('BG/NBD: the analytic gradient matches central differences for any parameters and histories', () => {
    fc.assert(
      fc.property(
        fc.array(bgNbdCustomer, { minLength: 1, maxLength: 30 }),
        fc.tuple(logParameter, logParameter, logParameter, logParameter),
        (customers, logParameters) => {
          expect(gradientGap(bgNbdLogLikelihood(customers, 1), logParameters)).toBeLessThan(1e-6);
        },
      ),
    );
  });

  it('BG/NBD: customers with the same history count once each, as the sum over all of them', () => {
    const customers = [
      { x: 2, tx: 0.5, T: 0.9 },
      { x: 0, tx: 0, T: 0.9 },
      { x: 2, tx: 0.5, T: 0.9 },
    ];
    const parameters = Float64Array.of(0.3, 0.5, 0.8, 2.5);
    const gradient = new Float64Array(4);
    const scratch = new Float64Array(4);
    const whole = bgNbdLogLikelihood(customers, 1)(parameters, gradient);
    const parts = customers.map((customer) => bgNbdLogLikelihood([customer], 1)(parameters, scratch));
    expect(whole).toBeCloseTo(
      parts.reduce((sum, part) => sum + part, 0),
      12,
    );
  });

  it('Gamma-Gamma: the analytic gradient matches central differences for any parameters and spends', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ x: fc.integer({ min: 1, max: 50 }), spend: fc.double({ min: 0.01, max: 10, noNaN: true }) }),
          { minLength: 1, maxLength: 30 },
        ),
        fc.tuple(logParameter, logParameter, logParameter),
        (customers, logParameters) => {
          const logLikelihood = gammaGammaLogLikelihood(
            Float64Array.from(customers, ({ x }) => x),
            Float64Array.from(customers, ({ spend }) => spend),
          );
          expect(gradientGap(logLikelihood, logParameters)).toBeLessThan(1e-6);
        },
      ),
    );
  });

  it('sBG: the analytic gradient matches central differences for any parameters and cohorts', () => {
    const cohort = fc
      .array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 12 })
      .map((shares) => {
        const counts = [1000];
        for (const share of shares) counts.push(Math.round(counts.at(-1)! * share));
        return counts;
      });
    fc.assert(
      fc.property(
        fc.array(cohort, { minLength: 1, maxLength: 5 }),
        fc.tuple(logParameter, logParameter),
        (cohorts, logParameters) => {
          const logLikelihood = sbgLogLikelihood(lifetimeCounts(cohorts, () => ['cohorts']));
          expect(gradientGap(logLikelihood, logParameters)).toBeLessThan(1e-6);
        },
      ),
    );
  });
});
