import * as z from 'zod/mini';
import { CalendarDate, fail, parseWith, toEpochDay } from '../core/internal.js';
import { definedRecoveryCase, type DefinedRecoveryCase } from './advance-recovery.js';
import type { RecoveryCase, RecoveryCaseInput, RecoveryState, RecoveryStep } from './recovery-case.js';

/**
 * Options of {@link recoveryStatus}: the day (`asOf`, required) and how many
 * days after the customer confirmed the resolution Amend may take
 * (`amendWithinDays`, default 30) before the model is falling apart.
 *
 * @example
 * ```ts
 * import { RecoveryStatusInput } from 'successkit/plans';
 *
 * RecoveryStatusInput.parse({ asOf: '2026-06-30' }).amendWithinDays; // => 30
 * ```
 */
export const RecoveryStatusInput = z.strictObject({
  asOf: CalendarDate,
  amendWithinDays: z._default(z.int().check(z.minimum(1), z.maximum(36_600)), 30),
});

/**
 * The day of a recovery status.
 *
 * @example
 * ```ts
 * import type { RecoveryStatusInput } from 'successkit/plans';
 *
 * const input: RecoveryStatusInput = { asOf: '2026-06-30', amendWithinDays: 14 };
 * ```
 */
export type RecoveryStatusInput = z.input<typeof RecoveryStatusInput>;

/**
 * The time a case spent in one step.
 *
 * @example
 * ```ts
 * import type { RecoveryStepTime } from 'successkit/plans';
 *
 * const step: RecoveryStepTime = { step: 'assess', startedAt: '2026-06-01' as never, completedAt: '2026-06-01' as never, days: 0 };
 * ```
 */
export interface RecoveryStepTime {
  readonly step: RecoveryStep;
  readonly startedAt: CalendarDate;
  readonly completedAt: CalendarDate | null;
  /** Whole days from start to completion, or to `asOf` (or the day it was abandoned) for the step under way. */
  readonly days: number;
}

/**
 * Where a recovery case stands as of a day: time in each step, the promised
 * timeline against the actual, and whether the model fell apart.
 *
 * @example
 * ```ts
 * import { openRecovery, recoveryStatus, type RecoveryStatus } from 'successkit/plans';
 *
 * const status: RecoveryStatus = recoveryStatus(openRecovery({ id: 'r1', summary: 'Double invoices', openedAt: '2026-06-01' }), { asOf: '2026-06-03' });
 * status.daysOpen; // => 2
 * ```
 */
export interface RecoveryStatus {
  readonly caseId: string;
  readonly asOf: CalendarDate;
  readonly state: RecoveryState;
  /** Whole days from opening to closing (or abandoning), or to `asOf`. */
  readonly daysOpen: number;
  readonly steps: readonly RecoveryStepTime[];
  /** The resolution date promised at Acknowledge, or the revised one from Analyze. */
  readonly promisedResolutionDate: CalendarDate | null;
  /** The day the customer confirmed the resolution (Assist completed). */
  readonly resolvedDate: CalendarDate | null;
  /**
   * `met` or `missed` once resolved; `on_time` or `overdue` while not yet;
   * `not_promised` before Acknowledge.
   */
  readonly timeline: 'not_promised' | 'on_time' | 'overdue' | 'met' | 'missed';
  /** Whole days past the promised date: at resolution, or to `asOf` while unresolved; 0 when on time. `null` without a promise. */
  readonly daysLate: number | null;
  /** `done`; `pending` while at Amend; `not_reached` before it; `skipped` when abandoned without it. */
  readonly amend: 'done' | 'pending' | 'not_reached' | 'skipped';
  /** True when the case ended without Amend, or Amend has waited longer than `amendWithinDays`: the implicit promise not to repeat the mistake is not kept. */
  readonly fallsApart: boolean;
  readonly fallsApartReason: 'abandoned_without_amend' | 'amend_overdue' | null;
}

function acknowledged(recovery: RecoveryCase): CalendarDate | undefined {
  for (const entry of recovery.steps) if (entry.step === 'acknowledge') return entry.details?.promisedResolutionDate;
  return undefined;
}

function revised(recovery: RecoveryCase): CalendarDate | undefined {
  for (const entry of recovery.steps) if (entry.step === 'analyze') return entry.details?.revisedResolutionDate;
  return undefined;
}

