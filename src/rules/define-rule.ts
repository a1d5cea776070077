import * as z from 'zod/mini';
import {
  formatPath,
  kindOf,
  parseWith,
  type PathSegment,
  SuccessKitError,
  type SuccessKitIssue,
  unreadable,
} from '../core/internal.js';
import { checkFieldTypes } from './check-field-types.js';
import { didYouMean } from './closest-name.js';
import { conditionSchemas, ruleOperators, type RuleOperator } from './condition.js';
import { CatalogOptions, type FieldCatalog } from './field-catalog.js';
import { FieldPath } from './field-path.js';
import type { Rule } from './rule.js';

/**
 * Options of {@link defineRule}.
 *
 * @example
 * ```ts
 * import type { DefineRuleOptions } from 'successkit/rules';
 *
 * const options: DefineRuleOptions = { fields: { arr: { type: 'number', label: 'ARR' }, plan: 'string' } };
 * ```
 */
export interface DefineRuleOptions {
  /**
   * The fields rules may read, with their types. When given, every field
   * must be in it, every operator must apply to its field's type and every
   * value must have that type. Default: any field path, values checked by
   * shape only.
   */
  readonly fields?: FieldCatalog;
}

// The brand exists only in the type: `declare` emits nothing, so a defined
// rule is a plain frozen object at run time and serializes as the JSON it was.
declare const definedRuleBrand: unique symbol;

/**
 * A rule that {@link defineRule} validated and froze. {@link compileRule}
 * and {@link explainRule} take it without a second check; a plain
 * {@link Rule} or {@link RuleInput} is checked first. Hold this type where a
 * definition (a segment, a trigger, a scorecard) keeps a rule.
 *
 * @example
 * ```ts
 * import { defineRule, type DefinedRule } from 'successkit/rules';
 *
 * const renewalSoon: DefinedRule = defineRule({ field: 'renewalDate', op: 'withinNextDays', value: 90 });
 * ```
 */
export type DefinedRule = Rule & { readonly [definedRuleBrand]: true };

/** Rules nest at most this deep: a leaf alone is one level, `{ not: leaf }` two. @internal */
export const maximumDepth = 32;
/** Past this many nodes a rule is generated, not written, and may be a shared-reference blow-up. @internal */
export const maximumNodes = 10_000;
/** At most this many issues are reported; past it the input is broken wholesale. */
const maximumIssues = 100;

// The shape of one group node with its children left unchecked: the walk
// below checks children itself, so each problem gets its own path and
// message and a cycle never reaches zod. Tests check these agree with `Rule`.
const AllShape = z.strictObject({ all: z.array(z.unknown()).check(z.minLength(1)) });
const AnyShape = z.strictObject({ any: z.array(z.unknown()).check(z.minLength(1)) });
const NotShape = z.strictObject({ not: z.unknown() });
/** What can still be checked of a condition whose operator is unknown. */
const FieldOnlyShape = z.object({ field: FieldPath });

interface Walk {
  readonly fields: FieldCatalog | undefined;
  readonly issues: SuccessKitIssue[];
  /** The objects on the path from the root to the node being checked. */
  readonly ancestors: WeakSet<object>;
  nodes: number;
}

function report(walk: Walk, path: readonly PathSegment[], message: string): void {
  if (walk.issues.length < maximumIssues) walk.issues.push({ path, message });
}

/** Validates `input` against a schema: the output, or the issues with their paths. */
function validate<Schema extends z.core.$ZodType>(
  schema: Schema,
  input: unknown,
  path: readonly PathSegment[],
): { readonly output?: z.output<Schema>; readonly issues: readonly SuccessKitIssue[] } {
  try {
    return { output: parseWith(schema, input, { code: 'invalid_rule', path }), issues: [] };
  } catch (error) {
    if (!(error instanceof SuccessKitError)) throw error;
    return { issues: error.issues };
  }
}

/** Validates `input` against a schema, recording its issues instead of throwing. */
function check<Schema extends z.core.$ZodType>(
  schema: Schema,
  input: unknown,
  path: readonly PathSegment[],
  walk: Walk,
): z.output<Schema> | undefined {
  const { output, issues } = validate(schema, input, path);
  for (const issue of issues) report(walk, issue.path, issue.message);
  return output;
}

const isOperator = (op: unknown): op is RuleOperator => typeof op === 'string' && Object.hasOwn(conditionSchemas, op);

