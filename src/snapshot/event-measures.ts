import { type AccountEvent, at, type CalendarDate, isNonNegative, isRecord, setOwn } from '../core/internal.js';
import { type DayLabels, type DayNumbers, optionalDay } from './day-numbers.js';
import {
  type Column,
  fingerprintOf,
  type GroupedRows,
  never,
  type ReadColumns,
  type RowReader,
  rowOf,
} from './grouped-rows.js';
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
 * What walks read of each event, in grouped order: its kind as a code, so
 * the walk for each day reads no event's `type`, and its number: for a
 * ticket the day it was resolved (`never` while open), for a milestone the
 * place of its id in `names`, a value's share, an overdue amount, or a
 * feature request's flags (1 off the roadmap, 2 out of scope).
 *
 * @internal
 */
export interface EventColumns {
  readonly codes: Column;
  readonly numbers: Column;
  readonly names: readonly string[];
}

const offRoadmapFlag = 1;
const outOfScopeFlag = 2;

/** The number an event keeps, by its type; `nameOf` gives the place of a milestone id. */
function numberOf(event: AccountEvent, dayOf: DayNumbers, nameOf: (name: string) => number): number {
  switch (event.type) {
    case 'ticket':
      return optionalDay(dayOf, event.resolvedDate, never);
    case 'milestone_reached':
      return nameOf(event.milestoneId);
    case 'value_realized':
      return event.share;
    case 'payment_overdue':
      return event.amount;
    case 'feature_request':
      return (event.onRoadmap === false ? offRoadmapFlag : 0) + (event.outOfScope === true ? outOfScopeFlag : 0);
    default:
      return 0;
  }
}

/**
 * Reads account events: the sort key of an event whose fields snapshots
 * read are valid is its day; `NaN` when a field is not valid. Milestone ids
 * are gathered in `names`.
 *
 * @internal
 */
export function eventReader(dayOf: DayNumbers, columns: ReadColumns): { read: RowReader; names: string[] } {
  const names: string[] = [];
  const places = new Map<string, number>();
  const nameOf = (name: string): number => {
    let place = places.get(name);
    if (place === undefined) {
      place = names.length;
      names.push(name);
      places.set(name, place);
    }
    return place;
  };
  const read: RowReader = (value, index) => {
    const valid =
      isRecord(value) &&
      isId(value.id) &&
      isId(value.accountId) &&
      isOptionalId(value.contactId) &&
      isOptionalString(value.note) &&
      hasValidDetails(value, dayOf);
    if (!valid) return Number.NaN;
    const event = value as unknown as AccountEvent;
    columns.fingerprints[index] = fingerprintOf(event.id);
    columns.codes[index] = codeOf(event);
    columns.numbers[index] = numberOf(event, dayOf, nameOf);
    return dayOf(event.date);
  };
  return { read, names };
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
function dateAt(events: GroupedRows<AccountEvent>, labelOf: DayLabels, k: number): CalendarDate | null {
  return k < 0 ? null : labelOf(at(events.keys, k));
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
  eventColumns: EventColumns,
  labelOf: DayLabels,
  account: number,
  windowStart: number,
  asOfDay: number,
): EventMeasures {
  const { codes, numbers, names } = eventColumns;
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
      const milestone = names[at(numbers, index)] ?? '';
      if (!Object.hasOwn(milestones, milestone)) setOwn(milestones, milestone, labelOf(day));
    } else if (kind === code.ticket || kind === code.urgentTicket) {
      if (at(numbers, index) > asOfDay) openTickets++;
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
      const flags = at(numbers, index);
      featureRequests++;
      if ((flags & offRoadmapFlag) !== 0) offRoadmap++;
      if ((flags & outOfScopeFlag) !== 0) outOfScope++;
    } else if (kind === code.championLeft) championLeft = index;
    else if (kind === code.sponsorChanged) sponsorChanged = index;
    else if (kind === code.paymentOverdue) {
      overdueAmount += at(numbers, index);
      if (oldestOverdue < 0) oldestOverdue = index;
    } else if (kind === code.numericCustom) {
      const event = rowOf(events, index) as AccountEvent & { type: 'custom'; value: number };
      setOwn(custom, event.name, (Object.hasOwn(custom, event.name) ? (custom[event.name] ?? 0) : 0) + event.value);
    }
  }
  return {
    lastLoginDate: dateAt(events, labelOf, lastLogin),
    daysSinceLastLogin: daysSinceAt(events, lastLogin, asOfDay),
    ticketsOpened,
    urgentTicketsOpened,
    openTickets,
    escalations,
    highestEscalationSeverity: highestSeverity < 0 ? null : (severities[highestSeverity] ?? null),
    championLeftDate: dateAt(events, labelOf, championLeft),
    sponsorChangedDate: dateAt(events, labelOf, sponsorChanged),
    featureRequests,
    featureRequestsOffRoadmap: offRoadmap,
    featureRequestsOutOfScope: outOfScope,
    overdueAmount,
    overdueDays: daysSinceAt(events, oldestOverdue, asOfDay),
    milestones,
    valueRealized: lastValue < 0 ? null : at(numbers, lastValue),
    valueRealizedDate: dateAt(events, labelOf, lastValue),
    lastMeetingDate: dateAt(events, labelOf, lastMeeting),
    daysSinceLastMeeting: daysSinceAt(events, lastMeeting, asOfDay),
    lastEbrDate: dateAt(events, labelOf, lastEbr),
    daysSinceLastEbr: daysSinceAt(events, lastEbr, asOfDay),
    custom,
  };
}
