import * as z from 'zod/mini';
import { CalendarDate, fail, fromEpochDay, Id, type PathSegment, parseWith, toEpochDay } from '../core/internal.js';
import { compileRule, type DefinedRule, type RulePredicate } from '../rules/index.js';
import { definedBaseline, type Baseline, type BaselineInput, type DefinedMilestone } from './baseline.js';
import { checkedSnapshot, reachedOn, type BaselineSnapshot, type BaselineSnapshotInput } from './baseline-snapshot.js';

/**
 * Where an account stands on one milestone: reached before, within or after
 * its on-time window (due day ± tolerance), or not reached and the window
 * still ahead (`upcoming`), open today (`due`) or passed (`overdue`).
 *
 * @example
 * ```ts
 * import { MilestoneStatus } from 'successkit/baseline';
 *
 * MilestoneStatus.options.length; // => 6
 * ```
 */
export const MilestoneStatus = z.enum([
  'achieved-early',
  'achieved-on-time',
  'achieved-late',
  'due',
  'overdue',
  'upcoming',
]);

/**
 * One of the {@link MilestoneStatus} values.
 *
 * @example
 * ```ts
 * import type { MilestoneStatus } from 'successkit/baseline';
 *
 * const status: MilestoneStatus = 'achieved-on-time';
 * ```
 */
export type MilestoneStatus = z.infer<typeof MilestoneStatus>;

const Share = z.number().check(z.minimum(0), z.maximum(1));
const WholeDays = z.int().check(z.minimum(0));
const SignedDays = z.int();

/**
 * One milestone of an account's progress: the milestone's terms (due day,
 * due date, tolerance, weight, value target), its `status`, the day it was
 * reached (`achievedDate`, and `achievedDay`, days from the start date) and
 * how far from the due day (`daysEarly`, `daysLate`: whole days ≥ 0, both 0
 * on the due day; for a milestone not reached `daysLate` counts the days
 * past the due day so far).
 *
 * @example
 * ```ts
 * import { MilestoneState } from 'successkit/baseline';
 *
 * MilestoneState.shape.status.options.includes('overdue'); // => true
 * ```
 */
export const MilestoneState = z.strictObject({
  milestoneId: Id,
  name: z.string(),
  /** Days from the start date, days. */
  dueDay: WholeDays,
  dueDate: CalendarDate,
  /** Whole days either side of the due day that count as on time, days. */
  toleranceDays: WholeDays,
  /** Weight in the pace index, > 0. */
  weight: z.number().check(z.positive(), z.maximum(1000)),
  /** Share 0–1 of the target value expected by the due day; `null` when the milestone sets none. */
  valueTarget: z.nullable(Share),
  status: MilestoneStatus,
  /** The day the milestone was reached; `null` when not reached by `asOf`. */
  achievedDate: z.nullable(CalendarDate),
  /** Days from the start date to `achievedDate`, days; `null` when not reached. */
  achievedDay: z.nullable(SignedDays),
  /** Whole days before the due day it was reached, days (0 when not early). */
  daysEarly: WholeDays,
  /** Whole days after the due day it was reached, or past the due day so far when not reached, days. */
  daysLate: WholeDays,
});

/**
 * One milestone's state; see the {@link MilestoneState} schema.
 *
 * @example
 * ```ts
 * import type { MilestoneState } from 'successkit/baseline';
 *
 * const status: MilestoneState['status'] = 'due';
 * ```
 */
export type MilestoneState = z.infer<typeof MilestoneState>;

/**
 * Business value against the target due: `realized` (the latest share 0–1 of
 * the targeted value, from the snapshot), `target` (the value target of the
 * latest milestone with one that is reached or whose on-time window has
 * passed; `null` before any), `targetMilestoneId`, and `attainment`,
 * realized ÷ target (a ratio, 1 = on target; `null` without both or with a
 * target of 0).
 *
 * @example
 * ```ts
 * import { ValueProgress } from 'successkit/baseline';
 *
 * Object.keys(ValueProgress.shape); // => ['realized', 'realizedDate', 'target', 'targetMilestoneId', 'attainment']
 * ```
 */
export const ValueProgress = z.strictObject({
  realized: z.nullable(Share),
  realizedDate: z.nullable(CalendarDate),
  target: z.nullable(Share),
  targetMilestoneId: z.nullable(Id),
  attainment: z.nullable(z.number().check(z.minimum(0))),
});

/**
 * Value against target; see the {@link ValueProgress} schema.
 *
 * @example
 * ```ts
 * import type { ValueProgress } from 'successkit/baseline';
 *
 * const value: ValueProgress = { realized: 0.8, realizedDate: null, target: 0.75, targetMilestoneId: 'ebr_1', attainment: 0.8 / 0.75 };
 * ```
 */
