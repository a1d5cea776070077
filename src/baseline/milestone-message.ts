import * as z from 'zod/mini';
import { parseWith } from '../core/internal.js';
import { classifyProgress, PaceOptions, paceThresholds, type PaceClass } from './classify-pace.js';
import { checkedProgress, type MilestoneProgress, type MilestoneState } from './milestone-progress.js';

/**
 * Options of {@link milestoneMessage}: `healthBand`, the account's health
 * band when the host has one (a red account is never congratulated);
 * `recentDays`, how long after reaching a milestone a congratulation is
 * still timely (default 7 days: past a week it reads as automation);
 * `nudgeDays`, how many days before the on-time window opens a reminder
 * goes out (default 3 days: a reminder needs a few days to act on); `pace`,
 * the thresholds of the pace classes.
 *
 * @example
 * ```ts
 * import type { MilestoneMessageOptions } from 'successkit/baseline';
 *
 * const options: MilestoneMessageOptions = { healthBand: 'red', recentDays: 14 };
 * ```
 */
export const MilestoneMessageOptions = z.strictObject({
  healthBand: z.optional(z.enum(['green', 'yellow', 'red'])),
  recentDays: z.optional(z.int().check(z.minimum(0), z.maximum(3650))),
  nudgeDays: z.optional(z.int().check(z.minimum(0), z.maximum(3650))),
  pace: z.optional(PaceOptions),
});

/**
 * Options of {@link milestoneMessage}; see the {@link MilestoneMessageOptions} schema.
 *
 * @example
 * ```ts
 * import type { MilestoneMessageOptions } from 'successkit/baseline';
 *
 * const options: MilestoneMessageOptions = { nudgeDays: 5 };
 * ```
 */
export type MilestoneMessageOptions = z.infer<typeof MilestoneMessageOptions>;

/**
 * What one milestone warrants: `congratulate`, `nudge`, `offer-help` or
 * `none`, with the `reason`; `heldBack` is true when a congratulation was
 * due but the account is struggling (the reason says how).
 *
 * @example
 * ```ts
 * import type { MilestoneMessage } from 'successkit/baseline';
 *
 * const message: MilestoneMessage = { milestoneId: 'first_login', action: 'none', heldBack: false, reason: 'upcoming: due on day 5, the account is on day 1' };
 * ```
 */
export interface MilestoneMessage {
  readonly milestoneId: string;
  readonly action: 'congratulate' | 'nudge' | 'offer-help' | 'none';
  readonly heldBack: boolean;
  readonly reason: string;
}

/**
 * The messages of an account's milestones, in baseline order, with its
 * pace class.
 *
 * @example
 * ```ts
 * import type { MilestoneMessages } from 'successkit/baseline';
 *
 * const none: MilestoneMessages = { accountId: 'acc-1', pace: 'too-early', messages: [] };
 * ```
 */
export interface MilestoneMessages {
  readonly accountId: string;
  readonly pace: PaceClass;
  readonly messages: readonly MilestoneMessage[];
}

function struggles(
  progress: MilestoneProgress,
  position: number,
  pace: PaceClass,
  healthBand: string | undefined,
): string[] {
  const reasons: string[] = [];
  const overdue = progress.milestones
    .slice(0, position)
    .filter((state) => state.status === 'overdue')
    .map((state) => state.name);
  if (overdue.length > 0) reasons.push(`an earlier milestone is overdue (${overdue.join(', ')})`);
  if (pace === 'laggard') reasons.push('the account is a laggard');
  if (healthBand === 'red') reasons.push('health is red');
  return reasons;
}

