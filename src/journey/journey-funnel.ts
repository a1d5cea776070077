import { type CalendarDate, fail, isCalendarDate, isSuccessKitError, readingInput } from '../core/internal.js';
import type { AccountSnapshot } from '../snapshot/index.js';
import { churnedIndex, compiledJourney, noStageIndex } from './compiled-journey.js';
import { daysInStage, type DaysInStage } from './days-in-stage.js';
import { definedJourney } from './define-journey.js';
import type { Journey, JourneyInput } from './journey.js';
import type { AccountJourney, JourneyTimeline, SeriesStep, StageVisit, TransitionKind } from './journey-timeline.js';
import { checkedSnapshot, positionOf } from './stage-of.js';
import { element } from './element.js';

/**
 * An account in a stage for longer than the stage's expected duration.
 *
 * @example
 * ```ts
 * import type { StuckAccount } from 'successkit/journey';
 *
 * const stuck: StuckAccount = { accountId: 'acc-00042', days: 75, daysOver: 30 };
 * ```
 */
export interface StuckAccount {
  readonly accountId: string;
  /** Days in the stage so far. */
  readonly days: number;
  /** Days past the expected duration. */
  readonly daysOver: number;
}

/**
 * How stays in a stage ended, counted by the kind of move out.
 *
 * @example
 * ```ts
 * import type { StageExits } from 'successkit/journey';
 *
 * const exits: StageExits = { forward: 10, skipped: 2, regression: 1, cycled: 0, churned: 3, left: 0 };
 * ```
 */
export interface StageExits {
  readonly forward: number;
  readonly skipped: number;
  readonly regression: number;
  /** From a recurring stage back to an earlier one (a renewal signed). */
  readonly cycled: number;
  readonly churned: number;
  readonly left: number;
}

/**
 * One stage of a funnel.
 *
 * @example
 * ```ts
 * import type { FunnelStage } from 'successkit/journey';
 *
 * const rate = (stage: FunnelStage): number | null => stage.conversion;
 * ```
 */
export interface FunnelStage {
  readonly stageId: string;
  readonly name: string;
  /** The stage's expected duration, days. */
  readonly expectedDays: number;
  /** Accounts in the stage on the last day. */
  readonly now: number;
  /** Accounts that were ever in it (from snapshots: in it or in a later stage now). */
  readonly reached: number;
  /** Of those, accounts that later reached a later stage (from snapshots: in a later stage now). */
  readonly movedOn: number;
  /** `movedOn ÷ reached`, a share 0–1; `null` when no account reached the stage, and for the last stage, which has none after it. */
  readonly conversion: number | null;
  /** How the stays that ended, ended; all 0 from snapshots. */
  readonly exits: StageExits;
  /** Days in stage, with stays still running censored. */
  readonly daysInStage: DaysInStage;
  /** Accounts in the stage on the last day for longer than `expectedDays`, longest first. */
  readonly stuck: readonly StuckAccount[];
}

/**
 * Where the accounts are on the last day, counted: the four counts add up
 * to `accounts`.
 *
 * @example
 * ```ts
 * import type { FunnelTotals } from 'successkit/journey';
 *
 * const sum = (totals: FunnelTotals): number => totals.inStage + totals.noStage + totals.churned + totals.absent;
 * ```
 */
export interface FunnelTotals {
  readonly accounts: number;
  readonly inStage: number;
  readonly noStage: number;
  readonly churned: number;
  /** Accounts of the timeline missing from its last day. */
  readonly absent: number;
}

/**
 * The journey as a funnel: per stage, accounts in it now and ever,
 * conversion to later stages, time in stage and stuck accounts.
 *
 * @example
 * ```ts
 * import type { JourneyFunnel } from 'successkit/journey';
 *
 * const stageIds = (funnel: JourneyFunnel): string[] => funnel.stages.map((stage) => stage.stageId);
 * ```
 */
export interface JourneyFunnel {
  readonly journeyId: string;
  /** `'timeline'` (stays followed over a series) or `'snapshots'` (one day: reached and moved on read from the journey's order). */
  readonly basis: 'timeline' | 'snapshots';
  /** The last day. */
  readonly asOf: CalendarDate;
  /** The series step; `'single'` for snapshots. */
  readonly step: SeriesStep;
  /** Precision of the timeline's dates, days; 0 for snapshots. */
  readonly precisionDays: number;
  readonly totals: FunnelTotals;
  readonly stages: readonly FunnelStage[];
}