function describeOperatorIssue(op: unknown): string {
  if (op === undefined) return 'required';
  if (typeof op !== 'string') return `expected an operator name such as "eq", got ${kindOf(op)}`;
  return `unknown operator ${JSON.stringify(op)}${didYouMean(op, ruleOperators)}`;
}

/** A shallow copy of an array or object, anything else as it is. */
function copyOf(value: unknown): unknown {
  if (Array.isArray(value)) return [...(value as unknown[])];
  return typeof value === 'object' && value !== null ? { ...value } : value;
}

/**
 * A condition as written, copied with its value: zod's `.readonly()` freezes
 * the value it was given even when the check fails, so the schemas only ever
 * see copies, and the caller's objects stay as they were.
 */
function detached(node: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  return Object.hasOwn(node, 'value') ? { ...node, value: copyOf(node.value) } : { ...node };
}

function checkCondition(
  node: Readonly<Record<string, unknown>>,
  path: readonly PathSegment[],
  walk: Walk,
): Rule | undefined {
  const { op } = node;
  const known = isOperator(op);
  const copy = detached(node);
  const validated = known ? validate(conditionSchemas[op], copy, path) : validate(FieldOnlyShape, copy, path);
  let { issues } = validated;
  if (!known) issues = [{ path: [...path, 'op'], message: describeOperatorIssue(op) }, ...issues];
  if (known && (op === 'exists' || op === 'missing')) {
    issues = issues.map((issue) =>
      formatPath(issue.path) === formatPath([...path, 'value']) ? { ...issue, message: `${op} takes no value` } : issue,
    );
  }
  const fieldIsWellFormed = !issues.some((issue) => formatPath(issue.path) === formatPath([...path, 'field']));
  if (walk.fields !== undefined && fieldIsWellFormed) {
    // The catalog's message ("expected number for field "arr", got string") replaces the shape's at the same path.
    const typed = checkFieldTypes(node, known ? op : undefined, walk.fields, path);
    const replaced = new Set(typed.map((issue) => formatPath(issue.path)));
    issues = [...issues.filter((issue) => !replaced.has(formatPath(issue.path))), ...typed];
  }
  for (const issue of issues) report(walk, issue.path, issue.message);
  return known && issues.length === 0 ? (validated.output as Rule | undefined) : undefined;
}

function checkGroup(
  node: Readonly<Record<string, unknown>>,
  key: 'all' | 'any',
  path: readonly PathSegment[],
  depth: number,
  walk: Walk,
): Rule | undefined {
  const shape = check(key === 'all' ? AllShape : AnyShape, node, path, walk);
  const list = node[key];
  if (!Array.isArray(list)) return undefined;
  const children: Rule[] = [];
  list.forEach((child: unknown, index) => {
    const rule = checkNode(child, [...path, key, index], depth + 1, walk);
    if (rule !== undefined) children.push(rule);
  });
  if (shape === undefined || children.length !== list.length) return undefined;
  Object.freeze(children);
  return Object.freeze(key === 'all' ? { all: children } : { any: children });
}

const ruleShapes = '{ all }, { any }, { not } or { field, op, value }';

/** Dispatches on the keys of a node already known to be an object on no cycle. */
function checkObject(
  node: Readonly<Record<string, unknown>>,
  path: readonly PathSegment[],
  depth: number,
  walk: Walk,
): Rule | undefined {
  if (Object.hasOwn(node, 'all')) return checkGroup(node, 'all', path, depth, walk);
  if (Object.hasOwn(node, 'any')) return checkGroup(node, 'any', path, depth, walk);
  if (Object.hasOwn(node, 'not')) {
    const shape = check(NotShape, node, path, walk);
    const inner = checkNode(node.not, [...path, 'not'], depth + 1, walk);
    return shape === undefined || inner === undefined ? undefined : Object.freeze({ not: inner });
  }
  if (Object.hasOwn(node, 'op') || Object.hasOwn(node, 'field')) return checkCondition(node, path, walk);
  report(walk, path, `expected a rule: ${ruleShapes}, got an object without those keys`);
  return undefined;
}

/** Checks one node; a node that throws when read (a getter, a revoked proxy) is reported at its path. */
function checkNode(node: unknown, path: readonly PathSegment[], depth: number, walk: Walk): Rule | undefined {
  try {
    return checkReadableNode(node, path, depth, walk);
  } catch (thrown) {
    for (const issue of unreadable(thrown, 'invalid_rule', path, 'the rule').issues)
      report(walk, issue.path, issue.message);
    return undefined;
  }
}

