import * as z from 'zod/mini';
import { type CalendarDate, fail, isCalendarDate, parseWith, unreadable } from '../core/internal.js';
import { explainRule, type RuleExplanation } from '../rules/index.js';
import type { AccountSnapshot } from '../snapshot/index.js';
import {
  churnedIndex,
  type CompiledJourney,
  type CompiledStage,
  compiledJourney,
  knownCompiled,
  locateStage,
  sharedProgressLimit,
  sinceDayOf,
} from './compiled-journey.js';
import { catalogOf, definedJourney } from './define-journey.js';
import type { Journey, JourneyInput } from './journey.js';
import { dayLabel, dayNumber } from './day-labels.js';
import { element } from './element.js';

/**
 * Options of {@link stageOf}.
 *
 * | option | meaning | default |
 * |---|---|---|
 * | `explain` | add the rule explanations (`evidence`); turn off to place many accounts fast | `true` |
 *
 * @example
 * ```ts
 * import { StageOfOptions } from 'successkit/journey';
 *
 * StageOfOptions.parse({}); // => { explain: true }
 * ```
 */
export const StageOfOptions = z.strictObject({ explain: z._default(z.boolean(), true) });

/**
 * Options of {@link stageOf} as callers write them; see the {@link StageOfOptions} schema.
 *
 * @example
 * ```ts
 * import type { StageOfOptions } from 'successkit/journey';
 *
 * const fast: StageOfOptions = { explain: false };
 * ```
 */
export type StageOfOptions = z.input<typeof StageOfOptions>;

/**
 * Where an account stands against one milestone of its stage. The due date
 * is `dueDay` days after the position's `since`.
 *
 * @example
 * ```ts
 * import type { StageMilestone } from 'successkit/journey';
 *
 * const late: StageMilestone = { milestoneId: 'go_live', dueDay: 30, reached: false, overdue: true };
 * ```
 */
export interface StageMilestone {
  readonly milestoneId: string;
  /** Days after the stage began that the milestone is due: the journey's `dueDay`. */
  readonly dueDay: number;
  /** The milestone's evidence rule holds. */
  readonly reached: boolean;
  /** Not reached and the days in stage are past the due day. */
  readonly overdue: boolean;
}

/**
 * Why an account is where {@link stageOf} put it: the explanations of the
 * rules that decided it.
 *
 * @example
 * ```ts
 * import type { StageEvidence } from 'successkit/journey';
 *
 * const summary = (evidence: StageEvidence): string => evidence.summary;
 * ```
 */
export interface StageEvidence {
  /** One sentence: the stage and the clause of its entry rule, or why no stage held. */
  readonly summary: string;
  /** The journey's churn rule on the snapshot. */
  readonly churned: RuleExplanation;
  /** The entry rule of the stage found; `null` in no stage or churned. */
  readonly entry: RuleExplanation | null;
  /** Its exit rule, when it has one. */
  readonly exit: RuleExplanation | null;
  /** Its outcome rule. */
  readonly outcome: RuleExplanation | null;
  /** Every stage after the one found (all of them in no stage), with why it did not hold. */
  readonly laterStages: readonly {
    readonly stageId: string;
    readonly entry: RuleExplanation;
    readonly exit: RuleExplanation | null;
  }[];
}

/**
 * Where one account is on the journey on its snapshot's day: the stage, since
 * when and for how many days, whether that is past the expected duration,
 * whether the stage's Do outcome is met, its milestones, and why.
 *
 * @example
 * ```ts
 * import type { StagePosition } from 'successkit/journey';
 *
 * const days = (position: StagePosition): number | null => position.daysInStage;
 * ```
 */
export interface StagePosition {
  readonly accountId: string;
  readonly asOf: CalendarDate;
  /** `'in_stage'`, `'no_stage'` (no stage's entry holds: reported, not forced into one) or `'churned'`. */
  readonly status: 'in_stage' | 'no_stage' | 'churned';
  /** The stage's id; `null` unless `status` is `'in_stage'`. */
  readonly stageId: string | null;
  /** The day the stage began, from its `since` fields; `null` when none has a date. */
  readonly since: CalendarDate | null;
  /** Days from `since` to `asOf`; `null` without `since`. */
  readonly daysInStage: number | null;
  /** The stage's expected duration, days; `null` out of any stage. */
  readonly expectedDays: number | null;
  /** Days in stage exceed the expected duration. */
  readonly overdue: boolean;
  /** The stage's outcome rule holds: its Do is achieved. */
  readonly outcomeMet: boolean;
  /** The stage's milestones, in order: a frozen list, shared by the positions whose milestones stand the same. */
  readonly milestones: readonly StageMilestone[];
  /** The rule explanations; `null` with `explain: false`. */
  readonly evidence: StageEvidence | null;
}

