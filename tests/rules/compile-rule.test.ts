import { describe, expect, it } from 'vitest';
import { calendarDate } from '../../src/core/index';
import { compileRule, defineRule, ruleOperators, type DefinedRule, type RuleOperator } from '../../src/rules/index';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { holds } from './holds';

const asOf = calendarDate('2026-06-30');

describe('compileRule: comparisons', () => {
  it('eq matches numbers, text, booleans and dates strictly, never coercing', () => {
    const arr100 = { field: 'arr', op: 'eq', value: 100 };
    expect(holds(arr100, { arr: 100 })).toBe(true);
    expect(holds(arr100, { arr: 99 })).toBe(false);
    expect(holds(arr100, { arr: '100' })).toBe(false);
    expect(holds({ field: 'plan', op: 'eq', value: 'growth' }, { plan: 'growth' })).toBe(true);
    expect(holds({ field: 'plan', op: 'eq', value: 'growth' }, { plan: 'Growth' })).toBe(false);
    expect(holds({ field: 'hasSso', op: 'eq', value: true }, { hasSso: true })).toBe(true);
    expect(holds({ field: 'hasSso', op: 'eq', value: true }, { hasSso: 'true' })).toBe(false);
    expect(holds({ field: 'hasSso', op: 'eq', value: false }, { hasSso: 0 })).toBe(false);
    expect(holds({ field: 'renewalDate', op: 'eq', value: '2026-03-31' }, { renewalDate: '2026-03-31' })).toBe(true);
  });

  it('ne holds only for a present value of the same type that differs', () => {
    const notTrial = { field: 'plan', op: 'ne', value: 'trial' };
    expect(holds(notTrial, { plan: 'growth' })).toBe(true);
    expect(holds(notTrial, { plan: 'trial' })).toBe(false);
    expect(holds(notTrial, {})).toBe(false);
    expect(holds(notTrial, { plan: null })).toBe(false);
    expect(holds(notTrial, { plan: 7 })).toBe(false);
    expect(holds({ field: 'arr', op: 'ne', value: 0 }, { arr: 5 })).toBe(true);
    expect(holds({ field: 'hasSso', op: 'ne', value: true }, { hasSso: false })).toBe(true);
  });

  it('gt, gte, lt and lte compare numbers', () => {
    const cases: [RuleOperator, number, boolean][] = [
      ['gt', 99, false],
      ['gt', 100, false],
      ['gt', 101, true],
      ['gte', 99, false],
      ['gte', 100, true],
      ['gte', 101, true],
      ['lt', 99, true],
      ['lt', 100, false],
      ['lt', 101, false],
      ['lte', 99, true],
      ['lte', 100, true],
      ['lte', 101, false],
    ];
    for (const [op, arr, expected] of cases)
      expect(holds({ field: 'arr', op, value: 100 }, { arr }), `${op} ${String(arr)}`).toBe(expected);
    expect(holds({ field: 'score', op: 'lt', value: 0 }, { score: -0.5 })).toBe(true);
  });

  it('gt, gte, lt and lte compare dates by the calendar', () => {
    const cases: [RuleOperator, string, boolean][] = [
      ['gt', '2026-06-29', false],
      ['gt', '2026-06-30', false],
      ['gt', '2026-07-01', true],
      ['gte', '2026-06-30', true],
      ['lt', '2026-06-29', true],
      ['lt', '2026-06-30', false],
      ['lte', '2026-06-30', true],
      ['lte', '2027-01-01', false],
      ['lt', '2025-12-31', true],
    ];
    for (const [op, renewalDate, expected] of cases) {
      expect(holds({ field: 'renewalDate', op, value: '2026-06-30' }, { renewalDate }), `${op} ${renewalDate}`).toBe(
        expected,
      );
    }
  });

  it('never coerces text, booleans or null to numbers', () => {
    expect(holds({ field: 'arr', op: 'gt', value: 100 }, { arr: '200' })).toBe(false);
    expect(holds({ field: 'arr', op: 'gt', value: -1 }, { arr: null })).toBe(false);
    expect(holds({ field: 'arr', op: 'gt', value: 0 }, { arr: true })).toBe(false);
    expect(holds({ field: 'arr', op: 'lt', value: 1 }, { arr: [] })).toBe(false);
    expect(holds({ field: 'arr', op: 'gte', value: 0 }, { arr: Number.NaN })).toBe(false);
  });

  it('treats a date field that holds no date text as the wrong type', () => {
    const beforeJuly = { field: 'renewalDate', op: 'lt', value: '2026-07-01' };
    expect(holds(beforeJuly, { renewalDate: 20_260_630 })).toBe(false);
    expect(holds(beforeJuly, { renewalDate: new Date(Date.UTC(2026, 5, 30)) })).toBe(false);
    expect(holds(beforeJuly, { renewalDate: '2026-6-30' })).toBe(false);
    expect(holds(beforeJuly, { renewalDate: '' })).toBe(false);
  });

  it('treats a 10-character string that is not a real date as the wrong type, for every date operator', () => {
    const notDates = ['enterprise', '2026-13-01', '2026-00-10', '2026-02-29', '2026-04-31', '2026-06-00', '2026-06-3x'];
    const conditions = [
      { field: 'd', op: 'gt', value: '2025-01-01' },
      { field: 'd', op: 'gte', value: '2025-01-01' },
      { field: 'd', op: 'lt', value: '2027-12-31' },
      { field: 'd', op: 'lte', value: '2027-12-31' },
      { field: 'd', op: 'between', value: ['2025-01-01', '2027-12-31'] },
      { field: 'd', op: 'daysSinceGt', value: -1_000 },
      { field: 'd', op: 'daysSinceLt', value: 1_000 },
      { field: 'd', op: 'withinNextDays', value: 1_000 },
      { field: 'd', op: 'withinLastDays', value: 1_000 },
    ];
    const held = conditions.flatMap((condition) =>
      notDates.filter((d) => holds(condition, { d }, { asOf })).map((d) => `${condition.op} ${d}`),
    );
    expect(held).toEqual([]);
    // The same conditions hold for a real date in range, so it is the date check that fails above.
    expect(conditions.filter((condition) => !holds(condition, { d: '2026-06-30' }, { asOf }))).toEqual([]);
  });

  it('does not read "enterprise" as a date after 2025-01-01, nor 2026-13-01 as one in the last days', () => {
    expect(
      compileRule(defineRule({ field: 'segment', op: 'gt', value: '2025-01-01' }))({ segment: 'enterprise' }),
    ).toBe(false);
    const renewsSoon = compileRule(defineRule({ field: 'renewalDate', op: 'daysSinceLt', value: 30 }));
    expect(renewsSoon({ renewalDate: '2026-13-01' }, { asOf })).toBe(false);
    expect(renewsSoon({ renewalDate: '2026-12-01' }, { asOf })).toBe(true);
  });

  it('accepts 29 February in leap years only, 2000 and 2024 but not 1900 or 2026', () => {
    const after = { field: 'd', op: 'gt', value: '0001-01-01' };
    const leapDays = ['2000-02-29', '2024-02-29', '1900-02-29', '2026-02-29', '0000-02-29'];
    expect(leapDays.filter((d) => holds(after, { d }))).toEqual(['2000-02-29', '2024-02-29']);
  });

  it('an inherited method or any function is no field: exists is false and missing true', () => {
    const exists = compileRule(defineRule({ field: 'toString', op: 'exists' }));
    const missing = compileRule(
      defineRule({
        any: [
          { field: 'toString', op: 'missing' },
          { field: 'x', op: 'eq', value: 0 },
        ],
      }),
    );
    expect([exists({}), missing({}), exists({ toString: 'text' })]).toEqual([false, true, true]);
    expect(compileRule(defineRule({ field: 'handler', op: 'exists' }))({ handler: () => 1 })).toBe(false);
  });

  it('a missing field, undefined or null alike, is false for every operator but missing', () => {
    const conditions = [
      { field: 'x', op: 'eq', value: 1 },
      { field: 'x', op: 'ne', value: 1 },
      { field: 'x', op: 'gt', value: 1 },
      { field: 'x', op: 'gte', value: 1 },
      { field: 'x', op: 'lt', value: 1 },
      { field: 'x', op: 'lte', value: '2026-01-01' },
      { field: 'x', op: 'in', value: [1, 'a', true] },
      { field: 'x', op: 'notIn', value: [1, 'a', true] },
      { field: 'x', op: 'between', value: [0, 10] },
      { field: 'x', op: 'exists' },
      { field: 'x', op: 'contains', value: 'a' },
      { field: 'x', op: 'startsWith', value: '' },
      { field: 'x', op: 'daysSinceGt', value: -100 },
      { field: 'x', op: 'daysSinceLt', value: 100 },
      { field: 'x', op: 'withinNextDays', value: 100 },
      { field: 'x', op: 'withinLastDays', value: 100 },
      { field: 'x', op: 'changed' },
      { field: 'x', op: 'increasedBy', value: 1 },
      { field: 'x', op: 'decreasedBy', value: 1 },
      { field: 'x', op: 'crossedBelow', value: 1 },
      { field: 'x', op: 'crossedAbove', value: 1 },
    ];
    expect(new Set(conditions.map((condition) => condition.op)).size).toBe(ruleOperators.length - 1);
    const previous = { x: 5 };
    for (const condition of conditions) {
      for (const record of [{}, { x: undefined }, { x: null }]) {
        expect(holds(condition, record, { asOf, previous }), `${condition.op} on ${JSON.stringify(record)}`).toBe(
          false,
        );
      }
    }
    for (const record of [{}, { x: undefined }, { x: null }])
      expect(holds({ field: 'x', op: 'missing' }, record)).toBe(true);
  });
});

