import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BgNbdCustomer,
  BgNbdParameters,
  bgNbdConditionalExpectedPurchases,
  bgNbdExpectedPurchases,
  bgNbdProbabilityAlive,
  bgNbdProbabilityOfPurchases,
  isBgNbdCustomer,
} from '../../src/forecast/bg-nbd';
import { CustomerHistory, isCustomerHistory } from '../../src/forecast/customer-history';
import { customerLifetimeValue } from '../../src/forecast/customer-lifetime-value';
import { GammaGammaCustomer, gammaGammaExpectedSpend, isGammaGammaCustomer } from '../../src/forecast/gamma-gamma';
import { sbgDerl, sbgExpectedLifetime, sbgRetention, sbgSurvival } from '../../src/forecast/shifted-beta-geometric';
import { deepFreeze } from '../freeze';

// A fixed seed, as in forecast.extremes.property.test.ts: some accepted BG/NBD parameters are slow
// to forecast, so unseeded runs would vary from seconds to minutes under coverage.
fc.configureGlobal({ seed: 20261201 });

/** Positive parameters over eight orders of magnitude. */
const parameter = fc.double({ min: 1e-4, max: 1e4, noNaN: true });
const sbgParameters = fc.record({ alpha: parameter, beta: parameter });
/**
 * BG/NBD parameters over the range the module documents as supported: shape parameters 1e-3 … 100 and
 * a rate scale α of 1e-2 … 1e3 time units (fitted values on real data sit well inside).
 */
const shape = fc.double({ min: 1e-3, max: 100, noNaN: true });
const bgNbdParameters = fc.record({
  r: shape,
  alpha: fc.double({ min: 1e-2, max: 1e3, noNaN: true }),
  a: shape,
  b: shape,
});
const history = fc
  .record({
    x: fc.integer({ min: 0, max: 500 }),
    T: fc.double({ min: 0, max: 1000, noNaN: true }),
    share: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ x, T, share }) => ({ x, tx: x === 0 ? 0 : share * T, T }));

