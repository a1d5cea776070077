import * as z from 'zod/mini';
import { CalendarDate, EscalationSeverity, Id } from '../core/internal.js';

const Text = z.string().check(z.minLength(1), z.maxLength(10_000));

/**
 * The five steps of mistake recovery, in order: Assess, Acknowledge,
 * Analyze, Assist, Amend.
 *
 * @example
 * ```ts
 * import { RecoveryStep } from 'successkit/plans';
 *
 * RecoveryStep.options; // => ['assess', 'acknowledge', 'analyze', 'assist', 'amend']
 * ```
 */
export const RecoveryStep = z.enum(['assess', 'acknowledge', 'analyze', 'assist', 'amend']);

/**
 * One of the five recovery steps.
 *
 * @example
 * ```ts
 * import type { RecoveryStep } from 'successkit/plans';
 *
 * const step: RecoveryStep = 'amend';
 * ```
 */
export type RecoveryStep = z.infer<typeof RecoveryStep>;

/**
 * Where a recovery case stands: at one of the five steps, `closed` after
 * Amend, or `abandoned` (dropped before Amend — the model falls apart).
 *
 * @example
 * ```ts
 * import { RecoveryState } from 'successkit/plans';
 *
 * RecoveryState.options.at(-2); // => 'closed'
 * ```
 */
export const RecoveryState = z.enum(['assess', 'acknowledge', 'analyze', 'assist', 'amend', 'closed', 'abandoned']);

/**
 * One of {@link RecoveryState}'s states.
 *
 * @example
 * ```ts
 * import type { RecoveryState } from 'successkit/plans';
 *
 * const state: RecoveryState = 'closed';
 * ```
 */
export type RecoveryState = z.infer<typeof RecoveryState>;

/**
 * What completing Assess records: the gravity of the issue and a baseline
 * understanding of it — not the deep analysis, which comes later.
 *
 * @example
 * ```ts
 * import { AssessDetails } from 'successkit/plans';
 *
 * AssessDetails.parse({ severity: 'high', summary: 'Invoices sent twice to 40 customers' }).severity; // => 'high'
 * ```
 */
export const AssessDetails = z.strictObject({ severity: EscalationSeverity, summary: Text });

/**
 * The record of Assess.
 *
 * @example
 * ```ts
 * import type { AssessDetails } from 'successkit/plans';
 *
 * const assessed: AssessDetails = { severity: 'medium', summary: 'Report export failing since Monday' };
 * ```
 */
export type AssessDetails = z.infer<typeof AssessDetails>;

/**
 * The channel the customer prefers, which Acknowledge must use.
 *
 * @example
 * ```ts
 * import { RecoveryChannel } from 'successkit/plans';
 *
 * RecoveryChannel.options.includes('phone'); // => true
 * ```
 */
export const RecoveryChannel = z.enum(['phone', 'email', 'video', 'in_person', 'chat']);

/**
 * One of {@link RecoveryChannel}'s channels.
 *
 * @example
 * ```ts
 * import type { RecoveryChannel } from 'successkit/plans';
 *
 * const channel: RecoveryChannel = 'in_person';
 * ```
 */
export type RecoveryChannel = z.infer<typeof RecoveryChannel>;

/**
 * What completing Acknowledge requires: the customer's preferred channel,
 * the apology given, and the resolution date promised.
 *
 * @example
 * ```ts
 * import { AcknowledgeDetails } from 'successkit/plans';
 *
 * AcknowledgeDetails.parse({ channel: 'phone', apologyGiven: true, promisedResolutionDate: '2026-06-12' }).channel; // => 'phone'
 * ```
 */
export const AcknowledgeDetails = z.strictObject({
  channel: RecoveryChannel,
  apologyGiven: z.literal(true),
  promisedResolutionDate: CalendarDate,
  note: z.optional(Text),
});

/**
 * The record of Acknowledge.
 *
 * @example
 * ```ts
 * import type { AcknowledgeDetails } from 'successkit/plans';
 *
 * const heard: AcknowledgeDetails = { channel: 'email', apologyGiven: true, promisedResolutionDate: '2026-06-12' as never };
 * ```
 */
export type AcknowledgeDetails = z.infer<typeof AcknowledgeDetails>;

