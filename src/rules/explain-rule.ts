import { parseWith, toEpochDay, unreadable } from '../core/internal.js';
import type { RuleCondition } from './condition.js';
import { describeCondition, joinClauses } from './condition-sentence.js';
import { asRecord, conditionTest, isDateText, readPrevious, readsAsOf } from './condition-test.js';
import { CatalogOptions, labelOf, type FieldCatalog } from './field-catalog.js';
import { readField, splitPath } from './field-path.js';
import { definedRule, type DefinedRule } from './define-rule.js';
import type { Rule, RuleInput } from './rule.js';
import { createAsOfClock, setAsOf, type AsOfClock, type RuleContext } from './rule-context.js';

/**
 * A value as an explanation shows it: plain JSON. A missing value is `null`;
 * so are values that are not data (objects, functions) and numbers JSON
 * cannot hold (`NaN`, `Infinity`).
 *
 * @example
 * ```ts
 * import type { ExplainedValue } from 'successkit/rules';
 *
 * const products: ExplainedValue = ['crm', 'cpq'];
 * ```
 */
export type ExplainedValue = number | string | boolean | null | readonly (number | string | boolean | null)[];

/**
 * How one condition came out: the condition itself (`field`, `op`,
 * `value`), the field's `label`, the `actual` value seen, the `previous`
 * value for change operators, `daysSince` for days-since operators, the
 * `result` and a `summary` clause.
 *
 * @example
 * ```ts
 * import type { ConditionExplanation } from 'successkit/rules';
 *
 * const leaf: ConditionExplanation = {
 *   field: 'arr',
 *   op: 'gte',
 *   value: 100_000,
 *   label: 'ARR',
 *   actual: 120_000,
 *   result: true,
 *   summary: 'ARR 120,000 ≥ 100,000',
 * };
 * ```
 */
export type ConditionExplanation = RuleCondition & {
  /** The catalog's label of the field, or its path. */
  readonly label: string;
  /** The field's value in the record; `null` when missing. */
  readonly actual: ExplainedValue;
  /** The field's value in the previous snapshot, for change operators; `null` when missing or without a snapshot. */
  readonly previous?: ExplainedValue;
  /** Whole days from the date seen to `asOf` (negative for a future date), for the operators that count days from `asOf`, on a real date. */
  readonly daysSince?: number;
  /** Whether the condition held. */
  readonly result: boolean;
  /** The outcome as a clause, true as stated: `ARR 120,000 ≥ 100,000`, or `ARR 80,000 < 100,000` when it failed. */
  readonly summary: string;
};

/**
 * How an `all` group came out, with each child's explanation.
 *
 * @example
 * ```ts
 * import type { AllExplanation } from 'successkit/rules';
 *
 * const group: AllExplanation = {
 *   all: [{ field: 'plan', op: 'eq', value: 'enterprise', label: 'plan', actual: 'enterprise', result: true, summary: 'plan is enterprise' }],
 *   result: true,
 *   summary: 'plan is enterprise',
 * };
 * ```
 */
export interface AllExplanation {
  /** The children's explanations, in rule order. */
  readonly all: readonly RuleExplanation[];
  /** Whether every child held. */
  readonly result: boolean;
  /** The clauses that decided: every child's when the group held, the failing ones' when it did not. */
  readonly summary: string;
}

/**
 * How an `any` group came out, with each child's explanation.
 *
 * @example
 * ```ts
 * import type { AnyExplanation } from 'successkit/rules';
 *
 * const group: AnyExplanation = {
 *   any: [{ field: 'csmId', op: 'missing', label: 'CSM', actual: 'csm-7', result: false, summary: 'CSM is set' }],
 *   result: false,
 *   summary: 'CSM is set',
 * };
 * ```
 */
export interface AnyExplanation {
  /** The children's explanations, in rule order. */
  readonly any: readonly RuleExplanation[];
  /** Whether at least one child held. */
  readonly result: boolean;
  /** The clauses that decided: the holding children's when the group held, every child's when it did not. */
  readonly summary: string;
}

/**
 * How a `not` came out, with the explanation of the rule inside.
 *
 * @example
 * ```ts
 * import type { NotExplanation } from 'successkit/rules';
 *
 * const negation: NotExplanation = {
 *   not: { field: 'plan', op: 'eq', value: 'trial', label: 'plan', actual: 'growth', result: false, summary: 'plan is growth, not trial' },
 *   result: true,
 *   summary: 'plan is growth, not trial',
 * };
 * ```
 */
export interface NotExplanation {
  /** The explanation of the negated rule. */
  readonly not: RuleExplanation;
  /** The opposite of the inner rule's result. */
  readonly result: boolean;
  /** The inner rule's clauses, which state why it failed (or held). */
  readonly summary: string;
}

/**
 * A rule's outcome on one record as a plain-JSON tree shaped like the rule:
 * every node with its `result` and a `summary`, every leaf with the value it
 * saw. The root's `summary` is the one-line "why" for a UI.
 *
 * @example
 * ```ts
 * import { defineRule, explainRule, type RuleExplanation } from 'successkit/rules';
 *
 * const why: RuleExplanation = explainRule(defineRule({ field: 'arr', op: 'gte', value: 100_000 }), { arr: 80_000 });
 * why.summary; // => 'arr 80,000 < 100,000'
 * ```
 */
export type RuleExplanation = AllExplanation | AnyExplanation | NotExplanation | ConditionExplanation;

