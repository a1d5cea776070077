import * as z from 'zod/mini';
import { parseWith } from '../core/internal.js';
import { checkedProgress, type MilestoneProgress } from './milestone-progress.js';

/**
 * Thresholds of {@link classifyPace}, each with a default a CS leader can
 * defend:
 * - `championEarlyShare` (default 0.5): the share 0–1 of the milestones
 *   reached so far that must be early, none late or overdue — a champion
 *   accelerates onboarding as a habit, not with one quick login;
 * - `championValueAttainment` (default 1): value realized ÷ the target due,
 *   at least this once a target is due — champions meet or pass their value
 *   targets;
 * - `championFeaturesAdopted` (default none): when set, the fewest key
 *   features a champion uses (the bells and whistles); the count that means
 *   "all" is the product's, so it is off until the host names it;
 * - `laggardLateShare` (default 0.5): the share of the milestones reached or
 *   overdue that were late or are overdue from which an account is a
 *   laggard; any overdue milestone makes it one too, since it is stuck now;
 * - `laggardValueAttainment` (default 0.8): value ÷ target below this is a
 *   laggard — a fifth short of the value the customer bought is a renewal at
 *   risk, while ±10% is the usual spread of a typical customer.
 *
 * @example
 * ```ts
 * import type { PaceOptions } from 'successkit/baseline';
 *
 * const strict: PaceOptions = { championEarlyShare: 0.75, championFeaturesAdopted: 8 };
 * ```
 */
export const PaceOptions = z.strictObject({
  championEarlyShare: z.optional(z.number().check(z.minimum(0), z.maximum(1))),
  championValueAttainment: z.optional(z.number().check(z.minimum(0), z.maximum(100))),
  championFeaturesAdopted: z.optional(z.int().check(z.minimum(0))),
  laggardLateShare: z.optional(z.number().check(z.positive(), z.maximum(1))),
  laggardValueAttainment: z.optional(z.number().check(z.minimum(0), z.maximum(100))),
});

/**
 * Options of {@link classifyPace}; see the {@link PaceOptions} schema.
 *
 * @example
 * ```ts
 * import type { PaceOptions } from 'successkit/baseline';
 *
 * const options: PaceOptions = { laggardValueAttainment: 0.7 };
 * ```
 */
export type PaceOptions = z.infer<typeof PaceOptions>;

/**
 * A pace class: `champion` (ahead of the baseline and at or past the value
 * target), `cruiser` (on the typical course), `laggard` (behind: highest
 * churn risk) or `too-early` (no milestone reached or overdue yet, so no
 * pace to judge).
 *
 * @example
 * ```ts
 * import type { PaceClass } from 'successkit/baseline';
 *
 * const pace: PaceClass = 'cruiser';
 * ```
 */
export type PaceClass = 'champion' | 'cruiser' | 'laggard' | 'too-early';

/**
 * A pace class with what decided it: the milestone ids early, on time, late
 * and overdue (among those reached or overdue), value attainment (ratio,
 * `null` without a target due or a value), features adopted (a count, `null`
 * when unknown) and `reasons`, one sentence each.
 *
 * @example
 * ```ts
 * import type { PaceClassification } from 'successkit/baseline';
 *
 * const tooEarly: PaceClassification = {
 *   pace: 'too-early', early: [], onTime: [], late: [], overdue: [], valueAttainment: null, featuresAdopted: null,
 *   reasons: ['no milestone is reached or overdue yet: the first, First login, is due on day 5 and the account is on day 2'],
 * };
 * ```
 */
export interface PaceClassification {
  readonly pace: PaceClass;
  readonly early: readonly string[];
  readonly onTime: readonly string[];
  readonly late: readonly string[];
  readonly overdue: readonly string[];
  readonly valueAttainment: number | null;
  readonly featuresAdopted: number | null;
  readonly reasons: readonly string[];
}

interface Thresholds {
  readonly championEarlyShare: number;
  readonly championValueAttainment: number;
  readonly championFeaturesAdopted: number | undefined;
  readonly laggardLateShare: number;
  readonly laggardValueAttainment: number;
}

/** The thresholds with defaults filled in. @internal */
export function paceThresholds(options: unknown, path: readonly (string | number)[] = ['options']): Thresholds {
  const parsed = parseWith(PaceOptions, options ?? {}, { path });
  return {
    championEarlyShare: parsed.championEarlyShare ?? 0.5,
    championValueAttainment: parsed.championValueAttainment ?? 1,
    championFeaturesAdopted: parsed.championFeaturesAdopted,
    laggardLateShare: parsed.laggardLateShare ?? 0.5,
    laggardValueAttainment: parsed.laggardValueAttainment ?? 0.8,
  };
}

