import { describe, expect, it } from 'vitest';
import { coverage, orgChartDepth } from '../../src/plans/index';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { asOf, healthyPlan } from './plan-fixtures';

describe('orgChartDepth', () => {
  it('is 0 without contacts, 1 for a flat chart and 3 for champion, director and VP', () => {
    expect(orgChartDepth({ id: 'p', accountId: 'a', contacts: [] })).toBe(0);
    expect(
      orgChartDepth({
        id: 'p',
        accountId: 'a',
        contacts: [
          { id: 'a', name: 'A', role: 'user' },
          { id: 'b', name: 'B', role: 'user' },
        ],
      }),
    ).toBe(1);
    expect(orgChartDepth(healthyPlan())).toBe(3);
  });

  it('takes the longest chain when contacts are listed bottom-up', () => {
    const contacts = [
      { id: 'd', name: 'D', role: 'user' as const, reportsTo: 'c' },
      { id: 'c', name: 'C', role: 'champion' as const, reportsTo: 'b' },
      { id: 'x', name: 'X', role: 'peer' as const, reportsTo: 'b' },
      { id: 'b', name: 'B', role: 'leader' as const, reportsTo: 'a' },
      { id: 'a', name: 'A', role: 'executive_sponsor' as const },
    ];
    expect(orgChartDepth({ id: 'p', accountId: 'a', contacts })).toBe(4);
  });
});

describe('coverage', () => {
  it('counts contacts and engaged contacts per level and per role', () => {
    const plan = healthyPlan();
    plan.contacts.push({ id: 'eve', name: 'Eve', role: 'user', reportsTo: 'ana', lastEngagedDate: '2026-01-01' });
    plan.contacts.push({ id: 'fay', name: 'Fay', role: 'user', reportsTo: 'ana', leftDate: '2026-02-01' });
    expect(coverage(plan, { asOf })).toEqual({
      asOf,
      engagedWithinDays: 60,
      contacts: 5,
      engaged: 4,
      engagedShare: 0.8,
      levels: [
        { level: 1, contacts: 1, engaged: 1, left: 0 },
        { level: 2, contacts: 1, engaged: 1, left: 0 },
        { level: 3, contacts: 2, engaged: 2, left: 0 },
        { level: 4, contacts: 1, engaged: 0, left: 1 },
      ],
      roles: { champion: 1, peer: 1, leader: 1, executive_sponsor: 1, user: 1 },
    });
  });

  it('counts engagement inside the window only: 30 days back from asOf, not 30 days and one', () => {
    const plan = healthyPlan();
    const result = coverage(plan, { asOf, engagedWithinDays: 30 });
    // cy 2026-05-20 (41 days), bo 2026-06-10 (20), ana 2026-06-20 (10), dee 2026-06-01 (29)
    expect(result.engaged).toBe(3);
    expect(coverage(plan, { asOf, engagedWithinDays: 29 }).engaged).toBe(2);
  });

  it('ignores engagement dated after asOf and events of other accounts', () => {
    const plan = {
      id: 'p',
      accountId: 'acme',
      contacts: [{ id: 'ana', name: 'Ana', role: 'champion' as const, lastEngagedDate: '2026-07-05' }],
    };
    const events = [
      { id: 'e1', accountId: 'other', type: 'login' as const, date: '2026-06-20', contactId: 'ana' },
      { id: 'e2', accountId: 'acme', type: 'login' as const, date: '2026-07-02', contactId: 'ana' },
    ];
    expect(coverage(plan, { asOf, events }).engaged).toBe(0);
    expect(coverage(plan, { asOf: '2026-07-03', events }).engaged).toBe(1);
  });

  it('gives a null share without contacts', () => {
    expect(coverage({ id: 'p', accountId: 'a', contacts: [] }, { asOf }).engagedShare).toBeNull();
  });

  it('rejects bad options at their path', () => {
    expect(issuePaths(catchSuccessKitError(() => coverage(healthyPlan(), { asOf, engagedWithinDays: 0 })))).toEqual([
      'options.engagedWithinDays',
    ]);
    expect(issuePaths(catchSuccessKitError(() => coverage(healthyPlan(), [] as never)))).toEqual(['options']);
  });
});
