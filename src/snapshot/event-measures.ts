import { type AccountEvent, at, type CalendarDate, isNonNegative, isRecord, setOwn } from '../core/internal.js';
import { type DayNumbers, optionalDay } from './day-numbers.js';
import { type GroupedRows, never, rowOf } from './grouped-rows.js';
import { isId, isOptionalId } from './row-fields.js';

type Severity = (AccountEvent & { type: 'escalation' })['severity'];

const severityRank: Readonly<Record<Severity, number>> = { low: 0, medium: 1, high: 2, critical: 3 };
const priorities: ReadonlySet<unknown> = new Set(['low', 'normal', 'high', 'urgent']);
const meetingKinds: ReadonlySet<unknown> = new Set(['kickoff', 'check_in', 'ebr', 'training', 'onsite']);

function isOptionalString(value: unknown): boolean {
  return value === undefined || typeof value === 'string';
}

function isOptionalBoolean(value: unknown): boolean {
  return value === undefined || typeof value === 'boolean';
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
      return (
        typeof event.title === 'string' &&
        event.title.length > 0 &&
        isOptionalBoolean(event.onRoadmap) &&
        isOptionalBoolean(event.outOfScope)
      );
    case 'champion_left':
      return isId(event.contactId);
    case 'meeting':
      return meetingKinds.has(event.meetingKind);
    case 'payment_overdue':
      return isNonNegative(event.amount);
    case 'value_realized':
      return isNonNegative(event.share) && event.share <= 1;
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

/** What each event is, as a number, so the walk for each day reads no event's `type`. */
const code = {
  login: 0,
  milestone: 1,
  ticket: 2,
  urgentTicket: 3,
  escalation: 4, // + severity rank, 4 to 7
  featureRequest: 8,
  championLeft: 9,
  sponsorChanged: 10,
  meeting: 11,
  ebr: 12,
  paymentOverdue: 13,
  numericCustom: 14,
  otherCustom: 15,
  valueRealized: 16,
} as const;

const severities: readonly Severity[] = ['low', 'medium', 'high', 'critical'];

function codeOf(event: AccountEvent): number {
  switch (event.type) {
    case 'login':
      return code.login;
    case 'milestone_reached':
      return code.milestone;
    case 'ticket':
      return event.priority === 'urgent' ? code.urgentTicket : code.ticket;
    case 'escalation':
      return code.escalation + severityRank[event.severity];
    case 'feature_request':
      return code.featureRequest;
    case 'champion_left':
      return code.championLeft;
    case 'sponsor_changed':
      return code.sponsorChanged;
    case 'meeting':
      return event.meetingKind === 'ebr' ? code.ebr : code.meeting;
    case 'payment_overdue':
      return code.paymentOverdue;
    case 'value_realized':
      return code.valueRealized;
    case 'custom':
      return typeof event.value === 'number' ? code.numericCustom : code.otherCustom;
  }
}

/**
 * Each grouped event's kind as a number, and for a ticket the day it was
 * resolved (`never` while open): worked out once per portfolio, read on
 * every snapshot day.
 *
 * @internal
 */
export interface EventCodes {
  readonly codes: Uint8Array;
  readonly resolvedDays: Int32Array;
}

/** The {@link EventCodes} of grouped, checked events. @internal */
export function codeEvents(events: GroupedRows<AccountEvent>, dayOf: DayNumbers): EventCodes {
  const count = events.keys.length;
  const codes = new Uint8Array(count);
  const resolvedDays = new Int32Array(count);
  for (let index = 0; index < count; index++) {
    const event = rowOf(events, index);
    codes[index] = codeOf(event);
    if (event.type === 'ticket') resolvedDays[index] = optionalDay(dayOf, event.resolvedDate, never);
  }
  return { codes, resolvedDays };
}

/** The fields of a snapshot that come from account events. @internal */
export interface EventMeasures {
  readonly lastLoginDate: CalendarDate | null;
  readonly daysSinceLastLogin: number | null;
  readonly ticketsOpened: number;
  readonly urgentTicketsOpened: number;
  readonly openTickets: number;
  readonly escalations: number;
  readonly highestEscalationSeverity: Severity | null;
  readonly championLeftDate: CalendarDate | null;
  readonly sponsorChangedDate: CalendarDate | null;
  readonly featureRequests: number;
  readonly featureRequestsOffRoadmap: number;
  readonly featureRequestsOutOfScope: number;
  readonly overdueAmount: number;
  readonly overdueDays: number | null;
  readonly milestones: Record<string, CalendarDate>;
  readonly valueRealized: number | null;
  readonly valueRealizedDate: CalendarDate | null;
  readonly lastMeetingDate: CalendarDate | null;
  readonly daysSinceLastMeeting: number | null;
  readonly lastEbrDate: CalendarDate | null;
  readonly daysSinceLastEbr: number | null;
  readonly custom: Record<string, number>;
}

/** The date of the `k`-th grouped event, `null` for −1. */
function dateAt(events: GroupedRows<AccountEvent>, k: number): CalendarDate | null {
  return k < 0 ? null : rowOf(events, k).date;
}

/** Days from the `k`-th grouped event to `asOfDay`, `null` for −1. */
function daysSinceAt(events: GroupedRows<AccountEvent>, k: number, asOfDay: number): number | null {
  return k < 0 ? null : asOfDay - at(events.keys, k);
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
  eventCodes: EventCodes,
  account: number,
  windowStart: number,
  asOfDay: number,
): EventMeasures {
  const { codes, resolvedDays } = eventCodes;
  let lastLogin = -1;
  let lastMeeting = -1;
  let lastEbr = -1;
  let lastValue = -1;
  let championLeft = -1;
  let sponsorChanged = -1;
  let oldestOverdue = -1;
  let ticketsOpened = 0;
  let urgentTicketsOpened = 0;
  let openTickets = 0;
  let escalations = 0;
  let highestSeverity = -1;
  let featureRequests = 0;
  let offRoadmap = 0;
  let outOfScope = 0;
  let overdueAmount = 0;
  const milestones: Record<string, CalendarDate> = {};
  const custom: Record<string, number> = {};
  const end = at(events.offsets, account + 1);
  for (let index = at(events.offsets, account); index < end; index++) {
    const day = at(events.keys, index);
    if (day > asOfDay) break;
    const kind = at(codes, index);
    const inWindow = day >= windowStart;
    if (kind === code.login) lastLogin = index;
    else if (kind === code.milestone) {
      const event = rowOf(events, index) as AccountEvent & { type: 'milestone_reached' };
      if (!Object.hasOwn(milestones, event.milestoneId)) setOwn(milestones, event.milestoneId, event.date);
    } else if (kind === code.ticket || kind === code.urgentTicket) {
      if (at(resolvedDays, index) > asOfDay) openTickets++;
      if (inWindow) {
        ticketsOpened++;
        if (kind === code.urgentTicket) urgentTicketsOpened++;
      }
    } else if (kind === code.meeting || kind === code.ebr) {
      lastMeeting = index;
      if (kind === code.ebr) lastEbr = index;
    } else if (kind === code.valueRealized) lastValue = index;
    else if (!inWindow) continue;
    else if (kind >= code.escalation && kind < code.featureRequest) {
      escalations++;
      highestSeverity = Math.max(highestSeverity, kind - code.escalation);
    } else if (kind === code.featureRequest) {
      const request = rowOf(events, index) as AccountEvent & { type: 'feature_request' };
      featureRequests++;
      if (request.onRoadmap === false) offRoadmap++;
      if (request.outOfScope === true) outOfScope++;
    } else if (kind === code.championLeft) championLeft = index;
    else if (kind === code.sponsorChanged) sponsorChanged = index;
    else if (kind === code.paymentOverdue) {
      overdueAmount += (rowOf(events, index) as AccountEvent & { type: 'payment_overdue' }).amount;
      if (oldestOverdue < 0) oldestOverdue = index;
    } else if (kind === code.numericCustom) {
      const event = rowOf(events, index) as AccountEvent & { type: 'custom'; value: number };
      setOwn(custom, event.name, (Object.hasOwn(custom, event.name) ? (custom[event.name] ?? 0) : 0) + event.value);
    }
  }
  return {
    lastLoginDate: dateAt(events, lastLogin),
    daysSinceLastLogin: daysSinceAt(events, lastLogin, asOfDay),
    ticketsOpened,
    urgentTicketsOpened,
    openTickets,
    escalations,
    highestEscalationSeverity: highestSeverity < 0 ? null : (severities[highestSeverity] ?? null),
    championLeftDate: dateAt(events, championLeft),
    sponsorChangedDate: dateAt(events, sponsorChanged),
    featureRequests,
    featureRequestsOffRoadmap: offRoadmap,
    featureRequestsOutOfScope: outOfScope,
    overdueAmount,
    overdueDays: daysSinceAt(events, oldestOverdue, asOfDay),
    milestones,
    valueRealized: lastValue < 0 ? null : (rowOf(events, lastValue) as AccountEvent & { type: 'value_realized' }).share,
    valueRealizedDate: dateAt(events, lastValue),
    lastMeetingDate: dateAt(events, lastMeeting),
    daysSinceLastMeeting: daysSinceAt(events, lastMeeting, asOfDay),
    lastEbrDate: dateAt(events, lastEbr),
    daysSinceLastEbr: daysSinceAt(events, lastEbr, asOfDay),
    custom,
  };
}
