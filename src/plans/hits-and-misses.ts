import * as z from 'zod/mini';
import { CalendarDate, fail, parseWith, quoteText, type CalendarDate as Day, atPath } from '../core/internal.js';
import { GoalObservations, progressOf } from './goal-progress.js';
import { type ReadonlyPlanData } from './plan-context.js';
import type { PlanOwner } from './account-plan.js';
import { definedSuccessGoal, type DefinedSuccessGoal, type SuccessGoalInput } from './success-goal.js';

/**
 * Options of {@link hitsAndMisses}: the day (`asOf`, required) and which
 * ended periods to review — the `latest` of each goal (default) or `all`.
 *
 * @example
 * ```ts
 * import { HitsAndMissesInput } from 'successkit/plans';
 *
 * HitsAndMissesInput.parse({ asOf: '2026-06-30' }).periods; // => 'latest'
 * ```
 */
export const HitsAndMissesInput = z.strictObject({
  asOf: CalendarDate,
  periods: z._default(z.enum(['latest', 'all']), 'latest'),
});

/**
 * The day and scope of a hits-and-misses review.
 *
 * @example
 * ```ts
 * import type { HitsAndMissesInput } from 'successkit/plans';
 *
 * const input: HitsAndMissesInput = { asOf: '2026-06-30', periods: 'all' };
 * ```
 */
export type HitsAndMissesInput = z.input<typeof HitsAndMissesInput>;

/**
 * A period whose target was reached: a win to celebrate.
 *
 * @example
 * ```ts
 * import type { GoalHit } from 'successkit/plans';
 *
 * const hit: GoalHit = { goalId: 'g1', outcome: 'Faster tickets', periodEnd: '2026-01-31' as never, target: 44, actual: 43, attainmentPercent: 125 };
 * ```
 */
export interface GoalHit {
  readonly goalId: string;
  readonly outcome: string;
  readonly periodEnd: Day;
  readonly target: number;
  readonly actual: number;
  readonly attainmentPercent: number | null;
}

/**
 * A period whose target was missed, with the reason and next step recorded
 * in the goal's reviews — `null` where none is recorded yet.
 *
 * @example
 * ```ts
 * import type { GoalMiss } from 'successkit/plans';
 *
 * const miss: GoalMiss = { goalId: 'g1', outcome: 'Faster tickets', periodEnd: '2026-02-28' as never, target: 40, actual: 41, attainmentPercent: 87.5, reason: null, nextStep: null, explained: false };
 * ```
 */
export interface GoalMiss extends GoalHit {
  readonly reason: string | null;
  readonly nextStep: string | null;
  /** True when both a reason and a next step are recorded: the conversation can focus on solutions. */
  readonly explained: boolean;
}

/**
 * A goal with ended periods and no measurement in them, by who owes the data.
 *
 * @example
 * ```ts
 * import type { GoalWithoutData } from 'successkit/plans';
 *
 * const waiting: GoalWithoutData = { goalId: 'g2', outcome: 'Lower cost per ticket', dataOwner: 'client', periodEnds: ['2026-02-28' as never] };
 * ```
 */
export interface GoalWithoutData {
  readonly goalId: string;
  readonly outcome: string;
  readonly dataOwner: PlanOwner;
  readonly periodEnds: readonly Day[];
}

/**
 * The hits-and-misses review: hits to celebrate, misses with their reasons and
 * next steps, goals waiting for data (the client's and our own), and goals
 * off pace.
 *
 * @example
 * ```ts
 * import { hitsAndMisses, type HitsAndMisses } from 'successkit/plans';
 *
 * const review: HitsAndMisses = hitsAndMisses([], {}, { asOf: '2026-06-30' });
 * review.hits; // => []
 * ```
 */
export interface HitsAndMisses {
  readonly asOf: Day;
  readonly hits: readonly GoalHit[];
  readonly misses: readonly GoalMiss[];
  /** Goals whose data the client owes. */
  readonly noClientData: readonly GoalWithoutData[];
  /** Goals whose data we owe. */
  readonly noOwnData: readonly GoalWithoutData[];
  /** Ids of goals whose pace projects them short of the target. */
  readonly offPace: readonly string[];
}

const ObservationsByGoal = z.record(z.string(), GoalObservations);

