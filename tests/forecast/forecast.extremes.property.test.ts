import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SuccessKitError } from '../../src/core/error';
import {
  bgNbdConditionalExpectedPurchases,
  bgNbdExpectedPurchases,
  bgNbdProbabilityAlive,
  bgNbdProbabilityOfPurchases,
} from '../../src/forecast/bg-nbd';
import { customerLifetimeValue } from '../../src/forecast/customer-lifetime-value';
import { gammaGammaExpectedSpend } from '../../src/forecast/gamma-gamma';
import { retentionImpact } from '../../src/forecast/retention-impact';
import { sbgDerl, sbgExpectedLifetime, sbgRetention, sbgSurvival } from '../../src/forecast/shifted-beta-geometric';

// Every positive number a schema accepts, weighted towards the extremes that overflowed or
// underflowed before: the largest and smallest doubles, 1e-17 (lost beside 1), and the bounds.
const positive = fc.oneof(
  fc.constantFrom(1e308, Number.MAX_VALUE, 5e-324, 1e-17, 1e-300, 1e300, 1 - 2 ** -53, 1 + 2 ** -52, 1e-3, 100, 1000),
  fc.double({ min: 5e-324, max: Number.MAX_VALUE, noNaN: true }),
  fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
);
const count = fc.oneof(fc.constantFrom(0, 1, 1000, 10_000, 2 ** 53 - 1), fc.nat());
const time = fc.oneof(fc.constant(0), positive);

/** The number, or the code and paths of the SuccessKitError, so a property can say which it expects. */
function outcome(run: () => unknown): { value: unknown } | { code: string; paths: string[] } {
  try {
    return { value: run() };
  } catch (error) {
    if (!(error instanceof SuccessKitError)) throw error;
    return { code: error.code, paths: error.issues.map((issue) => issue.path.join('.')) };
  }
}

/** Numbers of a result that are not finite. */
function notFinite(value: unknown): unknown[] {
  const found: unknown[] = [];
  JSON.stringify(value, (_, field: unknown) => {
    if (typeof field === 'number' && !Number.isFinite(field)) found.push(field);
    return field;
  });
  return found;
}

/** Expects `invalid_input` whose paths are all among `allowed`, showing any other code or path. */
function expectInvalidInputAt(result: ReturnType<typeof outcome>, allowed: readonly string[]): void {
  const code = 'code' in result ? result.code : 'no error';
  const paths = 'paths' in result ? result.paths : [];
  expect({ code, otherPaths: paths.filter((path) => !allowed.includes(path)) }).toEqual({
    code: 'invalid_input',
    otherPaths: [],
  });
}

// A fixed seed: at extreme but accepted BG/NBD shapes the eq. 9 series can take hundreds of
// milliseconds a call (seconds under coverage), so unseeded runs would vary from seconds to minutes.
// The seed keeps the suite's time steady; change it to explore, and keep a failing one as a case.
fc.configureGlobal({ seed: 20261201 });

const sbgParameters = fc.record({ alpha: positive, beta: positive });

