import * as z from 'zod/mini';
import { CalendarDate, kindOf } from '../core/internal.js';
import { FieldPath } from './field-path.js';

/**
 * Every operator a rule condition can use, in the order the docs list them.
 *
 * | family | operators |
 * |---|---|
 * | comparison | `eq`, `ne`, `gt`, `gte`, `lt`, `lte` |
 * | list and range | `in`, `notIn`, `between` |
 * | presence | `exists`, `missing` |
 * | text and lists | `contains`, `startsWith` |
 * | days since a date | `daysSinceGt`, `daysSinceLt` |
 * | a window of days before or after `asOf` | `withinNextDays`, `withinLastDays` |
 * | change from the previous snapshot | `changed`, `increasedBy`, `decreasedBy`, `crossedBelow`, `crossedAbove` |
 *
 * @example
 * ```ts
 * import { ruleOperators } from 'successkit/rules';
 *
 * ruleOperators.includes('between'); // => true
 * ruleOperators.length; // => 22
 * ```
 */
export const ruleOperators = [
  'eq',
  'ne',
  'gt',
  'gte',
  'lt',
  'lte',
  'in',
  'notIn',
  'between',
  'exists',
  'missing',
  'contains',
  'startsWith',
  'daysSinceGt',
  'daysSinceLt',
  'withinNextDays',
  'withinLastDays',
  'changed',
  'increasedBy',
  'decreasedBy',
  'crossedBelow',
  'crossedAbove',
] as const;

/**
 * The name of a condition operator; see {@link ruleOperators}.
 *
 * @example
 * ```ts
 * import type { RuleOperator } from 'successkit/rules';
 *
 * const op: RuleOperator = 'daysSinceGt';
 * ```
 */
export type RuleOperator = (typeof ruleOperators)[number];

/** A schema-level message that leaves absent values to the usual `required`. */
function expected(what: string): { error: (issue: { input?: unknown }) => string } {
  return {
    error: (issue) => (issue.input === undefined ? 'required' : `expected ${what}, got ${kindOf(issue.input)}`),
  };
}

const Scalar = z.union([z.number(), z.string(), z.boolean()], expected('a number, string or boolean'));

/** Numbers, or dates that compare as `YYYY-MM-DD` text; a string that is not a real date gets the date message. */
const Ordered = z.union([z.number(), CalendarDate], expected('a number or a date as YYYY-MM-DD'));

const condition = <Op extends z.core.util.Literal, Value extends z.core.$ZodType>(
  ops: readonly [Op, ...Op[]],
  value: Value,
) => z.strictObject({ field: FieldPath, op: z.literal(ops), value });

/** The schema of {@link EqualityCondition}. @internal */
export const EqualityCondition = z.readonly(condition(['eq', 'ne'], Scalar));

/**
 * `eq` / `ne`: the field equals (does not equal) a number, string, boolean or
 * date. Strict: `5` never equals `'5'`.
 *
 * @example
 * ```ts
 * import type { EqualityCondition } from 'successkit/rules';
 *
 * const enterprise: EqualityCondition = { field: 'segment', op: 'eq', value: 'enterprise' };
 * ```
 */
export type EqualityCondition = z.infer<typeof EqualityCondition>;

/** The schema of {@link OrderCondition}. @internal */
export const OrderCondition = z.readonly(condition(['gt', 'gte', 'lt', 'lte'], Ordered));

/**
 * `gt` / `gte` / `lt` / `lte`: the field is above, at or above, below, at or
 * below a number, or after, on or after, before, on or before a date.
 *
 * @example
 * ```ts
 * import { calendarDate } from 'successkit/core';
 * import type { OrderCondition } from 'successkit/rules';
 *
 * const large: OrderCondition = { field: 'arr', op: 'gte', value: 100_000 };
 * const renewsSoon: OrderCondition = { field: 'renewalDate', op: 'lt', value: calendarDate('2026-09-30') };
 * ```
 */
export type OrderCondition = z.infer<typeof OrderCondition>;

/** The schema of {@link ListCondition}. @internal */
export const ListCondition = z.readonly(condition(['in', 'notIn'], z.readonly(z.array(Scalar).check(z.minLength(1)))));

/**
 * `in` / `notIn`: the field's value is (is not) one of a non-empty list.
 *
 * @example
 * ```ts
 * import type { ListCondition } from 'successkit/rules';
 *
 * const paidPlans: ListCondition = { field: 'plan', op: 'in', value: ['growth', 'enterprise'] };
 * ```
 */
