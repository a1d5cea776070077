import {
  type CalendarDate,
  fail,
  fromEpochDay,
  isCalendarDate,
  toEpochDay,
  unreadable,
  readingInput,
} from '../core/internal.js';
import type { AccountSnapshot } from '../snapshot/index.js';
import {
  churnedIndex,
  type CompiledJourney,
  compiledJourney,
  locateStage,
  noStageIndex,
  sinceDayOf,
} from './compiled-journey.js';
import { definedJourney } from './define-journey.js';
import type { Journey, JourneyInput } from './journey.js';
import { checkedSnapshot } from './stage-of.js';
import { element } from './element.js';
import { dayLabel } from './day-labels.js';

/** A series has at most this many days, as `snapshotSeries` allows: ten years of weeks. */
const maximumPoints = 520;

/** The state code of an account missing from a day's snapshots. */
const absentIndex = -3;

/**
 * One day of a snapshot series: the day and the snapshots of every account
 * on it, as `snapshotSeries` and `accountSnapshots` return them.
 *
 * @example
 * ```ts
 * import type { SeriesPoint } from 'successkit/journey';
 *
 * const empty: SeriesPoint = { asOf: '2026-06-30' as never, snapshots: [] };
 * ```
 */
export interface SeriesPoint {
  readonly asOf: CalendarDate;
  readonly snapshots: readonly (AccountSnapshot | object)[];
}

/**
 * Where an account was on one day of a timeline: `'in_stage'`,
 * `'no_stage'`, `'churned'`, or `'absent'` when the day's snapshots do not
 * have it (it had not started yet).
 *
 * @example
 * ```ts
 * import type { TimelineStatus } from 'successkit/journey';
 *
 * const status: TimelineStatus = 'absent';
 * ```
 */
export type TimelineStatus = 'in_stage' | 'no_stage' | 'churned' | 'absent';

/**
 * What kind of move a transition is: `'forward'` to the next stage,
 * `'skipped'` past one or more stages, `'regression'` to an earlier stage
 * (expansion → adoption after a contraction), `'cycled'` (from a
 * `recurring` stage back to an earlier one: the cycle begins again, as
 * after a signed renewal), `'churned'`, `'reactivated'`
 * (churned, then in a stage again), `'left'` (in a stage, then in none) and
 * `'entered'` (in no stage, then in one).
 *
 * @example
 * ```ts
 * import type { TransitionKind } from 'successkit/journey';
 *
 * const kind: TransitionKind = 'regression';
 * ```
 */
export type TransitionKind =
  'forward' | 'skipped' | 'regression' | 'cycled' | 'churned' | 'reactivated' | 'left' | 'entered';

/**
 * A move between two successive days of the series, dated at the first
 * snapshot in the new state: it happened after `after` and on or before
 * `date`, so its precision is the series step.
 *
 * @example
 * ```ts
 * import type { StageTransition } from 'successkit/journey';
 *
 * const move: StageTransition = { date: '2026-03-31' as never, after: '2026-02-28' as never, from: 'onboarding', to: 'renewal', kind: 'skipped', skipped: ['adoption', 'expansion'] };
 * ```
 */
export interface StageTransition {
  /** The first day of the series in the new state. */
  readonly date: CalendarDate;
  /** The day before it in the series, the last in the old state. */
  readonly after: CalendarDate;
  /** The stage left; `null` from no stage or churn. */
  readonly from: string | null;
  /** The stage entered; `null` into no stage or churn. */
  readonly to: string | null;
  readonly kind: TransitionKind;
  /** The stages between `from` and `to` in journey order, for `'skipped'`; else empty. */
  readonly skipped: readonly string[];
}

/**
 * One stay of an account in a stage, from the timeline.
 *
 * @example
 * ```ts
 * import type { StageVisit } from 'successkit/journey';
 *
 * const open = (visit: StageVisit): boolean => visit.censored;
 * ```
 */
export interface StageVisit {
  readonly stageId: string;
  /** The first day of the series in the stage. */
  readonly enteredOn: CalendarDate;
  /** When the stay began: the stage's `since` date when it falls after the day before `enteredOn`, else `enteredOn`. */
  readonly start: CalendarDate;
  /** Where `start` comes from: `'since'` (the stage's date field) or `'series'` (the first day seen in it). */
  readonly startFrom: 'since' | 'series';
  /** The first day of the series out of the stage; `null` while still in it. */
  readonly exitedOn: CalendarDate | null;
  /** How it ended; `null` while still in it, or when the account left the snapshots. */
  readonly exit: TransitionKind | null;
  /** Days from `start` to `exitedOn`, or to the last day seen in the stage when censored. */
  readonly days: number;
  /** Still in the stage on the last day it was seen: its true length is at least `days`. */
  readonly censored: boolean;
  /** The stage's outcome rule held on a day of the stay, or on the first day after it moved forward. */
  readonly outcomeMet: boolean;
  /** `days` exceed the stage's expected duration. */
  readonly overdue: boolean;
}

