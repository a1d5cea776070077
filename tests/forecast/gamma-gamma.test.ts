import { describe, expect, it } from 'vitest';
import { gammaGammaExpectedSpend, type GammaGammaCustomer } from '../../src/forecast/gamma-gamma';
import { catchSuccessKitError, issuePaths } from '../catch-error';

// Published CDNOW fit, Fader & Hardie (2013).
const cdnow = { p: 6.25, q: 3.74, gamma: 15.44 };

describe('gammaGammaExpectedSpend', () => {
  it('is p (γ + m̄ x)/(p x + q − 1): (15.44 + 44.70) 6.25 / 15.24 for x = 2, m̄ = 22.35', () => {
    expect(gammaGammaExpectedSpend(cdnow, { x: 2, meanSpend: 22.35 })).toBeCloseTo(((15.44 + 44.7) * 6.25) / 15.24, 12);
  });

  it('is the population mean p γ/(q − 1) = $35.22 for a customer without repeat purchases', () => {
    expect(gammaGammaExpectedSpend(cdnow, { x: 0, meanSpend: null })).toBeCloseTo((6.25 * 15.44) / 2.74, 12);
  });

  it('moves from the population mean towards the customer’s own mean as x grows', () => {
    const spends = [1, 5, 25, 125].map((x) => gammaGammaExpectedSpend(cdnow, { x, meanSpend: 100 })!);
    expect(spends.every((spend, index) => index === 0 || spend > spends[index - 1]!)).toBe(true);
    expect(spends[3]).toBeLessThan(100);
    expect(spends[3]).toBeGreaterThan(98);
  });

  it('is null when the mean is infinite (p x + q ≤ 1)', () => {
    expect(gammaGammaExpectedSpend({ p: 6.25, q: 0.8, gamma: 15.44 }, { x: 0, meanSpend: null })).toBeNull();
    expect(gammaGammaExpectedSpend({ p: 0.1, q: 0.5, gamma: 1 }, { x: 2, meanSpend: 10 })).toBeNull();
  });

  it('rejects missing spend for x > 0, non-positive spend and bad parameters', () => {
    const pathsOf = (params: unknown, customer: unknown) =>
      issuePaths(
        catchSuccessKitError(() => gammaGammaExpectedSpend(params as typeof cdnow, customer as GammaGammaCustomer)),
      );
    expect(pathsOf(cdnow, { x: 2, meanSpend: null })).toEqual(['customer.meanSpend']);
    expect(pathsOf(cdnow, { x: 2, meanSpend: 0 })).toEqual(['customer.meanSpend']);
    expect(pathsOf(cdnow, { x: -2, meanSpend: 5 })).toEqual(['customer.x']);
    expect(pathsOf({ p: 1, q: 1 }, { x: 2, meanSpend: 5 })).toEqual(['params.gamma']);
  });
});