const exitKinds: ReadonlySet<string> = new Set([
  'forward',
  'skipped',
  'regression',
  'cycled',
  'churned',
  'left',
  'entered',
  'reactivated',
]);

function checkVisit(visit: unknown, path: readonly (string | number)[]): void {
  if (typeof visit !== 'object' || visit === null) fail('invalid_input', path, 'expected a stage visit');
  const { stageId, days, censored, outcomeMet, exit } = visit as Partial<StageVisit>;
  if (typeof stageId !== 'string') fail('invalid_input', [...path, 'stageId'], 'expected a stage id');
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 0)
    fail('invalid_input', [...path, 'days'], 'expected a whole number of days >= 0');
  if (typeof censored !== 'boolean') fail('invalid_input', [...path, 'censored'], 'expected a boolean');
  if (typeof outcomeMet !== 'boolean') fail('invalid_input', [...path, 'outcomeMet'], 'expected a boolean');
  if (exit !== null && !exitKinds.has(exit as string))
    fail('invalid_input', [...path, 'exit'], 'expected a transition kind or null');
}

/** A timeline as {@link journeyTimeline} returned it, checked field by field where the funnel reads it. @internal */
export function checkedTimeline(
  timeline: unknown,
  journey: Journey,
  path: readonly (string | number)[],
): JourneyTimeline {
  try {
    return checkTimeline(timeline, journey, path);
  } catch (thrown) {
    if (isSuccessKitError(thrown)) throw thrown;
    fail('invalid_input', path, 'the timeline could not be read');
  }
}

function checkTimeline(timeline: unknown, journey: Journey, path: readonly (string | number)[]): JourneyTimeline {
  if (typeof timeline !== 'object' || timeline === null) fail('invalid_input', path, 'expected a journey timeline');
  const { journeyId, dates, accounts, step, precisionDays } = timeline as Partial<JourneyTimeline>;
  if (journeyId !== journey.id)
    fail('invalid_input', [...path, 'journeyId'], `expected a timeline of journey "${journey.id}"`);
  if (!Array.isArray(dates) || dates.length === 0 || !isCalendarDate(dates.at(-1)))
    fail('invalid_input', [...path, 'dates'], 'expected the days of the timeline');
  if (!['week', 'month', 'irregular', 'single'].includes(step as string))
    fail('invalid_input', [...path, 'step'], 'expected a series step');
  if (typeof precisionDays !== 'number' || !Number.isFinite(precisionDays))
    fail('invalid_input', [...path, 'precisionDays'], 'expected a number of days');
  if (!Array.isArray(accounts)) fail('invalid_input', [...path, 'accounts'], 'expected an array of account journeys');
  const stageIds = new Set(journey.stages.map((stage) => stage.id));
  for (let index = 0; index < accounts.length; index++) {
    const account: unknown = accounts[index];
    const at = [...path, 'accounts', index];
    if (typeof account !== 'object' || account === null) fail('invalid_input', at, 'expected an account journey');
    const { accountId, visits, statuses, stages } = account as Partial<AccountJourney>;
    if (typeof accountId !== 'string') fail('invalid_input', [...at, 'accountId'], 'expected an account id');
    if (!Array.isArray(visits)) fail('invalid_input', [...at, 'visits'], 'expected an array of stage visits');
    if (!Array.isArray(statuses) || statuses.length !== dates.length)
      fail('invalid_input', [...at, 'statuses'], 'expected one status per day');
    if (!Array.isArray(stages) || stages.length !== dates.length)
      fail('invalid_input', [...at, 'stages'], 'expected one stage per day');
    for (let visit = 0; visit < visits.length; visit++) {
      checkVisit(visits[visit], [...at, 'visits', visit]);
      if (!stageIds.has(element(visits as StageVisit[], visit).stageId))
        fail('invalid_input', [...at, 'visits', visit, 'stageId'], 'expected a stage of the journey');
    }
  }
  return timeline as JourneyTimeline;
}