export type ListCondition = z.infer<typeof ListCondition>;

/** The schema of {@link RangeCondition}. @internal */
export const RangeCondition = z.readonly(
  condition(
    ['between'],
    z
      .union(
        [z.readonly(z.tuple([z.number(), z.number()])), z.readonly(z.tuple([CalendarDate, CalendarDate]))],
        expected('[low, high]: two numbers or two dates'),
      )
      .check(z.refine(([low, high]) => low <= high, 'expected low ≤ high')),
  ),
);

/**
 * `between`: the field lies in `[low, high]`, both ends included; two
 * numbers or two dates with `low ≤ high`.
 *
 * @example
 * ```ts
 * import type { RangeCondition } from 'successkit/rules';
 *
 * const midMarket: RangeCondition = { field: 'employees', op: 'between', value: [200, 999] };
 * ```
 */
export type RangeCondition = z.infer<typeof RangeCondition>;

/** The schema of {@link PresenceCondition}. @internal */
export const PresenceCondition = z.readonly(z.strictObject({ field: FieldPath, op: z.literal(['exists', 'missing']) }));

/**
 * `exists` / `missing`: the field has a value (is `undefined` or `null`).
 * Takes no `value`.
 *
 * @example
 * ```ts
 * import type { PresenceCondition } from 'successkit/rules';
 *
 * const unowned: PresenceCondition = { field: 'csmId', op: 'missing' };
 * ```
 */
export type PresenceCondition = z.infer<typeof PresenceCondition>;

/** The schema of {@link ContainsCondition}. @internal */
export const ContainsCondition = z.readonly(condition(['contains'], Scalar));

/**
 * `contains`: a text field contains the value as a substring, or a list
 * field holds the value as an element. Case-sensitive.
 *
 * @example
 * ```ts
 * import type { ContainsCondition } from 'successkit/rules';
 *
 * const usesApi: ContainsCondition = { field: 'attributes.integrations', op: 'contains', value: 'api' };
 * ```
 */
export type ContainsCondition = z.infer<typeof ContainsCondition>;

/** The schema of {@link StartsWithCondition}. @internal */
export const StartsWithCondition = z.readonly(condition(['startsWith'], z.string()));

/**
 * `startsWith`: a text field starts with the value. Case-sensitive.
 *
 * @example
 * ```ts
 * import type { StartsWithCondition } from 'successkit/rules';
 *
 * const emea: StartsWithCondition = { field: 'region', op: 'startsWith', value: 'emea' };
 * ```
 */
export type StartsWithCondition = z.infer<typeof StartsWithCondition>;

/** The schema of {@link DaysSinceCondition}. @internal */
export const DaysSinceCondition = z.readonly(condition(['daysSinceGt', 'daysSinceLt'], z.int()));

/**
 * `daysSinceGt` / `daysSinceLt`: the whole days from a date field to the
 * evaluation's `asOf` (`asOf − date`, negative for a future date) are more
 * (fewer) than the value. The value is a whole number of days.
 *
 * @example
 * ```ts
 * import type { DaysSinceCondition } from 'successkit/rules';
 *
 * const quietFor30Days: DaysSinceCondition = { field: 'lastLoginDate', op: 'daysSinceGt', value: 30 };
 * ```
 */
export type DaysSinceCondition = z.infer<typeof DaysSinceCondition>;

/** The schema of {@link WithinDaysCondition}. @internal */
export const WithinDaysCondition = z.readonly(
  condition(['withinNextDays', 'withinLastDays'], z.int().check(z.nonnegative())),
);

/**
 * `withinNextDays` / `withinLastDays`: a date field falls in the next (last)
 * `value` days, `asOf` included: `0 ≤ date − asOf ≤ value` (`0 ≤ asOf − date
 * ≤ value`). The value is a whole number of days, at least 0 (0 is `asOf`
 * alone).
 *
 * @example
 * ```ts
 * import type { WithinDaysCondition } from 'successkit/rules';
 *
 * const renewsThisQuarter: WithinDaysCondition = { field: 'renewalDate', op: 'withinNextDays', value: 90 };
 * const loggedInThisMonth: WithinDaysCondition = { field: 'lastLoginDate', op: 'withinLastDays', value: 30 };
 * ```
 */
export type WithinDaysCondition = z.infer<typeof WithinDaysCondition>;

