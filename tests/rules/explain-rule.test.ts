import { describe, expect, it } from 'vitest';
import { calendarDate } from '../../src/core/index';
import { defineRule, explainRule, type ExplainRuleOptions, type FieldCatalog } from '../../src/rules/index';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { deepFreeze } from '../freeze';

const asOf = calendarDate('2026-06-30');
const fields: FieldCatalog = {
  arr: { type: 'number', label: 'ARR' },
  plan: 'string',
  renewalDate: { type: 'date', label: 'renewal date' },
  lastLogin: { type: 'date', label: 'last login' },
  healthBand: { type: 'string', label: 'health band' },
  licenses: { type: 'number', label: 'seats' },
};

function summary(rule: unknown, record: object, options: ExplainRuleOptions = {}): string {
  return explainRule(defineRule(rule), record, { fields, ...options }).summary;
}

describe('explainRule summaries', () => {
  it('reads a matched rule as one sentence with labels, grouped numbers and the values seen', () => {
    const rule = {
      all: [
        { field: 'arr', op: 'gte', value: 100_000 },
        { field: 'plan', op: 'in', value: ['enterprise'] },
      ],
    };
    expect(summary(rule, { arr: 120_000, plan: 'enterprise' })).toBe(
      'ARR 120,000 ≥ 100,000 and plan is in [enterprise]',
    );
  });

  it('names only what failed when an all group fails', () => {
    const rule = {
      all: [
        { field: 'arr', op: 'gte', value: 100_000 },
        { field: 'plan', op: 'in', value: ['enterprise', 'growth'] },
        { field: 'licenses', op: 'gt', value: 10 },
      ],
    };
    expect(summary(rule, { arr: 80_000, plan: 'enterprise', licenses: 4 })).toBe(
      'ARR 80,000 < 100,000 and seats 4 ≤ 10',
    );
  });

  it('names what matched when an any group holds, and everything when it fails', () => {
    const rule = {
      any: [
        { field: 'healthBand', op: 'eq', value: 'red' },
        { field: 'lastLogin', op: 'daysSinceGt', value: 30 },
      ],
    };
    expect(summary(rule, { healthBand: 'green', lastLogin: '2026-04-01' }, { asOf })).toBe(
      'last login 2026-04-01 was 90 days ago, more than 30',
    );
    expect(summary(rule, { healthBand: 'green', lastLogin: '2026-06-29' }, { asOf })).toBe(
      'health band is green, not red and last login 2026-06-29 was 1 day ago, not more than 30',
    );
  });

  it('phrases not through the clauses of the rule inside, which are true as stated', () => {
    expect(summary({ not: { field: 'plan', op: 'eq', value: 'trial' } }, { plan: 'growth' })).toBe(
      'plan is growth, not trial',
    );
    expect(summary({ not: { field: 'plan', op: 'eq', value: 'trial' } }, { plan: 'trial' })).toBe('plan is trial');
    expect(
      summary(
        {
          not: {
            any: [
              { field: 'arr', op: 'lt', value: 1_000 },
              { field: 'plan', op: 'missing' },
            ],
          },
        },
        { arr: 5_000, plan: 'x' },
      ),
    ).toBe('ARR 5,000 ≥ 1,000 and plan is set');
  });

  it('falls back to the field path without a label', () => {
    expect(
      explainRule(defineRule({ field: 'usage.activeUsers', op: 'gte', value: 10 }), { usage: { activeUsers: 12 } })
        .summary,
    ).toBe('usage.activeUsers 12 ≥ 10');
  });
});

