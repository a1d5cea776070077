import { defineScorecard } from '../../src/health/index';

/** A small scorecard with every scoring type and policy, for the tests. */
export const mixed = defineScorecard({
  id: 'mixed',
  label: 'Mixed',
  groups: [
    {
      id: 'usage',
      label: 'Usage',
      weight: 60,
      measures: [
        {
          id: 'seats',
          label: 'Seats',
          field: 'licenseUtilization',
          weight: 2,
          scoring: { type: 'linear', min: 0.2, max: 0.8 },
        },
        {
          id: 'tickets',
          label: 'Tickets',
          field: 'ticketsOpened',
          weight: 1,
          missing: 'zero',
          scoring: {
            type: 'thresholds',
            ranges: [
              { below: 2, points: 100 },
              { from: 2, below: 5, points: 50 },
              { from: 5, points: 0 },
            ],
          },
        },
      ],
    },
    {
      id: 'voice',
      label: 'Voice',
      weight: 40,
      measures: [
        {
          id: 'nps',
          label: 'NPS',
          field: 'lastNpsCategory',
          weight: 1,
          scoring: { type: 'bands', points: { promoter: 100, passive: 50, detractor: 0 } },
          stale: { dateField: 'lastNpsDate', maxAgeDays: 90 },
        },
        {
          id: 'champion',
          label: 'Champion',
          field: 'championNamed',
          weight: 1,
          missing: { neutral: 50 },
          scoring: { type: 'boolean' },
        },
      ],
    },
  ],
  bands: [
    { id: 'red', label: 'Red', from: 0 },
    { id: 'yellow', label: 'Yellow', from: 50 },
    { id: 'green', label: 'Green', from: 75 },
  ],
  hysteresis: 4,
  overrides: [
    {
      id: 'critical',
      label: 'Critical escalation',
      when: { field: 'highestEscalationSeverity', op: 'eq', value: 'critical' },
      band: 'red',
    },
    {
      id: 'sponsor',
      label: 'Sponsor changed',
      when: { field: 'sponsorChanged', op: 'eq', value: true },
      band: 'yellow',
    },
  ],
});

/** A snapshot of the fields {@link mixed} reads. */
export const fullSnapshot = {
  id: 'acc-1',
  asOf: '2026-06-30',
  licenseUtilization: 0.5,
  ticketsOpened: 3,
  lastNpsCategory: 'promoter',
  lastNpsDate: '2026-05-01',
  championNamed: true,
  highestEscalationSeverity: null,
  sponsorChanged: false,
};
