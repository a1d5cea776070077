import { describe, expect, it } from 'vitest';
import { Rule } from '../../src/rules/index';
import { schemaIssues } from './schema-issues';

describe('the Rule schema', () => {
  it('accepts groups, negations and conditions nested in any order', () => {
    const rule = {
      any: [
        { all: [{ field: 'arr', op: 'gte', value: 1 }, { not: { any: [{ field: 'plan', op: 'missing' }] } }] },
        { not: { not: { field: 'band', op: 'changed', value: { to: 'red' } } } },
      ],
    };
    expect(Rule.parse(rule)).toEqual(rule);
  });

  it('rejects empty groups, unknown keys and nodes that are two things at once', () => {
    expect(schemaIssues(Rule, { all: [] })).toEqual(['all: too_small']);
    expect(schemaIssues(Rule, { any: [{ field: 'a', op: 'exists' }], label: 'x' })).toEqual([': unrecognized_keys']);
    expect(schemaIssues(Rule, { all: [{ field: 'a', op: 'exists' }], any: [{ field: 'a', op: 'exists' }] })).toEqual([
      ': invalid_union',
    ]);
    expect(schemaIssues(Rule, { not: { field: 'a', op: 'exists' }, field: 'a', op: 'exists' })).toEqual([
      ': invalid_union',
    ]);
    expect(schemaIssues(Rule, null)).toEqual([': invalid_union']);
  });
});