describe('explainRule clauses, operator by operator', () => {
  const cases: [string, unknown, object, string][] = [
    ['eq held', { field: 'plan', op: 'eq', value: 'growth' }, { plan: 'growth' }, 'plan is growth'],
    ['eq failed', { field: 'plan', op: 'eq', value: 'growth' }, { plan: 'starter' }, 'plan is starter, not growth'],
    [
      'eq on text where a number is expected',
      { field: 'arr', op: 'eq', value: 100 },
      { arr: '100' },
      'ARR is "100", not 100',
    ],
    ['eq on a boolean', { field: 'sso', op: 'eq', value: true }, { sso: false }, 'sso is false, not true'],
    ['ne held', { field: 'plan', op: 'ne', value: 'trial' }, { plan: 'growth' }, 'plan is growth, not trial'],
    ['ne failed', { field: 'plan', op: 'ne', value: 'trial' }, { plan: 'trial' }, 'plan is trial'],
    ['ne on another type', { field: 'arr', op: 'ne', value: 0 }, { arr: 'zero' }, 'ARR is "zero", not a number'],
    [
      'ne on another type, boolean',
      { field: 'sso', op: 'ne', value: true },
      { sso: 'no' },
      'sso is "no", not true or false',
    ],
    ['ne on another type, text', { field: 'plan', op: 'ne', value: 'x' }, { plan: 1 }, 'plan is 1, not text'],
    ['gt held', { field: 'arr', op: 'gt', value: 1_000 }, { arr: 1_500.5 }, 'ARR 1,500.5 > 1,000'],
    ['gt failed', { field: 'arr', op: 'gt', value: 1_000 }, { arr: 1_000 }, 'ARR 1,000 ≤ 1,000'],
    ['gte failed', { field: 'arr', op: 'gte', value: 1_000 }, { arr: -2_500 }, 'ARR -2,500 < 1,000'],
    ['lt failed', { field: 'arr', op: 'lt', value: 1_000 }, { arr: 1_000 }, 'ARR 1,000 ≥ 1,000'],
    ['lte held', { field: 'arr', op: 'lte', value: 1_000 }, { arr: 1_000 }, 'ARR 1,000 ≤ 1,000'],
    ['lte failed', { field: 'arr', op: 'lte', value: 1_000 }, { arr: 1_000_000 }, 'ARR 1,000,000 > 1,000'],
    ['gt on text', { field: 'arr', op: 'gt', value: 1 }, { arr: '2' }, 'ARR is "2", not a number'],
    ['gt on NaN', { field: 'arr', op: 'gt', value: 1 }, { arr: Number.NaN }, 'ARR is NaN, not a number'],
    [
      'date after',
      { field: 'renewalDate', op: 'gt', value: '2026-06-30' },
      { renewalDate: '2026-07-01' },
      'renewal date 2026-07-01 is after 2026-06-30',
    ],
    [
      'date not after',
      { field: 'renewalDate', op: 'gt', value: '2026-06-30' },
      { renewalDate: '2026-06-30' },
      'renewal date 2026-06-30 is on or before 2026-06-30',
    ],
    [
      'date on or after',
      { field: 'renewalDate', op: 'gte', value: '2026-06-30' },
      { renewalDate: '2026-06-30' },
      'renewal date 2026-06-30 is on or after 2026-06-30',
    ],
    [
      'date not on or after',
      { field: 'renewalDate', op: 'gte', value: '2026-06-30' },
      { renewalDate: '2026-06-29' },
      'renewal date 2026-06-29 is before 2026-06-30',
    ],
    [
      'date before',
      { field: 'renewalDate', op: 'lt', value: '2026-06-30' },
      { renewalDate: '2026-06-29' },
      'renewal date 2026-06-29 is before 2026-06-30',
    ],
    [
      'date not before',
      { field: 'renewalDate', op: 'lt', value: '2026-06-30' },
      { renewalDate: '2026-06-30' },
      'renewal date 2026-06-30 is on or after 2026-06-30',
    ],
    [
      'date on or before',
      { field: 'renewalDate', op: 'lte', value: '2026-06-30' },
      { renewalDate: '2026-06-30' },
      'renewal date 2026-06-30 is on or before 2026-06-30',
    ],
    [
      'date not on or before',
      { field: 'renewalDate', op: 'lte', value: '2026-06-30' },
      { renewalDate: '2026-07-01' },
      'renewal date 2026-07-01 is after 2026-06-30',
    ],
    [
      'date of the wrong type',
      { field: 'renewalDate', op: 'lt', value: '2026-06-30' },
      { renewalDate: 2026 },
      'renewal date is 2,026, not a date',
    ],
    [
      'in held',
      { field: 'plan', op: 'in', value: ['growth', 'enterprise'] },
      { plan: 'growth' },
      'plan is in [growth, enterprise]',
    ],
    [
      'in failed',
      { field: 'plan', op: 'in', value: ['growth', 'enterprise'] },
      { plan: 'starter' },
      'plan is starter, not in [growth, enterprise]',
    ],
    ['in on another type', { field: 'tier', op: 'in', value: [1, 2] }, { tier: '1' }, 'tier is "1", not in [1, 2]'],
    [
      'notIn held',
      { field: 'plan', op: 'notIn', value: ['trial'] },
      { plan: 'growth' },
      'plan is growth, not in [trial]',
    ],
    ['notIn failed', { field: 'plan', op: 'notIn', value: ['trial'] }, { plan: 'trial' }, 'plan is in [trial]'],
    ['notIn on another type', { field: 'plan', op: 'notIn', value: ['trial'] }, { plan: 3 }, 'plan is 3, not text'],
    [
      'between held',
      { field: 'arr', op: 'between', value: [10_000, 50_000] },
      { arr: 25_000 },
      'ARR 25,000 is between 10,000 and 50,000',
    ],
    [
      'between failed',
      { field: 'arr', op: 'between', value: [10_000, 50_000] },
      { arr: 60_000 },
      'ARR 60,000 is not between 10,000 and 50,000',
    ],
    [
      'between dates',
      { field: 'renewalDate', op: 'between', value: ['2026-07-01', '2026-09-30'] },
      { renewalDate: '2026-08-15' },
      'renewal date 2026-08-15 is between 2026-07-01 and 2026-09-30',
    ],
    ['between on text', { field: 'arr', op: 'between', value: [1, 2] }, { arr: 'x' }, 'ARR is "x", not a number'],
    [
      'between dates on a number',
      { field: 'renewalDate', op: 'between', value: ['2026-07-01', '2026-09-30'] },
      { renewalDate: 5 },
      'renewal date is 5, not a date',
    ],
    ['exists held', { field: 'csmId', op: 'exists' }, { csmId: 'csm-1' }, 'csmId is set'],
    ['exists failed', { field: 'csmId', op: 'exists' }, { csmId: null }, 'csmId is missing'],
    ['missing held', { field: 'csmId', op: 'missing' }, {}, 'csmId is missing'],
    ['missing failed', { field: 'csmId', op: 'missing' }, { csmId: 'csm-1' }, 'csmId is set'],
    [
      'contains in text',
      { field: 'name', op: 'contains', value: 'Corp' },
      { name: 'Acme Corp' },
      'name "Acme Corp" contains "Corp"',
    ],
    [
      'contains not in text',
      { field: 'name', op: 'contains', value: 'Inc' },
      { name: 'Acme Corp' },
      'name "Acme Corp" does not contain "Inc"',
    ],
    [
      'contains in a list',
      { field: 'products', op: 'contains', value: 'crm' },
      { products: ['crm', 'cpq'] },
      'products [crm, cpq] contains "crm"',
    ],
    [
      'contains on a number',
      { field: 'products', op: 'contains', value: 'crm' },
      { products: 4 },
      'products is 4, not text or a list',
    ],
    [
      'startsWith held',
      { field: 'region', op: 'startsWith', value: 'emea' },
      { region: 'emea-north' },
      'region "emea-north" starts with "emea"',
    ],
    [
      'startsWith failed',
      { field: 'region', op: 'startsWith', value: 'emea' },
      { region: 'apac' },
      'region "apac" does not start with "emea"',
    ],
    [
      'startsWith on a list',
      { field: 'region', op: 'startsWith', value: 'emea' },
      { region: ['emea'] },
      'region is [emea], not text',
    ],
    ['a missing field', { field: 'arr', op: 'gte', value: 1 }, {}, 'ARR is missing'],
    [
      'a field holding an object',
      { field: 'arr', op: 'eq', value: 1 },
      { arr: { amount: 1 } },
      'ARR is an object, not 1',
    ],
  ];
  for (const [name, rule, record, expected] of cases) {
    it(`${name}: ${expected}`, () => {
      expect(summary(rule, record)).toBe(expected);
    });
  }

  it('days since a date, past, today and future', () => {
    const quiet = { field: 'lastLogin', op: 'daysSinceGt', value: 30 };
    expect(summary(quiet, { lastLogin: '2026-04-01' }, { asOf })).toBe(
      'last login 2026-04-01 was 90 days ago, more than 30',
    );
    expect(summary(quiet, { lastLogin: '2026-06-30' }, { asOf })).toBe(
      'last login 2026-06-30 is today, not more than 30',
    );
    const soon = { field: 'renewalDate', op: 'daysSinceLt', value: 1 };
    expect(summary(soon, { renewalDate: '2026-07-01' }, { asOf })).toBe(
      'renewal date 2026-07-01 is in 1 day, fewer than 1',
    );
    expect(summary(soon, { renewalDate: '2027-06-30' }, { asOf })).toBe(
      'renewal date 2027-06-30 is in 365 days, fewer than 1',
    );
    expect(summary(soon, { renewalDate: '2026-06-29' }, { asOf })).toBe(
      'renewal date 2026-06-29 was 1 day ago, not fewer than 1',
    );
    expect(summary(soon, { renewalDate: 'soon' }, { asOf })).toBe('renewal date is "soon", not a date');
    expect(summary(soon, { renewalDate: '2026-13-01' }, { asOf })).toBe('renewal date is "2026-13-01", not a date');
  });

  it('a window of days ahead or behind, inside, before and after it', () => {
    const renewsIn90 = { field: 'renewalDate', op: 'withinNextDays', value: 90 };
    const sentences = ['2026-07-15', '2026-06-30', '2026-10-15', '2026-06-27', 'enterprise'].map((renewalDate) =>
      summary(renewsIn90, { renewalDate }, { asOf }),
    );
    expect(sentences).toEqual([
      'renewal date 2026-07-15 is in 15 days, within the next 90',
      'renewal date 2026-06-30 is today, within the next 90',
      'renewal date 2026-10-15 is in 107 days, not within the next 90',
      'renewal date 2026-06-27 was 3 days ago, not within the next 90',
      'renewal date is "enterprise", not a date',
    ]);
    const loggedIn = { field: 'lastLogin', op: 'withinLastDays', value: 30 };
    expect(
      ['2026-06-20', '2026-05-01', '2026-07-01'].map((lastLogin) => summary(loggedIn, { lastLogin }, { asOf })),
    ).toEqual([
      'last login 2026-06-20 was 10 days ago, within the last 30',
      'last login 2026-05-01 was 60 days ago, not within the last 30',
      'last login 2026-07-01 is in 1 day, not within the last 30',
    ]);
  });

  it('a date comparison on text that is no real date is false and says so', () => {
    const rule = defineRule({ field: 'segment', op: 'gt', value: '2025-01-01' });
    const explanation = explainRule(rule, { segment: 'enterprise' });
    expect([explanation.result, explanation.summary]).toEqual([false, 'segment is "enterprise", not a date']);
    const soon = explainRule(defineRule({ field: 'd', op: 'daysSinceLt', value: 5 }), { d: '2026-13-01' }, { asOf });
    expect([soon.result, soon.summary]).toEqual([false, 'd is "2026-13-01", not a date']);
  });

  it('changes from the previous snapshot', () => {
    const band = { field: 'healthBand', op: 'changed', value: { from: 'green', to: 'red' } };
    const previous = { healthBand: 'green', licenses: 40, u: 0.6 };
    expect(summary(band, { healthBand: 'red' }, { previous })).toBe('health band went from green to red');
    expect(summary(band, { healthBand: 'yellow' }, { previous })).toBe(
      'health band went from green to yellow, not from green to red',
    );
    expect(
      summary({ field: 'healthBand', op: 'changed', value: { from: 'yellow' } }, { healthBand: 'red' }, { previous }),
    ).toBe('health band went from green to red, not from yellow');
    expect(
      summary({ field: 'healthBand', op: 'changed', value: { to: 'yellow' } }, { healthBand: 'red' }, { previous }),
    ).toBe('health band went from green to red, not to yellow');
    expect(summary(band, { healthBand: 'green' }, { previous })).toBe('health band is unchanged at green');
    expect(summary(band, { healthBand: 'red' })).toBe('health band has no previous value');
    expect(summary(band, {}, { previous })).toBe('health band is missing');
    expect(summary({ field: 'o', op: 'changed' }, { o: {} }, { previous: { o: {} } })).toBe(
      'o is not a value that can change',
    );

    const grew = { field: 'licenses', op: 'increasedBy', value: 10 };
    expect(summary(grew, { licenses: 52 }, { previous })).toBe('seats rose from 40 to 52 (+12), a rise of at least 10');
    expect(summary(grew, { licenses: 45 }, { previous })).toBe(
      'seats rose from 40 to 45 (+5), not a rise of at least 10',
    );
    expect(summary(grew, { licenses: 40 }, { previous })).toBe('seats stayed at 40, not a rise of at least 10');
    const shrank = { field: 'licenses', op: 'decreasedBy', value: 10 };
    expect(summary(shrank, { licenses: 28 }, { previous })).toBe(
      'seats fell from 40 to 28 (−12), a fall of at least 10',
    );
    expect(summary(shrank, { licenses: 41 }, { previous })).toBe(
      'seats rose from 40 to 41 (+1), not a fall of at least 10',
    );
    expect(summary(shrank, { licenses: '28' }, { previous })).toBe('seats is "28", not a number');
    expect(summary(shrank, { licenses: 28 }, { previous: { licenses: 'forty' } })).toBe(
      'seats is "forty", not a number',
    );

    const fell = { field: 'u', op: 'crossedBelow', value: 0.5 };
    expect(summary(fell, { u: 0.4 }, { previous })).toBe('u fell below 0.5, from 0.6 to 0.4');
    expect(summary(fell, { u: 0.55 }, { previous })).toBe('u went from 0.6 to 0.55, not crossing below 0.5');
    const rose = { field: 'u', op: 'crossedAbove', value: 0.5 };
    expect(summary(rose, { u: 0.7 }, { previous: { u: 0.3 } })).toBe('u rose above 0.5, from 0.3 to 0.7');
    expect(summary(rose, { u: 0.7 }, { previous })).toBe('u went from 0.6 to 0.7, not crossing above 0.5');
    expect(summary({ field: 'u', op: 'increasedBy', value: 0.2 }, { u: 0.3 }, { previous: { u: 0.1 } })).toBe(
      'u rose from 0.1 to 0.3 (+0.2), a rise of at least 0.2',
    );
  });
});

