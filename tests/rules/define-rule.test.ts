import { describe, expect, it } from 'vitest';
import { defineRule, type FieldCatalog } from '../../src/rules/index';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { deepFreeze } from '../freeze';
import { frozenParts, unfrozenParts } from './frozen-parts';

const fields: FieldCatalog = {
  arr: { type: 'number', label: 'ARR' },
  plan: 'string',
  renewalDate: { type: 'date', label: 'Renewal date' },
  'attributes.hasSso': 'boolean',
  products: 'string[]',
  healthBand: 'string',
};

/** The issues of a rejected rule as `path: message` lines. */
function problems(input: unknown, catalog?: FieldCatalog): string[] {
  const error = catchSuccessKitError(() => defineRule(input, catalog === undefined ? {} : { fields: catalog }));
  expect(error.code).toBe('invalid_rule');
  const paths = issuePaths(error);
  return error.issues.map((issue, index) => `${paths[index] ?? ''}: ${issue.message}`);
}

describe('defineRule', () => {
  it('returns a fresh, deep-frozen copy of a valid rule and leaves the input alone', () => {
    const input = deepFreeze({
      all: [
        { field: 'arr', op: 'between', value: [10_000, 50_000] },
        { not: { field: 'plan', op: 'in', value: ['trial'] } },
        {
          any: [
            { field: 'healthBand', op: 'changed', value: { from: 'green', to: 'red' } },
            { field: 'products', op: 'exists' },
          ],
        },
      ],
    });
    const rule = defineRule(input, { fields });
    expect(rule).toEqual(input);
    expect(rule).not.toBe(input);
    expect(unfrozenParts(rule)).toEqual([]);
  });

  it('brands its result in the type only: the rule has its own keys and nothing else', () => {
    const rule = defineRule({ field: 'arr', op: 'gte', value: 1 });
    expect([Object.keys(rule), Object.getOwnPropertySymbols(rule)]).toEqual([['field', 'op', 'value'], []]);
    expect(JSON.stringify(rule)).toBe('{"field":"arr","op":"gte","value":1}');
  });

  it('reports a wrong value type against the catalog in the documented words', () => {
    const input = {
      all: [
        { field: 'arr', op: 'gte', value: 100_000 },
        { field: 'plan', op: 'in', value: ['enterprise'] },
        { field: 'arr', op: 'gte', value: '100k' },
      ],
    };
    const error = catchSuccessKitError(() => defineRule(input, { fields }));
    expect(error.code).toBe('invalid_rule');
    expect(error.message).toBe('invalid_rule: all[2].value: expected number for field "arr", got string');
  });

  it('rejects anything but a rule object, at the path where it stands', () => {
    expect(problems(5)).toEqual([': expected a rule: { all }, { any }, { not } or { field, op, value }, got number']);
    expect(problems(null)).toEqual([': expected a rule: { all }, { any }, { not } or { field, op, value }, got null']);
    expect(problems({ all: [{ not: [] }] })).toEqual([
      'all[0].not: expected a rule: { all }, { any }, { not } or { field, op, value }, got array',
    ]);
    expect(problems({ any: ['arr > 5'] })).toEqual([
      'any[0]: expected a rule: { all }, { any }, { not } or { field, op, value }, got string',
    ]);
    expect(problems({ rule: 'x' })).toEqual([
      ': expected a rule: { all }, { any }, { not } or { field, op, value }, got an object without those keys',
    ]);
  });

  it('rejects empty groups, groups that are not lists and unknown keys', () => {
    expect(problems({ all: [] })).toEqual(['all: expected at least 1 item(s)']);
    expect(problems({ any: [] })).toEqual(['any: expected at least 1 item(s)']);
    expect(problems({ all: { field: 'arr', op: 'exists' } })).toEqual(['all: expected array, got object']);
    expect(problems({ all: [{ field: 'arr', op: 'exists' }], any: [] })).toEqual(['any: unknown field']);
    expect(problems({ not: { field: 'arr', op: 'exists' }, label: 'x' })).toEqual(['label: unknown field']);
    expect(problems({ field: 'arr', op: 'gt', value: 1, note: 'x' })).toEqual(['note: unknown field']);
  });

  it('still checks the children of a group with a problem of its own', () => {
    expect(problems({ all: [{ field: 'arr', op: 'gtt', value: 1 }], extra: true })).toEqual([
      'extra: unknown field',
      'all[0].op: unknown operator "gtt" (did you mean "gt"?)',
    ]);
  });

  it('rejects unknown, missing and non-text operators, suggesting the closest', () => {
    expect(problems({ field: 'arr', op: 'greaterThan', value: 1 })).toEqual(['op: unknown operator "greaterThan"']);
    expect(problems({ field: 'plan', op: 'notin', value: ['a'] })).toEqual([
      'op: unknown operator "notin" (did you mean "notIn"?)',
    ]);
    expect(problems({ field: 'arr', op: 'toString' })).toEqual(['op: unknown operator "toString"']);
    expect(problems({ field: 'arr', value: 1 })).toEqual(['op: required']);
    expect(problems({ field: 'arr', op: 3 })).toEqual(['op: expected an operator name such as "eq", got number']);
    expect(problems({ op: 'gte', value: 1 })).toEqual(['field: required']);
  });

  it('rejects field paths with empty segments or through the prototype', () => {
    const emptySegment = 'expected a dotted path such as "usage.activeUsers", with no empty segment';
    const prototype = 'a field path must not reach __proto__, constructor or prototype';
    for (const field of ['', '.arr', 'arr.', 'usage..activeUsers']) {
      expect(problems({ field, op: 'exists' })).toEqual([`field: ${emptySegment}`]);
    }
    for (const field of [
      '__proto__',
      'constructor',
      'prototype',
      'a.__proto__',
      'a.constructor.name',
      'x.prototype.y',
    ]) {
      expect(problems({ field, op: 'exists' })).toEqual([`field: ${prototype}`]);
    }
    expect(problems({ field: 7, op: 'exists' })).toEqual(['field: expected string, got 7']);
    expect(defineRule({ field: 'prototypes.constructorId', op: 'exists' })).toEqual({
      field: 'prototypes.constructorId',
      op: 'exists',
    });
    expect(problems({ field: '__proto__', op: 'gtt' })).toEqual([
      'op: unknown operator "gtt" (did you mean "gt"?)',
      `field: ${prototype}`,
    ]);
  });

  it('rejects values of the wrong shape for their operator', () => {
    expect(problems({ field: 'arr', op: 'eq', value: { amount: 1 } })).toEqual([
      'value: expected a number, string or boolean, got object',
    ]);
    expect(problems({ field: 'arr', op: 'eq' })).toEqual(['value: required']);
    expect(problems({ field: 'arr', op: 'eq', value: null })).toEqual([
      'value: expected a number, string or boolean, got null',
    ]);
    expect(problems({ field: 'arr', op: 'gt', value: true })).toEqual([
      'value: expected a number or a date as YYYY-MM-DD, got boolean',
    ]);
    expect(problems({ field: 'arr', op: 'gt', value: '100k' })).toEqual([
      'value: expected a real calendar date as YYYY-MM-DD, got "100k"',
    ]);
    expect(problems({ field: 'arr', op: 'gt', value: Number.POSITIVE_INFINITY })).toEqual([
      'value: expected a number or a date as YYYY-MM-DD, got number',
    ]);
    expect(problems({ field: 'plan', op: 'in', value: [] })).toEqual(['value: expected at least 1 item(s)']);
    expect(problems({ field: 'plan', op: 'in', value: 'enterprise' })).toEqual([
      'value: expected array, got string "enterprise"',
    ]);
    expect(problems({ field: 'plan', op: 'in', value: ['a', {}, null] })).toEqual([
      'value[1]: expected a number, string or boolean, got object',
      'value[2]: expected a number, string or boolean, got null',
    ]);
    expect(problems({ field: 'arr', op: 'between', value: [1] })).toEqual([
      'value: expected [low, high]: two numbers or two dates, got array',
    ]);
    expect(problems({ field: 'arr', op: 'between', value: [1, '2026-01-01'] })).toEqual([
      'value: expected [low, high]: two numbers or two dates, got array',
    ]);
    expect(problems({ field: 'arr', op: 'between', value: [10, 5] })).toEqual(['value: expected low ≤ high']);
    expect(problems({ field: 'renewalDate', op: 'between', value: ['2026-12-31', '2026-01-01'] })).toEqual([
      'value: expected low ≤ high',
    ]);
    expect(problems({ field: 'arr', op: 'exists', value: 1 })).toEqual(['value: exists takes no value']);
    expect(problems({ field: 'arr', op: 'missing', value: true })).toEqual(['value: missing takes no value']);
    expect(problems({ field: 'plan', op: 'startsWith', value: 5 })).toEqual(['value: expected string, got 5']);
    expect(problems({ field: 'd', op: 'daysSinceGt', value: 1.5 })).toEqual(['value: expected integer, got 1.5']);
    expect(problems({ field: 'd', op: 'daysSinceGt', value: '30' })).toEqual([
      'value: expected number, got string "30"',
    ]);
    expect(problems({ field: 'arr', op: 'increasedBy', value: 0 })).toEqual(['value: expected a number > 0, got 0']);
    expect(problems({ field: 'arr', op: 'decreasedBy', value: -5 })).toEqual(['value: expected a number > 0, got -5']);
    expect(problems({ field: 'arr', op: 'crossedAbove', value: '90%' })).toEqual([
      'value: expected number, got string "90%"',
    ]);
    expect(problems({ field: 'band', op: 'changed', value: { from: 'red', to: 'red' } })).toEqual([
      'value: from and to are equal: that is no change',
    ]);
    expect(problems({ field: 'band', op: 'changed', value: { form: 'red' } })).toEqual(['value.form: unknown field']);
    expect(problems({ field: 'band', op: 'changed', value: 'red' })).toEqual([
      'value: expected object, got string "red"',
    ]);
  });

  it('accepts every operator in its documented form', () => {
    const conditions = [
      { field: 'a', op: 'eq', value: true },
      { field: 'a', op: 'ne', value: 'x' },
      { field: 'a', op: 'gt', value: 1.5 },
      { field: 'a', op: 'gte', value: '2026-01-01' },
      { field: 'a', op: 'lt', value: -3 },
      { field: 'a', op: 'lte', value: 0 },
      { field: 'a', op: 'in', value: [1, 'x', false] },
      { field: 'a', op: 'notIn', value: ['x'] },
      { field: 'a', op: 'between', value: ['2026-01-01', '2026-01-01'] },
      { field: 'a', op: 'exists' },
      { field: 'a', op: 'missing' },
      { field: 'a', op: 'contains', value: 'x' },
      { field: 'a', op: 'startsWith', value: '' },
      { field: 'a', op: 'daysSinceGt', value: -30 },
      { field: 'a', op: 'daysSinceLt', value: 0 },
      { field: 'a', op: 'changed' },
      { field: 'a', op: 'changed', value: {} },
      { field: 'a', op: 'changed', value: { to: 1 } },
      { field: 'a', op: 'increasedBy', value: 0.01 },
      { field: 'a', op: 'decreasedBy', value: 10 },
      { field: 'a', op: 'crossedBelow', value: -1 },
      { field: 'a', op: 'crossedAbove', value: 0.9 },
    ];
    for (const condition of conditions) expect(defineRule(condition)).toEqual(condition);
  });

  it('reports every problem in the rule, not just the first', () => {
    expect(
      problems({
        all: [
          { field: 'arr', op: 'gte', value: 'high' },
          { any: [] },
          { not: { field: 'plan', op: 'is', value: 'x' } },
          { field: 'renewalDate', op: 'lt', value: '2026-02-30' },
        ],
      }),
    ).toEqual([
      'all[0].value: expected a real calendar date as YYYY-MM-DD, got "high"',
      'all[1].any: expected at least 1 item(s)',
      'all[2].not.op: unknown operator "is" (did you mean "in"?)',
      'all[3].value: expected a real calendar date as YYYY-MM-DD, got "2026-02-30"',
    ]);
  });

  it('stops at 100 issues', () => {
    const input = { all: Array.from({ length: 150 }, () => ({ field: 'arr', op: 'nope' })) };
    const error = catchSuccessKitError(() => defineRule(input));
    expect(error.issues).toHaveLength(100);
    expect(error.message).toBe('invalid_rule: all[0].op: unknown operator "nope" (and 99 more)');
  });
});

