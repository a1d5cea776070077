import { describe, expect, it } from 'vitest';
import { RuleCondition, ruleOperators } from '../../src/rules/index';
import { conditionSchemas } from '../../src/rules/condition';
import { unfrozenParts } from './frozen-parts';
import { schemaIssues } from './schema-issues';

describe('rule conditions', () => {
  it('list twenty-two operators, each with a schema', () => {
    expect(ruleOperators).toHaveLength(22);
    expect(new Set(ruleOperators).size).toBe(22);
    expect(Object.keys(conditionSchemas).sort()).toEqual([...ruleOperators].sort());
  });

  it('parse into frozen leaves, told apart by op', () => {
    const parsed = RuleCondition.parse({ field: 'plan', op: 'in', value: ['growth'] });
    expect(parsed).toEqual({ field: 'plan', op: 'in', value: ['growth'] });
    expect(unfrozenParts(parsed)).toEqual([]);
    expect(schemaIssues(RuleCondition, { field: 'plan', op: 'like', value: 'x' })).toEqual(['op: invalid_union']);
    expect(schemaIssues(RuleCondition, { field: 'plan', op: 'exists', value: 'x' })).toEqual([': unrecognized_keys']);
    expect(schemaIssues(RuleCondition, { field: 'd', op: 'withinNextDays', value: -1 })).toEqual(['value: too_small']);
    expect(schemaIssues(RuleCondition, { field: 'd', op: 'withinLastDays', value: 30 })).toEqual([]);
  });
});
