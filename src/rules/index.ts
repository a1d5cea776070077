export { compileRule, type RulePredicate } from './compile-rule.js';
export {
  RuleCondition,
  ruleOperators,
  type ChangeByCondition,
  type ChangedCondition,
  type ContainsCondition,
  type CrossingCondition,
  type DaysSinceCondition,
  type EqualityCondition,
  type ListCondition,
  type OrderCondition,
  type PresenceCondition,
  type RangeCondition,
  type RuleOperator,
  type StartsWithCondition,
  type WithinDaysCondition,
} from './condition.js';
export { defineRule, type DefinedRule, type DefineRuleOptions } from './define-rule.js';
export {
  explainRule,
  type AllExplanation,
  type AnyExplanation,
  type ConditionExplanation,
  type ExplainedValue,
  type ExplainRuleOptions,
  type NotExplanation,
  type RuleExplanation,
} from './explain-rule.js';
export { FieldCatalog, FieldDefinition, FieldType, operatorsFor } from './field-catalog.js';
export { flattenRuleExplanation } from './flatten-rule-explanation.js';
export { Rule, type AllRule, type AnyRule, type NotRule, type RuleInput, type RuleSchema } from './rule.js';
export type { RuleContext } from './rule-context.js';
export { ruleJsonSchema } from './rule-json-schema.js';
