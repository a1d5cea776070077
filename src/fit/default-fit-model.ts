import { defineFitModel } from './define-fit-model.js';
import type { FitModel } from './fit-model.js';

/**
 * A starting fit model from the signals of "Customer Fit (or Know When to
 * Fold 'Em)": good fits' goals align with what the product delivers, their
 * usage is healthy, their requests fit the roadmap and their expectations
 * match what can be delivered; perfect fits also become promoters with a
 * named champion. Fifteen points of weight over nine criteria, each known
 * when a CS team can first judge it, and two deal-breakers:
 *
 * | criterion | rule | weight | known from |
 * |---|---|---|---|
 * | `value-realized` | `valueRealized ≥ 0.75` | 3 | milestone `ebr_1` (the first EBR) |
 * | `healthy-usage` | `licenseUtilization ≥ 0.7` | 3 | tenure day 60 |
 * | `usage-holding` | `licenseUtilizationChange ≥ −0.1` | 1 | tenure day 90 |
 * | `requests-on-roadmap` | `featureRequestsOffRoadmap = 0` in the window | 2 | tenure day 90 |
 * | `requests-in-scope` | `featureRequestsOutOfScope = 0` in the window | 2 | tenure day 90 |
 * | `satisfied` | `csatSatisfiedShare ≥ 0.8` | 1 | sign-up (unknown without answers) |
 * | `no-severe-escalation` | no escalation above `medium` in the window | 1 | tenure day 90 |
 * | `promoter` | `lastNpsCategory` is `promoter` | 1 | sign-up (unknown without an answer) |
 * | `champion-named` | `championNamed` | 1 | tenure day 30 |
 *
 * Thresholds: `perfect` from 0.9 of the weight met, `good` from 0.6. The
 * deal-breakers: two or more requests out of scope in the window
 * (`out-of-scope-demands`), and fewer than 20% of seats in use from tenure day
 * 120 (`seats-abandoned`). Copy it and change it: the thresholds and the
 * target of value realized are the first things a team tunes.
 *
 * @example
 * ```ts
 * import { classifyFit, defaultFitModel } from 'successkit/fit';
 *
 * defaultFitModel.criteria.length; // => 9
 * defaultFitModel.criteria.reduce((sum, criterion) => sum + criterion.weight, 0); // => 15
 * classifyFit(defaultFitModel, { tenureDays: 0, milestones: {}, featureRequestsOutOfScope: 0 }).possibleClasses; // => ['perfect', 'good', 'bad']
 * ```
 */
export const defaultFitModel: FitModel = /* @__PURE__ */ defineFitModel({
  id: 'default-fit',
  label: 'Customer fit (seed 000 signals)',
  criteria: [
    {
      id: 'value-realized',
      label: 'Realizes the value it bought',
      weight: 3,
      rule: { field: 'valueRealized', op: 'gte', value: 0.75 },
      knownFrom: { milestone: 'ebr_1' },
      description: 'Its goals align with what the product delivers: 75% of the targeted value by the first EBR.',
    },
    {
      id: 'healthy-usage',
      label: 'Most seats in use',
      weight: 3,
      rule: { field: 'licenseUtilization', op: 'gte', value: 0.7 },
      knownFrom: { tenureDays: 60 },
      description: 'Healthy usage: at least 70% of the seats paid for are active once onboarding is over.',
    },
    {
      id: 'usage-holding',
      label: 'Usage not falling',
      weight: 1,
      rule: { field: 'licenseUtilizationChange', op: 'gte', value: -0.1 },
      knownFrom: { tenureDays: 90 },
      description: 'Utilization fell by less than ten points from the period before.',
    },
    {
      id: 'requests-on-roadmap',
      label: 'Asks for what we plan to build',
      weight: 2,
      rule: { field: 'featureRequestsOffRoadmap', op: 'eq', value: 0 },
      knownFrom: { tenureDays: 90 },
      description: 'No request off the roadmap in the window: its needs are the wider base’s needs.',
    },
    {
      id: 'requests-in-scope',
      label: 'Asks for what the product is for',
      weight: 2,
      rule: { field: 'featureRequestsOutOfScope', op: 'eq', value: 0 },
      knownFrom: { tenureDays: 90 },
      description:
        'No request outside what the product is for in the window: expectations match what can be delivered.',
    },
    {
      id: 'satisfied',
      label: 'Satisfied with support',
      weight: 1,
      rule: { field: 'csatSatisfiedShare', op: 'gte', value: 0.8 },
      description: 'At least 80% of CSAT answers in the window satisfied; unknown without answers.',
    },
    {
      id: 'no-severe-escalation',
      label: 'No severe escalation',
      weight: 1,
      rule: {
        any: [
          { field: 'highestEscalationSeverity', op: 'missing' },
          { field: 'highestEscalationSeverity', op: 'in', value: ['low', 'medium'] },
        ],
      },
      knownFrom: { tenureDays: 90 },
      description: 'No escalation of high or critical severity in the window.',
    },
    {
      id: 'promoter',
      label: 'Would recommend us',
      weight: 1,
      rule: { field: 'lastNpsCategory', op: 'eq', value: 'promoter' },
      description: 'The latest NPS answer is 9 or 10: a reference in the making.',
    },
    {
      id: 'champion-named',
      label: 'A champion is named',
      weight: 1,
      rule: { field: 'championNamed', op: 'eq', value: true },
      knownFrom: { tenureDays: 30 },
      description: 'Someone at the customer owns its success with the product.',
    },
  ],
  thresholds: { perfect: 0.9, good: 0.6 },
  dealBreakers: [
    {
      id: 'out-of-scope-demands',
      label: 'Demands what the product is not for',
      rule: { field: 'featureRequestsOutOfScope', op: 'gte', value: 2 },
      description: 'Two or more requests out of scope in the window: expectations that cannot be met.',
    },
    {
      id: 'seats-abandoned',
      label: 'Seats abandoned',
      rule: { field: 'licenseUtilization', op: 'lt', value: 0.2 },
      knownFrom: { tenureDays: 120 },
      description: 'Fewer than 20% of seats in use four months in.',
    },
  ],
});
