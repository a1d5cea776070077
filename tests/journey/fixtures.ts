import type { CalendarDate } from '../../src/core/index';
import type { JourneyInput } from '../../src/journey/index';

/** A three-stage journey whose rules read a handful of snapshot fields, for hand-built series. */
export const threeStages = {
  id: 'three',
  name: 'Three stages',
  stages: [
    {
      id: 'onboarding',
      name: 'Onboarding',
      think: 'It fits how we work',
      feel: 'Confident',
      do: 'Configure and go live',
      entry: { field: 'tenureDays', op: 'gte', value: 0 },
      exit: { field: 'milestones.go_live', op: 'exists' },
      since: 'startDate',
      outcome: { field: 'milestones.configuration_complete', op: 'exists' },
      expectedDays: 30,
      milestones: [
        {
          id: 'configuration_complete',
          name: 'Configured',
          dueDay: 10,
          evidence: { field: 'milestones.configuration_complete', op: 'exists' },
        },
        {
          id: 'go_live',
          name: 'Go-live',
          dueDay: 30,
          evidence: { field: 'milestones.go_live', op: 'exists' },
          celebration: 'referral',
        },
      ],
      touchpoints: [
        { id: 'kickoff', name: 'Kickoff', channel: 'meeting', owner: 'csm', day: 0 },
        { id: 'celebration', name: 'Go-live celebration', channel: 'call', owner: 'csm', after: 'go_live' },
      ],
      targets: { minimumNps: 20, minimumCsatShare: 0.8 },
    },
    {
      id: 'adoption',
      name: 'Adoption',
      think: 'This makes my team better',
      feel: 'Proud',
      do: 'Realize the value',
      entry: { field: 'milestones.go_live', op: 'exists' },
      since: 'milestones.go_live',
      outcome: { field: 'valueRealized', op: 'gte', value: 0.75 },
      expectedDays: 60,
    },
    {
      id: 'expansion',
      name: 'Expansion',
      think: 'Other teams need this',
      feel: 'Excited',
      do: 'Expand',
      entry: { field: 'milestones.expanded', op: 'exists' },
      exit: { field: 'mrrChange90Days', op: 'lt', value: 0 },
      since: 'milestones.expanded',
      outcome: { field: 'lastNpsCategory', op: 'eq', value: 'promoter' },
      expectedDays: 90,
      milestones: [
        { id: 'expanded', name: 'Expanded', dueDay: 0, evidence: { field: 'milestones.expanded', op: 'exists' } },
      ],
    },
  ],
} as const satisfies JourneyInput;

/** A snapshot-like record: what the three-stage journey's rules read. */
export interface AccountRecord {
  readonly id: string;
  readonly asOf: string;
  readonly status?: 'active' | 'churned';
  readonly tenureDays?: number | undefined;
  readonly startDate?: string;
  readonly milestones?: Readonly<Partial<Record<string, string>>>;
  readonly mrrChange90Days?: number | null;
  readonly valueRealized?: number | null;
  readonly lastNpsCategory?: string | null;
  readonly renewalDate?: string | null;
}

/** A record of an active account. */
export function record(id: string, asOf: string, fields: Omit<AccountRecord, 'id' | 'asOf'> = {}): AccountRecord {
  return { id, asOf, status: 'active', tenureDays: 100, startDate: '2026-01-01', milestones: {}, ...fields };
}

/** A series day of records. */
export function day(asOf: string, ...records: AccountRecord[]): { asOf: CalendarDate; snapshots: AccountRecord[] } {
  return { asOf: asOf as CalendarDate, snapshots: records };
}