function isFastOptions(options: unknown): options is { readonly explain?: boolean } | undefined {
  if (options === undefined) return true;
  if (typeof options !== 'object' || options === null || Object.getPrototypeOf(options) !== Object.prototype)
    return false;
  let keys = 0;
  for (const key in options) {
    // hasOwnProperty.call, not Object.hasOwn: V8 answers it from the for-in without a lookup.
    if (key !== 'explain' || !Object.prototype.hasOwnProperty.call(options, key)) return false;
    keys++;
  }
  return keys === 0 || typeof (options as { explain?: unknown }).explain === 'boolean';
}

/** Whether to explain: read by hand when the options are plainly right (the per-account path), else parsed. @internal */
export function explainOption(options: unknown): boolean {
  try {
    if (isFastOptions(options)) return options?.explain ?? true;
  } catch {
    // a throwing getter: the schema reports it
  }
  return parseWith(StageOfOptions, options, { path: ['options'] }).explain;
}

/** The snapshot's `asOf` and `id`, checked: a record a rule can read, with a real day. @internal */
export function checkedSnapshot(
  snapshot: unknown,
  path: readonly (string | number)[],
): { asOf: CalendarDate; id: string } {
  try {
    return readSnapshot(snapshot, path);
  } catch (thrown) {
    throw unreadable(thrown, 'invalid_input', path, 'the snapshot');
  }
}

// A book is placed one day at a time: each new snapshot day is checked once.
let lastCheckedAsOf: CalendarDate | null = null;

function readSnapshot(snapshot: unknown, path: readonly (string | number)[]): { asOf: CalendarDate; id: string } {
  if (typeof snapshot !== 'object' || snapshot === null || Array.isArray(snapshot))
    fail('invalid_input', path, 'expected an account snapshot (an object)');
  let asOf: unknown;
  let id: unknown;
  try {
    ({ asOf, id } = snapshot as { asOf?: unknown; id?: unknown });
  } catch (thrown) {
    throw unreadable(thrown, 'invalid_input', path, 'the snapshot');
  }
  if (typeof id !== 'string') fail('invalid_input', [...path, 'id'], 'expected the account id, a string');
  if (lastCheckedAsOf === null || asOf !== lastCheckedAsOf) {
    if (!isCalendarDate(asOf)) fail('invalid_date', [...path, 'asOf'], 'expected the snapshot day as YYYY-MM-DD');
    lastCheckedAsOf = asOf;
  }
  return { asOf: asOf as CalendarDate, id };
}

const noMilestones: readonly StageMilestone[] = Object.freeze([]);

// A milestone is reached (0), open (1) or overdue (2); a stage's states are
// one number in base 3, and the list of progress objects for each number is
// made once and shared (frozen), so placing an account allocates nothing for
// its milestones. A stage with more milestones than sharedProgressLimit gets
// a new list each time, of the same shared progress objects.
const reachedState = 0;
const openState = 1;
const overdueState = 2;

function stateOf(
  stage: CompiledStage,
  index: number,
  record: object,
  context: { readonly asOf: CalendarDate },
  daysInStage: number | null,
): number {
  if (element(stage.milestones, index)(record, context)) return reachedState;
  return daysInStage !== null && daysInStage > element(stage.milestoneStates, index).open.dueDay
    ? overdueState
    : openState;
}

function progressList(stage: CompiledStage, code: number): readonly StageMilestone[] {
  const progress: StageMilestone[] = [];
  let rest = code;
  for (const states of stage.milestoneStates) {
    const state = rest % 3;
    rest = (rest - state) / 3;
    progress.push(state === reachedState ? states.reached : state === overdueState ? states.overdue : states.open);
  }
  return progress;
}

function milestonesOf(
  stage: CompiledStage,
  record: object,
  context: { readonly asOf: CalendarDate },
  daysInStage: number | null,
): readonly StageMilestone[] {
  const count = stage.milestoneStates.length;
  if (count === 0) return noMilestones;
  let code = 0;
  let weight = 1;
  for (let index = 0; index < count; index++) {
    code += stateOf(stage, index, record, context, daysInStage) * weight;
    weight *= 3;
  }
  if (count > sharedProgressLimit) return progressList(stage, code);
  let shared = stage.progressLists[code];
  if (shared === undefined) {
    shared = Object.freeze(progressList(stage, code));
    stage.progressLists[code] = shared;
  }
  return shared;
}

function evidenceOf(journey: CompiledJourney, found: number, record: object, asOf: CalendarDate): StageEvidence {
  const fields = catalogOf(journey.journey);
  const options = { asOf, fields };
  const churned = explainRule(journey.journey.churned, record, options);
  const stage = found >= 0 ? journey.journey.stages[found] : undefined;
  const laterStages = journey.journey.stages.slice(found < 0 ? 0 : found + 1).map((later) => ({
    stageId: later.id,
    entry: explainRule(later.entry, record, options),
    exit: later.exit === undefined ? null : explainRule(later.exit, record, options),
  }));
  const entry = stage === undefined ? null : explainRule(stage.entry, record, options);
  const summary =
    found === churnedIndex
      ? `churned: ${churned.summary}`
      : stage === undefined || entry === null
        ? `in no stage: ${laterStages.map((later) => `${later.stageId}: ${(later.exit?.result === true ? later.exit : later.entry).summary}`).join('; ')}`
        : `in ${stage.name}: ${entry.summary}`;
  return {
    summary,
    churned,
    entry,
    exit: stage?.exit === undefined ? null : explainRule(stage.exit, record, options),
    outcome: stage === undefined ? null : explainRule(stage.outcome, record, options),
    laterStages,
  };
}