/**
 * One account's path through the journey over the series.
 *
 * @example
 * ```ts
 * import type { AccountJourney } from 'successkit/journey';
 *
 * const lastStage = (account: AccountJourney): string | null => account.stages.at(-1) ?? null;
 * ```
 */
export interface AccountJourney {
  readonly accountId: string;
  /** The stage on each day of the series; `null` out of any stage. */
  readonly stages: readonly (string | null)[];
  /** The status on each day. */
  readonly statuses: readonly TimelineStatus[];
  readonly transitions: readonly StageTransition[];
  readonly visits: readonly StageVisit[];
}

/**
 * The step of a series, which is the precision of every transition date:
 * `'week'` (7 days apart), `'month'` (month ends, or the same day each
 * month), `'irregular'`, or `'single'` for one day.
 *
 * @example
 * ```ts
 * import type { SeriesStep } from 'successkit/journey';
 *
 * const step: SeriesStep = 'month';
 * ```
 */
export type SeriesStep = 'week' | 'month' | 'irregular' | 'single';

/**
 * Every account's stage on each day of a snapshot series, with its
 * transitions and stays.
 *
 * @example
 * ```ts
 * import type { JourneyTimeline } from 'successkit/journey';
 *
 * const accounts = (timeline: JourneyTimeline): number => timeline.accounts.length;
 * ```
 */
export interface JourneyTimeline {
  readonly journeyId: string;
  /** The days of the series, oldest first. */
  readonly dates: readonly CalendarDate[];
  readonly step: SeriesStep;
  /** The longest gap between two successive days, days: a transition date is known to within it; 0 for one day. */
  readonly precisionDays: number;
  /** Every account seen on any day, in order of first appearance. */
  readonly accounts: readonly AccountJourney[];
}

interface OpenVisit {
  stage: number;
  enteredPoint: number;
  startDay: number;
  startFrom: 'since' | 'series';
  lastPoint: number;
  outcomeMet: boolean;
}

interface Track {
  readonly accountId: string;
  readonly codes: Int16Array;
  readonly visits: StageVisit[];
  readonly transitions: StageTransition[];
  open: OpenVisit | null;
  lastPoint: number;
}

function stepOf(days: readonly number[], dates: readonly CalendarDate[]): SeriesStep {
  if (days.length === 1) return 'single';
  let weekly = true;
  let monthly = true;
  for (let index = 1; index < days.length; index++) {
    const gap = (days[index] ?? 0) - (days[index - 1] ?? 0);
    if (gap !== 7) weekly = false;
    if (gap < 28 || gap > 31) monthly = false;
  }
  if (weekly) return 'week';
  if (monthly) {
    const sameDay = dates.every((date) => date.slice(8) === dates[0]?.slice(8));
    const monthEnds = days.every((day) => fromEpochDay(day + 1).endsWith('-01'));
    if (sameDay || monthEnds) return 'month';
  }
  return 'irregular';
}

const noStages: readonly string[] = Object.freeze([]);

function kindOf(
  journey: CompiledJourney,
  from: number,
  to: number,
): { kind: TransitionKind; skipped: readonly string[] } {
  if (to === churnedIndex) return { kind: 'churned', skipped: noStages };
  if (to === noStageIndex) return { kind: 'left', skipped: noStages };
  if (from === churnedIndex) return { kind: 'reactivated', skipped: noStages };
  if (from === noStageIndex) return { kind: 'entered', skipped: noStages };
  if (to < from)
    return { kind: journey.stages[from]?.stage.recurring === true ? 'cycled' : 'regression', skipped: noStages };
  if (to === from + 1) return { kind: 'forward', skipped: noStages };
  return { kind: 'skipped', skipped: journey.stages.slice(from + 1, to).map((stage) => stage.stage.id) };
}

function stageIdOf(journey: CompiledJourney, code: number): string | null {
  return code >= 0 ? (journey.stages[code]?.stage.id ?? null) : null;
}

interface Walk {
  readonly journey: CompiledJourney;
  readonly dates: readonly CalendarDate[];
  readonly days: readonly number[];
}