function checkReadableNode(node: unknown, path: readonly PathSegment[], depth: number, walk: Walk): Rule | undefined {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) {
    report(walk, path, `expected a rule: ${ruleShapes}, got ${kindOf(node)}`);
    return undefined;
  }
  // Checked before descending, so a cycle is reported instead of overflowing the stack.
  if (walk.ancestors.has(node)) {
    report(walk, path, 'the rule contains itself (a cycle)');
    return undefined;
  }
  if (depth > maximumDepth) {
    report(walk, path, `nested deeper than ${String(maximumDepth)} levels`);
    return undefined;
  }
  walk.nodes++;
  if (walk.nodes > maximumNodes) {
    if (walk.nodes === maximumNodes + 1) report(walk, [], `more than ${String(maximumNodes)} groups and conditions`);
    return undefined;
  }
  walk.ancestors.add(node);
  try {
    return checkObject(node as Readonly<Record<string, unknown>>, path, depth, walk);
  } finally {
    walk.ancestors.delete(node);
  }
}

/** The catalog of the options, validated: options must be an object (or absent), the catalog a {@link FieldCatalog}. */
function catalogOf(options: unknown): FieldCatalog | undefined {
  return parseWith(CatalogOptions, options).fields;
}

/**
 * Validates a rule written as plain JSON and returns a frozen, typed copy:
 * every node's shape, every operator and its value, and — given a field
 * catalog — that each field exists, each operator applies to its type and
 * each value has that type. Every problem is reported, each at the JSON path
 * of its node, e.g. `all[2].value: expected number for field "arr", got string`.
 *
 * Also rejected: empty `all`/`any` lists, unknown keys, a rule that contains
 * itself, nesting deeper than 32 levels, more than 10,000 nodes, field
 * paths with an empty segment or through `__proto__`, `constructor` or
 * `prototype`, and a node that throws when read. The input is never mutated
 * or frozen, also when it is rejected; the result is a fresh copy.
 *
 * @param input - the rule, as parsed from JSON or written in code
 * @param options - the field catalog; see {@link DefineRuleOptions}
 * @returns the validated rule, deep-frozen and branded as a {@link DefinedRule}
 * @throws {@link core!SuccessKitError} `invalid_rule` listing every problem (up to 100); `invalid_input` for options that are not an object or a malformed catalog
 *
 * @example
 * ```ts
 * import { defineRule } from 'successkit/rules';
 *
 * const fields = { arr: { type: 'number', label: 'ARR' }, plan: 'string' } as const;
 * const rule = defineRule({ all: [{ field: 'arr', op: 'gte', value: 100_000 }, { field: 'plan', op: 'in', value: ['enterprise'] }] }, { fields });
 * Object.isFrozen(rule); // => true
 *
 * defineRule({ all: [{ field: 'arr', op: 'gte', value: '100k' }] }, { fields }); // throws invalid_rule
 * defineRule({ field: 'arr', op: 'greaterThan', value: 1 }); // throws invalid_rule
 * ```
 */
export function defineRule(input: unknown, options: DefineRuleOptions = {}): DefinedRule {
  const walk: Walk = { fields: catalogOf(options), issues: [], ancestors: new WeakSet(), nodes: 0 };
  const rule = checkNode(input, [], 1, walk);
  if (rule === undefined || walk.issues.length > 0) throw new SuccessKitError('invalid_rule', walk.issues);
  defined.add(rule);
  return rule as DefinedRule;
}

// The brand tells the compiler that a rule came from defineRule, but a cast
// or a JavaScript caller can fake it, and a rule stored and read back loses
// it. So the run time keeps its own record of the rules defineRule returned,
// which the brand cannot replace: compileRule trusts exactly these.
const defined = new WeakSet<object>();

/**
 * `rule` itself when {@link defineRule} returned it, otherwise `rule` checked
 * as `defineRule` checks it without a catalog, so a hand-written or stored
 * rule fails with `invalid_rule` rather than deep inside the evaluation.
 *
 * @internal
 */
export function definedRule(rule: unknown): DefinedRule {
  return typeof rule === 'object' && rule !== null && defined.has(rule) ? (rule as DefinedRule) : defineRule(rule);
}