describe('compileRule: lists and ranges', () => {
  it('in holds for a listed value of the same type', () => {
    const paid = { field: 'plan', op: 'in', value: ['growth', 'enterprise'] };
    expect(holds(paid, { plan: 'growth' })).toBe(true);
    expect(holds(paid, { plan: 'starter' })).toBe(false);
    expect(holds({ field: 'tier', op: 'in', value: [1, 2] }, { tier: 2 })).toBe(true);
    expect(holds({ field: 'tier', op: 'in', value: [1, 2] }, { tier: '2' })).toBe(false);
    expect(holds(paid, { plan: ['growth'] })).toBe(false);
  });

  it('long lists give the same answers as short ones', () => {
    const ids = Array.from({ length: 50 }, (_, index) => `acc-${String(index)}`);
    const listed = { field: 'id', op: 'in', value: ids };
    expect(holds(listed, { id: 'acc-49' })).toBe(true);
    expect(holds(listed, { id: 'acc-50' })).toBe(false);
    expect(holds({ field: 'id', op: 'notIn', value: ids }, { id: 'acc-50' })).toBe(true);
    expect(holds({ field: 'id', op: 'notIn', value: ids }, { id: 50 })).toBe(false);
  });

  it('notIn holds for an unlisted value of a listed type, and not for other types', () => {
    const notFree = { field: 'plan', op: 'notIn', value: ['free', 'trial'] };
    expect(holds(notFree, { plan: 'growth' })).toBe(true);
    expect(holds(notFree, { plan: 'trial' })).toBe(false);
    expect(holds(notFree, { plan: 3 })).toBe(false);
    expect(holds({ field: 'x', op: 'notIn', value: [1, 'a'] }, { x: 'b' })).toBe(true);
    expect(holds({ field: 'x', op: 'notIn', value: [1, 'a'] }, { x: false })).toBe(false);
  });

  it('between includes both ends, for numbers and dates', () => {
    const mid = { field: 'employees', op: 'between', value: [200, 999] };
    expect([199, 200, 500, 999, 1000].map((employees) => holds(mid, { employees }))).toEqual([
      false,
      true,
      true,
      true,
      false,
    ]);
    expect(holds(mid, { employees: '500' })).toBe(false);
    const q3 = { field: 'renewalDate', op: 'between', value: ['2026-07-01', '2026-09-30'] };
    expect(
      ['2026-06-30', '2026-07-01', '2026-08-15', '2026-09-30', '2026-10-01'].map((renewalDate) =>
        holds(q3, { renewalDate }),
      ),
    ).toEqual([false, true, true, true, false]);
    expect(holds({ field: 'x', op: 'between', value: [5, 5] }, { x: 5 })).toBe(true);
  });
});

