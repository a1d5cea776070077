import { type AccountEvent, at, type CalendarDate, isNonNegative, isRecord } from '../core/internal.js';
import { type DayNumbers, optionalDay } from './day-numbers.js';
import { type GroupedRows, rowAt } from './grouped-rows.js';
import { setOwn } from './own-record.js';
import { isId, isOptionalId } from './row-fields.js';

type Severity = (AccountEvent & { type: 'escalation' })['severity'];

const severityRank: Readonly<Record<Severity, number>> = { low: 0, medium: 1, high: 2, critical: 3 };
const priorities: ReadonlySet<unknown> = new Set(['low', 'normal', 'high', 'urgent']);
const meetingKinds: ReadonlySet<unknown> = new Set(['kickoff', 'check_in', 'ebr', 'training', 'onsite']);

function isOptionalString(value: unknown): boolean {
  return value === undefined || typeof value === 'string';
}

/** Whether the fields of its type that snapshots read are valid. */
function hasValidDetails(event: Record<string, unknown>, dayOf: DayNumbers): boolean {
  switch (event.type) {
    case 'login':
    case 'sponsor_changed':
      return true;
    case 'milestone_reached':
      return isId(event.milestoneId);
    case 'ticket':
      return (
        isId(event.ticketId) &&
        priorities.has(event.priority) &&
        !Number.isNaN(optionalDay(dayOf, event.resolvedDate, 0))
      );
    case 'escalation':
      return Object.hasOwn(severityRank, String(event.severity)) && isOptionalString(event.reason);
    case 'feature_request':
      return typeof event.title === 'string' && event.title.length > 0;
    case 'champion_left':
      return isId(event.contactId);
    case 'meeting':
      return meetingKinds.has(event.meetingKind);
    case 'payment_overdue':
      return isNonNegative(event.amount);
    case 'custom':
      return (
        typeof event.name === 'string' &&
        event.name.length > 0 &&
        (isOptionalString(event.value) ||
          typeof event.value === 'boolean' ||
          (typeof event.value === 'number' && Number.isFinite(event.value)))
      );
    default:
      return false;
  }
}

/**
 * The day of an account event whose fields that snapshots read are valid, as
 * a day number (its sort key); `NaN` when a field is not valid.
 *
 * @internal
 */
export function eventDay(value: unknown, dayOf: DayNumbers): number {
  const valid =
    isRecord(value) &&
    isId(value.id) &&
    isId(value.accountId) &&
    isOptionalId(value.contactId) &&
    isOptionalString(value.note) &&
    hasValidDetails(value, dayOf);
  return valid ? dayOf(value.date) : Number.NaN;
}

/** The fields of a snapshot that come from account events. @internal */
export interface EventMeasures {
  readonly lastLoginDate: CalendarDate | null;
  readonly ticketsOpened: number;
  readonly urgentTicketsOpened: number;
  readonly openTickets: number;
  readonly escalations: number;
  readonly highestEscalationSeverity: Severity | null;
  readonly championLeftDate: CalendarDate | null;
  readonly sponsorChangedDate: CalendarDate | null;
  readonly featureRequests: number;
  readonly overdueAmount: number;
  readonly oldestOverdueDay: number | null;
  readonly milestones: Record<string, CalendarDate>;
  readonly lastMeetingDate: CalendarDate | null;
  readonly lastEbrDate: CalendarDate | null;
  readonly custom: Record<string, number>;
}

/** Tallies of one account's events; filled in date order. */
interface Tally {
  lastLoginDate: CalendarDate | null;
  ticketsOpened: number;
  urgentTicketsOpened: number;
  openTickets: number;
  escalations: number;
  highestEscalationSeverity: Severity | null;
  championLeftDate: CalendarDate | null;
  sponsorChangedDate: CalendarDate | null;
  featureRequests: number;
  overdueAmount: number;
  oldestOverdueDay: number | null;
  readonly milestones: Record<string, CalendarDate>;
  lastMeetingDate: CalendarDate | null;
  lastEbrDate: CalendarDate | null;
  readonly custom: Record<string, number>;
}

/** Counts an event that happened on or before the snapshot day; `inWindow` when it is in the window too. */
function tallyEvent(
  tally: Tally,
  event: AccountEvent,
  day: number,
  inWindow: boolean,
  asOfDay: number,
  dayOf: DayNumbers,
): void {
  switch (event.type) {
    case 'login':
      tally.lastLoginDate = event.date;
      return;
    case 'milestone_reached':
      if (!Object.hasOwn(tally.milestones, event.milestoneId)) setOwn(tally.milestones, event.milestoneId, event.date);
      return;
    case 'ticket':
      if (event.resolvedDate === undefined || dayOf(event.resolvedDate) > asOfDay) tally.openTickets++;
      if (!inWindow) return;
      tally.ticketsOpened++;
      if (event.priority === 'urgent') tally.urgentTicketsOpened++;
      return;
    case 'meeting':
      tally.lastMeetingDate = event.date;
      if (event.meetingKind === 'ebr') tally.lastEbrDate = event.date;
      return;
    default:
      if (inWindow) tallyWindowEvent(tally, event, day);
  }
}

/** Counts an event of a kind that only counts in the window. */
function tallyWindowEvent(tally: Tally, event: AccountEvent, day: number): void {
  switch (event.type) {
    case 'escalation': {
      tally.escalations++;
      const highest = tally.highestEscalationSeverity;
      if (highest === null || severityRank[event.severity] > severityRank[highest]) {
        tally.highestEscalationSeverity = event.severity;
      }
      return;
    }
    case 'feature_request':
      tally.featureRequests++;
      return;
    case 'champion_left':
      tally.championLeftDate = event.date;
      return;
    case 'sponsor_changed':
      tally.sponsorChangedDate = event.date;
      return;
    case 'payment_overdue':
      tally.overdueAmount += event.amount;
      tally.oldestOverdueDay ??= day;
      return;
    case 'custom':
      if (typeof event.value === 'number') {
        const sum = Object.hasOwn(tally.custom, event.name) ? (tally.custom[event.name] ?? 0) : 0;
        setOwn(tally.custom, event.name, sum + event.value);
      }
      return;
    default:
      return;
  }
}

/**
 * The event fields of one account as of a day: counts in the window
 * `[windowStart, asOfDay]`, and the latest (or, for milestones, first)
 * events on or before `asOfDay`.
 *
 * @internal
 */
export function eventMeasures(
  events: GroupedRows<AccountEvent>,
  account: number,
  windowStart: number,
  asOfDay: number,
  dayOf: DayNumbers,
): EventMeasures {
  const tally: Tally = {
    lastLoginDate: null,
    ticketsOpened: 0,
    urgentTicketsOpened: 0,
    openTickets: 0,
    escalations: 0,
    highestEscalationSeverity: null,
    championLeftDate: null,
    sponsorChangedDate: null,
    featureRequests: 0,
    overdueAmount: 0,
    oldestOverdueDay: null,
    milestones: {},
    lastMeetingDate: null,
    lastEbrDate: null,
    custom: {},
  };
  const end = at(events.offsets, account + 1);
  for (let index = at(events.offsets, account); index < end; index++) {
    const day = at(events.keys, index);
    if (day > asOfDay) break;
    tallyEvent(tally, rowAt(events.rows, index), day, day >= windowStart, asOfDay, dayOf);
  }
  return tally;
}