/**
 * Reports on a 5-A recovery case as of a day: days in each step and open in
 * all, the promised resolution date (revised at Analyze, when it was)
 * against the day the customer confirmed the resolution, and whether the
 * case ended without Amend or is stuck before it — the step without which,
 * in seed 000's words, the model falls apart.
 *
 * @param recovery - a case from {@link openRecovery} or {@link advanceRecovery}, or its JSON
 * @param input - the day and the Amend allowance; see {@link RecoveryStatusInput}
 * @returns the timings and verdicts
 * @throws {@link core!SuccessKitError} as {@link advanceRecovery} for a stored case; `invalid_input` for a bad day, or an `asOf` before the case's last event
 *
 * @example
 * ```ts
 * import { advanceRecovery, openRecovery, recoveryStatus } from 'successkit/plans';
 *
 * let recovery = openRecovery({ id: 'r1', summary: 'Invoices sent twice', openedAt: '2026-06-01' });
 * recovery = advanceRecovery(recovery, { type: 'complete', step: 'assess', details: { severity: 'high', summary: 'Billed twice' } }, { at: '2026-06-01' });
 * recovery = advanceRecovery(recovery, { type: 'complete', step: 'acknowledge', details: { channel: 'phone', apologyGiven: true, promisedResolutionDate: '2026-06-05' } }, { at: '2026-06-02' });
 * const status = recoveryStatus(recovery, { asOf: '2026-06-08' });
 * status.timeline; // => 'overdue'
 * status.daysLate; // => 3
 * status.steps.map((step) => step.days); // => [0, 1, 6]
 * ```
 */
export function recoveryStatus(
  recovery: DefinedRecoveryCase | RecoveryCaseInput,
  input: RecoveryStatusInput,
): RecoveryStatus {
  const checked = definedRecoveryCase(recovery);
  const { asOf, amendWithinDays } = parseWith(RecoveryStatusInput, input, { path: ['options'] });
  const lastEvent =
    checked.abandoned?.at ?? checked.steps.at(-1)?.completedAt ?? checked.steps.at(-1)?.startedAt ?? checked.openedAt;
  if (asOf < lastEvent)
    fail(
      'invalid_input',
      ['options', 'asOf'],
      `expected a day on or after the case's last event, ${lastEvent}, got ${asOf}`,
    );
  const end = checked.state === 'closed' ? lastEvent : (checked.abandoned?.at ?? asOf);
  const between = (from: CalendarDate, to: CalendarDate) => toEpochDay(to) - toEpochDay(from);
  const steps = checked.steps.map((entry) => ({
    step: entry.step,
    startedAt: entry.startedAt,
    completedAt: entry.completedAt ?? null,
    days: between(entry.startedAt, entry.completedAt ?? end),
  }));
  const promised = revised(checked) ?? acknowledged(checked) ?? null;
  const resolvedDate = checked.steps.find((entry) => entry.step === 'assist')?.completedAt ?? null;
  let timeline: RecoveryStatus['timeline'] = 'not_promised';
  let daysLate: number | null = null;
  if (promised !== null) {
    const late = Math.max(0, between(promised, resolvedDate ?? end));
    daysLate = late;
    timeline = resolvedDate === null ? (late > 0 ? 'overdue' : 'on_time') : late > 0 ? 'missed' : 'met';
  }
  const amendEntry = checked.steps.find((entry) => entry.step === 'amend');
  const amend: RecoveryStatus['amend'] =
    checked.state === 'closed'
      ? 'done'
      : checked.state === 'abandoned'
        ? 'skipped'
        : amendEntry === undefined
          ? 'not_reached'
          : 'pending';
  const fallsApartReason =
    amend === 'skipped'
      ? 'abandoned_without_amend'
      : amend === 'pending' && amendEntry !== undefined && between(amendEntry.startedAt, asOf) > amendWithinDays
        ? 'amend_overdue'
        : null;
  return {
    caseId: checked.id,
    asOf,
    state: checked.state,
    daysOpen: between(checked.openedAt, end),
    steps,
    promisedResolutionDate: promised,
    resolvedDate,
    timeline,
    daysLate,
    amend,
    fallsApart: fallsApartReason !== null,
    fallsApartReason,
  };
}