/**
 * Options of {@link explainRule}: the evaluation context and the catalog
 * whose labels the sentences use.
 *
 * @example
 * ```ts
 * import { calendarDate } from 'successkit/core';
 * import type { ExplainRuleOptions } from 'successkit/rules';
 *
 * const options: ExplainRuleOptions = { asOf: calendarDate('2026-06-30'), fields: { arr: { type: 'number', label: 'ARR' } } };
 * ```
 */
export interface ExplainRuleOptions extends RuleContext {
  /** Labels for the fields; a field without one is shown by its path. Default: no labels. */
  readonly fields?: FieldCatalog;
}

const changeOperators: ReadonlySet<string> = new Set([
  'changed',
  'increasedBy',
  'decreasedBy',
  'crossedBelow',
  'crossedAbove',
]);

/** Turns a single value into plain JSON for an explanation. */
function toExplainedItem(value: unknown): number | string | boolean | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  return null;
}

/** Turns a value into plain JSON for an explanation; a list inside a list is `null`, so a cyclic list is no problem. */
function toExplainedValue(value: unknown): ExplainedValue {
  return Array.isArray(value) ? value.map(toExplainedItem) : toExplainedItem(value);
}

/** What one explanation reads besides the rule and the record. */
interface Explaining {
  readonly context: RuleContext;
  readonly fields: FieldCatalog | undefined;
  readonly clock: AsOfClock;
}

function explainCondition(condition: RuleCondition, record: object, explaining: Explaining): ConditionExplanation {
  const { context, fields, clock } = explaining;
  const path = splitPath(condition.field);
  const countsDays = readsAsOf(condition);
  if (countsDays) setAsOf(clock, context);
  const result = conditionTest(condition, clock, path)(record, context);
  const actual = readField(record, path);
  const isChange = changeOperators.has(condition.op);
  const previous = isChange ? readPrevious(path, context) : undefined;
  const daysSince = countsDays && isDateText(actual) ? clock.day - toEpochDay(actual) : undefined;
  const label = labelOf(fields, condition.field);
  return {
    ...condition,
    label,
    actual: toExplainedValue(actual),
    ...(isChange ? { previous: toExplainedValue(previous) } : {}),
    ...(daysSince === undefined ? {} : { daysSince }),
    result,
    summary: describeCondition({ condition, label, result, actual, previous, daysSince }),
  };
}

function explainNode(rule: Rule, record: object, explaining: Explaining): RuleExplanation {
  if ('all' in rule) {
    const all = rule.all.map((child) => explainNode(child, record, explaining));
    const result = all.every((child) => child.result);
    const deciding = result ? all : all.filter((child) => !child.result);
    return { all, result, summary: joinClauses(deciding.map((child) => child.summary)) };
  }
  if ('any' in rule) {
    const any = rule.any.map((child) => explainNode(child, record, explaining));
    const result = any.some((child) => child.result);
    const deciding = result ? any.filter((child) => child.result) : any;
    return { any, result, summary: joinClauses(deciding.map((child) => child.summary)) };
  }
  if ('not' in rule) {
    const inner = explainNode(rule.not, record, explaining);
    return { not: inner, result: !inner.result, summary: inner.summary };
  }
  return explainCondition(rule, record, explaining);
}

/**
 * Evaluates a rule on one record and says why it came out as it did: a tree
 * shaped like the rule with every node's result, the value each condition
 * saw, and a one-line summary such as `ARR 120,000 ≥ 100,000 and plan is in
 * [enterprise]`. Each clause is true as stated, so the summary of a rule
 * that failed names what failed (`ARR 80,000 < 100,000`); `not` and `any`
 * read the same way. The result always equals {@link compileRule}'s.
 *
 * Slower than a compiled predicate: explain the records a user looks at,
 * not a whole portfolio.
 *
 * @param rule - a rule, best the one {@link defineRule} returned (any other is checked first)
 * @param record - the record to evaluate
 * @param options - `asOf`, `previous` and the field catalog for labels; see {@link ExplainRuleOptions}
 * @returns the explanation tree; see {@link RuleExplanation}
 * @throws {@link core!SuccessKitError} `invalid_rule` for a rule `defineRule` would reject; `invalid_input` for options that are not an object or a malformed catalog, when the rule counts days from `asOf` (`daysSinceGt`, `daysSinceLt`, `withinNextDays`, `withinLastDays`) and `asOf` is absent, and when reading the record or options throws; `invalid_date` for an `asOf` that is not a real date
 *
 * @example
 * ```ts
 * import { defineRule, explainRule } from 'successkit/rules';
 *
 * const fields = { arr: { type: 'number', label: 'ARR' }, plan: 'string' } as const;
 * const rule = defineRule(
 *   { all: [{ field: 'arr', op: 'gte', value: 100_000 }, { field: 'plan', op: 'in', value: ['enterprise'] }] },
 *   { fields },
 * );
 * explainRule(rule, { arr: 120_000, plan: 'enterprise' }, { fields }).summary; // => 'ARR 120,000 ≥ 100,000 and plan is in [enterprise]'
 * explainRule(rule, { arr: 80_000, plan: 'growth' }, { fields }).summary; // => 'ARR 80,000 < 100,000 and plan is growth, not in [enterprise]'
 * ```
 */
export function explainRule(
  rule: DefinedRule | RuleInput,
  record: object,
  options: ExplainRuleOptions = {},
): RuleExplanation {
  const defined = definedRule(rule);
  try {
    const { fields } = parseWith(CatalogOptions, options);
    return explainNode(defined, asRecord(record), { context: options, fields, clock: createAsOfClock() });
  } catch (thrown) {
    throw unreadable(thrown, 'invalid_input', [], 'the record or the options');
  }
}
