import * as z from 'zod/mini';
import { CalendarDate, fail, parseWith, SuccessKitError, type SuccessKitIssue } from '../core/internal.js';
import {
  OpenRecoveryInput,
  RecoveryCase,
  RecoveryEvent,
  recoveryStepDetails,
  RecoveryStep,
  type RecoveryCaseInput,
  type RecoveryStepEntry,
} from './recovery-case.js';

declare const recoveryCaseBrand: unique symbol;

/**
 * A recovery case that {@link openRecovery} or {@link advanceRecovery} returned, frozen.
 *
 * @example
 * ```ts
 * import { openRecovery, type DefinedRecoveryCase } from 'successkit/plans';
 *
 * const opened: DefinedRecoveryCase = openRecovery({ id: 'r1', summary: 'Double invoices', openedAt: '2026-06-01' });
 * ```
 */
export type DefinedRecoveryCase = RecoveryCase & { readonly [recoveryCaseBrand]: true };

const defined = new WeakSet<object>();
const order = RecoveryStep.options;

function freezeCase(recovery: RecoveryCase): DefinedRecoveryCase {
  for (const entry of recovery.steps) {
    if (entry.details !== undefined) Object.freeze(entry.details);
    Object.freeze(entry);
  }
  Object.freeze(recovery.steps);
  if (recovery.abandoned !== undefined) Object.freeze(recovery.abandoned);
  const frozen = Object.freeze(recovery);
  defined.add(frozen);
  return frozen as DefinedRecoveryCase;
}

/** The step under way, or the last one of a closed case; a case always has one. */
function lastStep(steps: readonly RecoveryStepEntry[]): RecoveryStepEntry {
  const last = steps.at(-1);
  if (last === undefined) return fail('invalid_input', ['steps'], 'expected at least 1 item(s)');
  return last;
}

/** Why a stored case could not have come from legal transitions, if it could not. */
function consistencyIssue(recovery: RecoveryCase): SuccessKitIssue | undefined {
  const { steps, state } = recovery;
  const closed = state === 'closed';
  for (const [index, entry] of steps.entries()) {
    const path = ['steps', index];
    if (entry.step !== order[index])
      return {
        path: [...path, 'step'],
        message: `expected step "${order[index] ?? ''}" at position ${String(index)}, got "${entry.step}"`,
      };
    const last = index === steps.length - 1;
    const complete = entry.completedAt !== undefined;
    if (complete !== (entry.details !== undefined))
      return { path: [...path, 'details'], message: 'a step has its details exactly when it has completedAt' };
    if (!last && !complete) return { path: [...path, 'completedAt'], message: 'required: a later step has started' };
    if (last && complete && !closed)
      return {
        path: [...path, 'completedAt'],
        message: `the next step has not started, so the case cannot be at "${state}" with "${entry.step}" completed`,
      };
    const previous = index === 0 ? recovery.openedAt : (steps[index - 1]?.completedAt ?? entry.startedAt);
    if (entry.startedAt !== previous)
      return {
        path: [...path, 'startedAt'],
        message: `expected ${previous}, the day the step before completed, got ${entry.startedAt}`,
      };
    if (entry.completedAt !== undefined && entry.completedAt < entry.startedAt)
      return {
        path: [...path, 'completedAt'],
        message: `expected a day on or after ${entry.startedAt}, got ${entry.completedAt}`,
      };
  }
  const current = lastStep(steps);
  if (closed && (steps.length < 5 || current.completedAt === undefined))
    return { path: ['state'], message: 'a case closes only when all five steps are complete' };
  if (state === 'abandoned' && recovery.abandoned === undefined)
    return { path: ['abandoned'], message: 'required for an abandoned case' };
  if (state !== 'abandoned' && recovery.abandoned !== undefined)
    return { path: ['abandoned'], message: `a case at "${state}" was not abandoned` };
  if (!closed && state !== 'abandoned' && state !== current.step)
    return { path: ['state'], message: `expected "${current.step}", the step under way, got "${state}"` };
  return undefined;
}

/**
 * `recovery` itself when it came from this module, otherwise validated:
 * its shape (`invalid_input`) and that legal transitions could have made it (`invalid_transition`).
 *
 * @internal
 */
export function definedRecoveryCase(recovery: unknown): DefinedRecoveryCase {
  if (typeof recovery === 'object' && recovery !== null && defined.has(recovery))
    return recovery as DefinedRecoveryCase;
  const parsed = parseWith(RecoveryCase, recovery);
  const issue = consistencyIssue(parsed);
  if (issue !== undefined) throw new SuccessKitError('invalid_transition', [issue]);
  return freezeCase(parsed);
}

/**
 * Opens a 5-A mistake-recovery case at Assess, the day the customer raised the issue.
 *
 * @param input - the case id, account, summary and day; see {@link OpenRecoveryInput}
 * @returns the case at `assess`, frozen
 * @throws {@link core!SuccessKitError} `invalid_input` for a bad field
 *
 * @example
 * ```ts
 * import { openRecovery } from 'successkit/plans';
 *
 * const opened = openRecovery({ id: 'r1', accountId: 'acme', summary: 'Invoices sent twice', openedAt: '2026-06-01' });
 * opened.state; // => 'assess'
 * opened.steps; // => [{ step: 'assess', startedAt: '2026-06-01' }]
 * ```
 */
export function openRecovery(input: OpenRecoveryInput): DefinedRecoveryCase {
  const opened = parseWith(OpenRecoveryInput, input);
  return freezeCase({ ...opened, state: 'assess', steps: [{ step: 'assess', startedAt: opened.openedAt }] });
}

