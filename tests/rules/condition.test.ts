import { describe, expect, it } from 'vitest';
import { RuleCondition, ruleOperators } from '../../src/rules/index';
import { conditionSchemas } from '../../src/rules/condition';

describe('rule conditions', () => {
  it('list twenty operators, each with a schema', () => {
    expect(ruleOperators).toHaveLength(20);
    expect(new Set(ruleOperators).size).toBe(20);
    expect(Object.keys(conditionSchemas).sort()).toEqual([...ruleOperators].sort());
  });

  it('parse into frozen leaves, told apart by op', () => {
    const parsed = RuleCondition.parse({ field: 'plan', op: 'in', value: ['growth'] });
    expect(parsed).toEqual({ field: 'plan', op: 'in', value: ['growth'] });
    expect(Object.isFrozen(parsed)).toBe(true);
    expect(parsed.op === 'in' && Object.isFrozen(parsed.value)).toBe(true);
    expect(RuleCondition.safeParse({ field: 'plan', op: 'like', value: 'x' }).success).toBe(false);
    expect(RuleCondition.safeParse({ field: 'plan', op: 'exists', value: 'x' }).success).toBe(false);
  });
});
