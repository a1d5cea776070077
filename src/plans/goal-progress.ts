import * as z from 'zod/mini';
import { CalendarDate, fromEpochDay, parseWith, toEpochDay } from '../core/internal.js';
import type { ReadonlyPlanData } from './plan-context.js';
import {
  definedSuccessGoal,
  directionOf,
  MetricValue,
  periodTargets,
  type DefinedSuccessGoal,
  type SuccessGoalInput,
} from './success-goal.js';

/**
 * Measurements of a goal's metric, in any order.
 *
 * @example
 * ```ts
 * import { GoalObservations } from 'successkit/plans';
 *
 * GoalObservations.parse([{ value: 40, date: '2026-02-28' }]).length; // => 1
 * ```
 */
export const GoalObservations = z.array(MetricValue);

/**
 * Measurements of a goal's metric.
 *
 * @example
 * ```ts
 * import type { GoalObservations } from 'successkit/plans';
 *
 * const observations: GoalObservations = [{ value: 40, date: '2026-02-28' }];
 * ```
 */
export type GoalObservations = z.input<typeof GoalObservations>;

/**
 * What {@link goalProgress} needs besides the goal: the day of the review.
 *
 * @example
 * ```ts
 * import { GoalProgressInput } from 'successkit/plans';
 *
 * GoalProgressInput.parse({ asOf: '2026-06-30' }).asOf; // => '2026-06-30'
 * ```
 */
export const GoalProgressInput = z.strictObject({ asOf: CalendarDate });

/**
 * The day of a progress review.
 *
 * @example
 * ```ts
 * import type { GoalProgressInput } from 'successkit/plans';
 *
 * const input: GoalProgressInput = { asOf: '2026-06-30' };
 * ```
 */
export type GoalProgressInput = z.input<typeof GoalProgressInput>;

/**
 * One period of a goal: its target, the last measurement in it, and whether
 * it was a `hit`, a `miss`, ended with `no_data`, or is still `open`.
 *
 * @example
 * ```ts
 * import type { PeriodProgress } from 'successkit/plans';
 *
 * const january: PeriodProgress = { periodStart: '2026-01-01' as never, periodEnd: '2026-01-31' as never, target: 44, actual: 45, actualDate: '2026-01-30' as never, status: 'miss', attainmentPercent: 75, reason: 'holiday backlog', nextStep: 'add a weekend shift' };
 * ```
 */
export interface PeriodProgress {
  /** The first day of the period: the day after the previous period (or the baseline). `null` for a first period without a baseline. */
  readonly periodStart: CalendarDate | null;
  readonly periodEnd: CalendarDate;
  readonly target: number;
  /** The last measurement dated in the period and on or before `asOf`; `null` without one. */
  readonly actual: number | null;
  readonly actualDate: CalendarDate | null;
  readonly status: 'hit' | 'miss' | 'no_data' | 'open';
  /** Of the way from the baseline to the period's target, how far `actual` got, in percent (100 = on target); `null` without a baseline, a measurement, or when the target equals the baseline. */
  readonly attainmentPercent: number | null;
  /** The reason recorded in the goal's reviews for this period, if any. */
  readonly reason: string | null;
  readonly nextStep: string | null;
}

/**
 * Where the metric is heading: the straight-line trend of the baseline and
 * the measurements so far, projected to the target date.
 *
 * @example
 * ```ts
 * import type { GoalPace } from 'successkit/plans';
 *
 * const pace: GoalPace = { status: 'insufficient_data', changePerDay: null, projectedValue: null, projectedDate: null };
 * ```
 */
export interface GoalPace {
  readonly status: 'on_track' | 'off_track' | 'insufficient_data' | 'no_target';
  /** Least-squares slope, in the metric's unit per day. */
  readonly changePerDay: number | null;
  /** The trend's value on `projectedDate`. */
  readonly projectedValue: number | null;
  /** The target date, else the last period's end. */
  readonly projectedDate: CalendarDate | null;
}