/**
 * What {@link advanceRecovery} needs besides the case and the event: the day it happened.
 *
 * @example
 * ```ts
 * import { AdvanceRecoveryInput } from 'successkit/plans';
 *
 * AdvanceRecoveryInput.parse({ at: '2026-06-02' }).at; // => '2026-06-02'
 * ```
 */
export const AdvanceRecoveryInput = z.strictObject({ at: CalendarDate });

/**
 * The day an event happened, which {@link advanceRecovery} requires.
 *
 * @example
 * ```ts
 * import type { AdvanceRecoveryInput } from 'successkit/plans';
 *
 * const input: AdvanceRecoveryInput = { at: '2026-06-02' };
 * ```
 */
export type AdvanceRecoveryInput = z.input<typeof AdvanceRecoveryInput>;

function completeStep(
  recovery: RecoveryCase,
  event: Extract<RecoveryEvent, { type: 'complete' }>,
  at: CalendarDate,
): RecoveryCase {
  const current = lastStep(recovery.steps);
  if (event.step !== current.step) {
    const wanted = order.indexOf(event.step);
    const now = order.indexOf(current.step);
    fail(
      'invalid_transition',
      ['event', 'step'],
      wanted > now
        ? `cannot complete "${event.step}": the case is at "${current.step}", and no step can be skipped`
        : `cannot complete "${event.step}" again: the case is at "${current.step}"`,
    );
  }
  const details = parseWith(recoveryStepDetails[current.step], event.details, {
    code: 'invalid_transition',
    path: ['event', 'details'],
  });
  if ('promisedResolutionDate' in details && details.promisedResolutionDate < at)
    fail(
      'invalid_transition',
      ['event', 'details', 'promisedResolutionDate'],
      `expected a day on or after ${at}, got ${details.promisedResolutionDate}`,
    );
  if (
    'revisedResolutionDate' in details &&
    details.revisedResolutionDate !== undefined &&
    details.revisedResolutionDate < at
  )
    fail(
      'invalid_transition',
      ['event', 'details', 'revisedResolutionDate'],
      `expected a day on or after ${at}, got ${details.revisedResolutionDate}`,
    );
  const completed = { ...current, completedAt: at, details } as RecoveryStepEntry;
  const steps = [...recovery.steps.slice(0, -1), completed];
  const next = order[order.indexOf(current.step) + 1];
  if (next === undefined) return { ...recovery, state: 'closed', steps };
  return { ...recovery, state: next, steps: [...steps, { step: next, startedAt: at }] };
}

/**
 * Moves a recovery case by one event, as of the day it happened. `complete`
 * finishes the current step with its record — Assess: severity and summary;
 * Acknowledge: the customer's preferred channel, the apology given, the
 * promised resolution date; Analyze: what, how, why, the fix, who fixes it,
 * prevention (and a revised date, if the timeline moves); Assist: the
 * customer confirmed the resolution; Amend: the process, product or
 * technology change — and starts the next; completing Amend closes the
 * case. `abandon` drops an open case with a reason. The case is never
 * mutated: a new, frozen case is returned.
 *
 * @param recovery - a case from {@link openRecovery} or this function, or its JSON
 * @param event - `{ type: 'complete', step, details }` or `{ type: 'abandon', reason }`
 * @param input - the day of the event; see {@link AdvanceRecoveryInput}
 * @returns the case after the event
 * @throws {@link core!SuccessKitError} `invalid_transition` for a step other than the current one (a skip or a repeat), a record missing a required field (path `['event', 'details', …]`), an event before the current step started, or any event on a closed or abandoned case; `invalid_input` for a malformed case, event or day
 *
 * @example
 * ```ts
 * import { advanceRecovery, openRecovery } from 'successkit/plans';
 *
 * const opened = openRecovery({ id: 'r1', summary: 'Invoices sent twice', openedAt: '2026-06-01' });
 * const assessed = advanceRecovery(opened, { type: 'complete', step: 'assess', details: { severity: 'high', summary: '40 customers billed twice' } }, { at: '2026-06-01' });
 * assessed.state; // => 'acknowledge'
 *
 * advanceRecovery(assessed, { type: 'complete', step: 'analyze', details: {} }, { at: '2026-06-02' }); // throws invalid_transition
 * advanceRecovery(assessed, { type: 'complete', step: 'acknowledge', details: { channel: 'phone' } }, { at: '2026-06-02' }); // throws invalid_transition
 * ```
 */
export function advanceRecovery(
  recovery: DefinedRecoveryCase | RecoveryCaseInput,
  event: RecoveryEvent,
  input: AdvanceRecoveryInput,
): DefinedRecoveryCase {
  const current = definedRecoveryCase(recovery);
  const checkedEvent = parseWith(RecoveryEvent, event, { path: ['event'] });
  const { at } = parseWith(AdvanceRecoveryInput, input, { path: ['options'] });
  if (current.state === 'closed' || current.state === 'abandoned')
    fail('invalid_transition', ['event'], `the case is ${current.state}: it cannot be reopened or moved`);
  const step = lastStep(current.steps);
  if (at < step.startedAt)
    fail(
      'invalid_transition',
      ['options', 'at'],
      `expected a day on or after ${step.startedAt}, when "${step.step}" started, got ${at}`,
    );
  if (checkedEvent.type === 'abandon')
    return freezeCase({ ...current, state: 'abandoned', abandoned: { at, reason: checkedEvent.reason } });
  return freezeCase(completeStep(current, checkedEvent, at));
}
