import * as z from 'zod/mini';
import type { ReadonlyPlanData } from './plan-context.js';
import {
  CalendarDate,
  firstDayOfMonthIndex,
  fromEpochDay,
  Id,
  monthIndexOf,
  parseWith,
  SuccessKitError,
  toEpochDay,
  type SuccessKitIssue,
} from '../core/internal.js';
import { PlanOwner } from './account-plan.js';

const Text = z.string().check(z.minLength(1), z.maxLength(10_000));

/**
 * A dated value of a goal's metric: where it started, where it should be, or what was measured.
 *
 * @example
 * ```ts
 * import { MetricValue } from 'successkit/plans';
 *
 * MetricValue.parse({ value: 42, date: '2026-01-31' }).value; // => 42
 * ```
 */
export const MetricValue = z.strictObject({ value: z.number(), date: CalendarDate });

/**
 * A metric's value on a day.
 *
 * @example
 * ```ts
 * import type { MetricValue } from 'successkit/plans';
 *
 * const measured: MetricValue = { value: 42, date: '2026-01-31' as never };
 * ```
 */
export type MetricValue = z.infer<typeof MetricValue>;

/**
 * A SMART success goal as JSON: the business outcome, its metric and unit,
 * the baseline, the target, monthly or quarterly period targets (generated
 * by straight line from baseline to target when left out), who owns the
 * data, the purchase reason or success criterion it serves, and the reasons
 * and next steps recorded for missed periods. Only `id`, `outcome` and
 * `dataOwner` are required, so an unfinished goal can be checked with
 * {@link checkSmart}.
 *
 * @example
 * ```ts
 * import { SuccessGoal } from 'successkit/plans';
 *
 * SuccessGoal.parse({ id: 'g1', outcome: 'Cut support cost per ticket', dataOwner: 'client' }).cadence; // => 'month'
 * ```
 */
export const SuccessGoal = z.strictObject({
  id: Id,
  accountId: z.optional(Id),
  outcome: Text,
  metric: z.optional(z.strictObject({ name: Text, unit: z.optional(Text) })),
  baseline: z.optional(MetricValue),
  target: z.optional(z.strictObject({ value: z.optional(z.number()), date: z.optional(CalendarDate) })),
  /** Whether higher values are better; default: from baseline to target, else `increase`. */
  direction: z.optional(z.enum(['increase', 'decrease'])),
  cadence: z._default(z.enum(['month', 'quarter']), 'month'),
  periodTargets: z._default(z.array(z.strictObject({ periodEnd: CalendarDate, value: z.number() })), () => []),
  dataOwner: PlanOwner,
  purchaseReasonId: z.optional(Id),
  successCriterionId: z.optional(Id),
  /** What was said about a period in the hits-and-misses review. */
  reviews: z._default(
    z.array(z.strictObject({ periodEnd: CalendarDate, reason: z.optional(Text), nextStep: z.optional(Text) })),
    () => [],
  ),
});

/**
 * A success goal, every list present.
 *
 * @example
 * ```ts
 * import type { SuccessGoal } from 'successkit/plans';
 *
 * const goal: SuccessGoal = { id: 'g1', outcome: 'Grow self-serve share', dataOwner: 'us', cadence: 'quarter', periodTargets: [], reviews: [] };
 * ```
 */
export type SuccessGoal = z.infer<typeof SuccessGoal>;

/**
 * A success goal as written: the lists and the cadence may be left out.
 *
 * @example
 * ```ts
 * import type { SuccessGoalInput } from 'successkit/plans';
 *
 * const goal: SuccessGoalInput = { id: 'g1', outcome: 'Grow self-serve share', dataOwner: 'us' };
 * ```
 */
export type SuccessGoalInput = ReadonlyPlanData<z.input<typeof SuccessGoal>>;

declare const definedSuccessGoalBrand: unique symbol;

/**
 * A goal that {@link defineSuccessGoal} checked and froze.
 *
 * @example
 * ```ts
 * import { defineSuccessGoal, type DefinedSuccessGoal } from 'successkit/plans';
 *
 * const goal: DefinedSuccessGoal = defineSuccessGoal({ id: 'g1', outcome: 'Grow self-serve share', dataOwner: 'us' });
 * ```
 */
