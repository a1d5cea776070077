import * as z from 'zod/mini';
import { isArray, parseWith, toEpochDay } from '../core/internal.js';
import { definedBaseline, type Baseline, type BaselineInput, type DefinedMilestone } from './baseline.js';
import { checkedSnapshot, reachedOn, type BaselineSnapshot, type BaselineSnapshotInput } from './baseline-snapshot.js';
import { kaplanMeierOfSorted, quantileOf, reachedBy, type KaplanMeier } from './kaplan-meier.js';

/**
 * Options of {@link calibrateBaseline}: `targetOnTimeShare`, the share 0–1
 * of customers a due day should see reach the milestone by its on-time
 * window's end (default 0.7: a baseline most customers meet, not the best
 * case); `by`, calibrate each segment or plan too (default: the whole book
 * only).
 *
 * @example
 * ```ts
 * import type { CalibrateBaselineOptions } from 'successkit/baseline';
 *
 * const options: CalibrateBaselineOptions = { targetOnTimeShare: 0.8, by: 'segment' };
 * ```
 */
export const CalibrateBaselineOptions = z.strictObject({
  targetOnTimeShare: z.optional(z.number().check(z.positive(), z.maximum(1))),
  by: z.optional(z.enum(['segment', 'plan'])),
});

/**
 * Options of {@link calibrateBaseline}; see the {@link CalibrateBaselineOptions} schema.
 *
 * @example
 * ```ts
 * import type { CalibrateBaselineOptions } from 'successkit/baseline';
 *
 * const options: CalibrateBaselineOptions = { by: 'plan' };
 * ```
 */
export type CalibrateBaselineOptions = z.infer<typeof CalibrateBaselineOptions>;

/**
 * How real customers met one milestone: `accounts` observed, how many
 * `reached` it and how many are `censored` (not reached yet, counted up to
 * their tenure, or their churn date for those who left); the Kaplan–Meier
 * `estimate` of the days to reach it with its percentiles (days from the
 * start date); `shares` 0–1 that were early, on time and late under the
 * current due day and tolerance (`null` when the follow-up ends before the
 * on-time window does, with `sharesNullReason`); `suggestedDueDay`, the due
 * day whose on-time window's end `targetOnTimeShare` reach by (days, `null`
 * when the curve never gets there).
 *
 * @example
 * ```ts
 * import type { MilestoneCalibration } from 'successkit/baseline';
 *
 * const share: MilestoneCalibration['suggestedDueDay'] = 12;
 * ```
 */
export interface MilestoneCalibration {
  readonly milestoneId: string;
  readonly name: string;
  readonly dueDay: number;
  readonly toleranceDays: number;
  readonly accounts: number;
  readonly reached: number;
  readonly censored: number;
  readonly estimate: KaplanMeier;
  readonly shares: { readonly early: number; readonly onTime: number; readonly late: number } | null;
  readonly sharesNullReason: 'no_accounts' | 'short_follow_up' | null;
  readonly suggestedDueDay: number | null;
}

/**
 * A milestone whose real timing differs from the baseline by more than its
 * tolerance (`later`, `earlier`), or whose median cannot be estimated
 * because fewer than half reached it in the follow-up (`not_estimable`), in
 * a group (`null` for the whole book), with a sentence a CS leader reads.
 *
 * @example
 * ```ts
 * import type { CalibrationFinding } from 'successkit/baseline';
 *
 * const finding: CalibrationFinding = {
 *   group: null, milestoneId: 'ebr_1', kind: 'later', dueDay: 90, medianDay: 120, suggestedDueDay: 125,
 *   message: 'Executive business review 1: half the customers reach it by day 120, 30 days after the due day 90 (tolerance 14); consider day 125',
 * };
 * ```
 */
export interface CalibrationFinding {
  readonly group: string | null;
  readonly milestoneId: string;
  readonly kind: 'later' | 'earlier' | 'not_estimable';
  readonly dueDay: number;
  readonly medianDay: number | null;
  readonly suggestedDueDay: number | null;
  readonly message: string;
}

/**
 * A calibration: the baseline's name, `targetOnTimeShare`, the whole book's
 * `milestones`, each group's with `by` (groups in name order, `null` last),
 * and the `findings`.
 *
 * @example
 * ```ts
 * import type { BaselineCalibration } from 'successkit/baseline';
 *
 * const groups: BaselineCalibration['groups'] = [];
 * ```
 */
