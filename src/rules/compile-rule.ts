import { asRecord, conditionTest, type ConditionTest } from './condition-test.js';
import type { Rule } from './rule.js';
import { createAsOfClock, setAsOf, type AsOfClock, type RuleContext } from './rule-context.js';

/**
 * A compiled rule: tells whether a record matches. `context` carries the
 * `asOf` day for the days-since operators and the `previous` snapshot for
 * the change operators.
 *
 * @example
 * ```ts
 * import { compileRule, defineRule, type RulePredicate } from 'successkit/rules';
 *
 * const isLarge: RulePredicate = compileRule(defineRule({ field: 'arr', op: 'gte', value: 100_000 }));
 * isLarge({ arr: 120_000 }); // => true
 * ```
 */
export type RulePredicate = (record: object, context?: RuleContext) => boolean;

interface Compilation {
  readonly clock: AsOfClock;
  usesAsOf: boolean;
}

/** The children of a group, with nested groups of the same kind spliced in: `all[a, all[b, c]]` is `all[a, b, c]`. */
function flatten(children: readonly Rule[], key: 'all' | 'any'): Rule[] {
  return children.flatMap((child) =>
    key === 'all' && 'all' in child
      ? flatten(child.all, key)
      : key === 'any' && 'any' in child
        ? flatten(child.any, key)
        : [child],
  );
}

// Groups of up to six are unrolled: each call site then always calls the
// same condition and the engine can inline it, where a loop's one call site
// sees every condition of every rule.

function every(tests: readonly ConditionTest[]): ConditionTest {
  switch (tests.length) {
    case 1: {
      const [only] = tests as [ConditionTest];
      return only;
    }
    case 2: {
      const [a, b] = tests as [ConditionTest, ConditionTest];
      return (record, context) => a(record, context) && b(record, context);
    }
    case 3: {
      const [a, b, c] = tests as [ConditionTest, ConditionTest, ConditionTest];
      return (record, context) => a(record, context) && b(record, context) && c(record, context);
    }
    case 4: {
      const [a, b, c, d] = tests as [ConditionTest, ConditionTest, ConditionTest, ConditionTest];
      return (record, context) => a(record, context) && b(record, context) && c(record, context) && d(record, context);
    }
    case 5: {
      const [a, b, c, d, e] = tests as [ConditionTest, ConditionTest, ConditionTest, ConditionTest, ConditionTest];
      return (record, context) =>
        a(record, context) && b(record, context) && c(record, context) && d(record, context) && e(record, context);
    }
    case 6: {
      const [a, b, c, d, e, f] = tests as [
        ConditionTest,
        ConditionTest,
        ConditionTest,
        ConditionTest,
        ConditionTest,
        ConditionTest,
      ];
      return (record, context) =>
        a(record, context) &&
        b(record, context) &&
        c(record, context) &&
        d(record, context) &&
        e(record, context) &&
        f(record, context);
    }
    default:
      return (record, context) => {
        for (const test of tests) if (!test(record, context)) return false;
        return true;
      };
  }
}

function some(tests: readonly ConditionTest[]): ConditionTest {
  switch (tests.length) {
    case 1: {
      const [only] = tests as [ConditionTest];
      return only;
    }
    case 2: {
      const [a, b] = tests as [ConditionTest, ConditionTest];
      return (record, context) => a(record, context) || b(record, context);
    }
    case 3: {
      const [a, b, c] = tests as [ConditionTest, ConditionTest, ConditionTest];
      return (record, context) => a(record, context) || b(record, context) || c(record, context);
    }
    case 4: {
      const [a, b, c, d] = tests as [ConditionTest, ConditionTest, ConditionTest, ConditionTest];
      return (record, context) => a(record, context) || b(record, context) || c(record, context) || d(record, context);
    }
    case 5: {
      const [a, b, c, d, e] = tests as [ConditionTest, ConditionTest, ConditionTest, ConditionTest, ConditionTest];
      return (record, context) =>
        a(record, context) || b(record, context) || c(record, context) || d(record, context) || e(record, context);
    }
    case 6: {
      const [a, b, c, d, e, f] = tests as [
        ConditionTest,
        ConditionTest,
        ConditionTest,
        ConditionTest,
        ConditionTest,
        ConditionTest,
      ];
      return (record, context) =>
        a(record, context) ||
        b(record, context) ||
        c(record, context) ||
        d(record, context) ||
        e(record, context) ||
        f(record, context);
    }
    default:
      return (record, context) => {
        for (const test of tests) if (test(record, context)) return true;
        return false;
      };
  }
}

function compileNode(rule: Rule, compilation: Compilation): ConditionTest {
  if ('all' in rule) return every(flatten(rule.all, 'all').map((child) => compileNode(child, compilation)));
  if ('any' in rule) return some(flatten(rule.any, 'any').map((child) => compileNode(child, compilation)));
  if ('not' in rule) {
    const inner = rule.not;
    if ('not' in inner) return compileNode(inner.not, compilation);
    const test = compileNode(inner, compilation);
    return (record, context) => !test(record, context);
  }
  if (rule.op === 'daysSinceGt' || rule.op === 'daysSinceLt') compilation.usesAsOf = true;
  return conditionTest(rule, compilation.clock);
}

/**
 * Compiles a rule once into a fast predicate to run over many records: field
 * paths are split at compile time, each condition becomes a closure
 * specialised for its operator and value type, and evaluating allocates
 * nothing. A missing field (`undefined` or `null`) makes every condition
 * false except `missing`; a value of the wrong type (text where a number is
 * expected) is false, never an exception. Change operators are false
 * without `context.previous`.
 *
 * The rule is trusted: compile the output of {@link defineRule}.
 *
 * @param rule - a validated rule
 * @returns a predicate `(record, context?) => boolean`
 * @throws {@link core!SuccessKitError} from the predicate: `invalid_input` when the rule uses `daysSinceGt`/`daysSinceLt` and `context.asOf` is absent, `invalid_date` when it is not a real date
 *
 * @example
 * ```ts
 * import { calendarDate } from 'successkit/core';
 * import { compileRule, defineRule } from 'successkit/rules';
 *
 * const quietLargeAccount = compileRule(
 *   defineRule({
 *     all: [
 *       { field: 'arr', op: 'gte', value: 100_000 },
 *       { field: 'lastLoginDate', op: 'daysSinceGt', value: 30 },
 *     ],
 *   }),
 * );
 * const asOf = calendarDate('2026-06-30');
 * quietLargeAccount({ arr: 250_000, lastLoginDate: '2026-05-01' }, { asOf }); // => true
 * quietLargeAccount({ arr: 250_000, lastLoginDate: '2026-06-20' }, { asOf }); // => false
 * quietLargeAccount({ arr: 250_000 }, { asOf }); // => false
 * quietLargeAccount({ arr: 250_000, lastLoginDate: '2026-05-01' }); // throws invalid_input
 * ```
 */
export function compileRule(rule: Rule): RulePredicate {
  const compilation: Compilation = { clock: createAsOfClock(), usesAsOf: false };
  const test = compileNode(rule, compilation);
  if (!compilation.usesAsOf) return (record, context) => test(asRecord(record), context);
  const { clock } = compilation;
  return (record, context) => {
    setAsOf(clock, context);
    return test(asRecord(record), context);
  };
}