export type ValueProgress = z.infer<typeof ValueProgress>;

/**
 * An account's progress along a baseline as of a day: the account's id and
 * the fields pace and pairing read (`segment`, `plan`, `employees`,
 * `featuresAdopted`), `tenureDays` (days from `startDate` to `asOf`, 0 on
 * the first day), one {@link MilestoneState} per milestone in baseline
 * order, and {@link ValueProgress}.
 *
 * @example
 * ```ts
 * import { MilestoneProgress } from 'successkit/baseline';
 *
 * MilestoneProgress.shape.milestones.def.type; // => 'array'
 * ```
 */
export const MilestoneProgress = z.strictObject({
  accountId: z.string(),
  baselineName: z.string(),
  asOf: CalendarDate,
  startDate: CalendarDate,
  /** Days from the start date to `asOf`, days. */
  tenureDays: WholeDays,
  segment: z.nullable(z.string()),
  plan: z.nullable(z.string()),
  employees: z.nullable(WholeDays),
  featuresAdopted: z.nullable(WholeDays),
  milestones: z.array(MilestoneState).check(z.maxLength(1000)),
  value: ValueProgress,
});

/**
 * Progress along a baseline; see the {@link MilestoneProgress} schema.
 *
 * @example
 * ```ts
 * import type { MilestoneProgress } from 'successkit/baseline';
 *
 * const tenure: MilestoneProgress['tenureDays'] = 0;
 * ```
 */
export type MilestoneProgress = z.infer<typeof MilestoneProgress>;

// Progress milestoneProgress returned, frozen: the functions that read progress trust exactly these.
const computed = new WeakSet<object>();

/** `progress` when milestoneProgress returned it, else checked against the schema at `path`. @internal */
export function checkedProgress(progress: unknown, path: readonly PathSegment[]): MilestoneProgress {
  if (typeof progress === 'object' && progress !== null && computed.has(progress)) return progress as MilestoneProgress;
  return parseWith(MilestoneProgress, progress, { path });
}

// One compiled predicate per evidence rule, kept while the rule lives.
const predicates = new WeakMap<DefinedRule, RulePredicate>();

function predicateOf(rule: DefinedRule): RulePredicate {
  let predicate = predicates.get(rule);
  if (predicate === undefined) {
    predicate = compileRule(rule);
    predicates.set(rule, predicate);
  }
  return predicate;
}

// A book's snapshots share one asOf: its day number is kept from one call to the next.
const lastAsOf = { date: '', day: 0 };

function asOfDay(asOf: CalendarDate): number {
  if (asOf !== lastAsOf.date) {
    lastAsOf.day = toEpochDay(asOf);
    lastAsOf.date = asOf;
  }
  return lastAsOf.day;
}

// Due dates repeat across a book (every account started on a day shares them): remembered, up to a bound.
const dueDates = new Map<number, CalendarDate>();

function dateOf(epochDay: number): CalendarDate {
  let date = dueDates.get(epochDay);
  if (date === undefined) {
    if (dueDates.size >= 100_000) dueDates.clear();
    date = fromEpochDay(epochDay) as CalendarDate;
    dueDates.set(epochDay, date);
  }
  return date;
}

/** The day the milestone was reached on or before `asOf`, by its evidence. */
function achievedOn(milestone: DefinedMilestone, snapshot: BaselineSnapshot): CalendarDate | undefined {
  const { evidence } = milestone;
  if ('milestoneId' in evidence) return reachedOn(snapshot, evidence.milestoneId);
  return (
    reachedOn(snapshot, milestone.id) ??
    (predicateOf(evidence.rule)(snapshot, { asOf: snapshot.asOf }) ? snapshot.asOf : undefined)
  );
}

function statusOf(deviation: number, tolerance: number, reached: boolean): MilestoneStatus {
  if (reached) {
    if (deviation < -tolerance) return 'achieved-early';
    return deviation > tolerance ? 'achieved-late' : 'achieved-on-time';
  }
  if (deviation < -tolerance) return 'upcoming';
  return deviation > tolerance ? 'overdue' : 'due';
}