/**
 * Reviews several goals' latest (or all) ended periods for the candid
 * conversation of seed 000: the hits to celebrate, the misses with the
 * reasons and proposed next steps recorded on each goal (`explained` says
 * whether both are there), the goals with no data from the client and those
 * with none of ours, and the goals off pace.
 *
 * @param goals - goals from {@link defineSuccessGoal} or their JSON, ids unique
 * @param observations - measurements per goal id; a goal without an entry has none
 * @param input - the day and which periods; see {@link HitsAndMissesInput}
 * @returns hits, misses, goals without data, goals off pace
 * @throws {@link core!SuccessKitError} as {@link defineSuccessGoal} (path `['goals', i, …]`); `invalid_definition` for two goals with one id; `invalid_input` for bad observations or options
 *
 * @example
 * ```ts
 * import { hitsAndMisses } from 'successkit/plans';
 *
 * const goals = [
 *   {
 *     id: 'tickets',
 *     outcome: 'Cut average ticket resolution time',
 *     baseline: { value: 48, date: '2025-12-31' },
 *     target: { value: 40, date: '2026-02-28' },
 *     periodTargets: [{ periodEnd: '2026-01-31', value: 44 }, { periodEnd: '2026-02-28', value: 40 }],
 *     reviews: [{ periodEnd: '2026-02-28', reason: 'holiday backlog', nextStep: 'add a weekend shift' }],
 *     dataOwner: 'client',
 *   },
 *   { id: 'cost', outcome: 'Lower cost per ticket', periodTargets: [{ periodEnd: '2026-02-28', value: 9 }], dataOwner: 'client' },
 * ] as const;
 * const review = hitsAndMisses(goals, { tickets: [{ value: 43, date: '2026-01-31' }, { value: 41, date: '2026-02-27' }] }, { asOf: '2026-03-05' });
 * review.misses.map((miss) => [miss.goalId, miss.reason]); // => [['tickets', 'holiday backlog']]
 * review.noClientData.map((goal) => goal.goalId); // => ['cost']
 * ```
 */
export function hitsAndMisses(
  goals: readonly (DefinedSuccessGoal | SuccessGoalInput)[],
  observations: Readonly<Record<string, ReadonlyPlanData<GoalObservations>>>,
  input: HitsAndMissesInput,
): HitsAndMisses {
  const list = parseWith(z.array(z.unknown()), goals, { path: ['goals'] });
  const checked = list.map((goal, index) => atPath(['goals', index], () => definedSuccessGoal(goal)));
  const seen = new Map<string, number>();
  checked.forEach((goal, index) => {
    const first = seen.get(goal.id);
    if (first !== undefined)
      fail(
        'invalid_definition',
        ['goals', index, 'id'],
        `duplicate goal id ${quoteText(goal.id, 80)}, first used at goals[${String(first)}]`,
      );
    seen.set(goal.id, index);
  });
  const measured = parseWith(ObservationsByGoal, observations, { path: ['observations'] });
  const { asOf, periods: scope } = parseWith(HitsAndMissesInput, input, { path: ['options'] });
  const review = {
    hits: [] as GoalHit[],
    misses: [] as GoalMiss[],
    noClientData: [] as GoalWithoutData[],
    noOwnData: [] as GoalWithoutData[],
    offPace: [] as string[],
  };
  for (const goal of checked) {
    const progress = progressOf(goal, Object.hasOwn(measured, goal.id) ? (measured[goal.id] ?? []) : [], asOf);
    const ended = progress.periods.filter((period) => period.status !== 'open');
    const chosen = scope === 'all' ? ended : ended.slice(-1);
    const withoutData: Day[] = [];
    for (const period of chosen) {
      if (period.status === 'no_data' || period.actual === null) {
        withoutData.push(period.periodEnd);
        continue;
      }
      const hit: GoalHit = {
        goalId: goal.id,
        outcome: goal.outcome,
        periodEnd: period.periodEnd,
        target: period.target,
        actual: period.actual,
        attainmentPercent: period.attainmentPercent,
      };
      if (period.status === 'hit') review.hits.push(hit);
      else
        review.misses.push({
          ...hit,
          reason: period.reason,
          nextStep: period.nextStep,
          explained: period.reason !== null && period.nextStep !== null,
        });
    }
    if (withoutData.length > 0)
      (goal.dataOwner === 'client' ? review.noClientData : review.noOwnData).push({
        goalId: goal.id,
        outcome: goal.outcome,
        dataOwner: goal.dataOwner,
        periodEnds: withoutData,
      });
    if (progress.pace.status === 'off_track') review.offPace.push(goal.id);
  }
  return { asOf, ...review };
}
