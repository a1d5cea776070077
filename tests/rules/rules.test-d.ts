import { describe, expectTypeOf, it } from 'vitest';
import type { CalendarDate, Explanation } from '../../src/core/index';
import {
  compileRule,
  defineRule,
  explainRule,
  flattenRuleExplanation,
  operatorsFor,
  ruleJsonSchema,
  type AllRule,
  type ChangedCondition,
  type ConditionExplanation,
  type DefinedRule,
  type EqualityCondition,
  type ExplainedValue,
  type FieldCatalog,
  type ListCondition,
  type NotRule,
  type OrderCondition,
  type PresenceCondition,
  type RangeCondition,
  type Rule,
  type RuleCondition,
  type RuleExplanation,
  type RuleInput,
  type RuleOperator,
  type RulePredicate,
  type WithinDaysCondition,
} from '../../src/rules/index';

describe('rules types', () => {
  it('types a rule as a union of groups and conditions, recursively', () => {
    expectTypeOf(defineRule({})).toEqualTypeOf<DefinedRule>();
    expectTypeOf<AllRule['all']>().toEqualTypeOf<readonly Rule[]>();
    expectTypeOf<NotRule['not']>().toEqualTypeOf<Rule>();
    expectTypeOf<RuleCondition>().toExtend<Rule>();
    expectTypeOf<RuleCondition['op']>().toEqualTypeOf<RuleOperator>();
  });

  it('brands what defineRule returns, so a plain Rule is not a DefinedRule but a DefinedRule is a Rule', () => {
    expectTypeOf<DefinedRule>().toExtend<Rule>();
    expectTypeOf<DefinedRule>().toExtend<RuleInput>();
    expectTypeOf<Rule>().not.toExtend<DefinedRule>();
    expectTypeOf<{ field: 'arr'; op: 'exists' }>().not.toExtend<DefinedRule>();
    const defined = defineRule({ field: 'arr', op: 'exists' });
    if ('field' in defined) expectTypeOf(defined.field).toEqualTypeOf<string>();
    // compileRule and explainRule take a DefinedRule as it is, and anything shaped like a rule to check first.
    expectTypeOf(compileRule).toBeCallableWith(defined);
    expectTypeOf(compileRule).toBeCallableWith({ field: 'renewalDate', op: 'lt', value: '2026-12-31' });
    expectTypeOf(explainRule).toBeCallableWith(defined, {});
    expectTypeOf(explainRule).toBeCallableWith({ field: 'arr', op: 'exists' }, {});
    // @ts-expect-error an unknown operator is no rule
    compileRule({ field: 'arr', op: 'greaterThan', value: 1 });
  });

  it('ties each operator to its value type', () => {
    expectTypeOf<EqualityCondition['value']>().toEqualTypeOf<string | number | boolean>();
    expectTypeOf<OrderCondition['value']>().toEqualTypeOf<number | CalendarDate>();
    expectTypeOf<RangeCondition['value']>().toEqualTypeOf<
      readonly [number, number] | readonly [CalendarDate, CalendarDate]
    >();
    expectTypeOf<ChangedCondition['value']>().toEqualTypeOf<
      Readonly<{ from?: string | number | boolean | undefined; to?: string | number | boolean | undefined }> | undefined
    >();
    expectTypeOf<PresenceCondition>().not.toHaveProperty('value');
    expectTypeOf<WithinDaysCondition['value']>().toEqualTypeOf<number>();
    expectTypeOf<WithinDaysCondition['op']>().toEqualTypeOf<'withinNextDays' | 'withinLastDays'>();
    expectTypeOf<{ field: 'arr'; op: 'gte'; value: '100k' }>().not.toExtend<Rule>();
    expectTypeOf<{ field: 'arr'; op: 'greaterThan'; value: 1 }>().not.toExtend<Rule>();
  });

  it('keeps validated rules read-only and accepts plain strings as input dates', () => {
    expectTypeOf<{ field: 'd'; op: 'lt'; value: '2026-01-01' }>().not.toExtend<Rule>();
    expectTypeOf<{ field: 'd'; op: 'lt'; value: '2026-01-01' }>().toExtend<RuleInput>();
    expectTypeOf<Rule>().toExtend<RuleInput>();
    expectTypeOf<ListCondition['value']>().toEqualTypeOf<readonly (string | number | boolean)[]>();
  });

  it('compiles to a predicate over any object with an optional context', () => {
    const predicate = compileRule(defineRule({}));
    expectTypeOf(predicate).toEqualTypeOf<RulePredicate>();
    expectTypeOf(predicate).returns.toEqualTypeOf<boolean>();
    expectTypeOf(predicate).toBeCallableWith({ arr: 1 });
    expectTypeOf(predicate).toBeCallableWith({ arr: 1 }, { previous: { arr: 0 } });
    expectTypeOf(predicate)
      .parameter(1)
      .toEqualTypeOf<{ readonly asOf?: CalendarDate; readonly previous?: object } | undefined>();
  });

  it('explains as a tree that narrows by its keys', () => {
    const explanation = explainRule(defineRule({}), {});
    expectTypeOf(explanation).toEqualTypeOf<RuleExplanation>();
    if ('all' in explanation) expectTypeOf(explanation.all).toEqualTypeOf<readonly RuleExplanation[]>();
    if ('not' in explanation) expectTypeOf(explanation.not).toEqualTypeOf<RuleExplanation>();
    if ('field' in explanation) {
      expectTypeOf(explanation).toEqualTypeOf<ConditionExplanation>();
      expectTypeOf(explanation.actual).toEqualTypeOf<ExplainedValue>();
      if (explanation.op === 'between') expectTypeOf(explanation.value).toEqualTypeOf<RangeCondition['value']>();
    }
    expectTypeOf(flattenRuleExplanation(explanation)).toEqualTypeOf<Explanation>();
  });

  it('types catalogs, operator lists and the JSON Schema', () => {
    expectTypeOf<{ arr: 'number'; renewal: { type: 'date'; label: 'Renewal' } }>().toExtend<FieldCatalog>();
    expectTypeOf<{ arr: 'integer' }>().not.toExtend<FieldCatalog>();
    expectTypeOf(operatorsFor('date')).toEqualTypeOf<readonly RuleOperator[]>();
    expectTypeOf(ruleJsonSchema.$defs).toExtend<Record<string, unknown> | undefined>();
  });
});
