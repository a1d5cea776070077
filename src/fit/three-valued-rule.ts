import { compileRule, type Rule, type RuleContext } from '../rules/index.js';
import { presenceOperators, ruleLeaves } from './rule-leaves.js';

/** A rule's answer on a record: 1 it holds, 0 it does not, 2 unknown (a field it reads is missing). @internal */
export type Truth = 0 | 1 | 2;

/** A compiled three-valued rule. @internal */
export type TruthTest = (record: object, context: RuleContext | undefined) => Truth;

/**
 * Whether a record has a value at a field path, as the rules read it: a step
 * into anything but an object finds nothing, and `undefined`, `null` and a
 * function are missing (the `exists` operator, without its call).
 */
function presenceTest(path: string): (record: object) => boolean {
  const [first = '', ...rest] = path.split('.');
  const has = (value: unknown): boolean => value !== undefined && value !== null && typeof value !== 'function';
  if (rest.length === 0) return (record) => has((record as Readonly<Record<string, unknown>>)[first]);
  return (record) => {
    let value: unknown = (record as Readonly<Record<string, unknown>>)[first];
    for (const key of rest) {
      if (typeof value !== 'object' || value === null) return false;
      value = (value as Readonly<Record<string, unknown>>)[key];
    }
    return has(value);
  };
}

/**
 * A condition's leaf in three-valued (Kleene) logic: unknown when its field is
 * missing, except for `exists` and `missing`, which answer on a missing field.
 */
function compileLeafTruth(rule: Rule & { readonly field: string; readonly op: string }): TruthTest {
  const holds = compileRule(rule);
  if (presenceOperators.has(rule.op)) return (record, context) => (holds(record, context) ? 1 : 0);
  const present = presenceTest(rule.field);
  // Every operator but `missing` is false on a missing field, so a leaf that holds read a present
  // one: presence is read only to tell "does not hold" from "unknown".
  return (record, context) => (holds(record, context) ? 1 : present(record) ? 0 : 2);
}

function compileNodeTruth(rule: Rule): TruthTest {
  if ('all' in rule) {
    const children = rule.all.map(compileNodeTruth);
    return (record, context) => {
      let truth: Truth = 1;
      for (const child of children) {
        const value = child(record, context);
        if (value === 0) return 0;
        if (value === 2) truth = 2;
      }
      return truth;
    };
  }
  if ('any' in rule) {
    const children = rule.any.map(compileNodeTruth);
    return (record, context) => {
      let truth: Truth = 0;
      for (const child of children) {
        const value = child(record, context);
        if (value === 1) return 1;
        if (value === 2) truth = 2;
      }
      return truth;
    };
  }
  if ('not' in rule) {
    const inner = compileNodeTruth(rule.not);
    return (record, context) => {
      const value = inner(record, context);
      return value === 2 ? 2 : value === 1 ? 0 : 1;
    };
  }
  return compileLeafTruth(rule);
}

/**
 * Compiles a rule to its three-valued answer: when every field it reads is
 * there, the rule's own compiled predicate decides (the fast path); otherwise
 * Kleene logic over its conditions, so `any` of a met condition and a missing
 * one is still met, and `all` of an unmet and a missing one still unmet.
 *
 * @internal
 */
export function compileTruth(rule: Rule): TruthTest {
  const whole = compileRule(rule);
  const fields = [
    ...new Set(
      ruleLeaves(rule)
        .filter((leaf) => !presenceOperators.has(leaf.op))
        .map((leaf) => leaf.field),
    ),
  ];
  const presence = fields.map(presenceTest);
  if (!('all' in rule) && !('any' in rule) && !('not' in rule)) return compileLeafTruth(rule);
  const slow = compileNodeTruth(rule);
  return (record, context) => {
    for (const present of presence) if (!present(record)) return slow(record, context);
    return whole(record, context) ? 1 : 0;
  };
}
