import { describe, expect, it } from 'vitest';
import {
  bgNbdConditionalExpectedPurchases,
  bgNbdExpectedPurchases,
  bgNbdProbabilityAlive,
  bgNbdProbabilityOfPurchases,
  type BgNbdParameters,
} from '../../src/forecast/bg-nbd';
import { fitBgNbd } from '../../src/forecast/fit-bg-nbd';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { deepFreeze } from '../freeze';
import { cdnowSummary } from '../fixtures/published';

// Published CDNOW fit, Fader, Hardie & Lee (2005).
const cdnow = deepFreeze({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });

function expectRelative(actual: number, expected: number, tolerance = 1e-10): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

describe('bgNbdExpectedPurchases', () => {
  it('matches mpmath’s evaluation of FHL eq. 9 for the published CDNOW parameters, t from 1 day to 1e6 weeks', () => {
    // mpmath 1.3.0 at 50 digits: (a+b−1)/(a−1) [1 − (α/(α+t))^r 2F1(r, b; a+b−1; t/(α+t))].
    const reference: [number, number][] = [
      [0.1429, 0.007828347516072164],
      [1, 0.05326789117165828],
      [39, 1.196723193320817],
      [78, 1.8605190579427686],
      [1000, 6.580391613738232],
      [1_000_000, 53.54047825301458],
    ];
    for (const [t, expected] of reference) expectRelative(bgNbdExpectedPurchases(cdnow, t), expected);
  });

  it('matches the values of Hardie’s BG/NBD spreadsheet to 1e-3 with the parameters fitted to CDNOW', () => {
    // E[X(t)] at t = 1/7, 1, 3, 31.8571, 32 and 78 weeks, as quoted in lifetimes' test suite.
    const fit = fitBgNbd(cdnowSummary());
    const published: [number, number][] = [
      [0.1429, 0.0078],
      [1, 0.0532],
      [3, 0.1506],
      [31.8571, 1.0405],
      [32, 1.0437],
      [78, 1.8576],
    ];
    for (const [t, expected] of published)
      expect(Math.abs(bgNbdExpectedPurchases(fit, t) - expected)).toBeLessThan(1e-3);
  });

  it('stays exact where eq. 9 divides zero by zero: a = 1 and a + b = 1', () => {
    // mpmath at 50 digits with a (or b) moved by 1e-30.
    const atOne: [number, number][] = [
      [3, 0.5892837981556942],
      [50, 3.4661438441434624],
      [10_000, 14.791435479263544],
    ];
    for (const [t, expected] of atOne)
      expectRelative(bgNbdExpectedPurchases({ r: 0.5, alpha: 2, a: 1, b: 2.5 }, t), expected);
    const sumOne: [number, number][] = [
      [3, 0.5607623835147755],
      [50, 3.9947315699913166],
      [100_000, 396.30625879923036],
    ];
    for (const [t, expected] of sumOne)
      expectRelative(bgNbdExpectedPurchases({ r: 0.5, alpha: 2, a: 0.4, b: 0.6 }, t), expected);
  });

  it('handles a = 1 + 1e-7 at t = 10⁶ α (interpolated across the 0/0) and a large a', () => {
    expectRelative(bgNbdExpectedPurchases({ r: 0.3, alpha: 1, a: 1.0000001, b: 2 }, 1_000_000), 19.931333347157107);
    const reference: [number, number][] = [
      [1, 0.1769491053051976],
      [40, 1.1116096217137077],
      [5000, 1.1724072736033566],
    ];
    for (const [t, expected] of reference)
      expectRelative(bgNbdExpectedPurchases({ r: 2, alpha: 10, a: 30, b: 5 }, t), expected);
  });

  it('is 0 at t = 0 and rejects a negative or non-finite t and bad parameters', () => {
    expect(bgNbdExpectedPurchases(cdnow, 0)).toBe(0);
    const pathsOf = (params: unknown, t: unknown) =>
      issuePaths(catchSuccessKitError(() => bgNbdExpectedPurchases(params as BgNbdParameters, t as number)));
    expect(pathsOf(cdnow, -1)).toEqual(['t']);
    expect(pathsOf(cdnow, Infinity)).toEqual(['t']);
    expect(pathsOf({ ...cdnow, b: -2 }, 1)).toEqual(['params.b']);
    expect(pathsOf({ r: 1, alpha: 1, a: 1 }, 1)).toEqual(['params.b']);
  });
});