/** The schema of {@link ChangedCondition}. @internal */
export const ChangedCondition = z.readonly(
  z.strictObject({
    field: FieldPath,
    op: z.literal('changed'),
    value: z.optional(
      z.readonly(
        z
          .strictObject({ from: z.optional(Scalar), to: z.optional(Scalar) })
          .check(
            z.refine(({ from, to }) => from === undefined || from !== to, 'from and to are equal: that is no change'),
          ),
      ),
    ),
  }),
);

/**
 * `changed`: the field differs from the previous snapshot; with `from`
 * and/or `to`, it went from that value and/or to that value ("health band
 * went from green to red" is one condition).
 *
 * @example
 * ```ts
 * import type { ChangedCondition } from 'successkit/rules';
 *
 * const greenToRed: ChangedCondition = { field: 'healthBand', op: 'changed', value: { from: 'green', to: 'red' } };
 * const anyOwnerChange: ChangedCondition = { field: 'csmId', op: 'changed' };
 * ```
 */
export type ChangedCondition = z.infer<typeof ChangedCondition>;

/** The schema of {@link ChangeByCondition}. @internal */
export const ChangeByCondition = z.readonly(condition(['increasedBy', 'decreasedBy'], z.number().check(z.positive())));

/**
 * `increasedBy` / `decreasedBy`: a number field rose (fell) by at least the
 * value since the previous snapshot, in the field's own unit: `current −
 * previous ≥ value` (`previous − current ≥ value`). The value is above 0.
 *
 * @example
 * ```ts
 * import type { ChangeByCondition } from 'successkit/rules';
 *
 * const lostTenSeats: ChangeByCondition = { field: 'licenses', op: 'decreasedBy', value: 10 };
 * ```
 */
export type ChangeByCondition = z.infer<typeof ChangeByCondition>;

/** The schema of {@link CrossingCondition}. @internal */
export const CrossingCondition = z.readonly(condition(['crossedBelow', 'crossedAbove'], z.number()));

/**
 * `crossedBelow` / `crossedAbove`: a number field was at or above (at or
 * below) the threshold in the previous snapshot and is now strictly below
 * (above) it.
 *
 * @example
 * ```ts
 * import type { CrossingCondition } from 'successkit/rules';
 *
 * const overNinetyPercent: CrossingCondition = { field: 'utilization', op: 'crossedAbove', value: 0.9 };
 * ```
 */
export type CrossingCondition = z.infer<typeof CrossingCondition>;

/**
 * One leaf of a rule: `{ field, op, value }`, told apart by `op`. `field` is
 * a dotted path into the record; `value` depends on the operator (see the
 * operator table in the docs).
 *
 * @example
 * ```ts
 * import { RuleCondition } from 'successkit/rules';
 *
 * RuleCondition.parse({ field: 'arr', op: 'gte', value: 100_000 }); // => { field: 'arr', op: 'gte', value: 100000 }
 * ```
 */
export const RuleCondition = z.discriminatedUnion('op', [
  EqualityCondition,
  OrderCondition,
  ListCondition,
  RangeCondition,
  PresenceCondition,
  ContainsCondition,
  StartsWithCondition,
  DaysSinceCondition,
  WithinDaysCondition,
  ChangedCondition,
  ChangeByCondition,
  CrossingCondition,
]);

/**
 * A validated rule leaf; see the {@link RuleCondition} schema.
 *
 * @example
 * ```ts
 * import type { RuleCondition } from 'successkit/rules';
 *
 * const condition: RuleCondition = { field: 'plan', op: 'in', value: ['enterprise'] };
 * ```
 */
export type RuleCondition = z.infer<typeof RuleCondition>;

/** The schema of each operator's condition, for validating one leaf at a time. @internal */
export const conditionSchemas: Readonly<Record<RuleOperator, z.ZodMiniType<RuleCondition>>> = {
  eq: EqualityCondition,
  ne: EqualityCondition,
  gt: OrderCondition,
  gte: OrderCondition,
  lt: OrderCondition,
  lte: OrderCondition,
  in: ListCondition,
  notIn: ListCondition,
  between: RangeCondition,
  exists: PresenceCondition,
  missing: PresenceCondition,
  contains: ContainsCondition,
  startsWith: StartsWithCondition,
  daysSinceGt: DaysSinceCondition,
  daysSinceLt: DaysSinceCondition,
  withinNextDays: WithinDaysCondition,
  withinLastDays: WithinDaysCondition,
  changed: ChangedCondition,
  increasedBy: ChangeByCondition,
  decreasedBy: ChangeByCondition,
  crossedBelow: CrossingCondition,
  crossedAbove: CrossingCondition,
};