/**
 * What completing Analyze requires: what went wrong, how, why, how it will
 * be fixed, who fixes it and how it will be prevented; and a revised
 * resolution date when the timeline changes.
 *
 * @example
 * ```ts
 * import { AnalyzeDetails } from 'successkit/plans';
 *
 * AnalyzeDetails.parse({ what: 'Duplicate invoices', how: 'Retry job ran twice', why: 'No idempotency key', fix: 'Void duplicates', fixOwner: 'Billing team', prevention: 'Idempotency keys on invoice runs' }).fixOwner; // => 'Billing team'
 * ```
 */
export const AnalyzeDetails = z.strictObject({
  what: Text,
  how: Text,
  why: Text,
  fix: Text,
  fixOwner: Text,
  prevention: Text,
  revisedResolutionDate: z.optional(CalendarDate),
});

/**
 * The record of Analyze.
 *
 * @example
 * ```ts
 * import type { AnalyzeDetails } from 'successkit/plans';
 *
 * const analysis: AnalyzeDetails = { what: 'Export failed', how: 'Timeout', why: 'Large account', fix: 'Paginate', fixOwner: 'Platform', prevention: 'Load test exports' };
 * ```
 */
export type AnalyzeDetails = z.infer<typeof AnalyzeDetails>;

/**
 * What completing Assist requires: the customer confirmed the issue is resolved.
 *
 * @example
 * ```ts
 * import { AssistDetails } from 'successkit/plans';
 *
 * AssistDetails.parse({ customerConfirmed: true, confirmedBy: 'Ana Ruiz' }).customerConfirmed; // => true
 * ```
 */
export const AssistDetails = z.strictObject({ customerConfirmed: z.literal(true), confirmedBy: z.optional(Text) });

/**
 * The record of Assist.
 *
 * @example
 * ```ts
 * import type { AssistDetails } from 'successkit/plans';
 *
 * const resolved: AssistDetails = { customerConfirmed: true };
 * ```
 */
export type AssistDetails = z.infer<typeof AssistDetails>;

/**
 * What completing Amend requires: the process, product or technology change
 * made so the mistake does not happen again.
 *
 * @example
 * ```ts
 * import { AmendDetails } from 'successkit/plans';
 *
 * AmendDetails.parse({ changeKind: 'process', change: 'Billing runs need a second approver' }).changeKind; // => 'process'
 * ```
 */
export const AmendDetails = z.strictObject({ changeKind: z.enum(['process', 'product', 'technology']), change: Text });

/**
 * The record of Amend.
 *
 * @example
 * ```ts
 * import type { AmendDetails } from 'successkit/plans';
 *
 * const amended: AmendDetails = { changeKind: 'technology', change: 'Idempotency keys on invoice runs' };
 * ```
 */
export type AmendDetails = z.infer<typeof AmendDetails>;

/**
 * The schema of each step's record, by step.
 *
 * @example
 * ```ts
 * import { recoveryStepDetails } from 'successkit/plans';
 *
 * Object.keys(recoveryStepDetails); // => ['assess', 'acknowledge', 'analyze', 'assist', 'amend']
 * ```
 */
export const recoveryStepDetails = {
  assess: AssessDetails,
  acknowledge: AcknowledgeDetails,
  analyze: AnalyzeDetails,
  assist: AssistDetails,
  amend: AmendDetails,
} as const;

function stepEntry<Step extends RecoveryStep>(step: Step) {
  return z.strictObject({
    step: z.literal(step),
    startedAt: CalendarDate,
    completedAt: z.optional(CalendarDate),
    details: z.optional(recoveryStepDetails[step]),
  });
}

/**
 * One step of a case as it happened: when it started, when it completed and what it recorded.
 *
 * @example
 * ```ts
 * import { RecoveryStepEntry } from 'successkit/plans';
 *
 * RecoveryStepEntry.parse({ step: 'assess', startedAt: '2026-06-01' }).step; // => 'assess'
 * ```
 */
export const RecoveryStepEntry = z.discriminatedUnion('step', [
  stepEntry('assess'),
  stepEntry('acknowledge'),
  stepEntry('analyze'),
  stepEntry('assist'),
  stepEntry('amend'),
]);