describe('shifted-beta-geometric properties', () => {
  it('retention lies in (0, 1) and rises with tenure', () => {
    fc.assert(
      fc.property(
        fc.record({
          alpha: fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
          beta: fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        }),
        fc.integer({ min: 1, max: 500 }),
        (params, period) => {
          const retention = sbgRetention(params, period);
          expect(retention).toBeGreaterThan(0);
          expect(retention).toBeLessThan(1);
          expect(sbgRetention(params, period + 1)).toBeGreaterThanOrEqual(retention);
        },
      ),
    );
  });

  it('survival starts at 1, never increases and never leaves [0, 1]', () => {
    fc.assert(
      fc.property(sbgParameters, fc.integer({ min: 0, max: 1000 }), (params, period) => {
        const now = sbgSurvival(params, period);
        const next = sbgSurvival(params, period + 1);
        expect(next).toBeLessThanOrEqual(now);
        expect(now).toBeGreaterThanOrEqual(0);
        expect(now).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('DERL and truncated lifetimes are finite and positive for any parameters', () => {
    fc.assert(
      fc.property(
        sbgParameters,
        fc.double({ min: 1e-3, max: 10, noNaN: true }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 1000 }),
        (params, discountRate, periodsAlive, horizon) => {
          const derl = sbgDerl(params, { discountRate, periodsAlive });
          expect(derl).toBeGreaterThan(0);
          expect(derl).toBeLessThan(Infinity);
          // Never more than the undiscounted payments a perpetual customer would make: (1 + d)/d.
          expect(derl).toBeLessThanOrEqual(((1 + discountRate) / discountRate) * (1 + 1e-9));
          const lifetime = sbgExpectedLifetime(params, { horizon })!;
          expect(lifetime).toBeGreaterThanOrEqual(1);
          expect(lifetime).toBeLessThanOrEqual(horizon);
        },
      ),
    );
  });
});

describe('BG/NBD properties', () => {
  it('P(alive) lies in [0, 1] and nothing is NaN for any parameters and history', () => {
    fc.assert(
      fc.property(bgNbdParameters, history, fc.double({ min: 0, max: 1e4, noNaN: true }), (params, customer, t) => {
        const alive = bgNbdProbabilityAlive(params, customer);
        expect(alive).toBeGreaterThanOrEqual(0);
        expect(alive).toBeLessThanOrEqual(1);
        const expected = bgNbdConditionalExpectedPurchases(params, { customer, t });
        expect(expected).toBeGreaterThanOrEqual(0);
        expect(expected).toBeLessThan(Infinity);
      }),
    );
  }, 30_000);

  it('expected purchases never decrease with t, for new and existing customers', () => {
    fc.assert(
      fc.property(
        bgNbdParameters,
        history,
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        (params, customer, first, second) => {
          const [early, late] = first <= second ? [first, second] : [second, first];
          const slack = 1e-9;
          expect(bgNbdExpectedPurchases(params, late)).toBeGreaterThanOrEqual(
            bgNbdExpectedPurchases(params, early) * (1 - slack) - 1e-300,
          );
          expect(bgNbdConditionalExpectedPurchases(params, { customer, t: late })).toBeGreaterThanOrEqual(
            bgNbdConditionalExpectedPurchases(params, { customer, t: early }) * (1 - slack) - 1e-300,
          );
        },
      ),
      { numRuns: 50 },
    );
  }, 30_000);

  it('purchase-count probabilities lie in [0, 1]', () => {
    fc.assert(
      fc.property(
        bgNbdParameters,
        fc.integer({ min: 0, max: 200 }),
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        (params, purchases, t) => {
          const probability = bgNbdProbabilityOfPurchases(params, { purchases, t });
          expect(probability).toBeGreaterThanOrEqual(0);
          expect(probability).toBeLessThanOrEqual(1 + 1e-12);
        },
      ),
    );
  }, 30_000);

  it('does not change its inputs', () => {
    fc.assert(
      fc.property(bgNbdParameters, history, (params, customer) => {
        const frozenParams = deepFreeze({ ...params });
        const frozenCustomer = deepFreeze({ ...customer });
        bgNbdConditionalExpectedPurchases(frozenParams, deepFreeze({ customer: frozenCustomer, t: 10 }));
        expect(frozenCustomer).toEqual(customer);
      }),
      { numRuns: 20 },
    );
  }, 30_000);
});

describe('spend and value properties', () => {
  it('expected spend lies between the population mean and the customer’s mean, when both exist', () => {
    fc.assert(
      fc.property(
        fc.record({ p: parameter, q: fc.double({ min: 1.001, max: 1e4, noNaN: true }), gamma: parameter }),
        fc.integer({ min: 1, max: 1000 }),
        fc.double({ min: 0.01, max: 1e6, noNaN: true }),
        (params, x, meanSpend) => {
          const spend = gammaGammaExpectedSpend(params, { x, meanSpend })!;
          const population = (params.p * params.gamma) / (params.q - 1);
          expect(spend).toBeGreaterThanOrEqual(Math.min(population, meanSpend) * (1 - 1e-12));
          expect(spend).toBeLessThanOrEqual(Math.max(population, meanSpend) * (1 + 1e-12));
        },
      ),
    );
  });

  it('CLV is finite and never negative', () => {
    fc.assert(
      fc.property(
        bgNbdParameters,
        history,
        fc.double({ min: 0.01, max: 1000, noNaN: true }),
        (bgNbd, customer, meanSpend) => {
          const clv = customerLifetimeValue({
            bgNbd,
            gammaGamma: { p: 6.25, q: 3.74, gamma: 15.44 },
            customer: { ...customer, meanSpend: customer.x === 0 ? null : meanSpend },
            horizon: 6,
            discountRate: 0.01,
          });
          expect(clv.value).toBeGreaterThanOrEqual(0);
          expect(clv.value).toBeLessThan(Infinity);
        },
      ),
      { numRuns: 25 },
    );
  }, 60_000);
});

describe('fast input guards accept nothing their schemas reject', () => {
  const anything = fc.anything({ withNullPrototype: true, withObjectString: true });
  const nearlyValid = fc.record(
    {
      x: fc.oneof(fc.integer({ min: -2, max: 5 }), fc.double(), fc.constant('1')),
      tx: fc.oneof(fc.double(), fc.integer({ min: -1, max: 5 })),
      T: fc.oneof(fc.double(), fc.integer({ min: -1, max: 5 })),
      meanSpend: fc.oneof(fc.constant(null), fc.double(), fc.integer({ min: -1, max: 5 })),
    },
    { requiredKeys: [] },
  );
  for (const [name, guard, schema] of [
    ['BgNbdCustomer', isBgNbdCustomer, BgNbdCustomer],
    ['GammaGammaCustomer', isGammaGammaCustomer, GammaGammaCustomer],
    ['CustomerHistory', isCustomerHistory, CustomerHistory],
  ] as const) {
    it(name, () => {
      fc.assert(
        fc.property(fc.oneof(anything, nearlyValid), (value) => {
          if (guard(value)) expect(schema.safeParse(value).error).toBeUndefined();
        }),
      );
    });
  }

  it('BgNbdParameters', () => {
    fc.assert(
      fc.property(fc.record({ r: fc.double(), alpha: fc.double(), a: fc.double(), b: fc.double() }), (value) => {
        const accepted = BgNbdParameters.safeParse(value).success;
        let threw = false;
        try {
          bgNbdProbabilityAlive(value, { x: 1, tx: 1, T: 2 });
        } catch {
          threw = true;
        }
        expect(threw).toBe(!accepted);
      }),
    );
  });
});
