import { describe, expect, it } from 'vitest';
import {
  advanceRecovery,
  openRecovery,
  recoveryStatus,
  RecoveryStep,
  type DefinedRecoveryCase,
} from '../../src/plans/index';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { completeEvents, opening } from './recovery-fixtures';

const days = ['2026-06-01', '2026-06-02', '2026-06-04', '2026-06-09', '2026-06-20'];

/** The case after completing the first `count` steps, one on each of `days`. */
function after(count: number): DefinedRecoveryCase {
  let recovery = openRecovery(opening);
  for (let index = 0; index < count; index++) {
    const step = RecoveryStep.options[index]!;
    recovery = advanceRecovery(recovery, completeEvents[step], { at: days[index]! });
  }
  return recovery;
}

describe('openRecovery and advanceRecovery', () => {
  it('opens a case at Assess', () => {
    expect(openRecovery(opening)).toEqual({
      ...opening,
      state: 'assess',
      steps: [{ step: 'assess', startedAt: '2026-06-01' }],
    });
  });

  it('moves through Assess, Acknowledge, Analyze, Assist and Amend to closed', () => {
    expect([0, 1, 2, 3, 4, 5].map((count) => after(count).state)).toEqual([
      'assess',
      'acknowledge',
      'analyze',
      'assist',
      'amend',
      'closed',
    ]);
    const closed = after(5);
    expect(closed.steps.map((step) => [step.step, step.startedAt, step.completedAt])).toEqual([
      ['assess', '2026-06-01', '2026-06-01'],
      ['acknowledge', '2026-06-01', '2026-06-02'],
      ['analyze', '2026-06-02', '2026-06-04'],
      ['assist', '2026-06-04', '2026-06-09'],
      ['amend', '2026-06-09', '2026-06-20'],
    ]);
    expect(closed.steps[4]?.details).toEqual({ changeKind: 'technology', change: 'Idempotency keys shipped' });
  });

  it('never changes the case it is given', () => {
    const opened = after(1);
    const copy = structuredClone(opened);
    advanceRecovery(opened, completeEvents.acknowledge, { at: '2026-06-02' });
    expect(opened).toEqual(copy);
    expect(Object.isFrozen(after(2).steps[1])).toBe(true);
  });

  it('refuses to skip a step, naming the step under way', () => {
    const error = catchSuccessKitError(() => advanceRecovery(after(1), completeEvents.analyze, { at: '2026-06-02' }));
    expect(error.code).toBe('invalid_transition');
    expect(error.issues).toEqual([
      {
        path: ['event', 'step'],
        message: 'cannot complete "analyze": the case is at "acknowledge", and no step can be skipped',
      },
    ]);
  });

  it('refuses to complete a step twice', () => {
    const error = catchSuccessKitError(() =>
      advanceRecovery(after(2), completeEvents.acknowledge, { at: '2026-06-03' }),
    );
    expect(error.issues[0]?.message).toBe('cannot complete "acknowledge" again: the case is at "analyze"');
  });

  it('refuses to complete Acknowledge without the channel, the apology and the promised date', () => {
    const error = catchSuccessKitError(() =>
      advanceRecovery(
        after(1),
        { type: 'complete', step: 'acknowledge', details: { apologyGiven: false } },
        { at: '2026-06-02' },
      ),
    );
    expect(error.code).toBe('invalid_transition');
    expect(issuePaths(error)).toEqual([
      'event.details.channel',
      'event.details.apologyGiven',
      'event.details.promisedResolutionDate',
    ]);
  });

  it('refuses to complete Analyze without what, how, why, the fix, its owner and prevention', () => {
    const error = catchSuccessKitError(() =>
      advanceRecovery(after(2), { type: 'complete', step: 'analyze', details: { what: 'x' } }, { at: '2026-06-03' }),
    );
    expect(issuePaths(error)).toEqual([
      'event.details.how',
      'event.details.why',
      'event.details.fix',
      'event.details.fixOwner',
      'event.details.prevention',
    ]);
  });

  it('refuses to complete Assist before the customer confirms, and Amend without the change', () => {
    expect(
      catchSuccessKitError(() =>
        advanceRecovery(
          after(3),
          { type: 'complete', step: 'assist', details: { customerConfirmed: false } },
          { at: '2026-06-09' },
        ),
      ).code,
    ).toBe('invalid_transition');
    expect(
      issuePaths(
        catchSuccessKitError(() =>
          advanceRecovery(
            after(4),
            { type: 'complete', step: 'amend', details: { changeKind: 'process' } },
            { at: '2026-06-20' },
          ),
        ),
      ),
    ).toEqual(['event.details.change']);
  });

  it('refuses a promised date before the acknowledgement and an event before the step started', () => {
    const early = {
      ...completeEvents.acknowledge,
      details: { channel: 'email', apologyGiven: true, promisedResolutionDate: '2026-05-30' },
    } as const;
    expect(issuePaths(catchSuccessKitError(() => advanceRecovery(after(1), early, { at: '2026-06-02' })))).toEqual([
      'event.details.promisedResolutionDate',
    ]);
    const before = catchSuccessKitError(() => advanceRecovery(after(2), completeEvents.analyze, { at: '2026-06-01' }));
    expect(before.code).toBe('invalid_transition');
    expect(issuePaths(before)).toEqual(['options.at']);
  });

  it('refuses to reopen or move a closed or abandoned case', () => {
    for (const recovery of [
      after(5),
      advanceRecovery(after(2), { type: 'abandon', reason: 'customer churned' }, { at: '2026-06-05' }),
    ]) {
      for (const step of RecoveryStep.options) {
        const error = catchSuccessKitError(() => advanceRecovery(recovery, completeEvents[step], { at: '2026-07-01' }));
        expect(error.code).toBe('invalid_transition');
        expect(error.issues[0]?.path).toEqual(['event']);
      }
      expect(
        catchSuccessKitError(() =>
          advanceRecovery(recovery, { type: 'abandon', reason: 'again' }, { at: '2026-07-01' }),
        ).code,
      ).toBe('invalid_transition');
    }
  });

  it('checks a stored case: its shape as invalid_input, an impossible history as invalid_transition', () => {
    const stored = JSON.parse(JSON.stringify(after(2))) as DefinedRecoveryCase;
    expect(advanceRecovery(stored, completeEvents.analyze, { at: '2026-06-04' }).state).toBe('assist');
    const skipped = { ...stored, steps: [stored.steps[0]!, { step: 'analyze' as const, startedAt: '2026-06-01' }] };
    const error = catchSuccessKitError(() => advanceRecovery(skipped, completeEvents.analyze, { at: '2026-06-04' }));
    expect(error.code).toBe('invalid_transition');
    expect(issuePaths(error)).toEqual(['steps[1].step']);
    const fakeClosed = { ...stored, state: 'closed' as const };
    expect(catchSuccessKitError(() => recoveryStatus(fakeClosed, { asOf: '2026-07-01' })).code).toBe(
      'invalid_transition',
    );
    expect(
      catchSuccessKitError(() =>
        advanceRecovery({ ...stored, state: 'done' as never }, completeEvents.analyze, { at: '2026-06-04' }),
      ).code,
    ).toBe('invalid_input');
  });

  it('rejects an unknown event as invalid_input', () => {
    expect(
      issuePaths(
        catchSuccessKitError(() => advanceRecovery(after(0), { type: 'reopen' } as never, { at: '2026-06-01' })),
      ),
    ).toEqual(['event.type']);
  });
});

