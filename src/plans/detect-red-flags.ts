import * as z from 'zod/mini';
import { CalendarDate, Count, EscalationSeverity, toEpochDay, type AccountEvent } from '../core/internal.js';
import type { RedFlagKind } from './account-plan.js';
import type { DefinedAccountPlan } from './define-account-plan.js';
import type { PlanFindingEvidence } from './plan-finding.js';
import type { PlanReviewPolicy } from './plan-review-policy.js';

const Day = z.nullable(CalendarDate);

/**
 * The fields of an account snapshot a plan review reads; any
 * `AccountSnapshot` from `successkit/snapshot` fits, other fields are ignored.
 *
 * @example
 * ```ts
 * import { PlanSnapshotFields } from 'successkit/plans';
 *
 * Object.keys(PlanSnapshotFields.shape).includes('championLeft'); // => true
 * ```
 */
export const PlanSnapshotFields = z.looseObject({
  id: z.string(),
  asOf: CalendarDate,
  championLeft: z.boolean(),
  championLeftDate: Day,
  sponsorChanged: z.boolean(),
  sponsorChangedDate: Day,
  featureRequests: Count,
  escalations: Count,
  highestEscalationSeverity: z.nullable(EscalationSeverity),
});

/**
 * What a plan review reads of an account snapshot.
 *
 * @example
 * ```ts
 * import type { PlanSnapshotFields } from 'successkit/plans';
 *
 * const quiet: PlanSnapshotFields = { id: 'acme', asOf: '2026-06-30' as never, championLeft: false, championLeftDate: null, sponsorChanged: false, sponsorChangedDate: null, featureRequests: 0, escalations: 0, highestEscalationSeverity: null };
 * ```
 */
export type PlanSnapshotFields = z.infer<typeof PlanSnapshotFields>;

/**
 * A red flag the review found in the account's events or snapshot, with the
 * evidence, and whether the plan already records an open flag of its kind.
 *
 * @example
 * ```ts
 * import type { DetectedRedFlag } from 'successkit/plans';
 *
 * const flag: DetectedRedFlag = { kind: 'escalation', recorded: false, evidence: [{ source: 'event', id: 'e9', date: '2026-06-02' as never, description: 'escalation (high): outage' }] };
 * ```
 */
export interface DetectedRedFlag {
  readonly kind: Exclude<RedFlagKind, 'other'>;
  readonly recorded: boolean;
  readonly evidence: readonly PlanFindingEvidence[];
}

function eventEvidence(event: AccountEvent, description: string): PlanFindingEvidence {
  return { source: 'event', id: event.id, date: event.date, description };
}

function fromEvents(
  plan: DefinedAccountPlan,
  events: readonly AccountEvent[],
  asOf: CalendarDate,
  policy: PlanReviewPolicy,
): Record<Exclude<RedFlagKind, 'other'>, PlanFindingEvidence[]> {
  const asOfDay = toEpochDay(asOf);
  const since = asOfDay - policy.eventWindowDays;
  const found = {
    staffing_change: [] as PlanFindingEvidence[],
    feature_requests: [] as PlanFindingEvidence[],
    escalation: [] as PlanFindingEvidence[],
  };
  const nameOf = (id: string) => plan.contacts.find((contact) => contact.id === id)?.name ?? id;
  for (const event of events) {
    const day = toEpochDay(event.date);
    if (day > asOfDay || day <= since) continue;
    if (event.type === 'champion_left')
      found.staffing_change.push(eventEvidence(event, `champion left: ${nameOf(event.contactId)}`));
    else if (event.type === 'sponsor_changed')
      found.staffing_change.push(eventEvidence(event, 'executive sponsor changed'));
    else if (event.type === 'feature_request')
      found.feature_requests.push(eventEvidence(event, `feature request: ${event.title}`));
    else if (event.type === 'escalation')
      found.escalation.push(
        eventEvidence(event, `escalation (${event.severity})${event.reason === undefined ? '' : `: ${event.reason}`}`),
      );
  }
  for (const contact of plan.contacts) {
    if (contact.leftDate === undefined) continue;
    const day = toEpochDay(contact.leftDate);
    if (day <= asOfDay && day > since)
      found.staffing_change.push({
        source: 'plan',
        id: contact.id,
        date: contact.leftDate,
        description: `${contact.name} (${contact.role.replace('_', ' ')}) left`,
      });
  }
  if (found.feature_requests.length < policy.featureRequestLimit) found.feature_requests = [];
  return found;
}

function fromSnapshot(
  snapshot: PlanSnapshotFields,
  policy: PlanReviewPolicy,
): Record<Exclude<RedFlagKind, 'other'>, PlanFindingEvidence[]> {
  const evidence = (id: string, date: CalendarDate | null, description: string): PlanFindingEvidence => ({
    source: 'snapshot',
    id,
    date,
    description,
  });
  const staffing: PlanFindingEvidence[] = [];
  if (snapshot.championLeft) staffing.push(evidence('championLeft', snapshot.championLeftDate, 'the champion left'));
  if (snapshot.sponsorChanged)
    staffing.push(evidence('sponsorChanged', snapshot.sponsorChangedDate, 'the executive sponsor changed'));
  return {
    staffing_change: staffing,
    feature_requests:
      snapshot.featureRequests >= policy.featureRequestLimit
        ? [
            evidence(
              'featureRequests',
              snapshot.asOf,
              `${String(snapshot.featureRequests)} feature requests in the window`,
            ),
          ]
        : [],
    escalation:
      snapshot.escalations > 0
        ? [
            evidence(
              'escalations',
              snapshot.asOf,
              `${String(snapshot.escalations)} escalation(s), highest ${snapshot.highestEscalationSeverity ?? 'unknown'}`,
            ),
          ]
        : [],
  };
}

/**
 * The red flags of seed 000 found in the events of the review window (and
 * contacts who left in it), or in the snapshot for a kind the events do not show.
 *
 * @internal
 */
export function detectRedFlags(
  plan: DefinedAccountPlan,
  events: readonly AccountEvent[],
  snapshot: PlanSnapshotFields | undefined,
  asOf: CalendarDate,
  policy: PlanReviewPolicy,
): DetectedRedFlag[] {
  const seen = fromEvents(plan, events, asOf, policy);
  const snapshotSeen = snapshot === undefined ? undefined : fromSnapshot(snapshot, policy);
  const open = new Set(
    plan.redFlags
      .filter((flag) => flag.resolvedDate === undefined || flag.resolvedDate > asOf)
      .map((flag) => flag.kind),
  );
  const detected: DetectedRedFlag[] = [];
  for (const kind of ['staffing_change', 'feature_requests', 'escalation'] as const) {
    const evidence = seen[kind].length > 0 ? seen[kind] : (snapshotSeen?.[kind] ?? []);
    if (evidence.length > 0) detected.push({ kind, recorded: open.has(kind), evidence });
  }
  return detected;
}