describe('sBG functions at extreme parameters', () => {
  it('sbgRetention is a share in [0, 1]', () => {
    fc.assert(
      fc.property(sbgParameters, fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (params, period) => {
        const retention = sbgRetention(params, period);
        expect([retention >= 0 && retention <= 1, retention]).toEqual([true, retention]);
      }),
    );
  });

  it('sbgSurvival is in [0, 1] and never rises from one period to the next, up to a million periods', () => {
    fc.assert(
      fc.property(
        sbgParameters,
        fc.oneof(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 1_000_000 })),
        (params, period) => {
          const now = sbgSurvival(params, period);
          const next = sbgSurvival(params, period + 1);
          expect({ now: now >= 0 && now <= 1, rises: next > now }).toEqual({ now: true, rises: false });
        },
      ),
    );
  });

  it('sbgExpectedLifetime is a finite number ≥ 1, or null when the mean is infinite or too large', () => {
    fc.assert(
      fc.property(sbgParameters, fc.option(fc.integer({ min: 1, max: 2000 })), (params, horizon) => {
        const lifetime = sbgExpectedLifetime(params, horizon === null ? {} : { horizon });
        if (horizon !== null) expect(lifetime).toBeGreaterThanOrEqual(1);
        if (lifetime !== null) expect(notFinite(lifetime)).toEqual([]);
        if (horizon !== null) expect(lifetime).toBeLessThanOrEqual(horizon);
      }),
    );
  });

  it('sbgDerl is in [0, (1 + d)/d], or invalid_input naming a discount rate below 0.00001', () => {
    fc.assert(
      fc.property(sbgParameters, positive, count, (params, discountRate, periods) => {
        const result = outcome(() => sbgDerl(params, { discountRate, periodsAlive: Math.max(1, periods) }));
        if (discountRate < 1e-5) expect(result).toEqual({ code: 'invalid_input', paths: ['input.discountRate'] });
        else if ('value' in result) {
          const derl = result.value as number;
          expect([derl >= 0, derl <= ((1 + discountRate) / discountRate) * (1 + 1e-12)]).toEqual([true, true]);
        } else expect(result).toEqual({ value: 'a number' });
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});

describe('Gamma-Gamma spend and retention impact at extreme parameters', () => {
  it('gammaGammaExpectedSpend is finite and ≥ 0, or null', () => {
    fc.assert(
      fc.property(fc.record({ p: positive, q: positive, gamma: positive }), count, positive, (params, x, meanSpend) => {
        const spend = gammaGammaExpectedSpend(params, x === 0 ? { x, meanSpend: null } : { x, meanSpend });
        if (spend !== null) expect([notFinite(spend), spend >= 0]).toEqual([[], true]);
      }),
    );
  });

  it('retentionImpact is finite everywhere, or invalid_input naming startingArr above 1e15', () => {
    fc.assert(
      fc.property(
        positive,
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 50 }),
        (startingArr, monthlyChurn, changedChurn, growth, years) => {
          const result = outcome(() =>
            retentionImpact({ startingArr, monthlyChurn, churnDelta: changedChurn - monthlyChurn, growth, years }),
          );
          if ('value' in result) expect(notFinite({ ...(result.value as object), relativeDifference: 0 })).toEqual([]);
          else expectInvalidInputAt(result, ['startingArr', 'churnDelta']);
          if (startingArr > 1e15) expect(result).toEqual({ code: 'invalid_input', paths: ['startingArr'] });
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('BG/NBD functions and CLV at extreme parameters', () => {
  const parameters = fc.record({ r: positive, alpha: positive, a: positive, b: positive });
  const history = fc
    .record({ x: count, T: time, share: fc.double({ min: 0, max: 1, noNaN: true }) })
    .map(({ x, T, share }) => ({ x, tx: x === 0 ? 0 : share * T, T }));
  const forecastPaths = ['params.r', 'params.a', 'params.b'];

  it('bgNbdProbabilityAlive is a probability for any parameters and history', () => {
    fc.assert(
      fc.property(parameters, history, (params, customer) => {
        const alive = bgNbdProbabilityAlive(params, customer);
        expect([alive >= 0 && alive <= 1, alive]).toEqual([true, alive]);
      }),
    );
  });

  it('bgNbdExpectedPurchases is finite and ≥ 0, or invalid_input naming the bound it breaks', () => {
    fc.assert(
      fc.property(parameters, time, (params, t) => {
        const result = outcome(() => bgNbdExpectedPurchases(params, t));
        if ('value' in result) expect([notFinite(result.value), (result.value as number) >= 0]).toEqual([[], true]);
        else expectInvalidInputAt(result, [...forecastPaths, 't']);
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('bgNbdConditionalExpectedPurchases is finite and ≥ 0, or invalid_input naming the bound it breaks', () => {
    fc.assert(
      fc.property(parameters, history, time, (params, customer, t) => {
        const result = outcome(() => bgNbdConditionalExpectedPurchases(params, { customer, t }));
        if ('value' in result) expect([notFinite(result.value), (result.value as number) >= 0]).toEqual([[], true]);
        else expectInvalidInputAt(result, [...forecastPaths, 'input.t', 'input.customer.x']);
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('bgNbdProbabilityOfPurchases is a probability, or invalid_input naming the bound it breaks', () => {
    fc.assert(
      fc.property(parameters, count, time, (params, purchases, t) => {
        const result = outcome(() => bgNbdProbabilityOfPurchases(params, { purchases, t }));
        if ('value' in result) {
          const probability = result.value as number;
          expect({ probability, inRange: probability >= 0 && probability <= 1 + 1e-12 }).toEqual({
            probability,
            inRange: true,
          });
        } else expectInvalidInputAt(result, [...forecastPaths, 'input.t', 'input.purchases']);
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('customerLifetimeValue is finite, with a null value only when spend is infinite or too large', () => {
    fc.assert(
      fc.property(
        parameters,
        fc.record({ p: positive, q: positive, gamma: positive }),
        history,
        positive,
        fc.oneof(fc.constant(0), positive),
        (bgNbd, gammaGamma, customer, meanSpend, discountRate) => {
          const result = outcome(() =>
            customerLifetimeValue({
              bgNbd,
              gammaGamma,
              customer: { ...customer, meanSpend: customer.x === 0 ? null : meanSpend },
              horizon: 3,
              discountRate,
            }),
          );
          if ('value' in result) expect(notFinite(result.value)).toEqual([]);
          else {
            const allowed = ['bgNbd.r', 'bgNbd.a', 'bgNbd.b', 'customer.x', 'periodLength'];
            expectInvalidInputAt(result, allowed);
          }
        },
      ),
      { numRuns: 100 },
    );
  }, 60_000);
});