interface Tally {
  now: number;
  reached: number;
  movedOn: number;
  exits: { forward: number; skipped: number; regression: number; cycled: number; churned: number; left: number };
  days: number[];
  finished: boolean[];
  stuck: StuckAccount[];
}

function emptyTally(): Tally {
  return {
    now: 0,
    reached: 0,
    movedOn: 0,
    exits: { forward: 0, skipped: 0, regression: 0, cycled: 0, churned: 0, left: 0 },
    days: [],
    finished: [],
    stuck: [],
  };
}

function countExit(tally: Tally, exit: TransitionKind | null): void {
  if (
    exit === 'forward' ||
    exit === 'skipped' ||
    exit === 'regression' ||
    exit === 'cycled' ||
    exit === 'churned' ||
    exit === 'left'
  )
    tally.exits[exit]++;
}

function stagesOf(journey: Journey, tallies: readonly Tally[]): FunnelStage[] {
  return journey.stages.map((stage, index) => {
    const tally = tallies[index] ?? emptyTally();
    return {
      stageId: stage.id,
      name: stage.name,
      expectedDays: stage.expectedDays,
      now: tally.now,
      reached: tally.reached,
      movedOn: tally.movedOn,
      conversion: tally.reached === 0 || index === journey.stages.length - 1 ? null : tally.movedOn / tally.reached,
      exits: { ...tally.exits },
      daysInStage: daysInStage(tally.days, tally.finished),
      stuck: tally.stuck.sort((a, b) => b.days - a.days || (a.accountId < b.accountId ? -1 : 1)),
    };
  });
}

function tallyAccount(
  account: AccountJourney,
  indexOf: ReadonlyMap<string, number>,
  journey: Journey,
  tallies: Tally[],
  totals: { inStage: number; noStage: number; churned: number; absent: number },
): void {
  const lastStatus = account.statuses.at(-1);
  const lastStage = account.stages.at(-1) ?? null;
  if (lastStatus === 'in_stage') totals.inStage++;
  else if (lastStatus === 'no_stage') totals.noStage++;
  else if (lastStatus === 'churned') totals.churned++;
  else totals.absent++;
  const seen = new Set<number>();
  const movedOn = new Set<number>();
  const { visits } = account;
  for (let at = 0; at < visits.length; at++) {
    const visit = element(visits, at);
    const index = indexOf.get(visit.stageId) ?? 0;
    const tally = element(tallies, index);
    for (const earlier of seen) if (earlier < index) movedOn.add(earlier);
    seen.add(index);
    countExit(tally, visit.exit);
    tally.days.push(visit.days);
    tally.finished.push(!visit.censored);
    const current =
      at === visits.length - 1 && visit.censored && lastStatus === 'in_stage' && lastStage === visit.stageId;
    if (current) {
      tally.now++;
      const expected = journey.stages[index]?.expectedDays ?? Infinity;
      if (visit.days > expected)
        tally.stuck.push({ accountId: account.accountId, days: visit.days, daysOver: visit.days - expected });
    }
  }
  for (const index of seen) element(tallies, index).reached++;
  for (const index of movedOn) element(tallies, index).movedOn++;
}

function funnelOfTimeline(journey: Journey, timeline: JourneyTimeline): JourneyFunnel {
  const indexOf = new Map(journey.stages.map((stage, index) => [stage.id, index]));
  const tallies = journey.stages.map(emptyTally);
  const totals = { inStage: 0, noStage: 0, churned: 0, absent: 0 };
  for (const account of timeline.accounts) tallyAccount(account, indexOf, journey, tallies, totals);
  return {
    journeyId: journey.id,
    basis: 'timeline',
    asOf: element(timeline.dates, timeline.dates.length - 1),
    step: timeline.step,
    precisionDays: timeline.precisionDays,
    totals: { accounts: timeline.accounts.length, ...totals },
    stages: stagesOf(journey, tallies),
  };
}