describe('explainRule trees', () => {
  it('mirrors the rule, each node with its result and each leaf with what it saw', () => {
    const rule = defineRule({
      all: [
        { field: 'arr', op: 'gte', value: 100_000 },
        { not: { field: 'lastLogin', op: 'daysSinceGt', value: 30 } },
        {
          any: [
            { field: 'healthBand', op: 'changed', value: { to: 'red' } },
            { field: 'products', op: 'contains', value: 'crm' },
          ],
        },
      ],
    });
    const record = { arr: 120_000, lastLogin: '2026-06-20', healthBand: 'red', products: ['crm'] };
    expect(explainRule(rule, record, { asOf, previous: { healthBand: 'yellow' }, fields })).toEqual({
      all: [
        {
          field: 'arr',
          op: 'gte',
          value: 100_000,
          label: 'ARR',
          actual: 120_000,
          result: true,
          summary: 'ARR 120,000 ≥ 100,000',
        },
        {
          not: {
            field: 'lastLogin',
            op: 'daysSinceGt',
            value: 30,
            label: 'last login',
            actual: '2026-06-20',
            daysSince: 10,
            result: false,
            summary: 'last login 2026-06-20 was 10 days ago, not more than 30',
          },
          result: true,
          summary: 'last login 2026-06-20 was 10 days ago, not more than 30',
        },
        {
          any: [
            {
              field: 'healthBand',
              op: 'changed',
              value: { to: 'red' },
              label: 'health band',
              actual: 'red',
              previous: 'yellow',
              result: true,
              summary: 'health band went from yellow to red',
            },
            {
              field: 'products',
              op: 'contains',
              value: 'crm',
              label: 'products',
              actual: ['crm'],
              result: true,
              summary: 'products [crm] contains "crm"',
            },
          ],
          result: true,
          summary: 'health band went from yellow to red and products [crm] contains "crm"',
        },
      ],
      result: true,
      summary:
        'ARR 120,000 ≥ 100,000 and last login 2026-06-20 was 10 days ago, not more than 30 and health band went from yellow to red and products [crm] contains "crm"',
    });
  });

  it('shows values as plain JSON: missing as null, objects and non-finite numbers as null', () => {
    const leaf = (record: object): unknown => {
      const explanation = explainRule(defineRule({ field: 'x', op: 'exists' }), record);
      return 'actual' in explanation ? explanation.actual : 'no actual';
    };
    expect(leaf({})).toBeNull();
    expect(leaf({ x: { nested: 1 } })).toBeNull();
    expect(leaf({ x: Number.POSITIVE_INFINITY })).toBeNull();
    expect(leaf({ x: [1, 'a', { b: 2 }, Number.NaN] })).toEqual([1, 'a', null, null]);
    expect(leaf({ x: [1, [2, [3]]] })).toEqual([1, null]);
    const change = explainRule(defineRule({ field: 'x', op: 'changed' }), { x: 1 });
    expect('previous' in change && change.previous).toBeNull();
  });

  it('gives daysSince only for a real date', () => {
    const daysSince = (d: string, op = 'daysSinceLt'): unknown => {
      const explanation = explainRule(defineRule({ field: 'd', op, value: 5 }), { d }, { asOf });
      return 'daysSince' in explanation ? explanation.daysSince : 'none';
    };
    expect([daysSince('not a date'), daysSince('2026-13-01'), daysSince('2026-06-25')]).toEqual(['none', 'none', 5]);
    expect([daysSince('2026-07-02', 'withinNextDays'), daysSince('2026-06-29', 'withinLastDays')]).toEqual([-2, 1]);
  });

  it('explains a record that contains itself, and lists inside lists, without overflowing the stack', () => {
    const record: Record<string, unknown> = { plan: 'growth' };
    record.self = record;
    const list: unknown[] = ['crm'];
    list.push(list);
    record.products = list;
    const rule = defineRule({
      all: [
        { field: 'self.self.plan', op: 'eq', value: 'growth' },
        { field: 'products', op: 'contains', value: 'crm' },
        { field: 'products', op: 'changed' },
      ],
    });
    const explanation = explainRule(rule, record, { previous: record });
    expect('all' in explanation && explanation.all.map((leaf) => leaf.summary)).toEqual([
      'self.self.plan is growth',
      'products [crm, a list] contains "crm"',
      'products is unchanged at [crm, a list]',
    ]);
    expect('all' in explanation && explanation.all.map((leaf) => ('actual' in leaf ? leaf.actual : 'none'))).toEqual([
      'growth',
      ['crm', null],
      ['crm', null],
    ]);
  });

  it('does not touch the record, the previous snapshot or the catalog', () => {
    const record = deepFreeze({ arr: 5, products: ['a'] });
    const previous = deepFreeze({ arr: 4 });
    const frozenFields = deepFreeze({ ...fields });
    const explanation = explainRule(
      defineRule({
        all: [
          { field: 'arr', op: 'increasedBy', value: 1 },
          { field: 'products', op: 'contains', value: 'a' },
        ],
      }),
      record,
      { previous, fields: frozenFields },
    );
    expect(explanation.result).toBe(true);
  });

  it('throws invalid_input without asOf for days-since conditions, and invalid_date for a bad one', () => {
    const rule = defineRule({
      any: [
        { field: 'arr', op: 'gt', value: 0 },
        { field: 'lastLogin', op: 'daysSinceGt', value: 30 },
      ],
    });
    const missing = catchSuccessKitError(() => explainRule(rule, { arr: 1 }));
    expect(missing.code).toBe('invalid_input');
    expect(issuePaths(missing)).toEqual(['asOf']);
    expect(catchSuccessKitError(() => explainRule(rule, { arr: 1 }, { asOf: '30/06/2026' as never })).code).toBe(
      'invalid_date',
    );
  });

  it('treats a record that is not an object as one without fields', () => {
    expect(explainRule(defineRule({ field: 'length', op: 'missing' }), 'abc' as never).result).toBe(true);
  });
});