describe('compileRule: presence, text and lists', () => {
  it('exists holds for any present value, falsy ones included', () => {
    for (const value of [0, '', false, [], {}]) expect(holds({ field: 'x', op: 'exists' }, { x: value })).toBe(true);
    for (const value of [0, '', false]) expect(holds({ field: 'x', op: 'missing' }, { x: value })).toBe(false);
  });

  it('contains finds a substring in text and an element in a list, case-sensitively', () => {
    expect(holds({ field: 'name', op: 'contains', value: 'Logistics' }, { name: 'Northwind Logistics' })).toBe(true);
    expect(holds({ field: 'name', op: 'contains', value: 'logistics' }, { name: 'Northwind Logistics' })).toBe(false);
    expect(holds({ field: 'products', op: 'contains', value: 'crm' }, { products: ['crm', 'cpq'] })).toBe(true);
    expect(holds({ field: 'products', op: 'contains', value: 'cr' }, { products: ['crm', 'cpq'] })).toBe(false);
    expect(holds({ field: 'tiers', op: 'contains', value: 2 }, { tiers: [1, 2] })).toBe(true);
    expect(holds({ field: 'name', op: 'contains', value: 2 }, { name: 'v2' })).toBe(false);
    expect(holds({ field: 'name', op: 'contains', value: 'a' }, { name: 42 })).toBe(false);
  });

  it('startsWith matches the beginning of text only', () => {
    expect(holds({ field: 'region', op: 'startsWith', value: 'emea' }, { region: 'emea-north' })).toBe(true);
    expect(holds({ field: 'region', op: 'startsWith', value: 'emea' }, { region: 'north-emea' })).toBe(false);
    expect(holds({ field: 'region', op: 'startsWith', value: 'emea' }, { region: ['emea'] })).toBe(false);
  });
});