describe('defineRule with a field catalog', () => {
  it('rejects fields the catalog does not list, suggesting the closest', () => {
    expect(problems({ field: 'arrr', op: 'gt', value: 1 }, fields)).toEqual([
      'field: unknown field "arrr" (did you mean "arr"?)',
    ]);
    expect(problems({ field: 'seats', op: 'gt', value: 1 }, fields)).toEqual(['field: unknown field "seats"']);
    expect(problems({ field: 'toString', op: 'exists' }, fields)).toEqual(['field: unknown field "toString"']);
    expect(problems({ field: 'seats', op: 'more', value: 1 }, fields)).toEqual([
      'op: unknown operator "more"',
      'field: unknown field "seats"',
    ]);
  });

  it('rejects operators that do not apply to the field type', () => {
    expect(problems({ field: 'plan', op: 'gt', value: 10 }, fields)).toEqual([
      'op: gt does not apply to string field "plan"',
    ]);
    expect(problems({ field: 'plan', op: 'gt', value: 'a' }, fields)).toEqual([
      'value: expected a real calendar date as YYYY-MM-DD, got "a"',
      'op: gt does not apply to string field "plan"',
    ]);
    expect(problems({ field: 'products', op: 'in', value: ['crm'] }, fields)).toEqual([
      'op: in does not apply to string[] field "products"',
    ]);
    expect(problems({ field: 'arr', op: 'contains', value: 1 }, fields)).toEqual([
      'op: contains does not apply to number field "arr"',
    ]);
    expect(problems({ field: 'arr', op: 'daysSinceGt', value: 1 }, fields)).toEqual([
      'op: daysSinceGt does not apply to number field "arr"',
    ]);
    expect(problems({ field: 'renewalDate', op: 'increasedBy', value: 1 }, fields)).toEqual([
      'op: increasedBy does not apply to date field "renewalDate"',
    ]);
    expect(problems({ field: 'attributes.hasSso', op: 'in', value: [true] }, fields)).toEqual([
      'op: in does not apply to boolean field "attributes.hasSso"',
    ]);
  });

  it('checks every value against the field type, replacing the shape message', () => {
    expect(problems({ field: 'arr', op: 'eq', value: '1' }, fields)).toEqual([
      'value: expected number for field "arr", got string',
    ]);
    expect(problems({ field: 'plan', op: 'eq', value: 1 }, fields)).toEqual([
      'value: expected string for field "plan", got number',
    ]);
    expect(problems({ field: 'attributes.hasSso', op: 'eq', value: 'yes' }, fields)).toEqual([
      'value: expected boolean for field "attributes.hasSso", got string',
    ]);
    expect(problems({ field: 'renewalDate', op: 'eq', value: 'next week' }, fields)).toEqual([
      'value: expected date for field "renewalDate", got "next week"',
    ]);
    expect(problems({ field: 'renewalDate', op: 'gt', value: 20_260_101 }, fields)).toEqual([
      'value: expected date for field "renewalDate", got number',
    ]);
    expect(problems({ field: 'arr', op: 'in', value: [1, '2', 3] }, fields)).toEqual([
      'value[1]: expected number for field "arr", got string',
    ]);
    expect(problems({ field: 'arr', op: 'between', value: ['2026-01-01', '2026-02-01'] }, fields)).toEqual([
      'value[0]: expected number for field "arr", got string',
      'value[1]: expected number for field "arr", got string',
    ]);
    expect(problems({ field: 'products', op: 'contains', value: 3 }, fields)).toEqual([
      'value: expected string for field "products", got number',
    ]);
    expect(problems({ field: 'healthBand', op: 'changed', value: { from: 1, to: 'red' } }, fields)).toEqual([
      'value.from: expected string for field "healthBand", got number',
    ]);
    expect(problems({ field: 'healthBand', op: 'changed', value: { to: false } }, fields)).toEqual([
      'value.to: expected string for field "healthBand", got boolean',
    ]);
    expect(problems({ field: 'products', op: 'changed', value: { to: 'crm' } }, fields)).toEqual([
      'value: from and to do not apply to string[] field "products"',
    ]);
    expect(problems({ field: 'arr', op: 'increasedBy', value: -1 }, fields)).toEqual([
      'value: expected a number > 0, got -1',
    ]);
    expect(problems({ field: 'arr', op: 'eq' }, fields)).toEqual(['value: required']);
  });

  it('leaves values of the wrong shape to the shape messages', () => {
    expect(problems({ field: 'arr', op: 'in', value: 5 }, fields)).toEqual(['value: expected array, got 5']);
    expect(problems({ field: 'healthBand', op: 'changed', value: 'red' }, fields)).toEqual([
      'value: expected object, got string "red"',
    ]);
    expect(problems({ field: 'renewalDate', op: 'eq', value: `2026-01-01 ${'and more '.repeat(10)}` }, fields)).toEqual(
      ['value: expected date for field "renewalDate", got "2026-01-01 and more and more and more an…"'],
    );
  });

  it('accepts rules whose fields, operators and values fit the catalog', () => {
    const rule = {
      all: [
        { field: 'arr', op: 'crossedBelow', value: 50_000 },
        { field: 'renewalDate', op: 'daysSinceGt', value: -90 },
        { field: 'products', op: 'contains', value: 'crm' },
        { field: 'products', op: 'changed' },
        { field: 'attributes.hasSso', op: 'ne', value: true },
        { field: 'plan', op: 'startsWith', value: 'ent' },
      ],
    };
    expect(defineRule(rule, { fields })).toEqual(rule);
  });

  it('rejects a malformed catalog with invalid_input', () => {
    const wrongType = catchSuccessKitError(() =>
      defineRule({ field: 'arr', op: 'exists' }, { fields: { arr: 'integer' } as never }),
    );
    expect(wrongType.code).toBe('invalid_input');
    expect(issuePaths(wrongType)).toEqual(['fields.arr']);
    expect(wrongType.issues[0]?.message).toBe('expected a field type such as "number", or { type, label }');
    const badPath = catchSuccessKitError(() =>
      defineRule({ field: 'arr', op: 'exists' }, { fields: { 'usage..users': 'number' } }),
    );
    expect(badPath.code).toBe('invalid_input');
    expect(issuePaths(badPath)).toEqual(['fields.usage..users']);
    const emptyLabel = catchSuccessKitError(() =>
      defineRule({ field: 'arr', op: 'exists' }, { fields: { arr: { type: 'number', label: '' } } }),
    );
    expect(emptyLabel.code).toBe('invalid_input');
  });
});