export type DefinedSuccessGoal = SuccessGoal & { readonly [definedSuccessGoalBrand]: true };

/**
 * The most period targets a goal may have, given or generated: 100 years of months.
 *
 * @example
 * ```ts
 * import { maximumPeriods } from 'successkit/plans';
 *
 * maximumPeriods; // => 1200
 * ```
 */
export const maximumPeriods = 1_200;

const defined = new WeakSet<object>();
const periodsOf = new WeakMap<object, readonly PeriodTarget[]>();

/**
 * One period's target: the period's last day and the value due by then.
 *
 * @example
 * ```ts
 * import type { PeriodTarget } from 'successkit/plans';
 *
 * const march: PeriodTarget = { periodEnd: '2026-03-31' as never, value: 80 };
 * ```
 */
export interface PeriodTarget {
  readonly periodEnd: CalendarDate;
  readonly value: number;
}

/** Last days of the months or quarters that end after `from`, up to `to`'s own, `to` last. */
function periodEnds(from: number, to: number, cadence: SuccessGoal['cadence']): number[] {
  const step = cadence === 'month' ? 1 : 3;
  let month = monthIndexOf(from);
  month -= ((month % step) + step) % step;
  const ends: number[] = [];
  for (;;) {
    month += step;
    const end = firstDayOfMonthIndex(month) - 1;
    if (end >= to || ends.length > maximumPeriods) break;
    if (end > from) ends.push(end);
  }
  ends.push(to);
  return ends;
}

function generatedTargets(goal: SuccessGoal): PeriodTarget[] {
  const { baseline, target } = goal;
  if (baseline === undefined || target?.value === undefined || target.date === undefined) return [];
  const from = toEpochDay(baseline.date);
  const to = toEpochDay(target.date);
  if (to <= from) return [];
  const targetValue = target.value;
  return periodEnds(from, to, goal.cadence).map((end) => ({
    periodEnd: fromEpochDay(end) as CalendarDate,
    value: end === to ? targetValue : baseline.value + ((targetValue - baseline.value) * (end - from)) / (to - from),
  }));
}

function goalIssues(goal: SuccessGoal, periods: readonly PeriodTarget[]): SuccessKitIssue[] {
  const issues: SuccessKitIssue[] = [];
  const { baseline, target } = goal;
  if (baseline !== undefined && target?.date !== undefined && target.date <= baseline.date)
    issues.push({
      path: ['target', 'date'],
      message: `expected a date after the baseline's ${baseline.date}, got ${target.date}`,
    });
  goal.periodTargets.forEach((period, index) => {
    const previous = goal.periodTargets[index - 1];
    if (previous !== undefined && period.periodEnd <= previous.periodEnd)
      issues.push({
        path: ['periodTargets', index, 'periodEnd'],
        message: `expected a day after ${previous.periodEnd} (period targets in order, one per period), got ${period.periodEnd}`,
      });
    if (baseline !== undefined && period.periodEnd <= baseline.date)
      issues.push({
        path: ['periodTargets', index, 'periodEnd'],
        message: `expected a day after the baseline's ${baseline.date}, got ${period.periodEnd}`,
      });
    if (target?.date !== undefined && period.periodEnd > target.date)
      issues.push({
        path: ['periodTargets', index, 'periodEnd'],
        message: `expected a day on or before the target's ${target.date}, got ${period.periodEnd}`,
      });
  });
  if (periods.length > maximumPeriods)
    issues.push({
      path: ['target', 'date'],
      message: `expected at most ${String(maximumPeriods)} periods from baseline to target, got more`,
    });
  const seen = new Set<string>();
  goal.reviews.forEach((review, index) => {
    if (seen.has(review.periodEnd))
      issues.push({
        path: ['reviews', index, 'periodEnd'],
        message: `a second review of the period ending ${review.periodEnd}`,
      });
    seen.add(review.periodEnd);
  });
  return issues;
}