describe('compileRule: days since a date', () => {
  it('daysSinceGt and daysSinceLt count whole days from the date to asOf', () => {
    const quiet = { field: 'lastLogin', op: 'daysSinceGt', value: 30 };
    // 2026-05-31 is 30 days before 2026-06-30; 2026-05-30 is 31.
    expect(holds(quiet, { lastLogin: '2026-05-31' }, { asOf })).toBe(false);
    expect(holds(quiet, { lastLogin: '2026-05-30' }, { asOf })).toBe(true);
    const recent = { field: 'lastLogin', op: 'daysSinceLt', value: 7 };
    expect(holds(recent, { lastLogin: '2026-06-24' }, { asOf })).toBe(true);
    expect(holds(recent, { lastLogin: '2026-06-23' }, { asOf })).toBe(false);
  });

  it('counts across leap days and year ends', () => {
    const twoDays = { field: 'd', op: 'daysSinceGt', value: 1 };
    expect(holds(twoDays, { d: '2024-02-28' }, { asOf: calendarDate('2024-03-01') })).toBe(true);
    expect(holds(twoDays, { d: '2025-02-28' }, { asOf: calendarDate('2025-03-01') })).toBe(false);
    expect(
      holds({ field: 'd', op: 'daysSinceLt', value: 2 }, { d: '2025-12-31' }, { asOf: calendarDate('2026-01-01') }),
    ).toBe(true);
  });

  it('gives a future date negative days, so "renews in the next 90 days" is two conditions', () => {
    // −90 ≤ asOf − renewalDate ≤ 0, today included.
    const renewsWithin90Days = {
      all: [
        { field: 'renewalDate', op: 'daysSinceGt', value: -91 },
        { field: 'renewalDate', op: 'daysSinceLt', value: 1 },
      ],
    };
    expect(holds(renewsWithin90Days, { renewalDate: '2026-09-28' }, { asOf })).toBe(true);
    expect(holds(renewsWithin90Days, { renewalDate: '2026-09-29' }, { asOf })).toBe(false);
    expect(holds(renewsWithin90Days, { renewalDate: '2026-06-30' }, { asOf })).toBe(true);
    expect(holds(renewsWithin90Days, { renewalDate: '2026-06-29' }, { asOf })).toBe(false);
  });

  it('follows asOf from call to call', () => {
    const quiet = compileRule(defineRule({ field: 'lastLogin', op: 'daysSinceGt', value: 30 }));
    const record = { lastLogin: '2026-05-15' };
    expect(quiet(record, { asOf: calendarDate('2026-06-01') })).toBe(false);
    expect(quiet(record, { asOf: calendarDate('2026-06-30') })).toBe(true);
    expect(quiet(record, { asOf: calendarDate('2026-06-01') })).toBe(false);
  });

  it('handles day counts beyond the years 0000–9999', () => {
    const record = { d: '2026-06-30' };
    expect(holds({ field: 'd', op: 'daysSinceGt', value: 1e9 }, record, { asOf })).toBe(false);
    expect(holds({ field: 'd', op: 'daysSinceLt', value: 1e9 }, record, { asOf })).toBe(true);
    expect(holds({ field: 'd', op: 'daysSinceGt', value: -1e9 }, record, { asOf })).toBe(true);
    expect(holds({ field: 'd', op: 'daysSinceLt', value: -1e9 }, record, { asOf })).toBe(false);
  });

  it('throws invalid_input without asOf, even where the condition would be skipped', () => {
    const predicate = compileRule(
      defineRule({
        all: [
          { field: 'arr', op: 'gt', value: 0 },
          { field: 'lastLogin', op: 'daysSinceGt', value: 30 },
        ],
      }),
    );
    const error = catchSuccessKitError(() => predicate({ arr: 0, lastLogin: '2026-01-01' }));
    expect(error.code).toBe('invalid_input');
    expect(issuePaths(error)).toEqual(['asOf']);
    expect(catchSuccessKitError(() => predicate({ arr: 0 }, {})).code).toBe('invalid_input');
  });

  it('throws invalid_date for an asOf that is not a real date', () => {
    const predicate = compileRule(defineRule({ field: 'lastLogin', op: 'daysSinceGt', value: 30 }));
    const error = catchSuccessKitError(() => predicate({}, { asOf: '2026-02-30' as never }));
    expect(error.code).toBe('invalid_date');
    expect(issuePaths(error)).toEqual(['asOf']);
  });

  it('needs no asOf for a rule without days-since conditions', () => {
    expect(
      compileRule(defineRule({ field: 'renewalDate', op: 'lt', value: '2026-07-01' }))({ renewalDate: '2026-06-01' }),
    ).toBe(true);
  });
});

