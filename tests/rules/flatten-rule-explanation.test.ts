import { describe, expect, it } from 'vitest';
import type { Explanation } from '../../src/core/index';
import { defineRule, explainRule, flattenRuleExplanation, type RuleExplanation } from '../../src/rules/index';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { deeplyNested } from '../hostile-values';

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

describe('flattenRuleExplanation: explanations no rule makes', () => {
  const explanation = explainRule(defineRule({ field: 'a.b', op: 'eq', value: 1 }), { a: { b: 1 } });

  it('rejects a 10,000-deep explanation past the 32 levels of any rule, without overflowing the stack', () => {
    const leaf = { field: 'a', op: 'exists', label: 'a', actual: 1, result: true, summary: 'a is set' };
    let deep: unknown = leaf;
    for (let level = 0; level < 10_000; level++) deep = { not: deep, result: true, summary: 'a is set' };
    const error = catchSuccessKitError(() => flattenRuleExplanation(deep as RuleExplanation));
    expect([error.code, error.message]).toEqual([
      'invalid_input',
      `invalid_input: explanation${'.not'.repeat(32)}: nested deeper than 32 levels, as no rule is`,
    ]);
  });

  it('rejects an explanation that contains itself, or shares nodes past 10,000', () => {
    const cyclic: Record<string, unknown> = { result: true, summary: 'x' };
    cyclic.not = cyclic;
    expect(catchSuccessKitError(() => flattenRuleExplanation(cyclic as never)).code).toBe('invalid_input');
    let doubling: unknown = { field: 'a', op: 'exists', label: 'a', actual: 1, result: true, summary: 'x' };
    for (let level = 0; level < 30; level++) doubling = { all: [doubling, doubling], result: true, summary: 'x' };
    const error = catchSuccessKitError(() => flattenRuleExplanation(doubling as never));
    expect(error.issues.map((issue) => issue.message)).toEqual(['more than 10000 nodes, as no rule has']);
  });

  it('rejects a leaf whose value seen is no value explainRule gives, at its path', () => {
    for (const actual of [deeplyNested(10), [[1]], { a: 1 }, undefined, 10n]) {
      const error = catchSuccessKitError(() =>
        flattenRuleExplanation({ all: [{ ...explanation, actual }], result: true, summary: 'x' } as never),
      );
      expect([error.code, issuePaths(error)]).toEqual(['invalid_input', ['explanation.all[0].actual']]);
    }
  });

  it('flattens the deepest explanation a rule can have', () => {
    let deepest: unknown = { field: 'a', op: 'exists' };
    for (let level = 2; level <= 32; level++) deepest = { not: deepest };
    const why = flattenRuleExplanation(explainRule(defineRule(deepest), { a: 1 }));
    expect(why.contributions.map((part) => [part.id.length, part.points])).toEqual([[1 + 4 * 31, 0]]);
  });
});
