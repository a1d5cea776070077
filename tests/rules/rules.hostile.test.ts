import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarDate, SuccessKitError } from '../../src/core/index';
import { compileRule, defineRule, explainRule, flattenRuleExplanation, operatorsFor } from '../../src/rules/index';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { hostileValues } from '../hostile-values';
import { context, record, rule } from './rule-arbitraries';

const asOf = calendarDate('2026-06-30');

// fast-check itself throws on a revoked proxy it generates (it asks the value
// for a clone method), so the random tests draw every hostile value but that
// one, which the table below covers in every position.
const carriedByFastCheck = hostileValues()
  .map(([name]) => name)
  .filter((name) => name !== 'a revoked proxy');
const hostile = fc
  .constantFrom(...carriedByFastCheck)
  .map((name) => hostileValues().find(([candidate]) => candidate === name)?.[1]);
const sometimesHostile = <Value>(typical: fc.Arbitrary<Value>): fc.Arbitrary<unknown> =>
  fc.oneof({ arbitrary: typical, weight: 3 }, { arbitrary: hostile, weight: 1 });

// One call per public function and argument position, the hostile value in
// that position and everything else well-formed, so each call shows that the
// position answers a hostile value with a SuccessKitError or a result.
const everyDateOperator = defineRule({
  all: [
    { field: 'a', op: 'gt', value: 1 },
    { field: 'd', op: 'daysSinceGt', value: 3 },
    { field: 'd', op: 'withinNextDays', value: 90 },
    { field: 'l', op: 'contains', value: 'x' },
    { field: 'p', op: 'changed' },
  ],
});
const nested = defineRule({ field: 'a.b', op: 'eq', value: 1 });
const explanation = explainRule(nested, { a: { b: 1 } });

const positions: readonly (readonly [string, (value: unknown) => unknown])[] = [
  ['defineRule(value)', (value) => defineRule(value)],
  ['defineRule(rule, value)', (value) => defineRule({ field: 'a', op: 'exists' }, value as never)],
  [
    'defineRule(rule, { fields: value })',
    (value) => defineRule({ field: 'a', op: 'exists' }, { fields: value as never }),
  ],
  [
    'defineRule(rule, { fields: { a: value } })',
    (value) => defineRule({ field: 'a', op: 'exists' }, { fields: { a: value } as never }),
  ],
  ['defineRule({ field: value })', (value) => defineRule({ field: value, op: 'exists' })],
  ['defineRule({ op: value })', (value) => defineRule({ field: 'a', op: value })],
  ['defineRule({ value })', (value) => defineRule({ field: 'a', op: 'eq', value })],
  [
    'defineRule({ value }) against a date field',
    (value) => defineRule({ field: 'a', op: 'in', value: [value] }, { fields: { a: 'date' } }),
  ],
  [
    'defineRule({ value: { from: value } })',
    (value) => defineRule({ field: 'a', op: 'changed', value: { from: value } }),
  ],
  ['defineRule({ all: value })', (value) => defineRule({ all: value })],
  ['defineRule({ any: [value] })', (value) => defineRule({ any: [value] })],
  ['defineRule({ not: value })', (value) => defineRule({ not: value })],
  ['compileRule(value)', (value) => compileRule(value as never)],
  ['predicate(value)', (value) => compileRule(everyDateOperator)(value as never, { asOf })],
  ['predicate(record, value)', (value) => compileRule(everyDateOperator)({ a: 2, d: '2026-07-01' }, value as never)],
  ['predicate(record, { asOf: value })', (value) => compileRule(everyDateOperator)({}, { asOf: value as never })],
  [
    'predicate(record, { previous: value })',
    (value) => compileRule(everyDateOperator)({}, { asOf, previous: value as never }),
  ],
  [
    'predicate(every field value)',
    (value) =>
      compileRule(everyDateOperator)({ a: value, d: value, l: value, p: value }, { asOf, previous: { p: value } }),
  ],
  ['predicate(value) on a nested path', (value) => compileRule(nested)(value as never)],
  ['predicate({ a: value }) on a nested path', (value) => compileRule(nested)({ a: value })],
  ['explainRule(value, record)', (value) => explainRule(value as never, {})],
  ['explainRule(rule, value)', (value) => explainRule(everyDateOperator, value as never, { asOf })],
  [
    'explainRule(rule, every field value)',
    (value) =>
      explainRule(everyDateOperator, { a: value, d: value, l: value, p: value }, { asOf, previous: { p: value } }),
  ],
  ['explainRule(rule, record, value)', (value) => explainRule(nested, {}, value as never)],
  ['explainRule(rule with dates, record, value)', (value) => explainRule(everyDateOperator, {}, value as never)],
  ['explainRule(rule, record, { fields: value })', (value) => explainRule(nested, {}, { fields: value as never })],
  [
    'explainRule(rule, record, { fields: { a.b: value } })',
    (value) => explainRule(nested, {}, { fields: { 'a.b': value } as never }),
  ],
  [
    'explainRule(rule, record, { asOf: value })',
    (value) => explainRule(everyDateOperator, {}, { asOf: value as never }),
  ],
  [
    'explainRule(rule, record, { previous: value })',
    (value) => explainRule(everyDateOperator, {}, { asOf, previous: value as never }),
  ],
  ['flattenRuleExplanation(value)', (value) => flattenRuleExplanation(value as never)],
  [
    'flattenRuleExplanation({ all: [value] })',
    (value) => flattenRuleExplanation({ all: [value], result: true, summary: 'x' } as never),
  ],
  [
    'flattenRuleExplanation({ not: value })',
    (value) => flattenRuleExplanation({ not: value, result: true, summary: 'x' } as never),
  ],
  [
    'flattenRuleExplanation(leaf with actual value)',
    (value) => flattenRuleExplanation({ ...explanation, actual: value } as never),
  ],
  [
    'flattenRuleExplanation(leaf with label value)',
    (value) => flattenRuleExplanation({ ...explanation, label: value } as never),
  ],
  [
    'flattenRuleExplanation(leaf with summary value)',
    (value) => flattenRuleExplanation({ ...explanation, summary: value } as never),
  ],
  [
    'flattenRuleExplanation(leaf with result value)',
    (value) => flattenRuleExplanation({ ...explanation, result: value } as never),
  ],
  ['operatorsFor(value)', (value) => operatorsFor(value as never)],
];

