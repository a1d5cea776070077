import { checkedProgress, type MilestoneProgress, type MilestoneState } from './milestone-progress.js';

/** Whether a milestone tells anything about pace yet: reached, or overdue. @internal */
export function isAssessed(state: MilestoneState): boolean {
  return state.achievedDate !== null || state.status === 'overdue';
}

/**
 * A milestone's timing score: days early (+) or late (−) as a share of its
 * due day, clamped to −1…1, so a day-5 login reached on day 3 counts as much
 * as a day-270 review on day 162. `null` when not assessed.
 *
 * @internal
 */
export function timingScore(state: MilestoneState): number | null {
  if (!isAssessed(state)) return null;
  const signed = state.daysEarly - state.daysLate;
  return Math.max(-1, Math.min(1, signed / Math.max(1, state.dueDay)));
}

/** The pace index of checked progress. @internal */
export function paceIndexOf(progress: MilestoneProgress): number {
  let sum = 0;
  for (const state of progress.milestones) {
    const score = timingScore(state);
    if (score !== null) sum += state.weight * score;
  }
  const { attainment } = progress.value;
  if (attainment !== null) sum += Math.max(-1, Math.min(1, attainment - 1));
  // Rounded to hundredths of a point: sums of shares carry float noise (0.4 − 0.5 = −0.0999…).
  return Math.round(10_000 * sum) / 100 + 0; // + 0 turns −0 into 0
}

/**
 * An account's pace index: 100 × (Σ weight × timing score over the
 * milestones reached or overdue, plus the value score). A timing score is
 * the days early (+) or late (−) as a share of the due day, clamped to
 * −1…1 (an overdue milestone counts the days late so far); the value score
 * is value attainment − 1, clamped to −1…1 (0 without a value target due).
 * 0 is a customer exactly on the baseline; every early milestone adds, every
 * late one takes away, so a late milestone never raises the index, and an
 * account further along with the same pace has a larger index either way.
 * Index points, rounded to hundredths, unbounded by the number of milestones.
 *
 * @param progress - from {@link milestoneProgress} (any other is checked first)
 * @returns the index, index points
 * @throws {@link core!SuccessKitError} `invalid_input` for progress that is not a {@link MilestoneProgress}
 *
 * @example
 * ```ts
 * import { defaultBaseline, milestoneProgress, paceIndex } from 'successkit/baseline';
 *
 * const snapshot = {
 *   id: 'acc-1', asOf: '2026-01-31', startDate: '2026-01-01', churnDate: null, segment: null, plan: null,
 *   employees: null, featuresAdopted: null, valueRealized: null, valueRealizedDate: null,
 *   milestones: { first_login: '2026-01-04', configuration_complete: '2026-01-16' },
 * };
 * paceIndex(milestoneProgress(defaultBaseline, snapshot)); // => -10
 * ```
 */
export function paceIndex(progress: MilestoneProgress): number {
  return paceIndexOf(checkedProgress(progress, ['progress']));
}