const percent = (share: number): string => `${String(Math.round(share * 100))}%`;

function list(ids: readonly string[]): string {
  return ids.join(', ');
}

/** Whether value attainment makes a champion: no target due, or attainment at or above the threshold. */
function valueMakesChampion(progress: MilestoneProgress, thresholds: Thresholds): boolean {
  if (progress.value.target === null) return true;
  const { attainment } = progress.value;
  return attainment !== null && attainment >= thresholds.championValueAttainment;
}

/**
 * The pace class alone, from counts: the hot path of stack ranks, with no
 * list or sentence built. {@link classifyProgress} gives the same class with
 * its reasons.
 *
 * @internal
 */
export function paceClassOf(progress: MilestoneProgress, thresholds: Thresholds): PaceClass {
  let early = 0;
  let late = 0;
  let overdue = 0;
  let assessed = 0;
  for (const state of progress.milestones) {
    const { status } = state;
    if (status === 'upcoming' || status === 'due') continue;
    assessed++;
    if (status === 'achieved-early') early++;
    else if (status === 'achieved-late') late++;
    else if (status === 'overdue') overdue++;
  }
  if (assessed === 0) return 'too-early';
  const attainment = progress.value.attainment;
  if (
    overdue > 0 ||
    (late > 0 && (late + overdue) / assessed >= thresholds.laggardLateShare) ||
    (attainment !== null && attainment < thresholds.laggardValueAttainment)
  )
    return 'laggard';
  const needed = thresholds.championFeaturesAdopted;
  const featuresMakeChampion =
    needed === undefined || (progress.featuresAdopted !== null && progress.featuresAdopted >= needed);
  return late === 0 &&
    early > 0 &&
    early / assessed >= thresholds.championEarlyShare &&
    valueMakesChampion(progress, thresholds) &&
    featuresMakeChampion
    ? 'champion'
    : 'cruiser';
}

/** The class of checked progress, with its reasons. @internal */
export function classifyProgress(progress: MilestoneProgress, thresholds: Thresholds): PaceClassification {
  const early: string[] = [];
  const onTime: string[] = [];
  const late: string[] = [];
  const overdue: string[] = [];
  for (const state of progress.milestones) {
    const { status } = state;
    if (status === 'achieved-early') early.push(state.milestoneId);
    else if (status === 'achieved-on-time') onTime.push(state.milestoneId);
    else if (status === 'achieved-late') late.push(state.milestoneId);
    else if (status === 'overdue') overdue.push(state.milestoneId);
  }
  const valueAttainment = progress.value.attainment;
  const { featuresAdopted } = progress;
  const base = { early, onTime, late, overdue, valueAttainment, featuresAdopted };
  const assessed = early.length + onTime.length + late.length + overdue.length;
  const pace = paceClassOf(progress, thresholds);
  if (pace === 'too-early') {
    const first = progress.milestones[0];
    const why =
      first === undefined
        ? 'the baseline has no milestone'
        : `the first, ${first.name}, is due on day ${String(first.dueDay)} and the account is on day ${String(progress.tenureDays)}`;
    return { pace, ...base, reasons: [`no milestone is reached or overdue yet: ${why}`] };
  }
  if (pace === 'laggard') return { pace, ...base, reasons: laggardReasons(base, assessed, progress, thresholds) };
  if (pace === 'champion') return { pace, ...base, reasons: championReasons(base, progress) };
  return { pace, ...base, reasons: championGaps(base, assessed, progress, thresholds) };
}

type Sorted = Omit<PaceClassification, 'pace' | 'reasons'>;

function laggardReasons(
  sorted: Sorted,
  assessed: number,
  progress: MilestoneProgress,
  thresholds: Thresholds,
): string[] {
  const reasons: string[] = [];
  if (sorted.overdue.length > 0) reasons.push(`overdue: ${list(sorted.overdue)}`);
  const lateShare = (sorted.late.length + sorted.overdue.length) / assessed;
  if (lateShare >= thresholds.laggardLateShare && sorted.late.length > 0)
    reasons.push(
      `${percent(lateShare)} of the milestones so far late or overdue (${list([...sorted.late, ...sorted.overdue])}), laggards from ${percent(thresholds.laggardLateShare)}`,
    );
  const attainment = sorted.valueAttainment;
  if (attainment !== null && attainment < thresholds.laggardValueAttainment)
    reasons.push(
      `value ${percent(progress.value.realized ?? 0)} of the target value against ${percent(progress.value.target ?? 0)} due: ${percent(attainment)} of target, below ${percent(thresholds.laggardValueAttainment)}`,
    );
  return reasons;
}