/** What a call threw, when it was not a SuccessKitError: `undefined` when it returned or threw one. */
function foreignError(call: () => unknown): string | undefined {
  try {
    call();
  } catch (error) {
    if (error instanceof SuccessKitError) return undefined;
    return error instanceof Error ? `${error.name}: ${error.message}` : typeof error;
  }
  return undefined;
}

describe('every public rules function, given hostile values', () => {
  it('answers each hostile value in every argument position with a result or a SuccessKitError', () => {
    const failures = positions.flatMap(([position, call]) =>
      hostileValues().flatMap(([name, value]) => {
        const thrown = foreignError(() => call(value));
        return thrown === undefined ? [] : [`${position} with ${name}: ${thrown}`];
      }),
    );
    expect(failures).toEqual([]);
  });

  it('answers random rules, records and contexts with hostile parts with a result or a SuccessKitError', () => {
    fc.assert(
      fc.property(
        sometimesHostile(rule),
        fc.dictionary(fc.constantFrom('n', 's', 'd', 'b', 'l', 'o'), sometimesHostile(record)),
        sometimesHostile(context),
        (input, source, evaluation) => {
          const thrown = [
            foreignError(() => compileRule(input as never)(source, evaluation as never)),
            foreignError(() => flattenRuleExplanation(explainRule(input as never, source, evaluation as never))),
          ].filter((message) => message !== undefined);
          expect(thrown).toEqual([]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('describes what a getter threw by its message, or by its kind when it threw no Error', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const throwing = (thrown: unknown): object =>
      Object.defineProperty({}, 'a', {
        enumerable: true,
        get: (): never => {
          throw thrown;
        },
      });
    const messages = [new RangeError('too far'), 'text', proxy].map(
      (thrown) => catchSuccessKitError(() => compileRule(nested)(throwing(thrown))).issues[0]?.message,
    );
    expect(messages).toEqual([
      'the record or its context could not be read: it threw "too far"',
      'the record or its context could not be read: it threw string',
      'the record or its context could not be read: it threw object',
    ]);
  });

  it('names the options, catalog entry or record that could not be read', () => {
    const throwing = Object.defineProperty({}, 'fields', {
      enumerable: true,
      get: (): never => {
        throw new Error('no fields today');
      },
    });
    const options = catchSuccessKitError(() => defineRule({ field: 'a', op: 'exists' }, throwing));
    expect([options.code, options.message]).toEqual([
      'invalid_input',
      'invalid_input: the input could not be read: it threw "no fields today"',
    ]);
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const fromRecord = catchSuccessKitError(() => compileRule(nested)(proxy));
    expect([fromRecord.code, issuePaths(fromRecord), fromRecord.message]).toEqual([
      'invalid_input',
      [''],
      'invalid_input: the record or its context could not be read: it threw "Cannot perform \'get\' on a proxy that has been revoked"',
    ]);
  });
});
