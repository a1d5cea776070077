import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, calendarDate } from '../../src/core/index';
import { isSuccessKitError } from '../../src/core/index';
import {
  advanceRecovery,
  checkSmart,
  defineAccountPlan,
  goalProgress,
  hitsAndMisses,
  meetingReadiness,
  openRecovery,
  orgChartDepth,
  reviewAccountPlan,
  RecoveryStep,
  type DefinedRecoveryCase,
  type RecoveryCaseInput,
  type RecoveryEvent,
} from '../../src/plans/index';
import { catchSuccessKitError } from '../catch-error';
import { deepFreeze } from '../freeze';
import { healthyPlan } from './plan-fixtures';
import { completeEvents, opening } from './recovery-fixtures';

const start = calendarDate('2026-06-01');

/** The keys of numbers in a result that are NaN or infinite. */
function nonFinite(result: unknown): string[] {
  const found: string[] = [];
  JSON.stringify(result, (key, value: unknown) => {
    if (typeof value === 'number' && !Number.isFinite(value)) found.push(key);
    return value;
  });
  return found;
}

/** Events a case may be sent: each step's complete record, records missing fields, and abandoning. */
const anyEvent: fc.Arbitrary<RecoveryEvent> = fc.oneof(
  fc.constantFrom(...RecoveryStep.options).map((step) => completeEvents[step]),
  fc.constantFrom(...RecoveryStep.options).map((step): RecoveryEvent => ({ type: 'complete', step, details: {} })),
  fc
    .constantFrom(...RecoveryStep.options)
    .map((step): RecoveryEvent => ({ type: 'complete', step, details: undefined })),
  fc.constant<RecoveryEvent>({ type: 'abandon', reason: 'dropped' }),
);

describe('5-A recovery invariants', () => {
  it('no sequence of events reaches closed without all five steps completed with their records, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(anyEvent, fc.integer({ min: 0, max: 3 })), { maxLength: 30 }), (events) => {
        let recovery: DefinedRecoveryCase = openRecovery(opening);
        let day = start;
        const completed: string[] = [];
        for (const [event, gap] of events) {
          day = addDays(day, gap);
          try {
            recovery = advanceRecovery(recovery, event, { at: day });
            if (event.type === 'complete') completed.push(event.step);
          } catch (error) {
            expect(isSuccessKitError(error) && error.code).toBe('invalid_transition');
          }
        }
        if (recovery.state === 'closed') {
          expect(completed).toEqual(RecoveryStep.options);
          expect(
            recovery.steps.map((step) => [step.step, step.completedAt !== undefined, step.details !== undefined]),
          ).toEqual(RecoveryStep.options.map((step) => [step, true, true]));
        } else {
          expect(completed).toEqual(RecoveryStep.options.slice(0, completed.length));
        }
      }),
    );
  });

  it('only completing the step under way with its record moves the case', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 }), fc.constantFrom(...RecoveryStep.options), (done, step) => {
        let recovery: DefinedRecoveryCase = openRecovery(opening);
        for (const earlier of RecoveryStep.options.slice(0, done))
          recovery = advanceRecovery(recovery, completeEvents[earlier], { at: start });
        const current = RecoveryStep.options[done];
        if (step === current)
          expect(advanceRecovery(recovery, completeEvents[step], { at: start }).steps[done]?.completedAt).toBe(start);
        else
          expect(catchSuccessKitError(() => advanceRecovery(recovery, completeEvents[step], { at: start })).code).toBe(
            'invalid_transition',
          );
      }),
    );
  });
});

/** Contacts where each reports to an earlier one or to nobody: a forest, never a cycle. */
const forest = fc.array(fc.option(fc.nat(), { nil: undefined }), { maxLength: 60 }).map((managers) =>
  managers.map((manager, index) => ({
    id: `c${String(index)}`,
    name: `Contact ${String(index)}`,
    role: (['champion', 'peer', 'leader', 'executive_sponsor', 'user'] as const)[index % 5]!,
    ...(manager === undefined || index === 0 ? {} : { reportsTo: `c${String(manager % index)}` }),
    ...(index % 3 === 0 ? { lastEngagedDate: '2026-06-01' } : {}),
    ...(index % 7 === 6 ? { leftDate: '2026-05-01' } : {}),
  })),
);

function longestChain(contacts: readonly { id: string; reportsTo?: string }[]): number {
  const byId = new Map(contacts.map((contact) => [contact.id, contact]));
  let deepest = 0;
  for (const contact of contacts) {
    let length = 1;
    let manager = contact.reportsTo;
    while (manager !== undefined) {
      length++;
      manager = byId.get(manager)?.reportsTo;
    }
    deepest = Math.max(deepest, length);
  }
  return deepest;
}

