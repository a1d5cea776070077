import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rule, ruleJsonSchema, ruleOperators } from '../../src/rules/index';
import { isValidAgainst } from './json-schema-check';
import { ruleDocument } from './rule-arbitraries';

const schema = ruleJsonSchema as Readonly<Record<string, unknown>>;

describe('ruleJsonSchema', () => {
  it('is a draft 2020-12 schema whose root refers to a recursive Rule definition', () => {
    expect(ruleJsonSchema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(ruleJsonSchema.$ref).toBe('#/$defs/Rule');
    const definitions = ruleJsonSchema.$defs ?? {};
    expect(Object.keys(definitions).sort()).toEqual(
      [
        'AllRule',
        'AnyRule',
        'ChangeByCondition',
        'ChangedCondition',
        'ContainsCondition',
        'CrossingCondition',
        'DaysSinceCondition',
        'EqualityCondition',
        'ListCondition',
        'NotRule',
        'OrderCondition',
        'PresenceCondition',
        'RangeCondition',
        'Rule',
        'StartsWithCondition',
        'WithinDaysCondition',
      ].sort(),
    );
    expect(JSON.stringify(definitions.AllRule)).toContain('"items":{"$ref":"#/$defs/Rule"}');
    expect(JSON.stringify(definitions.NotRule)).toContain('"not":{"$ref":"#/$defs/Rule"}');
    for (const definition of Object.values(definitions)) {
      expect(typeof definition === 'object' && typeof definition.description).toBe('string');
    }
    expect(JSON.stringify(ruleJsonSchema)).not.toContain('readOnly');
  });

  it('names every operator exactly once', () => {
    const text = JSON.stringify(ruleJsonSchema);
    for (const op of ruleOperators) expect(text.match(new RegExp(`"${op}"`, 'g')), op).toHaveLength(1);
  });

  it('accepts well-formed rules and rejects malformed ones, as an editor would', () => {
    const valid = [
      { field: 'arr', op: 'gte', value: 100_000 },
      { all: [{ field: 'plan', op: 'in', value: ['enterprise'] }, { not: { field: 'csmId', op: 'missing' } }] },
      {
        any: [
          { field: 'renewalDate', op: 'between', value: ['2026-07-01', '2026-09-30'] },
          { field: 'band', op: 'changed' },
        ],
      },
      { field: 'band', op: 'changed', value: { from: 'green', to: 'red' } },
      { field: 'lastLogin', op: 'daysSinceGt', value: 30 },
      { field: 'renewalDate', op: 'withinNextDays', value: 90 },
      { field: 'lastLogin', op: 'withinLastDays', value: 0 },
    ];
    const invalid = [
      { all: [] },
      { any: {} },
      { field: 'arr', op: 'gtt', value: 1 },
      { field: 'arr', op: 'gte' },
      { field: 'arr', op: 'gte', value: 'soon' },
      { field: 'arr', op: 'exists', value: 1 },
      { field: 'a..b', op: 'exists' },
      { field: 'a.__proto__', op: 'exists' },
      { field: 'arr', op: 'between', value: [1, 2, 3] },
      { field: 'arr', op: 'in', value: [] },
      { field: 'arr', op: 'increasedBy', value: 0 },
      { field: 'arr', op: 'daysSinceGt', value: 1.5 },
      { field: 'renewalDate', op: 'withinNextDays', value: -1 },
      { field: 'renewalDate', op: 'withinLastDays', value: 7.5 },
      { not: { field: 'arr', op: 'exists' }, extra: 1 },
      { field: 'band', op: 'changed', value: { form: 'green' } },
      'arr > 5',
    ];
    expect(valid.filter((document) => !isValidAgainst(schema, document))).toEqual([]);
    expect(invalid.filter((document) => isValidAgainst(schema, document))).toEqual([]);
  });

  it('agrees with the zod Rule schema on random rules and their mutations', () => {
    fc.assert(
      fc.property(ruleDocument, (generated) => {
        const document: unknown = JSON.parse(JSON.stringify(generated));
        expect({ document, valid: isValidAgainst(schema, document) }).toEqual({
          document,
          valid: Rule.safeParse(document).success,
        });
      }),
      { numRuns: 500 },
    );
  });

  it('is frozen, so no host can change it for another', () => {
    expect(Object.isFrozen(ruleJsonSchema)).toBe(true);
    expect(Object.isFrozen(ruleJsonSchema.$defs)).toBe(true);
  });
});
