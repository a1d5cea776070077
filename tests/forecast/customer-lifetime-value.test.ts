import { describe, expect, it } from 'vitest';
import { conditionalExpectedPurchases } from '../../src/forecast/bg-nbd';
import { customerLifetimeValue, type CustomerLifetimeValueInput } from '../../src/forecast/customer-lifetime-value';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { deepFreeze } from '../freeze';

const input = deepFreeze({
  bgNbd: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
  gammaGamma: { p: 6.25, q: 3.74, gamma: 15.44 },
  customer: { x: 2, tx: 30.43, T: 38.86, meanSpend: 22.35 },
  horizon: 12,
  periodLength: 52 / 12,
  discountRate: 0.01,
}) satisfies CustomerLifetimeValueInput;

describe('customerLifetimeValue', () => {
  it('matches an mpmath evaluation of the lifetimes-style monthly sum: $36.21 over 12 months at 1% a month', () => {
    // mpmath 1.3.0, 30 digits: Σᵢ [E(i·52/12) − E((i−1)·52/12)] / 1.01ⁱ × p(γ + m̄x)/(px + q − 1), FHL eq. 10.
    const clv = customerLifetimeValue(input);
    expect(clv.value).toBeCloseTo(36.20914849892933, 10);
    expect(clv.expectedSpend).toBeCloseTo(24.663713910761157, 12);
    expect(clv.expectedPurchases).toBeCloseTo(1.558720806432088, 12);
    expect(clv.discountedPurchases).toBeCloseTo(1.46811419520767, 12);
    expect(clv.probabilityAlive).toBeCloseTo(0.7265785700806729, 14);
  });

  it('is margin × spend × discounted purchases, and undiscounted purchases at a 0% rate', () => {
    const atMargin = customerLifetimeValue({ ...input, margin: 0.25 });
    expect(atMargin.value).toBeCloseTo(0.25 * atMargin.expectedSpend! * atMargin.discountedPurchases, 12);
    const undiscounted = customerLifetimeValue({ ...input, discountRate: 0 });
    expect(undiscounted.discountedPurchases).toBeCloseTo(undiscounted.expectedPurchases, 12);
    expect(undiscounted.expectedPurchases).toBeCloseTo(
      conditionalExpectedPurchases(input.bgNbd, input.customer, 52),
      12,
    );
  });

  it('values a customer without repeat purchases at the population mean spend, with period length 1 by default', () => {
    const clv = customerLifetimeValue({
      ...input,
      customer: { x: 0, tx: 0, T: 38.86, meanSpend: null },
      periodLength: undefined,
    });
    expect(clv.expectedSpend).toBeCloseTo((6.25 * 15.44) / 2.74, 12);
    expect(clv.probabilityAlive).toBe(1);
    expect(clv.expectedPurchases).toBeCloseTo(
      conditionalExpectedPurchases(input.bgNbd, { x: 0, tx: 0, T: 38.86 }, 12),
      12,
    );
  });

  it('has a null value when the expected spend is infinite', () => {
    const clv = customerLifetimeValue({ ...input, gammaGamma: { p: 0.1, q: 0.5, gamma: 1 } });
    expect([clv.value, clv.expectedSpend]).toEqual([null, null]);
  });

  it('rejects bad fields with their paths', () => {
    const pathsOf = (changes: Record<string, unknown>) =>
      issuePaths(catchSuccessKitError(() => customerLifetimeValue({ ...input, ...changes })));
    expect(pathsOf({ horizon: 0 })).toEqual(['horizon']);
    expect(pathsOf({ horizon: 20_000 })).toEqual(['horizon']);
    expect(pathsOf({ discountRate: -0.1 })).toEqual(['discountRate']);
    expect(pathsOf({ margin: 1.5 })).toEqual(['margin']);
    expect(pathsOf({ periodLength: 0 })).toEqual(['periodLength']);
    expect(pathsOf({ customer: { x: 2, tx: 30, T: 38 } })).toEqual(['customer.meanSpend']);
    expect(pathsOf({ customer: { x: 2, tx: 40, T: 38, meanSpend: 5 } })).toEqual(['customer.tx']);
    expect(pathsOf({ bgNbd: { r: 0.243, alpha: 4.414, a: 0.793 } })).toEqual(['bgNbd.b']);
    expect(pathsOf({ gammaGamma: { p: 1, q: 1, gamma: 0 } })).toEqual(['gammaGamma.gamma']);
    expect(pathsOf({ years: 3 })).toEqual(['years']);
  });
});
