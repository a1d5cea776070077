import { describe, expect, it } from 'vitest';
import { parsePortfolio } from '../../src/core/portfolio';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { deepFreeze } from '../freeze';

const account = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: id,
  arr: 1_000,
  startDate: '2024-01-01',
  ...extra,
});
const contact = (id: string, accountId: string, extra: Record<string, unknown> = {}) => ({
  id,
  accountId,
  name: id,
  role: 'user',
  ...extra,
});

const valid = {
  asOf: '2025-06-30',
  accounts: [account('a'), account('b', { parentId: 'a' })],
  contacts: [contact('c1', 'a'), contact('c2', 'a', { reportsTo: 'c1' })],
  usage: [{ accountId: 'a', periodStart: '2025-06-01', period: 'month', activeUsers: 3 }],
  surveys: [{ id: 's1', accountId: 'a', contactId: 'c2', kind: 'nps', score: 9, date: '2025-06-02' }],
  subscriptions: [{ id: 'sub1', accountId: 'b', mrr: 100, startDate: '2024-01-01' }],
  mrr: [{ accountId: 'b', month: '2025-06-01', mrr: 100 }],
  events: [{ id: 'e1', accountId: 'a', date: '2025-06-03', type: 'champion_left', contactId: 'c1' }],
};

function referencePaths(input: unknown): string[] {
  const error = catchSuccessKitError(() => parsePortfolio(input));
  expect(error.code).toBe('invalid_reference');
  return issuePaths(error);
}

describe('parsePortfolio', () => {
  it('accepts a consistent portfolio without changing it', () => {
    expect(parsePortfolio(deepFreeze(structuredClone(valid)))).toEqual(valid);
  });

  it('defaults absent lists to empty', () => {
    expect(parsePortfolio({ asOf: '2025-06-30', accounts: [] })).toEqual({
      asOf: '2025-06-30',
      accounts: [],
      contacts: [],
      usage: [],
      surveys: [],
      subscriptions: [],
      mrr: [],
      events: [],
    });
  });

  it('reports schema failures with their full path', () => {
    const error = catchSuccessKitError(() =>
      parsePortfolio({ ...valid, accounts: [account('a'), account('b', { arr: 'x' })] }),
    );
    expect(error.code).toBe('invalid_input');
    expect(issuePaths(error)).toEqual(['accounts[1].arr']);
  });

  it('reports duplicate ids', () => {
    expect(referencePaths({ ...valid, accounts: [account('a'), account('a')] })).toContain('accounts[1].id');
    expect(
      referencePaths({ ...valid, contacts: [contact('c1', 'a'), contact('c1', 'a'), contact('c2', 'a')] }),
    ).toEqual(['contacts[1].id']);
  });

  it('reports ids that point at nothing', () => {
    expect(referencePaths({ ...valid, usage: [{ ...valid.usage[0], accountId: 'zz' }] })).toEqual([
      'usage[0].accountId',
    ]);
    expect(referencePaths({ ...valid, accounts: [account('a'), account('b', { parentId: 'zz' })] })).toEqual([
      'accounts[1].parentId',
    ]);
    expect(referencePaths({ ...valid, surveys: [{ ...valid.surveys[0], contactId: 'zz' }] })).toEqual([
      'surveys[0].contactId',
    ]);
    expect(referencePaths({ ...valid, events: [{ ...valid.events[0], contactId: 'zz' }] })).toEqual([
      'events[0].contactId',
    ]);
    expect(
      referencePaths({ ...valid, contacts: [contact('c1', 'a'), contact('c2', 'a', { reportsTo: 'zz' })] }),
    ).toEqual(['contacts[1].reportsTo']);
  });

  it('reports contacts used across accounts', () => {
    expect(referencePaths({ ...valid, surveys: [{ ...valid.surveys[0], accountId: 'b' }] })).toEqual([
      'surveys[0].contactId',
    ]);
    const contacts = [contact('c1', 'a'), contact('c2', 'b', { reportsTo: 'c1' })];
    expect(referencePaths({ ...valid, contacts, surveys: [] })).toEqual(['contacts[1].reportsTo']);
  });

  it('reports loops in the account and org-chart hierarchies', () => {
    const accounts = [
      account('a', { parentId: 'c' }),
      account('b', { parentId: 'a' }),
      account('c', { parentId: 'b' }),
    ];
    expect(referencePaths({ asOf: '2025-06-30', accounts })).toEqual([
      'accounts[0].parentId',
      'accounts[1].parentId',
      'accounts[2].parentId',
    ]);
    const contacts = [contact('c1', 'a', { reportsTo: 'c2' }), contact('c2', 'a', { reportsTo: 'c1' })];
    expect(referencePaths({ asOf: '2025-06-30', accounts: [account('a')], contacts })).toEqual([
      'contacts[0].reportsTo',
      'contacts[1].reportsTo',
    ]);
  });

  it('reports a second MRR snapshot for the same account and month', () => {
    expect(referencePaths({ ...valid, mrr: [valid.mrr[0], { ...valid.mrr[0], mrr: 5 }] })).toEqual(['mrr[1]']);
  });

  it('stops at 100 issues', () => {
    const usage = Array.from({ length: 150 }, () => ({ ...valid.usage[0], accountId: 'zz' }));
    const error = catchSuccessKitError(() => parsePortfolio({ ...valid, usage }));
    expect(error.issues).toHaveLength(100);
    expect(error.message).toBe('invalid_reference: usage[0].accountId: no account "zz" (and 99 more)');
  });
});