describe('bgNbdProbabilityAlive', () => {
  it('is 1/(1 + a/(b+x−1) ((α+T)/(α+tx))^(r+x)): 0.7266 for x = 2, tx = 30.43, T = 38.86', () => {
    const odds = (0.793 / (2.426 + 1)) * Math.pow((4.414 + 38.86) / (4.414 + 30.43), 2.243);
    expect(bgNbdProbabilityAlive(cdnow, { x: 2, tx: 30.43, T: 38.86 })).toBeCloseTo(1 / (1 + odds), 15);
    expect(bgNbdProbabilityAlive(cdnow, { x: 2, tx: 30.43, T: 38.86 }).toFixed(4)).toBe('0.7266');
  });

  it('stays a probability where α + T overflows or b + x − 1 rounds to x − 1', () => {
    // Before: (α + T)/(α + tx) was Infinity/Infinity = NaN.
    const huge = { r: 1e308, alpha: 1e308, a: 1e308, b: 1e308 };
    expect(bgNbdProbabilityAlive(huge, { x: 2 ** 53 - 1, tx: 1e308, T: 1e308 })).toBe(0.5);
    expect(bgNbdProbabilityAlive({ r: 1, alpha: 1, a: 1e-17, b: 5e-324 }, { x: 1, tx: 0, T: 1e308 })).toBe(0);
  });

  it('is 1 without repeat purchases and falls as a frequent buyer stays quiet', () => {
    expect(bgNbdProbabilityAlive(cdnow, { x: 0, tx: 0, T: 38.86 })).toBe(1);
    const recent = bgNbdProbabilityAlive(cdnow, { x: 10, tx: 38, T: 38.86 });
    const quiet = bgNbdProbabilityAlive(cdnow, { x: 10, tx: 10, T: 38.86 });
    expect(recent).toBeGreaterThan(0.9);
    expect(quiet).toBeLessThan(0.01);
  });

  it('accepts summary rows with extra fields, and rejects tx > T, tx ≠ 0 at x = 0, negative or fractional x', () => {
    expect(bgNbdProbabilityAlive(cdnow, { x: 0, tx: 0, T: 5, customerId: 'c-1', meanSpend: null } as never)).toBe(1);
    const pathsOf = (customer: unknown) =>
      issuePaths(
        catchSuccessKitError(() => bgNbdProbabilityAlive(cdnow, customer as { x: number; tx: number; T: number })),
      );
    expect(pathsOf({ x: 2, tx: 40, T: 38.86 })).toEqual(['customer.tx']);
    expect(pathsOf({ x: 0, tx: 3, T: 38.86 })).toEqual(['customer.tx']);
    expect(pathsOf({ x: -1, tx: 0, T: 38.86 })).toEqual(['customer.x']);
    expect(pathsOf({ x: 1.5, tx: 0, T: 38.86 })).toEqual(['customer.x']);
    expect(pathsOf({ x: 1, tx: 0 })).toEqual(['customer.T']);
    expect(pathsOf(undefined)).toEqual(['customer']);
  });
});