describe('account plan invariants', () => {
  it('the org chart depth is the longest reportsTo chain', () => {
    fc.assert(
      fc.property(forest, (contacts) => {
        expect(orgChartDepth({ id: 'p', accountId: 'a', contacts })).toBe(longestChain(contacts));
      }),
    );
  });

  it('any reportsTo pattern is defined or rejected with invalid_reference, never anything else', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.nat({ max: 80 }), { nil: undefined }), { maxLength: 40 }), (managers) => {
        const contacts = managers.map((manager, index) => ({
          id: `c${String(index)}`,
          name: 'x',
          role: 'user' as const,
          ...(manager === undefined ? {} : { reportsTo: `c${String(manager)}` }),
        }));
        try {
          expect(orgChartDepth(defineAccountPlan({ id: 'p', accountId: 'a', contacts }))).toBe(longestChain(contacts));
        } catch (error) {
          expect(isSuccessKitError(error) && error.code).toBe('invalid_reference');
        }
      }),
    );
  });

  it('a review leaves its input alone, scores 0–100 as the sum of its parts and holds only finite numbers', () => {
    fc.assert(
      fc.property(forest, fc.integer({ min: 0, max: 400 }), (contacts, back) => {
        const plan = {
          id: 'p',
          accountId: 'a',
          contacts,
          nextSteps: [{ id: 'n', action: 'x', owner: 'us' as const, dueDate: '2026-03-01', status: 'open' as const }],
        };
        const before = structuredClone(plan);
        const review = reviewAccountPlan(plan, { asOf: addDays(calendarDate('2026-06-30'), -back) });
        expect(plan).toEqual(before);
        const sum = review.completeness.parts.reduce((total, part) => total + part.points, 0);
        expect([review.completeness.score, sum >= 0 && sum <= 100]).toEqual([sum, true]);
        const share = review.coverage.engagedShare;
        expect(share === null || (share >= 0 && share <= 1)).toBe(true);
        expect(nonFinite(review)).toEqual([]);
      }),
    );
  });
});

describe('goal progress invariants', () => {
  it('every period gets one status, and numbers stay finite for any finite measurements', () => {
    const value = fc.double({ min: -1e12, max: 1e12, noNaN: true });
    fc.assert(
      fc.property(
        value,
        value,
        fc.array(fc.tuple(fc.integer({ min: 0, max: 200 }), value), { maxLength: 20 }),
        (baseline, target, measured) => {
          const goal = {
            id: 'g',
            outcome: 'Move the metric',
            baseline: { value: baseline, date: '2026-01-01' },
            target: { value: target, date: '2026-06-30' },
            dataOwner: 'us' as const,
          };
          const observations = measured.map(([offset, observed]) => ({
            value: observed,
            date: addDays(calendarDate('2026-01-01'), offset),
          }));
          const progress = goalProgress(goal, observations, { asOf: '2026-05-15' });
          expect(progress.periods.map((period) => period.periodEnd).at(-1)).toBe('2026-06-30');
          expect(nonFinite(progress)).toEqual([]);
        },
      ),
    );
  });
});

describe('no input mutation', () => {
  it('every function reads deep-frozen inputs without writing to them', () => {
    const plan = deepFreeze(healthyPlan());
    const goal = deepFreeze({
      id: 'g1',
      outcome: 'Cut average ticket resolution time',
      baseline: { value: 48, date: '2025-12-31' },
      target: { value: 36, date: '2026-03-31' },
      reviews: [{ periodEnd: '2026-01-31', reason: 'holidays' }],
      dataOwner: 'client' as const,
    });
    const observations = deepFreeze([{ value: 45, date: '2026-01-31' }]);
    const events = deepFreeze([
      { id: 'e1', accountId: 'acme', type: 'escalation' as const, severity: 'high' as const, date: '2026-06-02' },
    ]);
    const meeting = deepFreeze({ id: 'm', accountId: 'acme', date: '2026-07-02', agenda: ['f1'] });
    expect(
      reviewAccountPlan(plan, deepFreeze({ asOf: '2026-06-30', events, policy: { engagementDays: 30 } })).planId,
    ).toBe('plan-acme');
    expect(checkSmart(goal, deepFreeze({ asOf: '2026-01-01', plan })).goalId).toBe('g1');
    expect(goalProgress(goal, observations, deepFreeze({ asOf: '2026-02-01' })).periods.length).toBe(3);
    expect(
      hitsAndMisses(deepFreeze([goal]), deepFreeze({ g1: observations }), deepFreeze({ asOf: '2026-02-01' })).misses
        .length,
    ).toBe(1);
    expect(meetingReadiness(meeting, deepFreeze({ asOf: '2026-07-01', plan })).total).toBe(5);
    const stored = deepFreeze(JSON.parse(JSON.stringify(openRecovery(opening))) as RecoveryCaseInput);
    expect(advanceRecovery(stored, deepFreeze(completeEvents.assess), deepFreeze({ at: '2026-06-01' })).state).toBe(
      'acknowledge',
    );
  });
});