/**
 * One step of a recovery case.
 *
 * @example
 * ```ts
 * import type { RecoveryStepEntry } from 'successkit/plans';
 *
 * const started: RecoveryStepEntry = { step: 'assess', startedAt: '2026-06-01' as never };
 * ```
 */
export type RecoveryStepEntry = z.infer<typeof RecoveryStepEntry>;

/**
 * A 5-A mistake-recovery case: what went wrong, its state and the steps so
 * far. Open one with {@link openRecovery}; move it only with {@link advanceRecovery}.
 *
 * @example
 * ```ts
 * import { RecoveryCase } from 'successkit/plans';
 *
 * RecoveryCase.parse({ id: 'r1', summary: 'Double invoices', openedAt: '2026-06-01', state: 'assess', steps: [{ step: 'assess', startedAt: '2026-06-01' }] }).state; // => 'assess'
 * ```
 */
export const RecoveryCase = z.strictObject({
  id: Id,
  accountId: z.optional(Id),
  summary: Text,
  openedAt: CalendarDate,
  state: RecoveryState,
  steps: z.array(RecoveryStepEntry).check(z.minLength(1), z.maxLength(5)),
  abandoned: z.optional(z.strictObject({ at: CalendarDate, reason: Text })),
});

/**
 * A recovery case.
 *
 * @example
 * ```ts
 * import type { RecoveryCase } from 'successkit/plans';
 *
 * const opened: RecoveryCase = { id: 'r1', summary: 'Double invoices', openedAt: '2026-06-01' as never, state: 'assess', steps: [{ step: 'assess', startedAt: '2026-06-01' as never }] };
 * ```
 */
export type RecoveryCase = z.infer<typeof RecoveryCase>;

/**
 * A recovery case as stored: the same fields, dates as plain strings.
 *
 * @example
 * ```ts
 * import type { RecoveryCaseInput } from 'successkit/plans';
 *
 * const stored: RecoveryCaseInput = { id: 'r1', summary: 'Double invoices', openedAt: '2026-06-01', state: 'assess', steps: [{ step: 'assess', startedAt: '2026-06-01' }] };
 * ```
 */
export type RecoveryCaseInput = z.input<typeof RecoveryCase>;

/**
 * What {@link openRecovery} takes: the case id, the account, a summary of
 * the mistake and the day the customer raised it.
 *
 * @example
 * ```ts
 * import { OpenRecoveryInput } from 'successkit/plans';
 *
 * OpenRecoveryInput.parse({ id: 'r1', summary: 'Double invoices', openedAt: '2026-06-01' }).id; // => 'r1'
 * ```
 */
export const OpenRecoveryInput = z.strictObject({
  id: Id,
  accountId: z.optional(Id),
  summary: Text,
  openedAt: CalendarDate,
});

/**
 * A new recovery case as written.
 *
 * @example
 * ```ts
 * import type { OpenRecoveryInput } from 'successkit/plans';
 *
 * const input: OpenRecoveryInput = { id: 'r1', accountId: 'acme', summary: 'Double invoices', openedAt: '2026-06-01' };
 * ```
 */
export type OpenRecoveryInput = z.input<typeof OpenRecoveryInput>;

/**
 * What moves a case: completing its current step with that step's record,
 * or abandoning it with a reason.
 *
 * @example
 * ```ts
 * import { RecoveryEvent } from 'successkit/plans';
 *
 * RecoveryEvent.parse({ type: 'complete', step: 'assist', details: { customerConfirmed: true } }).type; // => 'complete'
 * ```
 */
export const RecoveryEvent = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('complete'), step: RecoveryStep, details: z.unknown() }),
  z.strictObject({ type: z.literal('abandon'), reason: Text }),
]);

/**
 * An event of a recovery case; `details` is checked against the step's record when the step completes.
 *
 * @example
 * ```ts
 * import type { RecoveryEvent } from 'successkit/plans';
 *
 * const event: RecoveryEvent = { type: 'complete', step: 'amend', details: { changeKind: 'process', change: 'Second approver on billing runs' } };
 * ```
 */
export type RecoveryEvent = z.infer<typeof RecoveryEvent>;