describe('bgNbdConditionalExpectedPurchases', () => {
  it('is 1.226 for the FHL (2005) example customer: x = 2, tx = 30.43, T = 38.86, next 39 weeks', () => {
    expect(
      bgNbdConditionalExpectedPurchases(cdnow, { customer: { x: 2, tx: 30.43, T: 38.86 }, t: 39 }).toFixed(3),
    ).toBe('1.226');
  });

  it('matches mpmath’s evaluation of FHL eq. 10 for quiet, new, frequent and long-horizon customers', () => {
    // mpmath 1.3.0 at 50 digits, eq. 10 as printed.
    const reference: [number, number, number, number, number][] = [
      [39, 0, 0, 38.86, 0.19509805201126265],
      [39, 1, 1.71, 38.86, 0.20318698707975405],
      [39, 2, 30.43, 38.86, 1.2260281747671444],
      [39, 20, 38, 38.86, 13.425648328778804],
      [500, 5, 10, 38.86, 0.5055438437858304],
      [10, 0, 0, 0, 0.43241336223442556],
    ];
    for (const [t, x, tx, T, expected] of reference) {
      expectRelative(bgNbdConditionalExpectedPurchases(cdnow, { customer: { x, tx, T }, t }), expected);
    }
  });

  it('equals E[X(t)] for a customer just acquired (x = 0, T = 0)', () => {
    for (const t of [1, 39, 500]) {
      expectRelative(
        bgNbdConditionalExpectedPurchases(cdnow, { customer: { x: 0, tx: 0, T: 0 }, t }),
        bgNbdExpectedPurchases(cdnow, t),
        1e-14,
      );
    }
  });

  it('rejects a bad input with its paths', () => {
    const pathsOf = (input: unknown) =>
      issuePaths(
        catchSuccessKitError(() =>
          bgNbdConditionalExpectedPurchases(
            cdnow,
            input as { customer: { x: number; tx: number; T: number }; t: number },
          ),
        ),
      );
    expect(pathsOf({ customer: { x: 1, tx: 2, T: 1 }, t: 3 })).toEqual(['input.customer.tx']);
    expect(pathsOf({ customer: { x: 1, tx: 0, T: 1 }, t: -3 })).toEqual(['input.t']);
    expect(pathsOf({ customer: { x: 1, tx: 0, T: 1 }, t: 3, horizon: 4 })).toEqual(['input.horizon']);
    expect(pathsOf(null)).toEqual(['input']);
  });
});

describe('bgNbdProbabilityOfPurchases', () => {
  it('matches mpmath’s evaluation of FHL eq. 8 for t = 39 and t = 100,000 weeks', () => {
    const at39: [number, number][] = [
      [0, 0.5737863520960094],
      [1, 0.19939528083591146],
      [2, 0.08542975953906076],
      [3, 0.045860353847999726],
      [10, 0.0035904295401896734],
      [50, 3.5872653593075307e-6],
    ];
    for (const [purchases, expected] of at39) {
      expectRelative(bgNbdProbabilityOfPurchases(cdnow, { purchases, t: 39 }), expected, 1e-9);
    }
    const far: [number, number][] = [
      [0, 0.08743586236247766],
      [1, 0.2408220257092985],
      [5, 0.04552780080922507],
      [1000, 4.131913248042344e-6],
    ];
    for (const [purchases, expected] of far) {
      expectRelative(bgNbdProbabilityOfPurchases(cdnow, { purchases, t: 100_000 }), expected, 1e-9);
    }
  });

  it('sums to 1 over all counts, and its mean is E[X(t)] (eq. 8 against eq. 9)', () => {
    for (const t of [1, 39, 78, 1000]) {
      let total = 0;
      let mean = 0;
      for (let purchases = 0; purchases < 5000; purchases++) {
        const probability = bgNbdProbabilityOfPurchases(cdnow, { purchases, t });
        total += probability;
        mean += purchases * probability;
      }
      expect(total).toBeCloseTo(1, 10);
      expectRelative(mean, bgNbdExpectedPurchases(cdnow, t), 1e-9);
    }
  });

  it('is 1 for no purchases at t = 0 and 0 for any other count', () => {
    expect(bgNbdProbabilityOfPurchases(cdnow, { purchases: 0, t: 0 })).toBe(1);
    expect(bgNbdProbabilityOfPurchases(cdnow, { purchases: 3, t: 0 })).toBe(0);
  });

  it('rejects a fractional count, a negative t and unknown fields', () => {
    const pathsOf = (input: unknown) =>
      issuePaths(
        catchSuccessKitError(() => bgNbdProbabilityOfPurchases(cdnow, input as { purchases: number; t: number })),
      );
    expect(pathsOf({ purchases: 1.5, t: 3 })).toEqual(['input.purchases']);
    expect(pathsOf({ purchases: 1, t: -3 })).toEqual(['input.t']);
    expect(pathsOf({ purchases: 1, t: 3, n: 1 })).toEqual(['input.n']);
  });
});
