import { describe, expect, it } from 'vitest';
import { accountSnapshots } from '../../src/snapshot/index';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { hostileValues } from '../hostile-values';

const account = { id: 'acc-1', name: 'Acme', arr: 0, startDate: '2025-01-01' };
const ticket = { id: 'e1', accountId: 'acc-1', date: '2026-06-01', type: 'ticket', ticketId: 'T1', priority: 'high' };
const validRows: Record<string, unknown> = {
  contacts: { id: 'c1', accountId: 'acc-1', name: 'Ana', role: 'champion' },
  usage: { accountId: 'acc-1', periodStart: '2026-05-01', period: 'month', activeUsers: 3 },
  surveys: { id: 's1', accountId: 'acc-1', date: '2026-06-01', kind: 'nps', score: 9 },
  mrr: { accountId: 'acc-1', month: '2026-05-01', mrr: 100 },
  events: ticket,
};

function failure(portfolio: unknown, options?: unknown): [string, string[]] {
  const error = catchSuccessKitError(() => accountSnapshots(portfolio as never, options as never));
  return [error.code, issuePaths(error)];
}

describe('accountSnapshots on bad input', () => {
  it('names an event for an account that is not there: invalid_reference', () => {
    const error = catchSuccessKitError(() =>
      accountSnapshots({
        asOf: '2026-06-30',
        accounts: [account],
        events: [{ ...ticket, accountId: 'acc-9' }],
      } as never),
    );
    expect([error.code, issuePaths(error), error.issues[0]?.message]).toEqual([
      'invalid_reference',
      ['events[0].accountId'],
      'event "e1" names no account "acc-9"',
    ]);
  });

  it('reports rows of unknown accounts in every list, and duplicate account ids', () => {
    const lists = Object.fromEntries(
      Object.entries(validRows).map(([list, row]) => [list, [{ ...(row as object), accountId: 'x' }]]),
    );
    expect(failure({ asOf: '2026-06-30', accounts: [account, account], ...lists })).toEqual([
      'invalid_reference',
      [
        'accounts[1].id',
        'contacts[0].accountId',
        'usage[0].accountId',
        'surveys[0].accountId',
        'mrr[0].accountId',
        'events[0].accountId',
      ],
    ]);
  });

  it('rejects a second MRR snapshot of an account in one month', () => {
    const mrr = [validRows.mrr, { ...(validRows.mrr as object), mrr: 5 }];
    expect(failure({ asOf: '2026-06-30', accounts: [account], mrr })).toEqual(['invalid_reference', ['mrr[1]']]);
  });

  it('rejects a contact, survey or event listed twice for the same account and day, naming the repeat', () => {
    const twice = (row: unknown): unknown[] => [row, { ...(row as object), note: 'again' }];
    const error = catchSuccessKitError(() =>
      accountSnapshots({
        asOf: '2026-06-30',
        accounts: [account],
        contacts: [validRows.contacts, { ...(validRows.contacts as object), name: 'Ana B.' }],
        surveys: [validRows.surveys, validRows.surveys],
        events: twice(ticket),
      } as never),
    );
    expect([error.code, issuePaths(error), error.issues[2]?.message]).toEqual([
      'invalid_reference',
      ['contacts[1].id', 'surveys[1].id', 'events[1].id'],
      'repeats events[0]: id "e1"',
    ]);
  });

  it('accepts one id on different days or accounts, and finds a repeat in a long run of one day', () => {
    const other = { ...account, id: 'acc-2' };
    const sameIdElsewhere = [ticket, { ...ticket, date: '2026-06-02' }, { ...ticket, accountId: 'acc-2' }];
    expect(
      accountSnapshots({ asOf: '2026-06-30', accounts: [account, other], events: sameIdElsewhere } as never).snapshots,
    ).toHaveLength(2);
    const run = Array.from({ length: 40 }, (_, index) => ({ ...ticket, id: `e${String(index)}` }));
    expect(failure({ asOf: '2026-06-30', accounts: [account], events: [...run, run[7]] })).toEqual([
      'invalid_reference',
      ['events[40].id'],
    ]);
  });

  it('tells ids apart that end alike, and names the first row an id repeats', () => {
    const alike = ['north-01', 'south-01', 'east--01'].map((id) => ({ ...ticket, id }));
    expect(
      accountSnapshots({ asOf: '2026-06-30', accounts: [account], events: alike } as never).snapshots,
    ).toHaveLength(1);
    const error = catchSuccessKitError(() =>
      accountSnapshots({ asOf: '2026-06-30', accounts: [account], events: [ticket, ticket, ticket] } as never),
    );
    expect(error.issues.map((issue) => issue.message)).toEqual([
      'repeats events[0]: id "e1"',
      'repeats events[0]: id "e1"',
    ]);
  });

  it('names the first bad field of a row with the schema’s message', () => {
    const error = catchSuccessKitError(() =>
      accountSnapshots({
        asOf: '2026-06-30',
        accounts: [account],
        events: [ticket, { ...ticket, id: 'e2', date: '2026-02-30' }],
      } as never),
    );
    expect([error.code, issuePaths(error), error.issues[0]?.message]).toEqual([
      'invalid_input',
      ['events[1].date'],
      'expected a real calendar date as YYYY-MM-DD, got "2026-02-30"',
    ]);
    expect(failure({ asOf: '2026-06-30', accounts: [{ ...account, startDate: 'soon' }] })).toEqual([
      'invalid_input',
      ['accounts[0].startDate'],
    ]);
    expect(
      failure({ asOf: '2026-06-30', accounts: [account], surveys: [{ ...(validRows.surveys as object), score: 11 }] }),
    ).toEqual(['invalid_input', ['surveys[0].score']]);
    expect(
      failure({ asOf: '2026-06-30', accounts: [account], surveys: [{ ...(validRows.surveys as object), id: 7 }] }),
    ).toEqual(['invalid_input', ['surveys[0].id']]);
    expect(
      failure({
        asOf: '2026-06-30',
        accounts: [account],
        mrr: [{ ...(validRows.mrr as object), month: '2026-05-02' }],
      }),
    ).toEqual(['invalid_input', ['mrr[0].month']]);
    expect(
      failure({
        asOf: '2026-06-30',
        accounts: [account],
        usage: [{ ...(validRows.usage as object), averageDailyActiveUsers: 4 }],
      }),
    ).toEqual(['invalid_input', ['usage[0].averageDailyActiveUsers']]);
  });

  it('rejects a container that is not a portfolio, and options that are not options', () => {
    expect(failure({ asOf: '2026-06-30' })).toEqual(['invalid_input', ['accounts']]);
    expect(failure({ asOf: '2026-06-30', accounts: [], events: {} })).toEqual(['invalid_input', ['events']]);
    expect(failure({ asOf: '2026-06-30', accounts: [] }, null)).toEqual(['invalid_input', ['options']]);
    expect(failure({ asOf: '2026-06-30', accounts: [] }, { windowDays: 0 })).toEqual([
      'invalid_input',
      ['options.windowDays'],
    ]);
    expect(failure({ asOf: '2026-06-30', accounts: [] }, { asOf: '2026-6-30' })).toEqual([
      'invalid_input',
      ['options.asOf'],
    ]);
    expect(failure({ asOf: '2026-06-30', accounts: [] }, { window: 30 })).toEqual([
      'invalid_input',
      ['options.window'],
    ]);
    expect(failure({ accounts: [] })).toEqual(['invalid_input', ['options.asOf']]);
  });

  it('takes asOf from the options when the parts have none', () => {
    expect(
      accountSnapshots({ accounts: [account] } as never, { asOf: '2026-06-30' }).snapshots.map(
        (snapshot) => snapshot.tenureDays,
      ),
    ).toEqual([545]);
  });

  it.each(hostileValues())('answers %s as the portfolio with invalid_input', (_name, value) => {
    expect(failure(value)[0]).toBe('invalid_input');
  });

  it.each(hostileValues())('answers %s as the options with invalid_input at options, or accepts it', (_name, value) => {
    const outcome = ((): string => {
      try {
        accountSnapshots({ asOf: '2026-06-30', accounts: [account] } as never, value as never);
        return 'accepted';
      } catch (error) {
        const { code, issues } = catchSuccessKitError(() => {
          throw error;
        });
        return `${code} at ${String(issues[0]?.path[0])}`;
      }
    })();
    expect(['accepted', 'invalid_input at options']).toContain(outcome);
  });

  it.each(hostileValues())('answers %s as a row of any list with invalid_input naming the row', (_name, value) => {
    const lists = ['accounts', ...Object.keys(validRows)];
    const outcomes = lists.map((list) => {
      const rows = list === 'accounts' ? [account, value] : [validRows[list], value];
      const [code, paths] = failure({ asOf: '2026-06-30', accounts: [account], [list]: rows });
      return `${code} at ${paths[0]?.split('.')[0] ?? ''}`;
    });
    expect(outcomes).toEqual(lists.map((list) => `invalid_input at ${list}[1]`));
  });

  it('answers an account list that throws when read with invalid_input', () => {
    const { proxy, revoke } = Proxy.revocable([account], {});
    revoke();
    expect(failure({ asOf: '2026-06-30', accounts: proxy })[0]).toBe('invalid_input');
  });
});