describe('recoveryStatus', () => {
  it('reports time in each step and the promise kept', () => {
    expect(recoveryStatus(after(5), { asOf: '2026-07-01' })).toEqual({
      caseId: 'r1',
      asOf: '2026-07-01',
      state: 'closed',
      daysOpen: 19,
      steps: [
        { step: 'assess', startedAt: '2026-06-01', completedAt: '2026-06-01', days: 0 },
        { step: 'acknowledge', startedAt: '2026-06-01', completedAt: '2026-06-02', days: 1 },
        { step: 'analyze', startedAt: '2026-06-02', completedAt: '2026-06-04', days: 2 },
        { step: 'assist', startedAt: '2026-06-04', completedAt: '2026-06-09', days: 5 },
        { step: 'amend', startedAt: '2026-06-09', completedAt: '2026-06-20', days: 11 },
      ],
      promisedResolutionDate: '2026-06-10',
      resolvedDate: '2026-06-09',
      timeline: 'met',
      daysLate: 0,
      amend: 'done',
      fallsApart: false,
      fallsApartReason: null,
    });
  });

  it('uses the date revised at Analyze, and reports a promise missed', () => {
    let recovery = after(2);
    const analysis = (completeEvents.analyze as { details: object }).details;
    recovery = advanceRecovery(
      recovery,
      { type: 'complete', step: 'analyze', details: { ...analysis, revisedResolutionDate: '2026-06-07' } },
      { at: '2026-06-04' },
    );
    const status = recoveryStatus(recovery, { asOf: '2026-06-05' });
    expect([status.promisedResolutionDate, status.timeline, status.daysLate]).toEqual(['2026-06-07', 'on_time', 0]);
    const late = recoveryStatus(advanceRecovery(recovery, completeEvents.assist, { at: '2026-06-09' }), {
      asOf: '2026-06-09',
    });
    expect([late.timeline, late.daysLate]).toEqual(['missed', 2]);
  });

  it('has no timeline before Acknowledge', () => {
    expect(recoveryStatus(after(0), { asOf: '2026-06-03' })).toMatchObject({
      timeline: 'not_promised',
      daysLate: null,
      amend: 'not_reached',
    });
  });

  it('falls apart when the case is abandoned without Amend', () => {
    const abandoned = advanceRecovery(
      after(4),
      { type: 'abandon', reason: 'customer is happy, moving on' },
      { at: '2026-06-25' },
    );
    expect(recoveryStatus(abandoned, { asOf: '2026-07-30' })).toMatchObject({
      state: 'abandoned',
      daysOpen: 24,
      amend: 'skipped',
      fallsApart: true,
      fallsApartReason: 'abandoned_without_amend',
    });
  });

  it('falls apart when Amend waits longer than amendWithinDays after the customer confirmed', () => {
    const waiting = after(4);
    expect(recoveryStatus(waiting, { asOf: '2026-07-09' }).fallsApart).toBe(false);
    expect(recoveryStatus(waiting, { asOf: '2026-07-10' })).toMatchObject({
      amend: 'pending',
      fallsApart: true,
      fallsApartReason: 'amend_overdue',
    });
    expect(recoveryStatus(waiting, { asOf: '2026-07-10', amendWithinDays: 45 }).fallsApart).toBe(false);
  });

  it('rejects an asOf before the last event', () => {
    expect(issuePaths(catchSuccessKitError(() => recoveryStatus(after(3), { asOf: '2026-06-01' })))).toEqual([
      'options.asOf',
    ]);
  });
});
