import { describe, expect, it } from 'vitest';
import * as forecast from '../../src/forecast/index';
import { cdnowSummary, survivors } from '../fixtures/published';
import { exportedFunctions, hostileFailures } from '../hostile-calls';

const cdnow = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const spendModel = { p: 6.25, q: 3.74, gamma: 15.44 };
const customer = { x: 2, tx: 30.43, T: 38.86 };
const sbg = { alpha: 0.668, beta: 3.806 };
const customers = cdnowSummary().map(({ x, tx, T }) => ({ x, tx, T }));
const buyers = cdnowSummary()
  .filter(({ x }) => x > 0)
  .map(({ x, zbar }) => ({ x, meanSpend: zbar }));
const regular = survivors().regular.slice(0, 8);

/** Every public function of successkit/forecast with arguments it accepts. */
const calls: [name: string, run: (...args: unknown[]) => unknown, args: unknown[]][] = [
  ['bgNbdExpectedPurchases', forecast.bgNbdExpectedPurchases as never, [cdnow, 39]],
  ['bgNbdProbabilityAlive', forecast.bgNbdProbabilityAlive as never, [cdnow, customer]],
  [
    'bgNbdConditionalExpectedPurchases',
    forecast.bgNbdConditionalExpectedPurchases as never,
    [cdnow, { customer, t: 39 }],
  ],
  ['bgNbdProbabilityOfPurchases', forecast.bgNbdProbabilityOfPurchases as never, [cdnow, { purchases: 2, t: 39 }]],
  [
    'customerLifetimeValue',
    forecast.customerLifetimeValue as never,
    [
      {
        bgNbd: cdnow,
        gammaGamma: spendModel,
        customer: { ...customer, meanSpend: 22.35 },
        horizon: 12,
        discountRate: 0.01,
      },
    ],
  ],
  ['fitBgNbd', forecast.fitBgNbd as never, [customers, {}]],
  ['fitGammaGamma', forecast.fitGammaGamma as never, [buyers, {}]],
  ['fitShiftedBetaGeometric', forecast.fitShiftedBetaGeometric as never, [regular, {}]],
  [
    'fitShiftedBetaGeometricCohorts',
    forecast.fitShiftedBetaGeometricCohorts as never,
    [[regular, regular.slice(0, 4)], {}],
  ],
  ['gammaGammaExpectedSpend', forecast.gammaGammaExpectedSpend as never, [spendModel, { x: 2, meanSpend: 22.35 }]],
  [
    'retentionImpact',
    forecast.retentionImpact as never,
    [{ startingArr: 1000, monthlyChurn: 0.02, churnDelta: -0.01, years: 2 }],
  ],
  [
    'renewalCountsFromCohorts',
    forecast.renewalCountsFromCohorts as never,
    [{ cohorts: [{ cohort: '2024-01-01', accounts: 80, periods: [{ activeAccounts: 80 }, { activeAccounts: 66 }] }] }],
  ],
  ['sbgDerl', forecast.sbgDerl as never, [sbg, { discountRate: 0.1, periodsAlive: 2 }]],
  ['sbgExpectedLifetime', forecast.sbgExpectedLifetime as never, [sbg, { horizon: 5 }]],
  ['sbgRetention', forecast.sbgRetention as never, [sbg, 2]],
  ['sbgSurvival', forecast.sbgSurvival as never, [sbg, 2]],
  [
    'summarizeTransactions',
    forecast.summarizeTransactions as never,
    [[{ customerId: 'c-1', date: '1997-01-01', amount: 29.33 }], { calibrationEnd: '1997-09-30', unit: 'week' }],
  ],
];

describe('every forecast function answers hostile input with a SuccessKitError or a result', () => {
  it('lists every exported function', () => {
    const exported = exportedFunctions(forecast);
    expect(calls.map(([name]) => name).sort()).toEqual(exported);
  });

  for (const [name, run, args] of calls) {
    it(
      name,
      () => {
        expect(() => run(...args)).not.toThrow();
        expect(hostileFailures(run, args)).toEqual([]);
      },
      60_000,
    );
  }
});