describe('explainRule: bad options and records', () => {
  const rule = defineRule({ field: 'a', op: 'exists' });

  it('rejects options that are null or not an object with invalid_input', () => {
    for (const options of [null, 5, 'asOf', []]) {
      const error = catchSuccessKitError(() => explainRule(rule, {}, options as never));
      expect([error.code, issuePaths(error)], String(options)).toEqual(['invalid_input', ['']]);
    }
  });

  it('rejects a catalog entry that is null, at its path', () => {
    const error = catchSuccessKitError(() => explainRule(rule, {}, { fields: { a: null } as never }));
    expect([error.code, error.message]).toEqual([
      'invalid_input',
      'invalid_input: fields.a: expected a field type such as "number", or { type, label }',
    ]);
  });

  it('answers a record or options whose getters throw with invalid_input', () => {
    const trap = Object.defineProperty({}, 'a', {
      enumerable: true,
      get: (): never => {
        throw new Error('no access');
      },
    });
    const fromRecord = catchSuccessKitError(() => explainRule(rule, trap));
    expect([fromRecord.code, fromRecord.message]).toEqual([
      'invalid_input',
      'invalid_input: the record or the options could not be read: it threw "no access"',
    ]);
    const withPrevious = defineRule({ field: 'a', op: 'changed' });
    expect(catchSuccessKitError(() => explainRule(withPrevious, { a: 1 }, { previous: trap })).code).toBe(
      'invalid_input',
    );
  });
});

describe('explainRule: rules not from defineRule', () => {
  it('rejects a malformed rule with invalid_rule and the path of the bad node', () => {
    const error = catchSuccessKitError(() => explainRule({ not: { field: 'arr', op: 'gte' } } as never, { arr: 1 }));
    expect(error.code).toBe('invalid_rule');
    expect(issuePaths(error)).toEqual(['not.value']);
  });

  it('explains a valid hand-written rule as it explains the defined one', () => {
    const written = {
      any: [
        { field: 'arr', op: 'lt', value: 10 },
        { field: 'plan', op: 'eq', value: 'trial' },
      ],
    } as const;
    expect(explainRule(written, { arr: 20, plan: 'trial' })).toEqual(
      explainRule(defineRule(written), { arr: 20, plan: 'trial' }),
    );
  });
});
