import type { Rule, RuleCondition } from '../rules/index.js';

/** The conditions of a rule, depth first; rules are at most 32 levels deep, so recursion is safe. @internal */
export function ruleLeaves(rule: Rule): RuleCondition[] {
  if ('all' in rule) return rule.all.flatMap(ruleLeaves);
  if ('any' in rule) return rule.any.flatMap(ruleLeaves);
  if ('not' in rule) return ruleLeaves(rule.not);
  return [rule];
}

/** Operators that compare with a previous snapshot, which a fit criterion does not have. @internal */
export const changeOperators: ReadonlySet<string> = new Set([
  'changed',
  'increasedBy',
  'decreasedBy',
  'crossedBelow',
  'crossedAbove',
]);

/** Operators that count days from the evaluation day, read from the snapshot's `asOf`. @internal */
export const asOfOperators: ReadonlySet<string> = new Set([
  'daysSinceGt',
  'daysSinceLt',
  'withinNextDays',
  'withinLastDays',
]);

/** Operators whose answer is defined on a missing field. @internal */
export const presenceOperators: ReadonlySet<string> = new Set(['exists', 'missing']);