/**
 * A goal's progress as of a day: each period, the latest measurement and the pace.
 *
 * @example
 * ```ts
 * import { goalProgress, type GoalProgress } from 'successkit/plans';
 *
 * const progress: GoalProgress = goalProgress({ id: 'g1', outcome: 'Grow usage', dataOwner: 'us' }, [], { asOf: '2026-06-30' });
 * progress.pace.status; // => 'no_target'
 * ```
 */
export interface GoalProgress {
  readonly goalId: string;
  readonly asOf: CalendarDate;
  readonly direction: 'increase' | 'decrease';
  readonly periods: readonly PeriodProgress[];
  /** The latest measurement on or before `asOf`. */
  readonly latest: { readonly value: number; readonly date: CalendarDate } | null;
  readonly pace: GoalPace;
}

interface Point {
  readonly day: number;
  readonly value: number;
}

/** Least-squares line through the points; `null` with fewer than two distinct days or a non-finite fit. */
function trend(points: readonly Point[]): { slope: number; intercept: number } | null {
  if (points.length < 2) return null;
  let meanDay = 0;
  let meanValue = 0;
  for (const point of points) {
    meanDay += point.day / points.length;
    meanValue += point.value / points.length;
  }
  let covariance = 0;
  let variance = 0;
  for (const point of points) {
    covariance += (point.day - meanDay) * (point.value - meanValue);
    variance += (point.day - meanDay) ** 2;
  }
  if (variance === 0) return null;
  const slope = covariance / variance;
  const intercept = meanValue - slope * meanDay;
  return Number.isFinite(slope) && Number.isFinite(intercept) ? { slope, intercept } : null;
}

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/** Progress of a defined goal over checked observations. @internal */
export function progressOf(
  goal: DefinedSuccessGoal,
  observations: readonly { value: number; date: CalendarDate }[],
  asOf: CalendarDate,
): GoalProgress {
  const direction = directionOf(goal);
  const known = observations
    .map((observation, order) => ({ ...observation, order }))
    .filter((observation) => observation.date <= asOf)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.order - b.order));
  const reviews = new Map(goal.reviews.map((review) => [review.periodEnd, review]));
  const { baseline } = goal;
  let start: CalendarDate | null =
    baseline === undefined ? null : (fromEpochDay(toEpochDay(baseline.date) + 1) as CalendarDate);
  let cursor = 0;
  const periods: PeriodProgress[] = periodTargets(goal).map((period) => {
    let actual: (typeof known)[number] | undefined;
    while (cursor < known.length && (known[cursor]?.date ?? '') <= period.periodEnd) {
      const observation = known[cursor];
      if (observation !== undefined && (start === null || observation.date >= start)) actual = observation;
      cursor++;
    }
    const ended = period.periodEnd <= asOf;
    const reached =
      actual === undefined
        ? null
        : direction === 'increase'
          ? actual.value >= period.value
          : actual.value <= period.value;
    const status = !ended ? 'open' : reached === null ? 'no_data' : reached ? 'hit' : 'miss';
    const span = baseline === undefined ? 0 : period.value - baseline.value;
    const attainment =
      baseline === undefined || actual === undefined || span === 0
        ? null
        : finiteOrNull(((actual.value - baseline.value) / span) * 100);
    const review = reviews.get(period.periodEnd);
    const row: PeriodProgress = {
      periodStart: start,
      periodEnd: period.periodEnd,
      target: period.value,
      actual: actual?.value ?? null,
      actualDate: actual?.date ?? null,
      status,
      attainmentPercent: attainment === null ? null : Math.round(attainment * 10) / 10,
      reason: review?.reason ?? null,
      nextStep: review?.nextStep ?? null,
    };
    start = fromEpochDay(toEpochDay(period.periodEnd) + 1) as CalendarDate;
    return row;
  });
  const last = known.at(-1);
  return {
    goalId: goal.id,
    asOf,
    direction,
    periods,
    latest: last === undefined ? null : { value: last.value, date: last.date },
    pace: paceOf(goal, known, direction),
  };
}

