import { type CalendarDate, toEpochDay } from '../core/internal.js';
import { compileRule, type RulePredicate } from '../rules/index.js';
import type { Journey, JourneyMilestone, JourneyStage } from './journey.js';
import { element } from './element.js';
import { dayNumberOf } from './day-labels.js';
import type { StageMilestone } from './stage-of.js';

/**
 * A milestone's progress in each of its three states, made once per journey
 * and shared by every account placed: only `reached` and `overdue` differ
 * from one account to the next, and they take three values between them.
 *
 * @internal
 */
export interface MilestoneStates {
  readonly reached: StageMilestone;
  readonly open: StageMilestone;
  readonly overdue: StageMilestone;
}

/** A stage with its rules compiled and its `since` paths split. @internal */
export interface CompiledStage {
  readonly stage: JourneyStage;
  readonly index: number;
  readonly entry: RulePredicate;
  readonly exit: RulePredicate | undefined;
  readonly outcome: RulePredicate;
  /** The milestones' evidence, to ask of an account in the stage. */
  readonly milestones: readonly RulePredicate[];
  /** The progress values of each milestone, in order. */
  readonly milestoneStates: readonly MilestoneStates[];
  /**
   * The progress lists already made, by their states' code (see
   * `milestonesOf`); empty, and unused, for a stage with more than
   * {@link sharedProgressLimit} milestones.
   */
  readonly progressLists: (readonly StageMilestone[] | undefined)[];
  readonly since: readonly { readonly path: readonly string[]; readonly offsetDays: number }[];
}

/** A journey ready to place accounts. @internal */
export interface CompiledJourney {
  readonly journey: Journey;
  readonly stages: readonly CompiledStage[];
  readonly churned: RulePredicate;
}

/** `locateStage` for an account that has churned. @internal */
export const churnedIndex = -2;
/** `locateStage` for an account in no stage. @internal */
export const noStageIndex = -1;

const compiled = new WeakMap<Journey, CompiledJourney>();

function statesOf(milestone: JourneyMilestone): MilestoneStates {
  const progress = (reached: boolean, overdue: boolean): StageMilestone =>
    Object.freeze({ milestoneId: milestone.id, dueDay: milestone.dueDay, reached, overdue });
  return Object.freeze({
    reached: progress(true, false),
    open: progress(false, false),
    overdue: progress(false, true),
  });
}

const holdsInStage: RulePredicate = () => true;
const failsInStage: RulePredicate = () => false;

/**
 * A milestone's evidence, compiled; or, when it is the stage's own entry or
 * exit rule (trial started, converted), its answer for an account in the
 * stage, which holds its entry and not its exit, without asking again.
 */
function milestoneEvidence(stage: JourneyStage, milestone: JourneyMilestone): RulePredicate {
  const evidence = JSON.stringify(milestone.evidence);
  if (evidence === JSON.stringify(stage.entry)) return holdsInStage;
  if (stage.exit !== undefined && evidence === JSON.stringify(stage.exit)) return failsInStage;
  return compileRule(milestone.evidence);
}

/** Stages with up to this many milestones share their progress lists: 3⁶ = 729 lists at most. @internal */
export const sharedProgressLimit = 6;

function compileStage(stage: JourneyStage, index: number): CompiledStage {
  return {
    stage,
    index,
    entry: compileRule(stage.entry),
    exit: stage.exit === undefined ? undefined : compileRule(stage.exit),
    outcome: compileRule(stage.outcome),
    milestones: stage.milestones.map((milestone) => milestoneEvidence(stage, milestone)),
    milestoneStates: stage.milestones.map(statesOf),
    progressLists: [],
    since: stage.since.map((source) => ({ path: source.field.split('.'), offsetDays: source.offsetDays })),
  };
}

/**
 * The compiled journey of a value already compiled, else `undefined`: only
 * defined journeys are ever compiled, so a hit needs no other check. @internal
 */
export function knownCompiled(journey: unknown): CompiledJourney | undefined {
  return typeof journey === 'object' && journey !== null ? compiled.get(journey as Journey) : undefined;
}

/** The journey compiled once and kept while the journey lives. @internal */
export function compiledJourney(journey: Journey): CompiledJourney {
  let found = compiled.get(journey);
  if (found === undefined) {
    found = { journey, stages: journey.stages.map(compileStage), churned: compileRule(journey.churned) };
    compiled.set(journey, found);
  }
  return found;
}

/** What the rules need besides the snapshot. @internal */
export interface StageContext {
  readonly asOf: CalendarDate;
}

/**
 * The index of the last stage whose entry holds and whose exit does not,
 * {@link churnedIndex} when the churn rule holds, else {@link noStageIndex}.
 *
 * @internal
 */
export function locateStage(journey: CompiledJourney, record: object, context: StageContext): number {
  if (journey.churned(record, context)) return churnedIndex;
  const { stages } = journey;
  for (let index = stages.length - 1; index >= 0; index--) {
    const stage = element(stages, index);
    if (stage.entry(record, context) && !stage.exit?.(record, context)) return index;
  }
  return noStageIndex;
}

/** 0000-01-01 as an epoch day: an offset may not move a date before it. */
const firstDay = /* @__PURE__ */ toEpochDay('0000-01-01');

/** The value at a split path, through own properties of objects only. */
function readPath(record: object, path: readonly string[]): unknown {
  let current: unknown = record;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/**
 * The day the stage began by its `since` fields (the first with a date on or
 * before `asOfDay`, moved by its offset), as an epoch day; `null` when none.
 *
 * @internal
 */
export function sinceDayOf(stage: CompiledStage, record: object, asOfDay: number): number | null {
  for (const source of stage.since) {
    const date = dayNumberOf(readPath(record, source.path));
    if (date === undefined) continue;
    const day = date + source.offsetDays;
    if (day <= asOfDay && day >= firstDay) return day;
  }
  return null;
}
