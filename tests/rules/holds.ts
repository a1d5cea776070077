import { expect } from 'vitest';
import { compileRule, defineRule, explainRule, type RuleContext } from '../../src/rules/index';

/** Whether a rule holds on a record, by its compiled predicate; checks on the way that explainRule agrees. */
export function holds(rule: unknown, record: object, context?: RuleContext): boolean {
  const defined = defineRule(rule);
  const result = compileRule(defined)(record, context);
  expect(explainRule(defined, record, context).result).toBe(result);
  return result;
}