function paceOf(
  goal: DefinedSuccessGoal,
  known: readonly { value: number; date: CalendarDate }[],
  direction: 'increase' | 'decrease',
): GoalPace {
  const finalTarget = goal.target?.value ?? periodTargets(goal).at(-1)?.value;
  const projectedDate = goal.target?.date ?? periodTargets(goal).at(-1)?.periodEnd ?? null;
  if (finalTarget === undefined || projectedDate === null)
    return { status: 'no_target', changePerDay: null, projectedValue: null, projectedDate };
  const points: Point[] = [];
  const { baseline } = goal;
  if (baseline !== undefined) points.push({ day: toEpochDay(baseline.date), value: baseline.value });
  for (const observation of known)
    if (baseline === undefined || observation.date > baseline.date)
      points.push({ day: toEpochDay(observation.date), value: observation.value });
  const line = trend(points);
  const projected = line === null ? null : finiteOrNull(line.intercept + line.slope * toEpochDay(projectedDate));
  if (line === null || projected === null)
    return { status: 'insufficient_data', changePerDay: null, projectedValue: null, projectedDate };
  const onTrack = direction === 'increase' ? projected >= finalTarget : projected <= finalTarget;
  return {
    status: onTrack ? 'on_track' : 'off_track',
    changePerDay: line.slope,
    projectedValue: projected,
    projectedDate,
  };
}

/**
 * Measures a goal against its period targets as of a day. Each period runs
 * from the day after the previous period's end (or the baseline) to its own
 * end, both included; its actual is the last measurement in it, on or before
 * `asOf` (later ones are not known yet). A period that has ended is a `hit`
 * when the actual reaches its target in the goal's direction, a `miss`
 * when not, and `no_data` without a measurement; a period not yet ended is
 * `open`. The pace projects the least-squares trend of the baseline and the
 * measurements to the target date.
 *
 * @param goal - a goal from {@link defineSuccessGoal} or its JSON
 * @param observations - measurements of the goal's metric, in any order
 * @param input - the day of the review; see {@link GoalProgressInput}
 * @returns per period the target, actual, hit or miss and attainment, and the pace
 * @throws {@link core!SuccessKitError} as {@link defineSuccessGoal}; `invalid_input` for bad observations (path `['observations', i, …]`) or a bad day (`['options', 'asOf']`)
 *
 * @example
 * ```ts
 * import { goalProgress } from 'successkit/plans';
 *
 * const goal = {
 *   id: 'g1',
 *   outcome: 'Cut average ticket resolution time',
 *   metric: { name: 'resolution time', unit: 'hours' },
 *   baseline: { value: 48, date: '2025-12-31' },
 *   target: { value: 36, date: '2026-03-31' },
 *   periodTargets: [
 *     { periodEnd: '2026-01-31', value: 44 },
 *     { periodEnd: '2026-02-28', value: 40 },
 *     { periodEnd: '2026-03-31', value: 36 },
 *   ],
 *   dataOwner: 'client',
 * } as const;
 * const progress = goalProgress(goal, [{ value: 43, date: '2026-01-31' }, { value: 41, date: '2026-02-27' }], { asOf: '2026-03-10' });
 * progress.periods.map((period) => period.status); // => ['hit', 'miss', 'open']
 * progress.periods[1]?.attainmentPercent; // => 87.5
 * progress.pace.status; // => 'off_track'
 * ```
 */
export function goalProgress(
  goal: DefinedSuccessGoal | SuccessGoalInput,
  observations: ReadonlyPlanData<GoalObservations>,
  input: GoalProgressInput,
): GoalProgress {
  const checked = definedSuccessGoal(goal);
  const measured = parseWith(GoalObservations, observations, { path: ['observations'] });
  const { asOf } = parseWith(GoalProgressInput, input, { path: ['options'] });
  return progressOf(checked, measured, asOf);
}
