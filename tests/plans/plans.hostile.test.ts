import { describe, expect, it } from 'vitest';
import * as plans from '../../src/plans/index';
import { exportedFunctions, hostileFailures } from '../hostile-calls';
import { completeEvents, opening } from './recovery-fixtures';
import { asOf, healthyPlan } from './plan-fixtures';

const goal = {
  id: 'g1',
  outcome: 'Cut average ticket resolution time',
  metric: { name: 'resolution time', unit: 'hours' },
  baseline: { value: 48, date: '2025-12-31' },
  target: { value: 36, date: '2026-03-31' },
  periodTargets: [{ periodEnd: '2026-01-31', value: 44 }],
  successCriterionId: 's1',
  dataOwner: 'client',
};
const events = [{ id: 'e1', accountId: 'acme', type: 'escalation', severity: 'high', date: '2026-06-02' }];
const snapshot = {
  id: 'acme',
  asOf,
  championLeft: false,
  championLeftDate: null,
  sponsorChanged: false,
  sponsorChangedDate: null,
  featureRequests: 0,
  escalations: 0,
  highestEscalationSeverity: null,
};
const acknowledged = plans.advanceRecovery(plans.openRecovery(opening), completeEvents.assess, { at: '2026-06-01' });
const meeting = {
  id: 'm1',
  accountId: 'acme',
  date: '2026-07-02',
  deckSentAsPdf: { sentTo: 'ana', sentDate: '2026-06-30' },
  agenda: ['f1'],
};

/** Every public function of successkit/plans with arguments it accepts. */
const calls: [name: string, run: (...args: unknown[]) => unknown, args: unknown[]][] = [
  ['defineAccountPlan', plans.defineAccountPlan as never, [healthyPlan()]],
  ['definePlanReviewPolicy', plans.definePlanReviewPolicy as never, [{ engagementDays: 30 }]],
  ['orgChartDepth', plans.orgChartDepth as never, [healthyPlan()]],
  ['coverage', plans.coverage as never, [healthyPlan(), { asOf, engagedWithinDays: 30, events }]],
  [
    'reviewAccountPlan',
    plans.reviewAccountPlan as never,
    [healthyPlan(), { asOf, events, snapshot, policy: { engagementDays: 30 } }],
  ],
  ['defineSuccessGoal', plans.defineSuccessGoal as never, [goal]],
  ['periodTargets', plans.periodTargets as never, [goal]],
  ['checkSmart', plans.checkSmart as never, [goal, { asOf, trendPerMonth: -1, plan: healthyPlan() }]],
  ['goalProgress', plans.goalProgress as never, [goal, [{ value: 43, date: '2026-01-31' }], { asOf }]],
  [
    'hitsAndMisses',
    plans.hitsAndMisses as never,
    [[goal], { g1: [{ value: 43, date: '2026-01-31' }] }, { asOf, periods: 'all' }],
  ],
  ['openRecovery', plans.openRecovery as never, [opening]],
  [
    'advanceRecovery',
    plans.advanceRecovery as never,
    [JSON.parse(JSON.stringify(acknowledged)), completeEvents.acknowledge, { at: '2026-06-02' }],
  ],
  [
    'recoveryStatus',
    plans.recoveryStatus as never,
    [JSON.parse(JSON.stringify(acknowledged)), { asOf, amendWithinDays: 20 }],
  ],
  ['meetingReadiness', plans.meetingReadiness as never, [meeting, { asOf, plan: healthyPlan() }]],
];

describe('every plans function answers hostile input with a SuccessKitError or a result', () => {
  it('lists every exported function', () => {
    const exported = exportedFunctions(plans);
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
