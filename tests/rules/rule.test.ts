import { describe, expect, it } from 'vitest';
import { Rule } from '../../src/rules/index';

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
    expect(Rule.safeParse({ all: [] }).success).toBe(false);
    expect(Rule.safeParse({ any: [{ field: 'a', op: 'exists' }], label: 'x' }).success).toBe(false);
    expect(Rule.safeParse({ all: [{ field: 'a', op: 'exists' }], any: [{ field: 'a', op: 'exists' }] }).success).toBe(
      false,
    );
    expect(Rule.safeParse({ not: { field: 'a', op: 'exists' }, field: 'a', op: 'exists' }).success).toBe(false);
    expect(Rule.safeParse(null).success).toBe(false);
  });
});
