import {
  type Contribution,
  type ContributionValue,
  type Explanation,
  fail,
  formatPath,
  type PathSegment,
  unreadable,
} from '../core/internal.js';
import { maximumDepth, maximumNodes } from './define-rule.js';
import type { RuleExplanation } from './explain-rule.js';

function isExplainedItem(value: unknown): value is number | string | boolean | null {
  return value === null || typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean';
}

/** The value a leaf saw as a contribution's value (lists as text); `undefined` when it is no value explainRule gives. */
function toContributionValue(value: unknown): ContributionValue | undefined {
  if (isExplainedItem(value)) return value;
  if (!Array.isArray(value)) return undefined;
  const items: string[] = [];
  for (const item of value as unknown[]) {
    if (!isExplainedItem(item)) return undefined;
    items.push(typeof item === 'string' ? item : String(item));
  }
  return items;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function badNode(path: readonly PathSegment[], message: string): never {
  return fail('invalid_input', ['explanation', ...path], message);
}

interface Collection {
  readonly contributions: Contribution[];
  nodes: number;
}

/**
 * Walks the explanation in rule order, one contribution per condition, and
 * checks each part it reads, so a damaged explanation fails with its path.
 * An explanation is shaped like its rule, so one deeper or larger than
 * {@link defineRule} allows is no explanation: the walk stops there, and a
 * cyclic or 10,000-deep input cannot overflow the stack. `negated`: whether
 * an odd number of `not`s lie above the node, which turns a failed
 * condition into support.
 */
function collect(node: unknown, path: PathSegment[], depth: number, negated: boolean, collection: Collection): void {
  if (!isObject(node) || typeof node.result !== 'boolean' || typeof node.summary !== 'string') {
    badNode(path, 'expected a node of an explanation from explainRule, with result and summary');
  }
  if (depth > maximumDepth) badNode(path, `nested deeper than ${String(maximumDepth)} levels, as no rule is`);
  collection.nodes++;
  if (collection.nodes > maximumNodes) badNode(path, `more than ${String(maximumNodes)} nodes, as no rule has`);
  for (const key of ['all', 'any'] as const) {
    if (!(key in node)) continue;
    const children = node[key];
    if (!Array.isArray(children)) badNode([...path, key], 'expected a list of explanations');
    children.forEach((child, index) => {
      collect(child, [...path, key, index], depth + 1, negated, collection);
    });
    return;
  }
  if ('not' in node) collect(node.not, [...path, 'not'], depth + 1, !negated, collection);
  else collection.contributions.push(toContribution(node, path, negated));
}

function toContribution(leaf: Record<string, unknown>, path: readonly PathSegment[], negated: boolean): Contribution {
  const { label, actual, result, summary } = leaf;
  if (typeof label !== 'string') badNode([...path, 'label'], 'expected the field label');
  const value = toContributionValue(actual);
  if (value === undefined)
    badNode([...path, 'actual'], 'expected the value seen: a number, text, true, false, null or a list of them');
  return {
    id: formatPath(['$', ...path]),
    label,
    value,
    weight: 1,
    points: result === negated ? 0 : 1,
    note: summary as string,
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
 * @throws {@link core!SuccessKitError} `invalid_input` naming the path of a node that is not part of an explanation, or past the depth (32) and size (10,000 nodes) of any rule
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
  try {
    const collection: Collection = { contributions: [], nodes: 0 };
    collect(explanation, [], 1, false, collection);
    return { summary: explanation.summary, contributions: collection.contributions };
  } catch (thrown) {
    throw unreadable(thrown, 'invalid_input', ['explanation'], 'the explanation');
  }
}