function closeVisit(walk: Walk, track: Track, exitPoint: number | null, exit: TransitionKind | null): void {
  const open = track.open;
  if (open === null) return;
  const stage = walk.journey.stages[open.stage];
  const endDay = walk.days[exitPoint ?? open.lastPoint] ?? open.startDay;
  const days = Math.max(0, endDay - open.startDay);
  track.visits.push({
    stageId: stage?.stage.id ?? '',
    enteredOn: element(walk.dates, open.enteredPoint),
    start: dayLabel(open.startDay),
    startFrom: open.startFrom,
    exitedOn: exitPoint === null ? null : (walk.dates[exitPoint] ?? null),
    exit,
    days,
    censored: exitPoint === null,
    outcomeMet: open.outcomeMet,
    overdue: days > (stage?.stage.expectedDays ?? Infinity),
  });
  track.open = null;
}

/** Records one account on one day. */
function step(walk: Walk, track: Track, point: number, record: object, context: { readonly asOf: CalendarDate }): void {
  const { journey } = walk;
  const { asOf } = context;
  const code = locateStage(journey, record, context);
  track.codes[point] = code;
  const previous = track.lastPoint === point - 1 ? (track.codes[point - 1] ?? absentIndex) : absentIndex;
  if (previous !== absentIndex && previous !== code) {
    const { kind, skipped } = kindOf(journey, previous, code);
    track.transitions.push({
      date: asOf,
      after: element(walk.dates, point - 1),
      from: stageIdOf(journey, previous),
      to: stageIdOf(journey, code),
      kind,
      skipped,
    });
    const open = track.open;
    if (open !== null && (kind === 'forward' || kind === 'skipped') && !open.outcomeMet)
      open.outcomeMet = journey.stages[open.stage]?.outcome(record, context) ?? false;
    closeVisit(walk, track, point, kind);
  } else if (previous === absentIndex && track.open !== null) {
    closeVisit(walk, track, null, null);
  }
  track.lastPoint = point;
  const stage = code >= 0 ? journey.stages[code] : undefined;
  if (stage === undefined) return;
  if (track.open === null) {
    const asOfDay = walk.days[point] ?? 0;
    const sinceDay = sinceDayOf(stage, record, asOfDay);
    const floor = previous === absentIndex ? -Infinity : (walk.days[point - 1] ?? -Infinity);
    const fromSince = sinceDay !== null && sinceDay > floor;
    track.open = {
      stage: code,
      enteredPoint: point,
      startDay: fromSince ? sinceDay : asOfDay,
      startFrom: fromSince ? 'since' : 'series',
      lastPoint: point,
      outcomeMet: false,
    };
  }
  track.open.lastPoint = point;
  if (!track.open.outcomeMet) track.open.outcomeMet = stage.outcome(record, context);
}

const statusNames: Readonly<Record<number, TimelineStatus>> = {
  [absentIndex]: 'absent',
  [churnedIndex]: 'churned',
  [noStageIndex]: 'no_stage',
};

function finish(walk: Walk, track: Track): AccountJourney {
  closeVisit(walk, track, null, null);
  const stages: (string | null)[] = [];
  const statuses: TimelineStatus[] = [];
  for (const code of track.codes) {
    stages.push(stageIdOf(walk.journey, code));
    statuses.push(code >= 0 ? 'in_stage' : (statusNames[code] ?? 'absent'));
  }
  return { accountId: track.accountId, stages, statuses, transitions: track.transitions, visits: track.visits };
}

function readPoint(point: unknown, index: number): { asOf: CalendarDate; snapshots: readonly unknown[] } {
  const path = ['series', index];
  if (typeof point !== 'object' || point === null) fail('invalid_input', path, 'expected { asOf, snapshots }');
  let asOf: unknown;
  let snapshots: unknown;
  try {
    ({ asOf, snapshots } = point as { asOf?: unknown; snapshots?: unknown });
  } catch (thrown) {
    throw unreadable(thrown, 'invalid_input', path, 'the series day');
  }
  if (!isCalendarDate(asOf)) fail('invalid_date', [...path, 'asOf'], 'expected the day as YYYY-MM-DD');
  if (!Array.isArray(snapshots))
    fail('invalid_input', [...path, 'snapshots'], 'expected an array of account snapshots');
  return { asOf, snapshots: snapshots as readonly unknown[] };
}

/** The series checked: 1 to 520 days, in strictly increasing order. @internal */
export function checkedSeries(series: unknown): { asOf: CalendarDate; snapshots: readonly unknown[] }[] {
  return readingInput(() => readSeries(series), ['series'], 'the series');
}

function readSeries(series: unknown): { asOf: CalendarDate; snapshots: readonly unknown[] }[] {
  if (!Array.isArray(series)) fail('invalid_input', ['series'], 'expected an array of { asOf, snapshots } days');
  const list = series as readonly unknown[];
  if (list.length === 0) fail('invalid_input', ['series'], 'expected at least one day');
  if (list.length > maximumPoints)
    fail('invalid_input', ['series'], `expected at most ${String(maximumPoints)} days, got ${String(list.length)}`);
  const points: { asOf: CalendarDate; snapshots: readonly unknown[] }[] = [];
  for (let index = 0; index < list.length; index++) {
    const point = readPoint(list[index], index);
    const before = points[index - 1];
    if (before !== undefined && point.asOf <= before.asOf)
      fail('invalid_input', ['series', index, 'asOf'], `expected a day after ${before.asOf}, got ${point.asOf}`);
    points.push(point);
  }
  return points;
}

