import type { AccountEvent } from './account-event.js';
import { isCalendarDate } from './calendar-date.js';
import { hasOnlyKeys, isObjectRecord } from './guard.js';

// A hand-written check of core's AccountEvent for the per-review fast path
// (conventions, "Validation: one path"): it accepts nothing the schema
// rejects, and whatever it rejects goes to the schema for the message.
// tests/core/account-event-guard.test.ts holds it to the schema.

const base = ['id', 'accountId', 'date', 'contactId', 'note', 'type'];

const keysOf: Readonly<Record<AccountEvent['type'], ReadonlySet<string>>> = {
  login: new Set(base),
  milestone_reached: new Set([...base, 'milestoneId']),
  ticket: new Set([...base, 'ticketId', 'priority', 'resolvedDate']),
  escalation: new Set([...base, 'severity', 'reason']),
  feature_request: new Set([...base, 'title', 'onRoadmap', 'outOfScope']),
  champion_left: new Set(base),
  sponsor_changed: new Set(base),
  meeting: new Set([...base, 'meetingKind']),
  payment_overdue: new Set([...base, 'amount']),
  value_realized: new Set([...base, 'share']),
  custom: new Set([...base, 'name', 'value']),
};

const priorities = new Set(['low', 'normal', 'high', 'urgent']);
const severities = new Set(['low', 'medium', 'high', 'critical']);
const meetingKinds = new Set(['kickoff', 'check_in', 'ebr', 'training', 'onsite']);

function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 1 && value.length <= 256;
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 1;
}

function optional(value: unknown, guard: (value: unknown) => boolean): boolean {
  return value === undefined || guard(value);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function fieldsAreValid(event: Record<string, unknown>, type: AccountEvent['type']): boolean {
  switch (type) {
    case 'login':
    case 'sponsor_changed':
      return true;
    case 'milestone_reached':
      return isId(event.milestoneId);
    case 'ticket':
      return (
        isId(event.ticketId) && priorities.has(event.priority as string) && optional(event.resolvedDate, isCalendarDate)
      );
    case 'escalation':
      return severities.has(event.severity as string) && optional(event.reason, (reason) => typeof reason === 'string');
    case 'feature_request':
      return (
        isText(event.title) &&
        optional(event.onRoadmap, (flag) => typeof flag === 'boolean') &&
        optional(event.outOfScope, (flag) => typeof flag === 'boolean')
      );
    case 'champion_left':
      return isId(event.contactId);
    case 'meeting':
      return meetingKinds.has(event.meetingKind as string);
    case 'payment_overdue':
      return isFiniteNumber(event.amount) && event.amount >= 0;
    case 'value_realized':
      return isFiniteNumber(event.share) && event.share >= 0 && event.share <= 1;
    case 'custom':
      return (
        isText(event.name) &&
        optional(
          event.value,
          (value) => typeof value === 'string' || typeof value === 'boolean' || isFiniteNumber(value),
        )
      );
  }
}

/** True for a value `AccountEvent` accepts as it is (a value it would transform or reject is false). @internal */
export function isAccountEvent(value: unknown): value is AccountEvent {
  if (!isObjectRecord(value)) return false;
  const { type } = value;
  if (typeof type !== 'string' || !Object.hasOwn(keysOf, type)) return false;
  const known = type as AccountEvent['type'];
  return (
    hasOnlyKeys(value, keysOf[known]) &&
    isId(value.id) &&
    isId(value.accountId) &&
    isCalendarDate(value.date) &&
    optional(value.contactId, isId) &&
    optional(value.note, (note) => typeof note === 'string') &&
    fieldsAreValid(value, known)
  );
}

/** True for an array of {@link isAccountEvent} values, holes included as rejections. @internal */
export function isAccountEventList(value: unknown): value is AccountEvent[] {
  if (!Array.isArray(value)) return false;
  // for…of visits holes, as undefined, which the guard rejects.
  for (const event of value) if (!isAccountEvent(event)) return false;
  return true;
}
