import * as z from 'zod/mini';
import { CalendarDate, parseWith, quoteText, toEpochDay, atPath } from '../core/internal.js';
import { definedAccountPlan } from './define-account-plan.js';
import type { AccountPlanInput } from './account-plan.js';
import type { DefinedAccountPlan } from './define-account-plan.js';
import { definedSuccessGoal, type DefinedSuccessGoal, type SuccessGoalInput } from './success-goal.js';

/**
 * Options of {@link checkSmart}, all optional: `asOf` (the day a target date
 * must not be before; default: dates are not compared), `maximumMonthlyChange`
 * (the change per month a target may ask for, as a share of the baseline;
 * default 0.1, 10% a month), `trendPerMonth` (the metric's recent change per
 * month, in its unit; default unknown) and `trendMultiple` (how many times
 * that trend a target may ask for; default 3), and the `plan` whose purchase
 * reasons and criteria the goal must name (default: any link counts).
 *
 * @example
 * ```ts
 * import { CheckSmartOptions } from 'successkit/plans';
 *
 * CheckSmartOptions.parse({}).maximumMonthlyChange; // => 0.1
 * ```
 */
export const CheckSmartOptions = z.strictObject({
  asOf: z.optional(CalendarDate),
  maximumMonthlyChange: z._default(z.number().check(z.positive(), z.maximum(1_000)), 0.1),
  trendPerMonth: z.optional(z.number()),
  trendMultiple: z._default(z.number().check(z.positive(), z.maximum(1_000)), 3),
  /** Checked with {@link defineAccountPlan}, after the rest. */
  plan: z.optional(z.custom<DefinedAccountPlan | AccountPlanInput>()),
});

/**
 * Options of a SMART check.
 *
 * @example
 * ```ts
 * import type { CheckSmartOptions } from 'successkit/plans';
 *
 * const options: CheckSmartOptions = { asOf: '2026-06-30', trendPerMonth: 1.5 };
 * ```
 */
export type CheckSmartOptions = z.input<typeof CheckSmartOptions>;

/**
 * Why a goal fails one SMART letter.
 *
 * @example
 * ```ts
 * import { smartFindingCodes } from 'successkit/plans';
 *
 * smartFindingCodes.includes('no_metric'); // => true
 * ```
 */
export const smartFindingCodes = [
  'no_metric',
  'vague_outcome',
  'no_numeric_target',
  'no_unit',
  'no_baseline',
  'beyond_limit',
  'beyond_trend',
  'not_linked',
  'unknown_link',
  'no_end_date',
  'end_date_past',
] as const;

/**
 * One of {@link smartFindingCodes}.
 *
 * @example
 * ```ts
 * import type { SmartFindingCode } from 'successkit/plans';
 *
 * const code: SmartFindingCode = 'beyond_trend';
 * ```
 */
export type SmartFindingCode = (typeof smartFindingCodes)[number];

/**
 * One letter of SMART: `ok`, or a finding with what is wrong and how to fix it.
 *
 * @example
 * ```ts
 * import type { SmartCheck } from 'successkit/plans';
 *
 * const missing: SmartCheck = { status: 'finding', code: 'no_end_date', message: 'no target date', fix: 'agree when the target is due' };
 * ```
 */
export type SmartCheck =
  | { readonly status: 'ok' }
  | { readonly status: 'finding'; readonly code: SmartFindingCode; readonly message: string; readonly fix: string };

/**
 * The SMART check of a goal: each letter, and whether all five are ok.
 *
 * @example
 * ```ts
 * import type { SmartResult } from 'successkit/plans';
 *
 * const ok = { status: 'ok' } as const;
 * const result: SmartResult = { goalId: 'g1', smart: true, specific: ok, measurable: ok, achievable: ok, relevant: ok, timeBound: ok, requiredChangePerMonth: 4 };
 * ```
 */
export interface SmartResult {
  readonly goalId: string;
  readonly smart: boolean;
  readonly specific: SmartCheck;
  readonly measurable: SmartCheck;
  readonly achievable: SmartCheck;
  readonly relevant: SmartCheck;
  readonly timeBound: SmartCheck;
  /** The change per month the target asks for, in the metric's unit; `null` without a baseline and a dated target. */
  readonly requiredChangePerMonth: number | null;
}

const ok: SmartCheck = Object.freeze({ status: 'ok' });

function finding(code: SmartFindingCode, message: string, fix: string): SmartCheck {
  return { status: 'finding', code, message, fix };
}

/** Average days in a month of the Gregorian calendar. */
const daysPerMonth = 365.2425 / 12;

function words(text: string): number {
  return text.split(/\s+/).filter((word) => word.length > 0).length;
}

/** A number for a sentence: at most two decimals. */
function figure(value: number): string {
  return String(Math.round(value * 100) / 100);
}

function percent(share: number): string {
  return `${String(Math.round(share * 1000) / 10)}%`;
}

function achievable(
  goal: DefinedSuccessGoal,
  perMonth: number | null,
  options: z.output<typeof CheckSmartOptions>,
): SmartCheck {
  const { baseline } = goal;
  if (baseline === undefined)
    return finding(
      'no_baseline',
      'no baseline value and date',
      'measure where the metric stands today and record it as the baseline',
    );
  if (perMonth === null) return ok;
  if (baseline.value !== 0) {
    const share = Math.abs(perMonth) / Math.abs(baseline.value);
    if (share > options.maximumMonthlyChange)
      return finding(
        'beyond_limit',
        `the target asks for ${percent(share)} of the baseline a month, beyond the ${percent(options.maximumMonthlyChange)} limit`,
        'agree a later date or a smaller step with the customer',
      );
  }
  const trend = options.trendPerMonth;
  if (trend !== undefined && perMonth !== 0) {
    const against = trend === 0 || Math.sign(trend) !== Math.sign(perMonth);
    if (against || Math.abs(perMonth) > options.trendMultiple * Math.abs(trend))
      return finding(
        'beyond_trend',
        against
          ? `the target needs ${figure(perMonth)} a month but the metric's trend is ${figure(trend)} a month`
          : `the target needs ${figure(perMonth)} a month, more than ${figure(options.trendMultiple)} times the trend of ${figure(trend)}`,
        'name the initiative that will bend the trend, or set a target the trend supports',
      );
  }
  return ok;
}