/** The snapshot's account id, once it is known to be a snapshot of the series day. */
function idOnDay(snapshot: unknown, day: CalendarDate, index: number, at: number): string {
  if (typeof snapshot === 'object' && snapshot !== null) {
    try {
      const { asOf, id } = snapshot as { asOf?: unknown; id?: unknown };
      if (asOf === day && typeof id === 'string') return id;
    } catch {
      // reported below, with the path
    }
  }
  const path = ['series', index, 'snapshots', at];
  const { asOf, id } = checkedSnapshot(snapshot, path);
  if (asOf !== day) fail('invalid_input', [...path, 'asOf'], `expected the series day ${day}, got ${asOf}`);
  return id;
}

/** The timeline of checked points on a compiled journey. @internal */
export function timelineOf(
  journey: CompiledJourney,
  points: readonly { asOf: CalendarDate; snapshots: readonly unknown[] }[],
): JourneyTimeline {
  const dates = points.map((point) => point.asOf);
  const days = dates.map(toEpochDay);
  const walk: Walk = { journey, dates, days };
  const tracks = new Map<string, Track>();
  points.forEach((point, index) => {
    const { snapshots } = point;
    const context = { asOf: point.asOf };
    for (let at = 0; at < snapshots.length; at++) {
      const snapshot = snapshots[at];
      const id = idOnDay(snapshot, point.asOf, index, at);
      let track = tracks.get(id);
      if (track === undefined) {
        track = {
          accountId: id,
          codes: new Int16Array(points.length).fill(absentIndex),
          visits: [],
          transitions: [],
          open: null,
          lastPoint: -2,
        };
        tracks.set(id, track);
      } else if (track.lastPoint === index) {
        fail(
          'invalid_input',
          ['series', index, 'snapshots', at, 'id'],
          `account "${id}" appears twice on ${point.asOf}`,
        );
      }
      step(walk, track, index, snapshot as object, context);
    }
  });
  const accounts: AccountJourney[] = [];
  for (const track of tracks.values()) accounts.push(finish(walk, track));
  let precisionDays = 0;
  for (let index = 1; index < days.length; index++)
    precisionDays = Math.max(precisionDays, (days[index] ?? 0) - (days[index - 1] ?? 0));
  return { journeyId: journey.journey.id, dates, step: stepOf(days, dates), precisionDays, accounts };
}

/**
 * Follows every account through the journey over a snapshot series (from
 * `snapshotSeries`): its stage on each day, its transitions — forward,
 * skipped stages, regressions, churn — each dated at the first snapshot in
 * the new state, and its stays in each stage with their length. The series
 * step is stated (`step`, `precisionDays`): a transition happened after the
 * day before it and on or before its date. A stay starts at the stage's
 * `since` date when that falls after the day before it was first seen in
 * the stage (so a re-entry is not dated at a first entry years ago), else
 * at the first day seen in it. An account that drops out of the snapshots
 * ends its stay there, censored.
 *
 * @param journey - a journey from {@link defineJourney}, or its plain input
 * @param series - days of snapshots, oldest first, as `snapshotSeries` returns them; see {@link SeriesPoint}
 * @returns the {@link JourneyTimeline}
 * @throws {@link core!SuccessKitError} as {@link defineJourney} for a bad journey; `invalid_input` for a series that is not 1 to 520 days in increasing order, a snapshot whose `asOf` is not its day's, or an account twice in one day (path `['series', day, 'snapshots', index]`); `invalid_date` for a day that is not a real date
 *
 * @example
 * ```ts
 * import { defaultCsJourney, journeyTimeline } from 'successkit/journey';
 * import { samplePortfolio } from 'successkit/sample';
 * import { snapshotSeries } from 'successkit/snapshot';
 *
 * const timeline = journeyTimeline(defaultCsJourney, snapshotSeries(samplePortfolio({ accounts: 50, asOf: '2026-06-30' })));
 * [timeline.step, timeline.precisionDays, timeline.dates.length]; // => ['month', 31, 12]
 * timeline.accounts.flatMap((account) => account.transitions).some((move) => move.kind === 'forward'); // => true
 * ```
 */
export function journeyTimeline(journey: Journey | JourneyInput, series: readonly SeriesPoint[]): JourneyTimeline {
  const compiled = compiledJourney(definedJourney(journey));
  return timelineOf(compiled, checkedSeries(series));
}
