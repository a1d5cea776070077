import {
  type Contribution,
  type ContributionValue,
  type Explanation,
  fail,
  formatPath,
  type PathSegment,
} from '../core/internal.js';
import type { ConditionExplanation, ExplainedValue, RuleExplanation } from './explain-rule.js';

function toContributionValue(value: ExplainedValue): ContributionValue {
  if (!Array.isArray(value)) return value as Exclude<ExplainedValue, readonly unknown[]>;
  return value.map((item: number | string | boolean | null) => (typeof item === 'string' ? item : String(item)));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function badNode(path: readonly PathSegment[], message: string): never {
  return fail('invalid_input', ['explanation', ...path], message);
}

/**
 * Walks the explanation in rule order, one contribution per condition, and
 * checks each part it reads, so a damaged explanation fails with its path.
 * `negated`: whether an odd number of `not`s lie above the node, which turns
 * a failed condition into support.
 */
function collect(node: unknown, path: PathSegment[], negated: boolean, leaves: Contribution[]): void {
  if (!isObject(node) || typeof node.result !== 'boolean' || typeof node.summary !== 'string') {
    badNode(path, 'expected a node of an explanation from explainRule, with result and summary');
  }
  for (const key of ['all', 'any'] as const) {
    if (!(key in node)) continue;
    const children = node[key];
    if (!Array.isArray(children)) badNode([...path, key], 'expected a list of explanations');
    children.forEach((child, index) => {
      collect(child, [...path, key, index], negated, leaves);
    });
    return;
  }
  if ('not' in node) collect(node.not, [...path, 'not'], !negated, leaves);
  else if (typeof node.label !== 'string') badNode([...path, 'label'], 'expected the field label');
  else leaves.push(toContribution(node as unknown as ConditionExplanation, path, negated));
}

function toContribution(leaf: ConditionExplanation, path: readonly PathSegment[], negated: boolean): Contribution {
  return {
    id: formatPath(['$', ...path]),
    label: leaf.label,
    value: toContributionValue(leaf.actual),
    weight: 1,
    points: leaf.result === negated ? 0 : 1,
    note: leaf.summary,
  };
}

/**
 * Turns a rule explanation into the {@link core!Explanation} that every
 * "why" in successkit uses, so a segment, a trigger or a fit criterion can
 * return it as is: the root's summary, and one contribution per condition in
 * rule order, with `id` the condition's JSON path in the rule (`$.all[1]`),
 * the field's label, the value seen (lists of numbers as text), `weight` 1,
 * `points` 1 when the condition counts toward a match (it held, or it
 * failed under an odd number of `not`s) and 0 when it counts against, and
 * its clause as `note`.
 *
 * @param explanation - from {@link explainRule}
 * @returns the summary and the conditions as contributions
 * @throws {@link core!SuccessKitError} `invalid_input` naming the path of a node that is not part of an explanation
 *
 * @example
 * ```ts
 * import { defineRule, explainRule, flattenRuleExplanation } from 'successkit/rules';
 *
 * const rule = defineRule({ all: [{ field: 'arr', op: 'gte', value: 100_000 }, { not: { field: 'plan', op: 'eq', value: 'trial' } }] });
 * const why = flattenRuleExplanation(explainRule(rule, { arr: 120_000, plan: 'growth' }));
 * why.summary; // => 'arr 120,000 ≥ 100,000 and plan is growth, not trial'
 * why.contributions.map((part) => `${part.id}: ${String(part.points)}`); // => ['$.all[0]: 1', '$.all[1].not: 1']
 * ```
 */
export function flattenRuleExplanation(explanation: RuleExplanation): Explanation {
  const contributions: Contribution[] = [];
  collect(explanation, [], false, contributions);
  return { summary: explanation.summary, contributions };
}