/** The day accounts are being placed on: the rules' context and its epoch day. */
interface PlacingDay {
  readonly context: { readonly asOf: CalendarDate };
  readonly day: number;
}

// A book is placed one day at a time: the context and epoch day are worked out once per day.
let lastDay: PlacingDay | undefined;

function placingDay(asOf: CalendarDate): PlacingDay {
  if (lastDay?.context.asOf !== asOf) lastDay = { context: { asOf }, day: dayNumber(asOf) };
  return lastDay;
}

/** {@link stageOf} on a compiled journey and a checked snapshot. @internal */
export function positionOf(
  journey: CompiledJourney,
  record: object,
  accountId: string,
  asOf: CalendarDate,
  explain: boolean,
): StagePosition {
  const { context, day: asOfDay } = placingDay(asOf);
  const found = locateStage(journey, record, context);
  const stage = found >= 0 ? journey.stages[found] : undefined;
  const evidence = explain ? evidenceOf(journey, found, record, asOf) : null;
  if (stage === undefined) {
    return {
      accountId,
      asOf,
      status: found === churnedIndex ? 'churned' : 'no_stage',
      stageId: null,
      since: null,
      daysInStage: null,
      expectedDays: null,
      overdue: false,
      outcomeMet: false,
      milestones: noMilestones,
      evidence,
    };
  }
  const sinceDay = sinceDayOf(stage, record, asOfDay);
  const daysInStage = sinceDay === null ? null : asOfDay - sinceDay;
  return {
    accountId,
    asOf,
    status: 'in_stage',
    stageId: stage.stage.id,
    since: sinceDay === null ? null : dayLabel(sinceDay),
    daysInStage,
    expectedDays: stage.stage.expectedDays,
    overdue: daysInStage !== null && daysInStage > stage.stage.expectedDays,
    outcomeMet: stage.outcome(record, context),
    milestones: milestonesOf(stage, record, context, daysInStage),
    evidence,
  };
}

const snapshotPath = ['snapshot'] as const;

/**
 * Places one account on the journey as of its snapshot's day: the last stage
 * in order whose entry rule holds and whose exit rule does not; `'churned'`
 * when the journey's churn rule holds; `'no_stage'` when no stage holds — an
 * account is never forced into a stage. Days in stage count from the
 * stage's `since` field to `asOf`; `overdue` when they exceed the expected
 * duration. Compiled rules are kept per journey, so placing a portfolio
 * costs a few predicate calls per account; pass `explain: false` to skip
 * the explanations when placing many.
 *
 * @param journey - a journey from {@link defineJourney}, or its plain input (checked first)
 * @param snapshot - the account's snapshot (from `accountSnapshots`), or any record with `id`, `asOf` and the fields the rules read
 * @param options - see {@link StageOfOptions}
 * @returns the account's {@link StagePosition}
 * @throws {@link core!SuccessKitError} as {@link defineJourney} for a journey that is not valid; `invalid_input` for a snapshot that is not an object or has no string `id` (path `['snapshot']`), or bad options; `invalid_date` for a snapshot without a real `asOf`
 *
 * @example
 * ```ts
 * import { defaultCsJourney, stageOf } from 'successkit/journey';
 * import { samplePortfolio } from 'successkit/sample';
 * import { accountSnapshots } from 'successkit/snapshot';
 *
 * const { snapshots } = accountSnapshots(samplePortfolio({ accounts: 20, asOf: '2026-06-30' }));
 * const position = stageOf(defaultCsJourney, snapshots[1]!);
 * [position.stageId, position.since, position.daysInStage, position.overdue]; // => ['expansion', '2025-10-04', 269, false]
 * position.evidence?.summary; // => 'in Expansion: Expansion signed is set'
 * stageOf(defaultCsJourney, snapshots[0]!, { explain: false }).status; // => 'churned'
 * ```
 */
export function stageOf(
  journey: Journey | JourneyInput,
  snapshot: AccountSnapshot | object,
  options?: StageOfOptions,
): StagePosition {
  const compiled = knownCompiled(journey) ?? compiledJourney(definedJourney(journey));
  const explain = explainOption(options);
  const { asOf, id } = checkedSnapshot(snapshot, snapshotPath);
  return positionOf(compiled, snapshot, id, asOf, explain);
}