function funnelOfSnapshots(journey: Journey, snapshots: readonly unknown[]): JourneyFunnel {
  if (snapshots.length === 0) fail('invalid_input', ['source'], 'expected at least one snapshot');
  const compiled = compiledJourney(journey);
  const tallies = journey.stages.map(emptyTally);
  const totals = { inStage: 0, noStage: 0, churned: 0, absent: 0 };
  const { asOf } = checkedSnapshot(snapshots[0], ['source', 0]);
  for (let index = 0; index < snapshots.length; index++) {
    const snapshot = snapshots[index];
    const path = ['source', index];
    const checked = checkedSnapshot(snapshot, path);
    if (checked.asOf !== asOf)
      fail('invalid_input', [...path, 'asOf'], `expected snapshots of one day, ${asOf}, got ${checked.asOf}`);
    const position = positionOf(compiled, snapshot as object, checked.id, checked.asOf, false);
    if (position.status === 'churned') totals.churned++;
    else if (position.status === 'no_stage') totals.noStage++;
    else totals.inStage++;
    const found =
      position.stageId === null
        ? position.status === 'churned'
          ? churnedIndex
          : noStageIndex
        : journey.stages.findIndex((stage) => stage.id === position.stageId);
    if (found < 0) continue;
    const tally = element(tallies, found);
    tally.now++;
    for (let earlier = 0; earlier <= found; earlier++) {
      const reached = element(tallies, earlier);
      reached.reached++;
      if (earlier < found) reached.movedOn++;
    }
    if (position.daysInStage !== null) {
      tally.days.push(position.daysInStage);
      tally.finished.push(false);
      if (position.overdue)
        tally.stuck.push({
          accountId: checked.id,
          days: position.daysInStage,
          daysOver: position.daysInStage - (position.expectedDays ?? 0),
        });
    }
  }
  return {
    journeyId: journey.id,
    basis: 'snapshots',
    asOf,
    step: 'single',
    precisionDays: 0,
    totals: { accounts: snapshots.length, ...totals },
    stages: stagesOf(journey, tallies),
  };
}

/**
 * The journey as a funnel, per stage: accounts in it now, accounts that
 * ever reached it, the share that moved on to a later stage, median and
 * 90th-percentile days in stage, and the stuck accounts (in it longer than
 * its expected duration) with their ids and days.
 *
 * From a timeline, stays are followed over the series and days in stage
 * are a Kaplan–Meier estimate: a stay still running on the last day is
 * censored — it lasted at least that long — not counted as finished, so
 * the median is not pulled down by accounts that only just arrived. From
 * one day's snapshots, "reached" and "moved on" are read from the journey's
 * order (an account in adoption has passed onboarding), and every stay is
 * censored.
 *
 * @param journey - a journey from {@link defineJourney}, or its plain input
 * @param source - a {@link JourneyTimeline} of this journey, or one day's account snapshots
 * @returns the {@link JourneyFunnel}
 * @throws {@link core!SuccessKitError} as {@link defineJourney} for a bad journey; `invalid_input` for a timeline of another journey or a malformed one (at its path under `['source']`), no snapshots, snapshots of more than one day, or a snapshot without a string `id`; `invalid_date` for a snapshot without a real `asOf`
 *
 * @example
 * ```ts
 * import { defaultCsJourney, journeyFunnel, journeyTimeline } from 'successkit/journey';
 * import { samplePortfolio } from 'successkit/sample';
 * import { snapshotSeries } from 'successkit/snapshot';
 *
 * const series = snapshotSeries(samplePortfolio({ accounts: 300, asOf: '2026-06-30' }));
 * const funnel = journeyFunnel(defaultCsJourney, journeyTimeline(defaultCsJourney, series));
 * const onboarding = funnel.stages[1]!;
 * [onboarding.reached, onboarding.movedOn, onboarding.daysInStage.median]; // => [50, 39, 51]
 * funnel.totals.accounts === funnel.totals.inStage + funnel.totals.noStage + funnel.totals.churned + funnel.totals.absent; // => true
 * ```
 */
export function journeyFunnel(
  journey: Journey | JourneyInput,
  source: JourneyTimeline | readonly (AccountSnapshot | object)[],
): JourneyFunnel {
  const defined = definedJourney(journey);
  if (readingInput(() => Array.isArray(source), ['source'], 'the source'))
    return funnelOfSnapshots(defined, source as readonly unknown[]);
  return funnelOfTimeline(defined, checkedTimeline(source, defined, ['source']));
}