describe('defineRule: hostile input', () => {
  it('rejects a rule that contains itself instead of overflowing the stack', () => {
    const loop: { all: unknown[] } = { all: [] };
    loop.all.push({ field: 'arr', op: 'exists' }, loop);
    expect(problems(loop)).toEqual(['all[1]: the rule contains itself (a cycle)']);
    const negation: { not?: unknown } = {};
    negation.not = { any: [negation] };
    expect(problems(negation)).toEqual(['not.any[0]: the rule contains itself (a cycle)']);
  });

  it('accepts the same condition object used twice, which is no cycle', () => {
    const shared = { field: 'arr', op: 'gt', value: 0 };
    expect(defineRule({ all: [shared, { not: shared }] })).toEqual({ all: [shared, { not: shared }] });
  });

  it('accepts 32 levels of nesting and rejects 33', () => {
    const nested = (levels: number): unknown => {
      let rule: unknown = { field: 'arr', op: 'exists' };
      for (let level = 2; level <= levels; level++) rule = { not: rule };
      return rule;
    };
    expect(() => defineRule(nested(32))).not.toThrow();
    expect(problems(nested(33))).toEqual([
      `${Array.from({ length: 32 }, () => 'not').join('.')}: nested deeper than 32 levels`,
    ]);
  });

  it('rejects more than 10,000 nodes, so shared references cannot blow up', () => {
    const wide = { any: Array.from({ length: 10_000 }, (_, index) => ({ field: 'id', op: 'eq', value: index })) };
    expect(problems(wide)).toEqual([': more than 10000 groups and conditions']);
    let doubling: unknown = { field: 'arr', op: 'exists' };
    for (let level = 0; level < 30; level++) doubling = { all: [doubling, doubling] };
    expect(problems(doubling)).toEqual([': more than 10000 groups and conditions']);
  });

  it('reports a node that throws when read at its path, and still checks the others', () => {
    const trap = {
      op: 'exists',
      get field(): string {
        throw new TypeError('trap');
      },
    };
    expect(problems({ all: [{ field: 'arr', op: 'gtt', value: 1 }, trap] })).toEqual([
      'all[0].op: unknown operator "gtt" (did you mean "gt"?)',
      'all[1]: the rule could not be read: it threw "trap"',
    ]);
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(problems({ not: proxy })).toEqual([
      'not: the rule could not be read: it threw "Cannot perform \'IsArray\' on a proxy that has been revoked"',
    ]);
  });

  it('never freezes or changes the objects it was given, also when it rejects them', () => {
    const rejected = [
      { field: 'a', op: 'eq', value: {} },
      { field: 'a', op: 'in', value: { from: 'x' } },
      { field: 'a', op: 'between', value: {} },
      { field: 'a', op: 'changed', value: [1, 2] },
      { field: 'a', op: 'changed', value: { from: {} } },
      { all: [{ field: 'a', op: 'in', value: {} }], extra: {} },
    ];
    for (const input of rejected) {
      const before = structuredClone(input);
      catchSuccessKitError(() => defineRule(input));
      expect(frozenParts(input), JSON.stringify(before)).toEqual([]);
      expect(input).toEqual(before);
    }
    const accepted = {
      all: [
        { field: 'a', op: 'in', value: ['x'] },
        { field: 'b', op: 'changed', value: { to: 1 } },
      ],
    };
    const defined = defineRule(accepted);
    expect(frozenParts(accepted)).toEqual([]);
    expect(frozenParts(defined).length).toBeGreaterThan(0);
  });
});

