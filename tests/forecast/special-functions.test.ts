import { describe, expect, it } from 'vitest';
import {
  digamma,
  isNonPositiveInteger,
  logBeta,
  logGamma,
  logSumExp,
  signedLogGamma,
} from '../../src/forecast/special-functions';

/** |actual − expected| ≤ tolerance × max(1, |expected|): absolute near 0, relative elsewhere. */
function expectClose(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)));
}

describe('logGamma', () => {
  it('matches ln((n − 1)!) for n = 1 … 30, the factorials summed independently', () => {
    let logFactorial = 0;
    for (let n = 1; n <= 30; n++) {
      expectClose(logGamma(n), logFactorial, 2e-15);
      logFactorial += Math.log(n);
    }
  });

  it('matches ln Γ(½) = ½ ln π and ln Γ(3/2) = ln(√π / 2) to 4e-15', () => {
    expectClose(logGamma(0.5), 0.5 * Math.log(Math.PI), 4e-15);
    expectClose(logGamma(1.5), Math.log(Math.sqrt(Math.PI) / 2), 4e-15);
  });

  it('matches reference values across 1e-8 … 1e7 to 1e-14', () => {
    // mpmath 1.3.0 loggamma at 40 digits, rounded to double.
    const reference: [number, number][] = [
      [1e-8, 18.42068073818021],
      [0.1, 2.252712651734206],
      [3.7, 1.4280723266653879],
      [9.99, 12.779315214350193],
      [10, 12.801827480081469],
      [10.5, 13.940625219403763],
      [123.456, 469.60554712992945],
      [1e5, 1051287.7089736569],
      [1e7, 151180949.3694739],
    ];
    for (const [x, expected] of reference) expectClose(logGamma(x), expected, 1e-14);
  });

  it('is exactly 0 at 1 and 2, where the recurrence and Stirling terms cancel to rounding', () => {
    expect(Math.abs(logGamma(1))).toBeLessThan(4e-15);
    expect(Math.abs(logGamma(2))).toBeLessThan(4e-15);
  });
});

describe('signedLogGamma', () => {
  it('gives ln|Γ| and the sign for negative non-integers by reflection', () => {
    // Γ(−0.5) = −2√π, Γ(−1.5) = 4√π/3
    expect(signedLogGamma(-0.5).sign).toBe(-1);
    expectClose(signedLogGamma(-0.5).logAbs, Math.log(2 * Math.sqrt(Math.PI)), 4e-15);
    expect(signedLogGamma(-1.5).sign).toBe(1);
    expectClose(signedLogGamma(-1.5).logAbs, Math.log((4 * Math.sqrt(Math.PI)) / 3), 4e-15);
    expect(signedLogGamma(2.5)).toEqual({ logAbs: logGamma(2.5), sign: 1 });
  });

  it('recognises the poles of Γ', () => {
    expect([0, -1, -7].filter((x) => !isNonPositiveInteger(x))).toEqual([]);
    expect([0.5, 1, -0.5].some(isNonPositiveInteger)).toBe(false);
  });
});

describe('digamma', () => {
  it('matches ψ(1) = −γ, ψ(½) = −γ − 2 ln 2 and ψ(n + 1) = Hₙ − γ', () => {
    const eulerGamma = 0.5772156649015329;
    expectClose(digamma(1), -eulerGamma, 4e-15);
    expectClose(digamma(0.5), -eulerGamma - 2 * Math.log(2), 4e-15);
    let harmonic = 0;
    for (let n = 1; n <= 20; n++) {
      harmonic += 1 / n;
      expectClose(digamma(n + 1), harmonic - eulerGamma, 1e-14);
    }
  });

  it('matches reference values, negative arguments included, to 1e-13', () => {
    // mpmath 1.3.0 digamma at 40 digits.
    const reference: [number, number][] = [
      [1e-6, -1000000.57721402],
      [0.25, -4.2274535333762655],
      [3.5, 1.103156640645243],
      [12.75, 2.5058032764013554],
      [-0.5, 0.03648997397857652],
      [-2.3, 3.31732315756182],
    ];
    for (const [x, expected] of reference) expectClose(digamma(x), expected, 1e-13);
  });
});

describe('logBeta and logSumExp', () => {
  it('ln B(a, b) matches B(2, 3) = 1/12 and B(½, ½) = π', () => {
    expectClose(logBeta(2, 3), Math.log(1 / 12), 1e-14);
    expectClose(logBeta(0.5, 0.5), Math.log(Math.PI), 1e-14);
  });

  it('ln(eᵃ + eᵇ) stays finite where eᵃ overflows', () => {
    expectClose(logSumExp(1000, 1000), 1000 + Math.log(2), 1e-15);
    expectClose(logSumExp(-3, 2), Math.log(Math.exp(-3) + Math.exp(2)), 1e-15);
    expect(logSumExp(-Infinity, 5)).toBe(5);
    expect(logSumExp(5, -Infinity)).toBe(5);
  });
});
