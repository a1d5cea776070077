import { defineScorecard, type Scorecard } from './define-scorecard.js';

/**
 * A scorecard to start from, over the fields of `AccountSnapshot`, as a CS
 * leader would write a first version. Weights are points out of 100 and
 * lean on what customers do over what they say, because behaviour leads
 * churn by months and answers are sparse:
 *
 * | group (weight) | measure (weight in group) | scoring | why |
 * |---|---|---|---|
 * | usage (35) | seats in use, `licenseUtilization` (60) | linear 0.2 → 0.9 | the strongest early churn signal: shelfware is not renewed; 90% is as full as a healthy deployment gets |
 * | | stickiness, `stickiness` (40) | linear 0.05 → 0.4 | DAU/MAU shows habit, not just access; 40% is excellent for a work tool |
 * | adoption (15) | features adopted, `featuresAdopted` (100) | linear 2 → 10 | breadth makes the product hard to replace; two features is a trial, ten is embedded |
 * | surveys (20) | latest NPS answer, `lastNpsCategory` (60), stale after 180 days | promoter 100, passive 60, detractor 0 | the customer's own word; a detractor is the clearest spoken risk; older than two survey waves it no longer speaks for today |
 * | | CSAT satisfied share, `csatSatisfiedShare` (40) | linear 0.5 → 1 | satisfaction with recent support and onboarding; below half satisfied is a problem |
 * | support (15) | urgent tickets in 90 days, `urgentTicketsOpened` (40) | 0 → 100, 1 → 60, 2–3 → 30, 4+ → 0 | urgent tickets are blocked work |
 * | | escalations in 90 days, `escalations` (60) | 0 → 100, 1 → 40, 2+ → 0 | an escalation means the normal channel failed |
 * | relationship (10) | champion named, `championNamed` (100) | yes 100, no 0 | a renewal without an internal advocate is a coin toss |
 * | billing (5) | days overdue, `overdueDays` (100), none overdue counts 100 | under 15 → 100, 15–44 → 50, 45+ → 0 | late payment is often the first sign of a budget decision; an account with nothing overdue has no value here, so it counts as neutral 100 rather than being left out |
 *
 * Bands: red below 50, yellow 50 to 74.9, green from 75, with a 3-point
 * hysteresis margin so accounts near a boundary do not flap. Override: an
 * escalation of severity `critical` in the window makes the band red,
 * whatever the score. Missing data is redistributed (except billing), so
 * a young account without surveys is scored on what it has.
 *
 * @example
 * ```ts
 * import { defaultScorecard } from 'successkit/health';
 *
 * defaultScorecard.groups.map((group) => `${group.id} ${String(group.weight)}`); // => ['usage 35', 'adoption 15', 'surveys 20', 'support 15', 'relationship 10', 'billing 5']
 * defaultScorecard.hysteresis; // => 3
 * ```
 */
export const defaultScorecard: Scorecard = /* @__PURE__ */ defineScorecard({
  id: 'default',
  label: 'Customer health',
  description:
    'A starting scorecard over the snapshot fields: usage, adoption, surveys, support, relationship, billing.',
  groups: [
    {
      id: 'usage',
      label: 'Usage',
      weight: 35,
      measures: [
        {
          id: 'license-utilization',
          label: 'Seats in use',
          field: 'licenseUtilization',
          weight: 60,
          scoring: { type: 'linear', min: 0.2, max: 0.9 },
        },
        {
          id: 'stickiness',
          label: 'Stickiness (DAU/MAU)',
          field: 'stickiness',
          weight: 40,
          scoring: { type: 'linear', min: 0.05, max: 0.4 },
        },
      ],
    },
    {
      id: 'adoption',
      label: 'Adoption',
      weight: 15,
      measures: [
        {
          id: 'features-adopted',
          label: 'Features adopted',
          field: 'featuresAdopted',
          weight: 100,
          scoring: { type: 'linear', min: 2, max: 10 },
        },
      ],
    },
    {
      id: 'surveys',
      label: 'Surveys',
      weight: 20,
      measures: [
        {
          id: 'nps',
          label: 'Latest NPS answer',
          field: 'lastNpsCategory',
          weight: 60,
          scoring: { type: 'bands', points: { promoter: 100, passive: 60, detractor: 0 } },
          stale: { dateField: 'lastNpsDate', maxAgeDays: 180 },
        },
        {
          id: 'csat',
          label: 'CSAT satisfied',
          field: 'csatSatisfiedShare',
          weight: 40,
          scoring: { type: 'linear', min: 0.5, max: 1 },
        },
      ],
    },
    {
      id: 'support',
      label: 'Support',
      weight: 15,
      measures: [
        {
          id: 'urgent-tickets',
          label: 'Urgent tickets (90 days)',
          field: 'urgentTicketsOpened',
          weight: 40,
          scoring: {
            type: 'thresholds',
            ranges: [
              { below: 1, points: 100 },
              { from: 1, below: 2, points: 60 },
              { from: 2, below: 4, points: 30 },
              { from: 4, points: 0 },
            ],
          },
        },
        {
          id: 'escalations',
          label: 'Escalations (90 days)',
          field: 'escalations',
          weight: 60,
          scoring: {
            type: 'thresholds',
            ranges: [
              { below: 1, points: 100 },
              { from: 1, below: 2, points: 40 },
              { from: 2, points: 0 },
            ],
          },
        },
      ],
    },
    {
      id: 'relationship',
      label: 'Relationship',
      weight: 10,
      measures: [
        { id: 'champion', label: 'Champion named', field: 'championNamed', weight: 100, scoring: { type: 'boolean' } },
      ],
    },
    {
      id: 'billing',
      label: 'Billing',
      weight: 5,
      measures: [
        {
          id: 'overdue',
          label: 'Days overdue',
          field: 'overdueDays',
          weight: 100,
          missing: { neutral: 100 },
          scoring: {
            type: 'thresholds',
            ranges: [
              { below: 15, points: 100 },
              { from: 15, below: 45, points: 50 },
              { from: 45, points: 0 },
            ],
          },
        },
      ],
    },
  ],
  bands: [
    { id: 'red', label: 'Red', from: 0 },
    { id: 'yellow', label: 'Yellow', from: 50 },
    { id: 'green', label: 'Green', from: 75 },
  ],
  hysteresis: 3,
  overrides: [
    {
      id: 'critical-escalation',
      label: 'Critical escalation in the last 90 days',
      when: { field: 'highestEscalationSeverity', op: 'eq', value: 'critical' },
      band: 'red',
    },
  ],
});