describe('compileRule: windows of days around asOf', () => {
  it('withinNextDays holds from asOf to asOf + n, both included', () => {
    const renewsIn90 = { field: 'renewalDate', op: 'withinNextDays', value: 90 };
    const renewals = ['2026-06-29', '2026-06-30', '2026-07-01', '2026-09-28', '2026-09-29', '2027-06-30'];
    expect(renewals.filter((renewalDate) => holds(renewsIn90, { renewalDate }, { asOf }))).toEqual([
      '2026-06-30',
      '2026-07-01',
      '2026-09-28',
    ]);
  });

  it('withinLastDays holds from asOf − n to asOf, both included', () => {
    const loggedInLast30 = { field: 'lastLogin', op: 'withinLastDays', value: 30 };
    const logins = ['2026-05-30', '2026-05-31', '2026-06-15', '2026-06-30', '2026-07-01'];
    expect(logins.filter((lastLogin) => holds(loggedInLast30, { lastLogin }, { asOf }))).toEqual([
      '2026-05-31',
      '2026-06-15',
      '2026-06-30',
    ]);
  });

  it('a window of 0 days is asOf alone', () => {
    for (const op of ['withinNextDays', 'withinLastDays'] as const) {
      const today = { field: 'd', op, value: 0 };
      expect(['2026-06-29', '2026-06-30', '2026-07-01'].filter((d) => holds(today, { d }, { asOf }))).toEqual([
        '2026-06-30',
      ]);
    }
  });

  it('counts across leap days and year ends, and windows beyond the years 0000–9999', () => {
    expect(
      holds({ field: 'd', op: 'withinNextDays', value: 1 }, { d: '2024-03-01' }, { asOf: calendarDate('2024-02-28') }),
    ).toBe(false);
    expect(
      holds({ field: 'd', op: 'withinLastDays', value: 1 }, { d: '2025-12-31' }, { asOf: calendarDate('2026-01-01') }),
    ).toBe(true);
    expect(holds({ field: 'd', op: 'withinNextDays', value: 1e9 }, { d: '9999-12-31' }, { asOf })).toBe(true);
    expect(holds({ field: 'd', op: 'withinLastDays', value: 1e9 }, { d: '0000-01-01' }, { asOf })).toBe(true);
  });

  it('rejects a window that is negative or not whole, and needs asOf', () => {
    const messages = (value: unknown): string[] =>
      catchSuccessKitError(() => defineRule({ field: 'd', op: 'withinNextDays', value })).issues.map(
        (issue) => issue.message,
      );
    expect(messages(-1)).toEqual(['expected a number >= 0, got -1']);
    expect(messages(1.5)).toEqual(['expected integer, got 1.5']);
    const error = catchSuccessKitError(() =>
      compileRule(defineRule({ field: 'd', op: 'withinLastDays', value: 7 }))({ d: '2026-06-30' }),
    );
    expect([error.code, error.message]).toEqual([
      'invalid_input',
      'invalid_input: asOf: required: the rule counts days from asOf (daysSinceGt, daysSinceLt, withinNextDays or withinLastDays)',
    ]);
  });
});