function championGaps(sorted: Sorted, assessed: number, progress: MilestoneProgress, thresholds: Thresholds): string[] {
  const gaps: string[] = [];
  if (sorted.late.length > 0) gaps.push(`late: ${list(sorted.late)}`);
  const earlyShare = sorted.early.length / assessed;
  if (earlyShare < thresholds.championEarlyShare || sorted.early.length === 0)
    gaps.push(
      `${percent(earlyShare)} of the milestones so far early, champions from ${percent(thresholds.championEarlyShare)}`,
    );
  if (progress.value.target !== null) {
    const attainment = sorted.valueAttainment;
    if (attainment === null) gaps.push(`no value recorded against the ${percent(progress.value.target)} target due`);
    else if (attainment < thresholds.championValueAttainment)
      gaps.push(
        `value ${percent(attainment)} of target, champions from ${percent(thresholds.championValueAttainment)}`,
      );
  }
  const needed = thresholds.championFeaturesAdopted;
  if (needed !== undefined && (sorted.featuresAdopted === null || sorted.featuresAdopted < needed))
    gaps.push(
      `${sorted.featuresAdopted === null ? 'features adopted unknown' : `${String(sorted.featuresAdopted)} features adopted`}, champions from ${String(needed)}`,
    );
  return gaps;
}

function championReasons(sorted: Sorted, progress: MilestoneProgress): string[] {
  const reasons = [
    `early: ${list(sorted.early)}${sorted.onTime.length > 0 ? `; on time: ${list(sorted.onTime)}` : ''}`,
  ];
  const attainment = sorted.valueAttainment;
  reasons.push(
    attainment === null
      ? 'no value target due yet'
      : `value ${percent(progress.value.realized ?? 0)} against ${percent(progress.value.target ?? 0)} due: ${percent(attainment)} of target`,
  );
  if (sorted.featuresAdopted !== null) reasons.push(`${String(sorted.featuresAdopted)} features adopted`);
  return reasons;
}

/**
 * Sorts an account into a pace class against its baseline, with the reasons:
 * `too-early` when no milestone is reached or overdue yet (never a guess);
 * `laggard` when a milestone is overdue, when at least `laggardLateShare` of
 * the milestones so far were late, or when value attainment is below
 * `laggardValueAttainment`; `champion` when none was late, at least
 * `championEarlyShare` were early, value attainment is at least
 * `championValueAttainment` once a target is due (and the features adopted
 * reach `championFeaturesAdopted` when set); `cruiser` otherwise, with what
 * it lacks to be a champion. See {@link PaceOptions} for the defaults and
 * why.
 *
 * @param progress - from {@link milestoneProgress} (any other is checked first)
 * @param options - thresholds; see {@link PaceOptions}
 * @returns the {@link PaceClassification}
 * @throws {@link core!SuccessKitError} `invalid_input` for progress that is not a {@link MilestoneProgress} (path `['progress', …]`) or bad options (path `['options', …]`)
 *
 * @example
 * ```ts
 * import { classifyPace, defaultBaseline, milestoneProgress } from 'successkit/baseline';
 *
 * const account = {
 *   id: 'acc-1', asOf: '2026-01-20', startDate: '2026-01-01', churnDate: null, segment: null, plan: null,
 *   employees: null, featuresAdopted: null, valueRealized: null, valueRealizedDate: null,
 *   milestones: { first_login: '2026-01-02', configuration_complete: '2026-01-06' },
 * };
 * classifyPace(milestoneProgress(defaultBaseline, account)).pace; // => 'champion'
 * classifyPace(milestoneProgress(defaultBaseline, { ...account, milestones: {} })).reasons; // => ['overdue: first_login, configuration_complete']
 * ```
 */
export function classifyPace(progress: MilestoneProgress, options?: PaceOptions): PaceClassification {
  const thresholds = paceThresholds(options);
  return classifyProgress(checkedProgress(progress, ['progress']), thresholds);
}