function freezeGoal(goal: SuccessGoal): SuccessGoal {
  for (const item of goal.periodTargets) Object.freeze(item);
  for (const item of goal.reviews) Object.freeze(item);
  for (const part of [goal.metric, goal.baseline, goal.target, goal.periodTargets, goal.reviews])
    if (part !== undefined) Object.freeze(part);
  return Object.freeze(goal);
}

/**
 * Validates a success goal written as JSON and returns a frozen, branded
 * copy. Rejected: anything its schema rejects (`invalid_input`); a target
 * date on or before the baseline's, period targets out of order or outside
 * baseline–target, more than 1,200 periods, two reviews of one period
 * (`invalid_definition`). A goal that is not yet SMART is accepted:
 * {@link checkSmart} says what it lacks.
 *
 * @param input - the goal, as parsed from JSON or written in code
 * @returns the checked goal, frozen
 * @throws {@link core!SuccessKitError} `invalid_input` or `invalid_definition` with the path of each problem
 *
 * @example
 * ```ts
 * import { defineSuccessGoal } from 'successkit/plans';
 *
 * const goal = defineSuccessGoal({
 *   id: 'g1',
 *   outcome: 'Cut average ticket resolution time',
 *   metric: { name: 'resolution time', unit: 'hours' },
 *   baseline: { value: 48, date: '2026-01-01' },
 *   target: { value: 24, date: '2026-07-01' },
 *   dataOwner: 'client',
 * });
 * goal.cadence; // => 'month'
 * defineSuccessGoal({ id: 'g2', outcome: 'Faster tickets', dataOwner: 'us', baseline: { value: 48, date: '2026-07-01' }, target: { value: 24, date: '2026-01-01' } }); // throws invalid_definition
 * ```
 */
export function defineSuccessGoal(input: SuccessGoalInput): DefinedSuccessGoal {
  const goal = parseWith(SuccessGoal, input);
  const periods =
    goal.periodTargets.length > 0 ? goal.periodTargets.map((period) => ({ ...period })) : generatedTargets(goal);
  const issues = goalIssues(goal, periods);
  if (issues.length > 0) throw new SuccessKitError('invalid_definition', issues.slice(0, 100));
  const frozen = freezeGoal(goal);
  for (const period of periods) Object.freeze(period);
  defined.add(frozen);
  periodsOf.set(frozen, Object.freeze(periods));
  return frozen as DefinedSuccessGoal;
}

/**
 * `goal` itself when {@link defineSuccessGoal} returned it, otherwise defined first.
 *
 * @internal
 */
export function definedSuccessGoal(goal: unknown): DefinedSuccessGoal {
  return typeof goal === 'object' && goal !== null && defined.has(goal)
    ? (goal as DefinedSuccessGoal)
    : defineSuccessGoal(goal as SuccessGoalInput);
}

/**
 * The period targets of a goal: those it gives, or — without them — one per
 * calendar month or quarter from the baseline to the target, on a straight
 * line (the last period ends on the target date and is due the target value).
 * Empty when the goal has neither period targets nor a baseline and a dated target.
 *
 * @param goal - a goal from {@link defineSuccessGoal} or its JSON
 * @returns the period targets in date order, frozen
 * @throws {@link core!SuccessKitError} as {@link defineSuccessGoal}
 *
 * @example
 * ```ts
 * import { periodTargets } from 'successkit/plans';
 *
 * periodTargets({
 *   id: 'g1',
 *   outcome: 'Grow weekly active users',
 *   dataOwner: 'us',
 *   cadence: 'quarter',
 *   baseline: { value: 100, date: '2025-12-31' },
 *   target: { value: 160, date: '2026-06-30' },
 * }).map((period) => period.periodEnd); // => ['2026-03-31', '2026-06-30']
 * ```
 */
export function periodTargets(goal: DefinedSuccessGoal | SuccessGoalInput): readonly PeriodTarget[] {
  return periodsOf.get(definedSuccessGoal(goal)) ?? [];
}

/** Whether higher values are better for the goal. @internal */
export function directionOf(goal: SuccessGoal): 'increase' | 'decrease' {
  if (goal.direction !== undefined) return goal.direction;
  const { baseline, target } = goal;
  if (baseline !== undefined && target?.value !== undefined && target.value < baseline.value) return 'decrease';
  return 'increase';
}