describe('compileRule: change from the previous snapshot', () => {
  it('changed holds when both snapshots have different values', () => {
    const ownerChanged = { field: 'csmId', op: 'changed' };
    expect(holds(ownerChanged, { csmId: 'csm-2' }, { previous: { csmId: 'csm-1' } })).toBe(true);
    expect(holds(ownerChanged, { csmId: 'csm-1' }, { previous: { csmId: 'csm-1' } })).toBe(false);
    expect(holds(ownerChanged, { csmId: 'csm-2' })).toBe(false);
    expect(holds(ownerChanged, { csmId: 'csm-2' }, { previous: {} })).toBe(false);
    expect(holds(ownerChanged, {}, { previous: { csmId: 'csm-1' } })).toBe(false);
    expect(holds(ownerChanged, { csmId: 1 }, { previous: { csmId: '1' } })).toBe(true);
  });

  it('changed compares lists element by element, and objects not at all', () => {
    const productsChanged = { field: 'products', op: 'changed' };
    expect(holds(productsChanged, { products: ['crm', 'cpq'] }, { previous: { products: ['crm', 'cpq'] } })).toBe(
      false,
    );
    expect(holds(productsChanged, { products: ['crm', 'cpq'] }, { previous: { products: ['crm'] } })).toBe(true);
    expect(holds(productsChanged, { products: ['cpq', 'crm'] }, { previous: { products: ['crm', 'cpq'] } })).toBe(true);
    expect(holds(productsChanged, { products: { crm: true } }, { previous: { products: { crm: false } } })).toBe(false);
  });

  it('changed with from and to is one condition for "health went from green to red"', () => {
    const greenToRed = { field: 'healthBand', op: 'changed', value: { from: 'green', to: 'red' } };
    expect(holds(greenToRed, { healthBand: 'red' }, { previous: { healthBand: 'green' } })).toBe(true);
    expect(holds(greenToRed, { healthBand: 'red' }, { previous: { healthBand: 'yellow' } })).toBe(false);
    expect(holds(greenToRed, { healthBand: 'yellow' }, { previous: { healthBand: 'green' } })).toBe(false);
    const intoRed = { field: 'healthBand', op: 'changed', value: { to: 'red' } };
    expect(holds(intoRed, { healthBand: 'red' }, { previous: { healthBand: 'yellow' } })).toBe(true);
    expect(holds(intoRed, { healthBand: 'red' }, { previous: { healthBand: 'red' } })).toBe(false);
    const outOfGreen = { field: 'healthBand', op: 'changed', value: { from: 'green' } };
    expect(holds(outOfGreen, { healthBand: 'yellow' }, { previous: { healthBand: 'green' } })).toBe(true);
    expect(holds(outOfGreen, { healthBand: 'green' }, { previous: { healthBand: 'green' } })).toBe(false);
  });

  it('increasedBy and decreasedBy compare current − previous with the value, ends included', () => {
    const grewBy10 = { field: 'licenses', op: 'increasedBy', value: 10 };
    expect(holds(grewBy10, { licenses: 52 }, { previous: { licenses: 40 } })).toBe(true);
    expect(holds(grewBy10, { licenses: 50 }, { previous: { licenses: 40 } })).toBe(true);
    expect(holds(grewBy10, { licenses: 49 }, { previous: { licenses: 40 } })).toBe(false);
    expect(holds(grewBy10, { licenses: 30 }, { previous: { licenses: 40 } })).toBe(false);
    const shrankBy10 = { field: 'licenses', op: 'decreasedBy', value: 10 };
    expect(holds(shrankBy10, { licenses: 30 }, { previous: { licenses: 40 } })).toBe(true);
    expect(holds(shrankBy10, { licenses: 31 }, { previous: { licenses: 40 } })).toBe(false);
    expect(holds(shrankBy10, { licenses: 50 }, { previous: { licenses: 40 } })).toBe(false);
    expect(holds(shrankBy10, { licenses: '30' }, { previous: { licenses: 40 } })).toBe(false);
  });

  it('forgives binary rounding: utilization 0.1 → 0.3 rose by 0.2', () => {
    expect(0.3 - 0.1 >= 0.2).toBe(false);
    expect(holds({ field: 'u', op: 'increasedBy', value: 0.2 }, { u: 0.3 }, { previous: { u: 0.1 } })).toBe(true);
    expect(holds({ field: 'u', op: 'decreasedBy', value: 0.2 }, { u: 0.1 }, { previous: { u: 0.3 } })).toBe(true);
    expect(holds({ field: 'u', op: 'increasedBy', value: 0.2 }, { u: 0.2999 }, { previous: { u: 0.1 } })).toBe(false);
  });

  it('crossedBelow and crossedAbove need the previous value on one side and the current strictly on the other', () => {
    const fellBelowHalf = { field: 'u', op: 'crossedBelow', value: 0.5 };
    const below = (previous: number, current: number): boolean =>
      holds(fellBelowHalf, { u: current }, { previous: { u: previous } });
    expect([below(0.6, 0.4), below(0.5, 0.4), below(0.6, 0.5), below(0.4, 0.3), below(0.4, 0.6)]).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
    const roseAbove90 = { field: 'u', op: 'crossedAbove', value: 0.9 };
    const above = (previous: number, current: number): boolean =>
      holds(roseAbove90, { u: current }, { previous: { u: previous } });
    expect([above(0.85, 0.95), above(0.9, 0.95), above(0.85, 0.9), above(0.95, 0.99), above(0.95, 0.8)]).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});

describe('compileRule: groups, paths and records', () => {
  it('combines conditions with all, any and not, at any depth', () => {
    const rule = {
      all: [
        { field: 'arr', op: 'gte', value: 100_000 },
        { any: [{ field: 'plan', op: 'eq', value: 'enterprise' }, { not: { field: 'csmId', op: 'missing' } }] },
      ],
    };
    expect(holds(rule, { arr: 150_000, plan: 'growth', csmId: 'csm-1' })).toBe(true);
    expect(holds(rule, { arr: 150_000, plan: 'growth' })).toBe(false);
    expect(holds(rule, { arr: 150_000, plan: 'enterprise' })).toBe(true);
    expect(holds(rule, { arr: 90_000, plan: 'enterprise', csmId: 'csm-1' })).toBe(false);
  });

  it('evaluates groups of every width', () => {
    for (let width = 1; width <= 9; width++) {
      const leaves = Array.from({ length: width }, (_, index) => ({ field: `f${String(index)}`, op: 'eq', value: 1 }));
      const allOnes = Object.fromEntries(leaves.map((leaf) => [leaf.field, 1]));
      const lastZero = { ...allOnes, [`f${String(width - 1)}`]: 0 };
      expect(holds({ all: leaves }, allOnes)).toBe(true);
      expect(holds({ all: leaves }, lastZero)).toBe(false);
      expect(holds({ any: leaves }, lastZero)).toBe(width > 1);
      expect(holds({ any: leaves }, {})).toBe(false);
    }
  });

  it('evaluates rules nested 32 levels deep', () => {
    let rule: unknown = { field: 'a', op: 'eq', value: 1 };
    for (let level = 2; level <= 32; level++) rule = level % 2 === 0 ? { not: rule } : { all: [rule] };
    // Levels 2, 4, …, 32 are 16 nots, which cancel out.
    expect(holds(rule, { a: 1 })).toBe(true);
    expect(holds(rule, { a: 2 })).toBe(false);
  });

  it('reads dotted paths through objects and lists only', () => {
    const record = { usage: { activeUsers: 42, weekly: { logins: [3, 5] } }, name: 'Acme' };
    expect(holds({ field: 'usage.activeUsers', op: 'gte', value: 40 }, record)).toBe(true);
    expect(holds({ field: 'usage.weekly.logins.1', op: 'eq', value: 5 }, record)).toBe(true);
    expect(holds({ field: 'usage.weekly.logins.2', op: 'missing' }, record)).toBe(true);
    expect(holds({ field: 'name.length', op: 'missing' }, record)).toBe(true);
    expect(holds({ field: 'usage.activeUsers.value', op: 'missing' }, record)).toBe(true);
    expect(holds({ field: 'usage.missing.deeper', op: 'missing' }, record)).toBe(true);
  });

  it('treats a record that is not an object as one without fields', () => {
    const predicate = compileRule(
      defineRule({
        any: [
          { field: 'length', op: 'exists' },
          { field: 'x', op: 'missing' },
        ],
      }),
    );
    expect([null, undefined, 'abc', 5].filter((record) => !predicate(record as never))).toEqual([]);
    expect(compileRule(defineRule({ field: 'length', op: 'exists' }))('abc' as never)).toBe(false);
  });

  it('treats a previous snapshot that is not an object as none', () => {
    expect(holds({ field: 'length', op: 'changed' }, { length: 4 }, { previous: 'abc' as never })).toBe(false);
  });
});

describe('compileRule: rules not from defineRule', () => {
  it('checks a hand-written rule as defineRule does, and compiles a valid one', () => {
    const written = {
      all: [{ field: 'arr', op: 'gte', value: 10 }, { not: { field: 'plan', op: 'eq', value: 'trial' } }],
    };
    const predicate = compileRule(written as never);
    expect([predicate({ arr: 20, plan: 'growth' }), predicate({ arr: 20, plan: 'trial' })]).toEqual([true, false]);
  });

  it('checks a rule cast to DefinedRule, since a cast can fake the brand', () => {
    const faked = { all: [] } as unknown as DefinedRule;
    const error = catchSuccessKitError(() => compileRule(faked));
    expect([error.code, issuePaths(error)]).toEqual(['invalid_rule', ['all']]);
  });

  it('rejects what defineRule rejects with invalid_rule and the path of the bad node, never a TypeError', () => {
    for (const [rule, path] of [
      [{ all: [] }, 'all'],
      [{ any: [{ field: 'a', op: 'bogus', value: 1 }] }, 'any[0].op'],
      [{}, ''],
      [null, ''],
    ] as const) {
      const error = catchSuccessKitError(() => compileRule(rule as never));
      expect(error.code).toBe('invalid_rule');
      expect(issuePaths(error)[0]).toBe(path);
    }
  });
});
