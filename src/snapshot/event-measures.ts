import { type AccountEvent, type CalendarDate, isNonNegative, isRecord, setOwn } from '../core/internal.js';
import { type DayLabels, type DayNumbers, optionalDay, remembered } from './day-numbers.js';
import {
  type Column,
  fingerprintOf,
  type GroupedRows,
  never,
  type ReadColumns,
  type RowReader,
  rowOf,
  zeros,
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

/** Where the reader keeps an event's facts: its code and number at `index`, and the places of milestone ids. */
interface EventSink {
  readonly columns: ReadColumns;
  /** The place of the event being read; one sink serves every event of a list. */
  index: number;
  readonly dayOf: DayNumbers;
  readonly nameOf: (name: string) => number;
}

/** Keeps the code and number of an event. */
function keep(sink: EventSink, kind: number, value: number): true {
  sink.columns.codes[sink.index] = kind;
  sink.columns.numbers[sink.index] = value;
  return true;
}

/**
 * Checks the fields of its type that snapshots read, in one look at each,
 * and keeps the event's code and number; false when a field is not valid.
 */
function keepDetails(event: Record<string, unknown>, sink: EventSink): boolean {
  switch (event.type) {
    case 'login':
      return keep(sink, code.login, 0);
    case 'sponsor_changed':
      return keep(sink, code.sponsorChanged, 0);
    case 'milestone_reached': {
      const { milestoneId } = event;
      return isId(milestoneId) && keep(sink, code.milestone, sink.nameOf(milestoneId));
    }
    case 'ticket': {
      const { priority } = event;
      const resolved = optionalDay(sink.dayOf, event.resolvedDate, never);
      return (
        isId(event.ticketId) &&
        priorities.has(priority) &&
        !Number.isNaN(resolved) &&
        keep(sink, priority === 'urgent' ? code.urgentTicket : code.ticket, resolved)
      );
    }
    case 'escalation': {
      const { severity } = event;
      return (
        typeof severity === 'string' &&
        Object.hasOwn(severityRank, severity) &&
        isOptionalString(event.reason) &&
        keep(sink, code.escalation + severityRank[severity as Severity], 0)
      );
    }
    case 'feature_request': {
      const { title, onRoadmap, outOfScope } = event;
      return (
        typeof title === 'string' &&
        title.length > 0 &&
        isOptionalBoolean(onRoadmap) &&
        isOptionalBoolean(outOfScope) &&
        keep(
          sink,
          code.featureRequest,
          (onRoadmap === false ? offRoadmapFlag : 0) + (outOfScope === true ? outOfScopeFlag : 0),
        )
      );
    }
    case 'champion_left':
      return isId(event.contactId) && keep(sink, code.championLeft, 0);
    case 'meeting': {
      const { meetingKind } = event;
      return meetingKinds.has(meetingKind) && keep(sink, meetingKind === 'ebr' ? code.ebr : code.meeting, 0);
    }
    case 'payment_overdue': {
      const { amount } = event;
      return isNonNegative(amount) && keep(sink, code.paymentOverdue, amount);
    }
    case 'value_realized': {
      const { share } = event;
      return isNonNegative(share) && share <= 1 && keep(sink, code.valueRealized, share);
    }
    case 'custom': {
      const { name, value } = event;
      if (typeof name !== 'string' || name.length === 0) return false;
      if (typeof value === 'number') return Number.isFinite(value) && keep(sink, code.numericCustom, 0);
      return (isOptionalString(value) || typeof value === 'boolean') && keep(sink, code.otherCustom, 0);
    }
    default:
      return false;
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
  // Each milestone id's place in `names`, given when it is first seen.
  const nameOf = remembered((name: string): number => names.push(name) - 1);
  const sink: EventSink = { columns, index: 0, dayOf, nameOf };
  const read: RowReader = (value, index) => {
    if (!isRecord(value)) return Number.NaN;
    sink.index = index;
    const { id } = value;
    const valid =
      isId(id) &&
      isId(value.accountId) &&
      isOptionalId(value.contactId) &&
      isOptionalString(value.note) &&
      keepDetails(value, sink);
    if (!valid) return Number.NaN;
    columns.fingerprints[index] = fingerprintOf(id);
    return dayOf(value.date);
  };
  return { read, names };
}

/**
 * Each account's milestones in the order they were first reached, with
 * that day, so that a snapshot's milestones are those of its account
 * reached by its day: account `a` has `names[k]` (a place in
 * {@link EventColumns} `names`) first reached on `days[k]` for `k` from
 * `offsets[a]` to `offsets[a + 1] − 1`.
 *
 * @internal
 */
export interface FirstMilestones {
  readonly offsets: Column;
  readonly names: Column;
  readonly days: Column;
  /**
   * The last milestones record built for each account, frozen, and how many
   * milestones it holds: the milestones reached by a day are the first few of
   * the account's, so snapshots on days that reached the same number share
   * one record.
   */
  readonly reached: Reached;
}

interface Reached {
  readonly counts: number[];
  readonly records: (Readonly<Record<string, CalendarDate>> | undefined)[];
}

/** The milestones of every account that has reached none yet. */
const noMilestones: Readonly<Record<string, CalendarDate>> = Object.freeze({});

/** The custom sums of every account without `custom` events in the window. */
const noCustom: Readonly<Record<string, number>> = Object.freeze({});

/** The {@link FirstMilestones} of grouped events. @internal */
export function firstMilestones(events: GroupedRows<AccountEvent>, columns: EventColumns): FirstMilestones {
  const { codes, numbers } = columns;
  const accountCount = events.offsets.length - 1;
  const offsets = zeros(accountCount + 1);
  const names: number[] = [];
  const days: number[] = [];
  // The last account each milestone id was seen for: an id is new to an account when this is not it.
  const seenFor = new Array<number>(columns.names.length).fill(-1);
  for (let account = 0; account < accountCount; account++) {
    const end = events.offsets[account + 1] ?? 0;
    for (let index = events.offsets[account] ?? 0; index < end; index++) {
      if (codes[index] !== code.milestone) continue;
      const name = numbers[index] ?? 0;
      if (seenFor[name] === account) continue;
      seenFor[name] = account;
      names.push(name);
      days.push(events.keys[index] ?? 0);
    }
    offsets[account + 1] = names.length;
  }
  return {
    offsets,
    names,
    days,
    reached: { counts: zeros(accountCount), records: new Array<undefined>(accountCount).fill(undefined) },
  };
}

/** The milestones of one account reached by a day, each with the day it was first reached, frozen. */
function milestonesBy(
  milestones: FirstMilestones,
  names: readonly string[],
  labelOf: DayLabels,
  account: number,
  asOfDay: number,
): Readonly<Record<string, CalendarDate>> {
  const start = milestones.offsets[account] ?? 0;
  const end = milestones.offsets[account + 1] ?? 0;
  let count = 0;
  while (start + count < end && (milestones.days[start + count] ?? 0) <= asOfDay) count++;
  if (count === 0) return noMilestones;
  const { counts, records } = milestones.reached;
  const kept = records[account];
  if (kept !== undefined && counts[account] === count) return kept;
  const reached: Record<string, CalendarDate> = {};
  for (let k = start; k < start + count; k++) {
    setOwn(reached, names[milestones.names[k] ?? 0] ?? '', labelOf(milestones.days[k] ?? 0));
  }
  counts[account] = count;
  records[account] = Object.freeze(reached);
  return reached;
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
  readonly milestones: Readonly<Record<string, CalendarDate>>;
  readonly valueRealized: number | null;
  readonly valueRealizedDate: CalendarDate | null;
  readonly lastMeetingDate: CalendarDate | null;
  readonly daysSinceLastMeeting: number | null;
  readonly lastEbrDate: CalendarDate | null;
  readonly daysSinceLastEbr: number | null;
  readonly custom: Readonly<Record<string, number>>;
}

/** The date of the `k`-th grouped event, `null` for −1. */
function dateAt(events: GroupedRows<AccountEvent>, labelOf: DayLabels, k: number): CalendarDate | null {
  return k < 0 ? null : labelOf(events.keys[k] ?? 0);
}

/** Days from the `k`-th grouped event to `asOfDay`, `null` for −1. */
function daysSinceAt(events: GroupedRows<AccountEvent>, k: number, asOfDay: number): number | null {
  return k < 0 ? null : asOfDay - (events.keys[k] ?? 0);
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
  firstReached: FirstMilestones,
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
  let custom: Record<string, number> | undefined;
  const end = events.offsets[account + 1] ?? 0;
  for (let index = events.offsets[account] ?? 0; index < end; index++) {
    const day = events.keys[index] ?? 0;
    if (day > asOfDay) break;
    const kind = codes[index] ?? 0;
    const inWindow = day >= windowStart;
    if (kind === code.login) lastLogin = index;
    else if (kind === code.milestone) continue;
    else if (kind === code.ticket || kind === code.urgentTicket) {
      if ((numbers[index] ?? 0) > asOfDay) openTickets++;
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
      const flags = numbers[index] ?? 0;
      featureRequests++;
      if ((flags & offRoadmapFlag) !== 0) offRoadmap++;
      if ((flags & outOfScopeFlag) !== 0) outOfScope++;
    } else if (kind === code.championLeft) championLeft = index;
    else if (kind === code.sponsorChanged) sponsorChanged = index;
    else if (kind === code.paymentOverdue) {
      overdueAmount += numbers[index] ?? 0;
      if (oldestOverdue < 0) oldestOverdue = index;
    } else if (kind === code.numericCustom) {
      const event = rowOf(events, index) as AccountEvent & { type: 'custom'; value: number };
      custom ??= {};
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
    milestones: milestonesBy(firstReached, names, labelOf, account, asOfDay),
    valueRealized: lastValue < 0 ? null : (numbers[lastValue] ?? 0),
    valueRealizedDate: dateAt(events, labelOf, lastValue),
    lastMeetingDate: dateAt(events, labelOf, lastMeeting),
    daysSinceLastMeeting: daysSinceAt(events, lastMeeting, asOfDay),
    lastEbrDate: dateAt(events, labelOf, lastEbr),
    daysSinceLastEbr: daysSinceAt(events, lastEbr, asOfDay),
    custom: custom === undefined ? noCustom : Object.freeze(custom),
  };
}