describe('defineRule: options', () => {
  it('rejects options that are null or not an object with invalid_input, like any other wrong type', () => {
    const rule = { field: 'arr', op: 'exists' };
    for (const options of [null, 5, 'fields', []]) {
      const error = catchSuccessKitError(() => defineRule(rule, options as never));
      expect([error.code, issuePaths(error)], String(options)).toEqual(['invalid_input', ['']]);
    }
    expect(catchSuccessKitError(() => defineRule(rule, null as never)).message).toBe(
      'invalid_input: expected object, got null',
    );
  });

  it('rejects a catalog entry that is null, at its path', () => {
    const error = catchSuccessKitError(() =>
      defineRule({ field: 'a', op: 'exists' }, { fields: { a: null } as never }),
    );
    expect([error.code, error.message]).toEqual([
      'invalid_input',
      'invalid_input: fields.a: expected a field type such as "number", or { type, label }',
    ]);
  });

  it('accepts options left out or undefined, and ignores keys it does not know', () => {
    expect(defineRule({ field: 'a', op: 'exists' }, undefined)).toEqual({ field: 'a', op: 'exists' });
    expect(defineRule({ field: 'a', op: 'exists' }, { label: 'x' } as never)).toEqual({ field: 'a', op: 'exists' });
  });
});