function relevant(goal: DefinedSuccessGoal, plan: DefinedAccountPlan | undefined): SmartCheck {
  const { purchaseReasonId, successCriterionId } = goal;
  if (purchaseReasonId === undefined && successCriterionId === undefined)
    return finding(
      'not_linked',
      'not tied to a reason for purchase or a success criterion',
      'link the goal to the purchase reason or success criterion it moves, or drop it',
    );
  if (plan === undefined) return ok;
  if (purchaseReasonId !== undefined && !plan.purchaseReasons.some((reason) => reason.id === purchaseReasonId))
    return finding(
      'unknown_link',
      `the plan has no purchase reason ${quoteText(purchaseReasonId, 80)}`,
      'link to a purchase reason on the plan',
    );
  if (
    successCriterionId !== undefined &&
    !plan.successCriteria.some((criterion) => criterion.id === successCriterionId)
  )
    return finding(
      'unknown_link',
      `the plan has no success criterion ${quoteText(successCriterionId, 80)}`,
      'link to a success criterion on the plan',
    );
  return ok;
}

/**
 * Checks a goal letter by letter against SMART: Specific (a metric is named
 * and the outcome is more than a word or two), Measurable (a numeric target
 * and a unit), Achievable (from a baseline, the change per month the target
 * asks for is within `maximumMonthlyChange` of the baseline and within
 * `trendMultiple` times the metric's trend, when given), Relevant (tied to a
 * purchase reason or success criterion — of the plan, when given) and
 * Time-bound (a target date, not before `asOf`).
 *
 * @param goal - a goal from {@link defineSuccessGoal} or its JSON
 * @param options - limits and context; see {@link CheckSmartOptions}
 * @returns each letter's check and whether the goal is SMART
 * @throws {@link core!SuccessKitError} as {@link defineSuccessGoal}; `invalid_input` at `['options', …]` for bad options or plan
 *
 * @example
 * ```ts
 * import { checkSmart } from 'successkit/plans';
 *
 * const result = checkSmart({ id: 'g1', outcome: 'Better adoption', dataOwner: 'us' }, { asOf: '2026-06-30' });
 * result.smart; // => false
 * result.specific; // => { status: 'finding', code: 'no_metric', message: 'no metric named: "Better adoption" cannot be measured', fix: 'name the business metric that shows the outcome, and its unit' }
 *
 * checkSmart(
 *   {
 *     id: 'g2',
 *     outcome: 'Cut average ticket resolution time',
 *     metric: { name: 'resolution time', unit: 'hours' },
 *     baseline: { value: 48, date: '2026-01-01' },
 *     target: { value: 36, date: '2026-07-01' },
 *     successCriterionId: 's1',
 *     dataOwner: 'client',
 *   },
 *   { asOf: '2026-03-01' },
 * ).smart; // => true
 * ```
 */
export function checkSmart(goal: DefinedSuccessGoal | SuccessGoalInput, options: CheckSmartOptions = {}): SmartResult {
  const checked = definedSuccessGoal(goal);
  const settings = parseWith(CheckSmartOptions, options, { path: ['options'] });
  const plan =
    settings.plan === undefined ? undefined : atPath(['options', 'plan'], () => definedAccountPlan(settings.plan));
  const { metric, target, baseline } = checked;
  const specific =
    metric === undefined
      ? finding(
          'no_metric',
          `no metric named: ${quoteText(checked.outcome, 80)} cannot be measured`,
          'name the business metric that shows the outcome, and its unit',
        )
      : words(checked.outcome) < 3
        ? finding(
            'vague_outcome',
            `the outcome ${quoteText(checked.outcome, 80)} is too vague`,
            'say which business result changes, for whom, in a short sentence',
          )
        : ok;
  const measurable =
    target?.value === undefined
      ? finding('no_numeric_target', 'no numeric target', 'agree the value the metric should reach')
      : metric?.unit === undefined
        ? finding('no_unit', 'the target has no unit', 'state the unit of the metric: hours, %, USD, tickets a week')
        : ok;
  const timeBound =
    target?.date === undefined
      ? finding('no_end_date', 'no target date', 'agree when the target is due')
      : settings.asOf !== undefined && target.date < settings.asOf
        ? finding(
            'end_date_past',
            `the target date ${target.date} is before ${settings.asOf}`,
            'review the result and set the next goal with a date ahead',
          )
        : ok;
  const rawPerMonth =
    baseline === undefined || target?.value === undefined || target.date === undefined
      ? null
      : (target.value - baseline.value) / ((toEpochDay(target.date) - toEpochDay(baseline.date)) / daysPerMonth);
  // Targets near ±1.8e308 overflow the difference: no change per month can be given.
  const perMonth = rawPerMonth !== null && Number.isFinite(rawPerMonth) ? rawPerMonth : null;
  const checks = {
    specific,
    measurable,
    achievable: achievable(checked, perMonth, settings),
    relevant: relevant(checked, plan),
    timeBound,
  };
  return {
    goalId: checked.id,
    smart: Object.values(checks).every((check) => check.status === 'ok'),
    ...checks,
    requiredChangePerMonth: perMonth,
  };
}
