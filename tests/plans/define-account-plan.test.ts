import { describe, expect, it } from 'vitest';
import { defineAccountPlan, orgChartDepth } from '../../src/plans/index';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { healthyPlan } from './plan-fixtures';

function chain(length: number, closed = false) {
  return Array.from({ length }, (_, index) => ({
    id: `c${String(index)}`,
    name: `Contact ${String(index)}`,
    role: index === 0 ? ('champion' as const) : ('leader' as const),
    ...(index < length - 1 ? { reportsTo: `c${String(index + 1)}` } : closed ? { reportsTo: 'c0' } : {}),
  }));
}

describe('defineAccountPlan', () => {
  it('returns a frozen copy with every list present, leaving the input as it was', () => {
    const input = { id: 'p1', accountId: 'acme', contacts: [{ id: 'ana', name: 'Ana', role: 'champion' as const }] };
    const before = structuredClone(input);
    const plan = defineAccountPlan(input);
    expect(plan).toEqual({
      ...input,
      purchaseReasons: [],
      successCriteria: [],
      redFlags: [],
      initiatives: [],
      nextSteps: [],
    });
    expect(Object.isFrozen(plan)).toBe(true);
    expect(Object.isFrozen(plan.contacts)).toBe(true);
    expect(Object.isFrozen(plan.contacts[0])).toBe(true);
    expect(plan.contacts).not.toBe(input.contacts);
    expect(input).toEqual(before);
    expect(Object.isFrozen(input)).toBe(false);
  });

  it('accepts a plan it returned without copying it again', () => {
    const plan = defineAccountPlan(healthyPlan());
    expect(orgChartDepth(plan)).toBe(3);
  });

  it('rejects duplicate ids in each list as invalid_definition, naming the first use', () => {
    const plan = healthyPlan();
    const error = catchSuccessKitError(() =>
      defineAccountPlan({
        ...plan,
        contacts: [...plan.contacts, { id: 'ana', name: 'Ana again', role: 'user' }],
        nextSteps: [
          ...(plan.nextSteps ?? []),
          { id: 'n1', action: 'Again', owner: 'client', dueDate: '2026-07-01', status: 'open' },
        ],
      }),
    );
    expect(error.code).toBe('invalid_definition');
    expect(issuePaths(error)).toEqual(['contacts[4].id', 'nextSteps[1].id']);
    expect(error.issues[0]?.message).toBe('duplicate id "ana", first used at contacts[2]');
  });

  it('rejects references to unknown contacts and initiatives as invalid_reference', () => {
    const plan = healthyPlan();
    const error = catchSuccessKitError(() =>
      defineAccountPlan({
        ...plan,
        contacts: [...plan.contacts, { id: 'eve', name: 'Eve', role: 'user', reportsTo: 'zed' }],
        redFlags: [{ id: 'f1', kind: 'other', description: 'x', raisedDate: '2026-06-01', contactId: 'nobody' }],
        initiatives: [{ id: 'i1', name: 'Rollout', owner: 'us', ownerContactId: 'ghost', status: 'open' }],
        nextSteps: [
          {
            id: 'n1',
            action: 'Call',
            owner: 'client',
            ownerContactId: 'ghost',
            dueDate: '2026-07-01',
            status: 'open',
            initiativeId: 'i9',
          },
        ],
      }),
    );
    expect(error.code).toBe('invalid_reference');
    expect(issuePaths(error)).toEqual([
      'contacts[4].reportsTo',
      'redFlags[0].contactId',
      'initiatives[0].ownerContactId',
      'nextSteps[0].ownerContactId',
      'nextSteps[0].initiativeId',
    ]);
    expect(error.issues[0]?.message).toBe('no contact has the id "zed"');
  });

  it('rejects a contact reporting to themselves', () => {
    const error = catchSuccessKitError(() =>
      defineAccountPlan({
        id: 'p',
        accountId: 'a',
        contacts: [{ id: 'ana', name: 'Ana', role: 'champion', reportsTo: 'ana' }],
      }),
    );
    expect(error.code).toBe('invalid_reference');
    expect(error.issues).toEqual([
      { path: ['contacts', 0, 'reportsTo'], message: 'a contact cannot report to themselves' },
    ]);
  });

  it('rejects a reporting cycle of three, naming its members', () => {
    const error = catchSuccessKitError(() =>
      defineAccountPlan({
        id: 'p',
        accountId: 'a',
        contacts: [
          { id: 'top', name: 'Top', role: 'executive_sponsor' },
          { id: 'a', name: 'A', role: 'champion', reportsTo: 'b' },
          { id: 'b', name: 'B', role: 'leader', reportsTo: 'c' },
          { id: 'c', name: 'C', role: 'leader', reportsTo: 'a' },
        ],
      }),
    );
    expect(error.code).toBe('invalid_reference');
    expect(error.issues).toEqual([
      {
        path: ['contacts', 1, 'reportsTo'],
        message: 'reporting cycle: "a" reports to "b" reports to "c" reports to "a"',
      },
    ]);
  });

  it('finds a cycle entered from a chain leading into it', () => {
    const error = catchSuccessKitError(() =>
      defineAccountPlan({
        id: 'p',
        accountId: 'a',
        contacts: [
          { id: 'x', name: 'X', role: 'user', reportsTo: 'a' },
          { id: 'a', name: 'A', role: 'champion', reportsTo: 'b' },
          { id: 'b', name: 'B', role: 'leader', reportsTo: 'a' },
        ],
      }),
    );
    expect(error.issues[0]?.path).toEqual(['contacts', 1, 'reportsTo']);
  });

  it('walks a 10,000-deep reporting chain without overflowing the stack', () => {
    const plan = defineAccountPlan({ id: 'p', accountId: 'a', contacts: chain(10_000) });
    expect(orgChartDepth(plan)).toBe(10_000);
  });

  it('finds a 10,000-long reporting cycle without overflowing the stack', () => {
    const error = catchSuccessKitError(() =>
      defineAccountPlan({ id: 'p', accountId: 'a', contacts: chain(10_000, true) }),
    );
    expect(error.code).toBe('invalid_reference');
    expect(error.issues[0]?.path).toEqual(['contacts', 0, 'reportsTo']);
  });

  it('rejects a criterion history that does not start with added, goes back in time or changes a dropped criterion', () => {
    const error = catchSuccessKitError(() =>
      defineAccountPlan({
        id: 'p',
        accountId: 'a',
        contacts: [],
        successCriteria: [
          { id: 's1', area: 'Speed', history: [{ date: '2026-01-01', change: 'changed' }] },
          {
            id: 's2',
            area: 'Cost',
            history: [
              { date: '2026-02-01', change: 'added' },
              { date: '2026-01-01', change: 'reviewed' },
            ],
          },
          {
            id: 's3',
            area: 'Reach',
            history: [
              { date: '2026-01-01', change: 'added' },
              { date: '2026-02-01', change: 'dropped' },
              { date: '2026-03-01', change: 'reviewed' },
            ],
          },
        ],
      }),
    );
    expect(error.code).toBe('invalid_definition');
    expect(issuePaths(error)).toEqual([
      'successCriteria[0].history[0].change',
      'successCriteria[1].history[1].date',
      'successCriteria[2].history[2].change',
    ]);
  });

  it('rejects review and resolution dates before the dates they follow', () => {
    const error = catchSuccessKitError(() =>
      defineAccountPlan({
        id: 'p',
        accountId: 'a',
        contacts: [],
        purchaseReasons: [
          { id: 'r', challenge: 'x', status: 'open', recordedDate: '2026-02-01', lastReviewedDate: '2026-01-01' },
        ],
        redFlags: [{ id: 'f', kind: 'other', description: 'x', raisedDate: '2026-02-01', resolvedDate: '2026-01-01' }],
      }),
    );
    expect(issuePaths(error)).toEqual(['purchaseReasons[0].lastReviewedDate', 'redFlags[0].resolvedDate']);
  });

  it('rejects a malformed plan as invalid_input at the field', () => {
    const error = catchSuccessKitError(() =>
      defineAccountPlan({ id: 'p', accountId: 'a', contacts: [{ id: 'ana', name: 'Ana', role: 'boss' as never }] }),
    );
    expect(error.code).toBe('invalid_input');
    expect(issuePaths(error)).toEqual(['contacts[0].role']);
  });
});