function messageOf(
  progress: MilestoneProgress,
  state: MilestoneState,
  position: number,
  context: {
    readonly pace: PaceClass;
    readonly healthBand: string | undefined;
    readonly recentDays: number;
    readonly nudgeDays: number;
  },
): MilestoneMessage {
  const base = { milestoneId: state.milestoneId, heldBack: false };
  if (state.achievedDate !== null && state.achievedDay !== null) {
    const ago = progress.tenureDays - state.achievedDay;
    if (ago > context.recentDays)
      return {
        ...base,
        action: 'none',
        reason: `reached ${String(ago)} days ago, more than ${String(context.recentDays)}: too late to congratulate`,
      };
    const reasons = struggles(progress, position, context.pace, context.healthBand);
    if (reasons.length > 0)
      return {
        ...base,
        action: 'none',
        heldBack: true,
        reason: `reached, but no congratulations: ${reasons.join('; ')}`,
      };
    return {
      ...base,
      action: 'congratulate',
      reason: `reached ${state.status.replace('achieved-', '').replace('-', ' ')} ${ago === 0 ? 'today' : `${String(ago)} day(s) ago`}, and the account is not struggling`,
    };
  }
  if (state.status === 'overdue')
    return {
      ...base,
      action: 'offer-help',
      reason: `overdue: due on day ${String(state.dueDay)}, ${String(state.daysLate)} days ago, tolerance ${String(state.toleranceDays)}`,
    };
  const opensIn = state.dueDay - state.toleranceDays - progress.tenureDays;
  if (state.status === 'due')
    return {
      ...base,
      action: 'nudge',
      reason: `due now: day ${String(state.dueDay)} ± ${String(state.toleranceDays)}, the account is on day ${String(progress.tenureDays)}`,
    };
  if (opensIn <= context.nudgeDays)
    return {
      ...base,
      action: 'nudge',
      reason: `due in ${String(state.dueDay - progress.tenureDays)} days (day ${String(state.dueDay)})`,
    };
  return {
    ...base,
    action: 'none',
    reason: `upcoming: due on day ${String(state.dueDay)}, the account is on day ${String(progress.tenureDays)}`,
  };
}

/**
 * Decides what each milestone warrants, as a guardrail for playbooks and
 * marketing automation: `congratulate` only when it was reached within
 * `recentDays` and the account is not struggling (no earlier milestone
 * overdue, not a laggard, health not red when given) — otherwise the
 * congratulation is held back, with why; `nudge` when its on-time window is
 * open or opens within `nudgeDays`; `offer-help` when it is overdue; `none`
 * otherwise. Always with the reason.
 *
 * @param progress - from {@link milestoneProgress} (any other is checked first)
 * @param options - `healthBand`, `recentDays`, `nudgeDays` and `pace`; see {@link MilestoneMessageOptions}
 * @returns the {@link MilestoneMessages}
 * @throws {@link core!SuccessKitError} `invalid_input` for progress that is not a {@link MilestoneProgress} (path `['progress', …]`) or bad options (path `['options', …]`)
 *
 * @example
 * ```ts
 * import { defaultBaseline, milestoneMessage, milestoneProgress } from 'successkit/baseline';
 *
 * const account = {
 *   id: 'acc-1', asOf: '2026-01-12', startDate: '2026-01-01', churnDate: null, segment: null, plan: null,
 *   employees: null, featuresAdopted: null, valueRealized: null, valueRealizedDate: null,
 *   milestones: { first_login: '2026-01-05', configuration_complete: '2026-01-11' },
 * };
 * const progress = milestoneProgress(defaultBaseline, account);
 * milestoneMessage(progress).messages.map((message) => message.action); // => ['congratulate', 'congratulate', 'none', 'none']
 * milestoneMessage(progress, { healthBand: 'red' }).messages[1]?.reason; // => 'reached, but no congratulations: health is red'
 * ```
 */
export function milestoneMessage(progress: MilestoneProgress, options?: MilestoneMessageOptions): MilestoneMessages {
  const parsed = parseWith(MilestoneMessageOptions, options ?? {}, { path: ['options'] });
  const thresholds = paceThresholds(parsed.pace, ['options', 'pace']);
  const checkedInput = checkedProgress(progress, ['progress']);
  const { pace } = classifyProgress(checkedInput, thresholds);
  const context = {
    pace,
    healthBand: parsed.healthBand,
    recentDays: parsed.recentDays ?? 7,
    nudgeDays: parsed.nudgeDays ?? 3,
  };
  return {
    accountId: checkedInput.accountId,
    pace,
    messages: checkedInput.milestones.map((state, position) => messageOf(checkedInput, state, position, context)),
  };
}
