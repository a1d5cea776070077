import { describe, expect, it } from 'vitest';
import type { Explanation } from '../../src/core/index';
import { defineRule, explainRule, flattenRuleExplanation } from '../../src/rules/index';
import { catchSuccessKitError, issuePaths } from '../catch-error';

describe('flattenRuleExplanation', () => {
  it('turns a rule explanation into the core Explanation, one contribution per condition in rule order', () => {
    const rule = defineRule({
      all: [
        { field: 'arr', op: 'gte', value: 100_000 },
        {
          any: [
            { field: 'plan', op: 'eq', value: 'enterprise' },
            { field: 'tiers', op: 'contains', value: 2 },
          ],
        },
      ],
    });
    const why: Explanation = flattenRuleExplanation(
      explainRule(
        rule,
        { arr: 120_000, plan: 'growth', tiers: [1, 2] },
        { fields: { arr: { type: 'number', label: 'ARR' } } },
      ),
    );
    expect(why).toEqual({
      summary: 'ARR 120,000 ≥ 100,000 and tiers [1, 2] contains 2',
      contributions: [
        { id: '$.all[0]', label: 'ARR', value: 120_000, weight: 1, points: 1, note: 'ARR 120,000 ≥ 100,000' },
        {
          id: '$.all[1].any[0]',
          label: 'plan',
          value: 'growth',
          weight: 1,
          points: 0,
          note: 'plan is growth, not enterprise',
        },
        {
          id: '$.all[1].any[1]',
          label: 'tiers',
          value: ['1', '2'],
          weight: 1,
          points: 1,
          note: 'tiers [1, 2] contains 2',
        },
      ],
    });
  });

  it('counts a condition that failed under an odd number of nots toward the match', () => {
    const rule = defineRule({
      all: [
        { not: { field: 'plan', op: 'eq', value: 'trial' } },
        { not: { not: { field: 'plan', op: 'eq', value: 'trial' } } },
      ],
    });
    const why = flattenRuleExplanation(explainRule(rule, { plan: 'growth' }));
    expect(why.contributions.map((part) => [part.id, part.points])).toEqual([
      ['$.all[0].not', 1],
      ['$.all[1].not.not', 0],
    ]);
  });

  it('names a rule that is a single condition $', () => {
    const why = flattenRuleExplanation(explainRule(defineRule({ field: 'csmId', op: 'missing' }), {}));
    expect(why).toEqual({
      summary: 'csmId is missing',
      contributions: [{ id: '$', label: 'csmId', value: null, weight: 1, points: 1, note: 'csmId is missing' }],
    });
  });
});

describe('flattenRuleExplanation: bad input', () => {
  it('names the first node that is not part of an explanation', () => {
    const good = explainRule(
      defineRule({ all: [{ field: 'a', op: 'eq', value: 1 }, { not: { field: 'b', op: 'exists' } }] }),
      {},
    );
    const pathOf = (input: unknown) =>
      issuePaths(catchSuccessKitError(() => flattenRuleExplanation(input as typeof good)));
    expect(pathOf(null)).toEqual(['explanation']);
    expect(pathOf({ ...good, all: 'none' })).toEqual(['explanation.all']);
    const leaf = explainRule(defineRule({ field: 'a', op: 'eq', value: 1 }), {});
    expect(pathOf({ ...good, all: [leaf, { result: true, summary: 'x', not: { result: true } }] })).toEqual([
      'explanation.all[1].not',
    ]);
    expect(pathOf({ result: true, summary: 'x', field: 'a', op: 'exists' })).toEqual(['explanation.label']);
    expect(catchSuccessKitError(() => flattenRuleExplanation(null as never)).code).toBe('invalid_input');
  });
});
