import { describe, expect, it } from 'vitest';
import * as fit from '../../src/fit/index';
import { exportedFunctions, hostileFailures } from '../hostile-calls';

const snapshot = {
  id: 'acc-1',
  asOf: '2026-06-30',
  tenureDays: 200,
  employees: 400,
  milestones: { ebr_1: '2026-01-10' },
  valueRealized: 0.8,
  licenseUtilization: 0.7,
  licenseUtilizationChange: -0.02,
  featureRequests: 2,
  featureRequestsOffRoadmap: 1,
  featureRequestsOutOfScope: 0,
  csatSatisfiedShare: 0.9,
  escalations: 0,
  highestEscalationSeverity: null,
  lastNpsCategory: 'promoter',
  championNamed: true,
};
const modelInput: fit.FitModelInput = {
  criteria: [
    { id: 'size', label: 'Size', weight: 1, rule: { field: 'employees', op: 'gte', value: 50 } },
    {
      id: 'usage',
      label: 'Usage',
      weight: 2,
      rule: { field: 'licenseUtilization', op: 'gte', value: 0.6 },
      knownFrom: { tenureDays: 60 },
    },
  ],
  thresholds: { perfect: 0.9, good: 0.5 },
  dealBreakers: [{ id: 'scope', label: 'Scope', rule: { field: 'featureRequestsOutOfScope', op: 'gte', value: 3 } }],
};

/** Every public function of successkit/fit with arguments it accepts. */
const calls: [name: string, run: (...args: unknown[]) => unknown, args: unknown[]][] = [
  ['defineFitModel', fit.defineFitModel as never, [modelInput, {}]],
  ['classifyFit', fit.classifyFit as never, [fit.defaultFitModel, snapshot]],
  ['classifyFit (a model as written)', fit.classifyFit as never, [modelInput, snapshot]],
  ['fitHistory', fit.fitHistory as never, [fit.defaultFitModel, [snapshot, { ...snapshot, asOf: '2026-07-31' }]]],
  ['fitNorms', fit.fitNorms as never, [[snapshot, snapshot]]],
  ['fitSignals', fit.fitSignals as never, [snapshot, { norms: fit.fitNorms([snapshot]), thresholds: {} }]],
  [
    'investmentDecision',
    fit.investmentDecision as never,
    [
      {
        fit: 'good',
        lifetimeValue: 100_000,
        retentionProbability: 0.8,
        investmentCost: 10_000,
        costToServe: 100,
        horizonMonths: 24,
        discountRate: 0.1,
      },
    ],
  ],
  [
    'enhancementWorth',
    fit.enhancementWorth as never,
    [
      {
        requestingAccounts: 4,
        arrAtStake: 200_000,
        buildCost: 30_000,
        retentionLift: 0.1,
        grossMargin: 0.8,
        horizonYears: 3,
        discountRate: 0.1,
      },
    ],
  ],
];

describe('every fit function answers hostile input with a SuccessKitError or a result', () => {
  it('lists every exported function', () => {
    const exported = exportedFunctions(fit);
    expect([...new Set(calls.map(([name]) => name.split(' ')[0]))].sort()).toEqual(exported);
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