export interface BaselineCalibration {
  readonly baselineName: string;
  readonly targetOnTimeShare: number;
  readonly milestones: readonly MilestoneCalibration[];
  readonly groups: readonly { readonly group: string | null; readonly milestones: readonly MilestoneCalibration[] }[];
  readonly findings: readonly CalibrationFinding[];
}

/** Observations of one group: per milestone, codes 2 × days + censored. */
type Codes = number[][];

function observe(codes: Codes, milestones: readonly DefinedMilestone[], snapshot: BaselineSnapshot): void {
  const startDay = toEpochDay(snapshot.startDate);
  const asOfDay = toEpochDay(snapshot.asOf);
  const churn = snapshot.churnDate;
  const lastSeen = churn !== null && churn <= snapshot.asOf ? toEpochDay(churn) : asOfDay;
  const censoredAt = Math.max(0, lastSeen - startDay);
  milestones.forEach((milestone, index) => {
    const id = 'milestoneId' in milestone.evidence ? milestone.evidence.milestoneId : milestone.id;
    const date = reachedOn(snapshot, id);
    const code = date === undefined ? 2 * censoredAt + 1 : 2 * Math.max(0, toEpochDay(date) - startDay);
    codes[index]?.push(code);
  });
}

function calibrate(milestone: DefinedMilestone, codes: readonly number[], target: number): MilestoneCalibration {
  const sorted = Float64Array.from(codes).sort();
  const estimate = kaplanMeierOfSorted(sorted);
  const { dueDay, toleranceDays } = milestone;
  const earlyBy = dueDay - toleranceDays - 1;
  const early = earlyBy < 0 ? 0 : reachedBy(estimate, earlyBy);
  const notLate = reachedBy(estimate, dueDay + toleranceDays);
  const shares =
    estimate.n === 0 || early === null || notLate === null
      ? null
      : { early, onTime: Math.max(0, notLate - early), late: Math.max(0, 1 - notLate) };
  const reachedByTarget = quantileOf(estimate.steps, target);
  return {
    milestoneId: milestone.id,
    name: milestone.name,
    dueDay,
    toleranceDays,
    accounts: estimate.n,
    reached: estimate.events,
    censored: estimate.censored,
    estimate,
    shares,
    sharesNullReason: shares !== null ? null : estimate.n === 0 ? 'no_accounts' : 'short_follow_up',
    suggestedDueDay: reachedByTarget === null ? null : Math.max(0, reachedByTarget - toleranceDays),
  };
}

function findingOf(calibration: MilestoneCalibration, group: string | null): CalibrationFinding | undefined {
  const { median } = calibration.estimate;
  const { dueDay, toleranceDays, name, suggestedDueDay } = calibration;
  const where = group === null ? '' : ` (${group})`;
  const consider = suggestedDueDay === null ? '' : `; consider day ${String(suggestedDueDay)}`;
  if (calibration.accounts === 0) return undefined;
  if (median === null)
    return {
      group,
      milestoneId: calibration.milestoneId,
      kind: 'not_estimable',
      dueDay,
      medianDay: null,
      suggestedDueDay,
      message: `${name}${where}: fewer than half of ${String(calibration.accounts)} customers reached it within ${String(calibration.estimate.followUpDays)} days, so its typical day is unknown; keep the program silent for it`,
    };
  const gap = median - dueDay;
  if (Math.abs(gap) <= toleranceDays) return undefined;
  return {
    group,
    milestoneId: calibration.milestoneId,
    kind: gap > 0 ? 'later' : 'earlier',
    dueDay,
    medianDay: median,
    suggestedDueDay,
    message: `${name}${where}: half the customers reach it by day ${String(median)}, ${String(Math.abs(gap))} days ${gap > 0 ? 'after' : 'before'} the due day ${String(dueDay)} (tolerance ${String(toleranceDays)})${consider}`,
  };
}

function groupName(snapshot: BaselineSnapshot, by: 'segment' | 'plan'): string | null {
  return by === 'segment' ? snapshot.segment : snapshot.plan;
}

