import * as z from 'zod/mini';
import { RuleCondition } from './condition.js';

// The getters let the schemas refer to `Rule` before it is defined (zod 4
// recursive schemas). The annotations name the recursive schema type, so the
// published declarations refer to it instead of expanding it until
// TypeScript gives up and writes `any`. The group objects themselves are not
// wrapped in `z.readonly()`, which defeats the inference of the recursion;
// defineRule freezes them instead.

/**
 * The zod type of the {@link Rule} schema: a union of the three groups and
 * the leaf condition, each referring back to it. Name it when a host embeds
 * rules in its own schemas.
 *
 * @example
 * ```ts
 * import { z } from 'zod';
 * import { Rule, type RuleSchema } from 'successkit/rules';
 *
 * const schema: RuleSchema = Rule;
 * const Segment = z.object({ name: z.string(), rule: schema });
 * Segment.safeParse({ name: 'Large', rule: { field: 'arr', op: 'gte', value: 100_000 } }).success; // => true
 * ```
 */
export type RuleSchema = z.ZodMiniUnion<
  readonly [typeof AllRule, typeof AnyRule, typeof NotRule, typeof RuleCondition]
>;

/** The schema of {@link AllRule}. @internal */
export const AllRule: z.ZodMiniObject<{ all: z.ZodMiniReadonly<z.ZodMiniArray<RuleSchema>> }, z.core.$strict> =
  z.strictObject({
    get all() {
      return z.readonly(z.array(Rule).check(z.minLength(1)));
    },
  });

/**
 * Matches when every rule in a non-empty list matches.
 *
 * @example
 * ```ts
 * import type { AllRule } from 'successkit/rules';
 *
 * const largeEnterprise: AllRule = {
 *   all: [
 *     { field: 'segment', op: 'eq', value: 'enterprise' },
 *     { field: 'arr', op: 'gte', value: 100_000 },
 *   ],
 * };
 * ```
 */
export type AllRule = z.infer<typeof AllRule>;

/** The schema of {@link AnyRule}. @internal */
export const AnyRule: z.ZodMiniObject<{ any: z.ZodMiniReadonly<z.ZodMiniArray<RuleSchema>> }, z.core.$strict> =
  z.strictObject({
    get any() {
      return z.readonly(z.array(Rule).check(z.minLength(1)));
    },
  });

/**
 * Matches when at least one rule in a non-empty list matches.
 *
 * @example
 * ```ts
 * import type { AnyRule } from 'successkit/rules';
 *
 * const paidOrLarge: AnyRule = {
 *   any: [
 *     { field: 'plan', op: 'in', value: ['growth', 'enterprise'] },
 *     { field: 'employees', op: 'gte', value: 1_000 },
 *   ],
 * };
 * ```
 */
export type AnyRule = z.infer<typeof AnyRule>;

/** The schema of {@link NotRule}. @internal */
export const NotRule: z.ZodMiniObject<{ not: RuleSchema }, z.core.$strict> = z.strictObject({
  get not() {
    return Rule;
  },
});

/**
 * Matches when the rule inside does not.
 *
 * @example
 * ```ts
 * import type { NotRule } from 'successkit/rules';
 *
 * const notOnTrial: NotRule = { not: { field: 'plan', op: 'eq', value: 'trial' } };
 * ```
 */
export type NotRule = z.infer<typeof NotRule>;

/**
 * A condition over one record, as plain JSON: `{ all: Rule[] }`,
 * `{ any: Rule[] }`, `{ not: Rule }` or a leaf `{ field, op, value }` (see
 * {@link RuleCondition}). This schema is the single source of the rule
 * language's shape: {@link ruleJsonSchema} is generated from it, and
 * {@link defineRule} checks the same shape with a message per problem.
 *
 * @example
 * ```ts
 * import { Rule } from 'successkit/rules';
 *
 * Rule.safeParse({ any: [{ field: 'csmId', op: 'missing' }, { not: { field: 'arr', op: 'gt', value: 0 } }] }).success; // => true
 * Rule.safeParse({ all: [] }).success; // => false
 * ```
 */
export const Rule: RuleSchema = z.union([AllRule, AnyRule, NotRule, RuleCondition]);

/**
 * A validated rule; see the {@link Rule} schema. Get one from
 * {@link defineRule}, which also checks it against a field catalog and
 * returns it frozen, as a {@link DefinedRule}.
 *
 * @example
 * ```ts
 * import { defineRule, type Rule } from 'successkit/rules';
 *
 * const atRisk: Rule = defineRule({
 *   any: [
 *     { field: 'healthScore', op: 'lt', value: 40 },
 *     { field: 'healthBand', op: 'changed', value: { from: 'green', to: 'red' } },
 *   ],
 * });
 * ```
 */
export type Rule = z.infer<typeof Rule>;

/**
 * A rule as a host writes or stores it, before validation: the same shape
 * as {@link Rule}, with dates as plain strings.
 *
 * @example
 * ```ts
 * import { defineRule, type RuleInput } from 'successkit/rules';
 *
 * const stored: RuleInput = { field: 'renewalDate', op: 'lt', value: '2026-12-31' };
 * defineRule(stored); // => { field: 'renewalDate', op: 'lt', value: '2026-12-31' }
 * ```
 */
export type RuleInput = z.input<typeof Rule>;