function stateOf(
  milestone: DefinedMilestone,
  snapshot: BaselineSnapshot,
  startDay: number,
  tenureDays: number,
): MilestoneState {
  const achievedDate = achievedOn(milestone, snapshot) ?? null;
  const achievedDay = achievedDate === null ? null : toEpochDay(achievedDate) - startDay;
  const deviation = (achievedDay ?? tenureDays) - milestone.dueDay;
  return {
    milestoneId: milestone.id,
    name: milestone.name,
    dueDay: milestone.dueDay,
    dueDate: dateOf(startDay + milestone.dueDay),
    toleranceDays: milestone.toleranceDays,
    weight: milestone.weight,
    valueTarget: milestone.valueTarget ?? null,
    status: statusOf(deviation, milestone.toleranceDays, achievedDate !== null),
    achievedDate,
    achievedDay,
    daysEarly: achievedDate !== null && deviation < 0 ? -deviation : 0,
    daysLate: deviation > 0 ? deviation : 0,
  };
}

/** The latest value target that has come due: its milestone reached, or its on-time window passed. */
function valueOf(states: readonly MilestoneState[], snapshot: BaselineSnapshot): ValueProgress {
  let due: MilestoneState | undefined;
  for (const state of states) {
    if (state.valueTarget === null) continue;
    if (state.achievedDate !== null || state.status === 'overdue') due = state;
  }
  const realized = snapshot.valueRealized;
  const target = due?.valueTarget ?? null;
  return {
    realized,
    realizedDate: realized === null ? null : snapshot.valueRealizedDate,
    target,
    targetMilestoneId: due?.milestoneId ?? null,
    attainment: realized === null || target === null || target === 0 ? null : realized / target,
  };
}

/**
 * An account's progress along a baseline as of its snapshot's `asOf`: for
 * each milestone its status, the day it was reached and the whole days
 * early or late. A milestone reached within `toleranceDays` of its due day,
 * the due day itself included, is on time; one not reached is `upcoming`
 * before that window, `due` within it and `overdue` after it. Days count
 * from the start date (day 0) on the calendar, leap days included. Dates
 * after `asOf` are not read. The value compares the snapshot's latest
 * `valueRealized` with the target of the latest milestone that is reached or
 * overdue (the snapshot keeps one value, not one per milestone).
 *
 * @param baseline - a baseline from {@link defineBaseline} (any other is defined first)
 * @param snapshot - the account's snapshot (see {@link BaselineSnapshot})
 * @returns the {@link MilestoneProgress}, itself and its milestone list frozen
 * @throws {@link core!SuccessKitError} `invalid_definition` (or `invalid_rule`) for a baseline `defineBaseline` rejects; `invalid_input` for a snapshot that is not one (path `['snapshot', …]`) or that starts after its `asOf`
 *
 * @example
 * ```ts
 * import { defaultBaseline, milestoneProgress } from 'successkit/baseline';
 *
 * const snapshot = {
 *   id: 'acc-1', asOf: '2026-04-15', startDate: '2026-01-01', churnDate: null, segment: 'smb', plan: 'growth',
 *   employees: 40, featuresAdopted: 6, valueRealized: 0.8, valueRealizedDate: '2026-03-30',
 *   milestones: { first_login: '2026-01-03', configuration_complete: '2026-01-11', ebr_1: '2026-03-30' },
 * };
 * const progress = milestoneProgress(defaultBaseline, snapshot);
 * progress.milestones.map((milestone) => milestone.status); // => ['achieved-early', 'achieved-on-time', 'achieved-on-time', 'upcoming']
 * progress.value.attainment?.toFixed(2); // => '1.07'
 * ```
 */
export function milestoneProgress(
  baseline: Baseline | BaselineInput,
  snapshot: BaselineSnapshotInput,
): MilestoneProgress {
  const { name, milestones } = definedBaseline(baseline, ['baseline']);
  const checkedAccount = checkedSnapshot(snapshot, ['snapshot']);
  const startDay = toEpochDay(checkedAccount.startDate);
  const tenureDays = asOfDay(checkedAccount.asOf) - startDay;
  if (tenureDays < 0)
    fail(
      'invalid_input',
      ['snapshot', 'startDate'],
      `expected a start date on or before asOf ${checkedAccount.asOf}, got ${checkedAccount.startDate}`,
    );
  const states = milestones.map((milestone) => stateOf(milestone, checkedAccount, startDay, tenureDays));
  // The progress and its list are frozen; its states are not, for speed: a book of 100,000 has 500,000 of them.
  Object.freeze(states);
  const progress: MilestoneProgress = Object.freeze({
    accountId: checkedAccount.id,
    baselineName: name,
    asOf: checkedAccount.asOf,
    startDate: checkedAccount.startDate,
    tenureDays,
    segment: checkedAccount.segment,
    plan: checkedAccount.plan,
    employees: checkedAccount.employees,
    featuresAdopted: checkedAccount.featuresAdopted,
    milestones: states,
    value: valueOf(states, checkedAccount),
  });
  computed.add(progress);
  return progress;
}