/**
 * Silent-mode calibration: how real customers met each milestone of a
 * baseline, from their snapshots, before any message goes out on it. Days
 * to each milestone are estimated with Kaplan–Meier (see
 * {@link kaplanMeier}), so customers who have not reached it yet count as
 * censored at their tenure (at their churn day when they left), neither
 * dropped nor counted as late. For each milestone, and each segment or plan
 * with `by`: counts, percentiles, the shares early, on time and late under
 * the current due day, the due day that would put `targetOnTimeShare` on
 * time or early, and a finding where the median differs from the due day by
 * more than the tolerance. Evidence is read from the snapshots'
 * `milestones` (a rule-evidence milestone by its own id).
 *
 * @param baseline - a baseline from {@link defineBaseline} (any other is defined first)
 * @param snapshots - the customers' snapshots; see {@link BaselineSnapshot}
 * @param options - `targetOnTimeShare` and `by`; see {@link CalibrateBaselineOptions}
 * @returns the {@link BaselineCalibration}
 * @throws {@link core!SuccessKitError} `invalid_definition` for a bad baseline; `invalid_input` for snapshots that are not a list (path `['snapshots']`), a bad snapshot (path `['snapshots', index, …]`) or bad options (path `['options', …]`)
 *
 * @example
 * ```ts
 * import { calibrateBaseline, defineBaseline } from 'successkit/baseline';
 *
 * const baseline = defineBaseline({ name: 'Login', milestones: [{ id: 'first_login', name: 'First login', dueDay: 5 }] });
 * const account = (id: string, login: string | undefined) => ({
 *   id, asOf: '2026-03-01', startDate: '2026-02-01', churnDate: null, segment: null, plan: null, employees: null,
 *   featuresAdopted: null, valueRealized: null, valueRealizedDate: null, milestones: login === undefined ? {} : { first_login: login },
 * });
 * const snapshots = [account('a', '2026-02-09'), account('b', '2026-02-11'), account('c', '2026-02-13'), account('d', undefined)];
 * const [login] = calibrateBaseline(baseline, snapshots).milestones;
 * [login?.reached, login?.censored, login?.estimate.median, login?.suggestedDueDay]; // => [3, 1, 10, 11]
 * calibrateBaseline(baseline, snapshots).findings[0]?.kind; // => 'later'
 * ```
 */
export function calibrateBaseline(
  baseline: Baseline | BaselineInput,
  snapshots: readonly BaselineSnapshotInput[],
  options?: CalibrateBaselineOptions,
): BaselineCalibration {
  const defined = definedBaseline(baseline, ['baseline']);
  const parsed = parseWith(CalibrateBaselineOptions, options ?? {}, { path: ['options'] });
  const target = parsed.targetOnTimeShare ?? 0.7;
  if (!isArray(snapshots)) parseWith(z.array(z.unknown()), snapshots, { path: ['snapshots'] });
  const { milestones } = defined;
  const whole: Codes = milestones.map(() => []);
  const groups = new Map<string | null, Codes>();
  for (let index = 0; index < snapshots.length; index++) {
    const snapshot = checkedSnapshot(snapshots[index], ['snapshots', index]);
    observe(whole, milestones, snapshot);
    if (parsed.by === undefined) continue;
    const name = groupName(snapshot, parsed.by);
    let codes = groups.get(name);
    if (codes === undefined) {
      codes = milestones.map(() => []);
      groups.set(name, codes);
    }
    observe(codes, milestones, snapshot);
  }
  const overall = milestones.map((milestone, index) => calibrate(milestone, whole[index] ?? [], target));
  const names = [...groups.keys()].sort((left, right) =>
    left === right ? 0 : left === null ? 1 : right === null ? -1 : left < right ? -1 : 1,
  );
  const grouped = names.map((group) => ({
    group,
    milestones: milestones.map((milestone, index) => calibrate(milestone, groups.get(group)?.[index] ?? [], target)),
  }));
  const findings: CalibrationFinding[] = [];
  for (const calibration of overall) {
    const finding = findingOf(calibration, null);
    if (finding !== undefined) findings.push(finding);
  }
  for (const { group, milestones: calibrations } of grouped)
    for (const calibration of calibrations) {
      const finding = findingOf(calibration, group);
      if (finding !== undefined) findings.push(finding);
    }
  return { baselineName: defined.name, targetOnTimeShare: target, milestones: overall, groups: grouped, findings };
}
