import * as z from 'zod/mini';
import {
  ChangeByCondition,
  ChangedCondition,
  ContainsCondition,
  CrossingCondition,
  DaysSinceCondition,
  EqualityCondition,
  ListCondition,
  OrderCondition,
  PresenceCondition,
  RangeCondition,
  StartsWithCondition,
  WithinDaysCondition,
} from './condition.js';
import { AllRule, AnyRule, NotRule, Rule } from './rule.js';

interface SchemaMetadata {
  id: string;
  title?: string;
  description: string;
}

const descriptions: readonly (readonly [z.core.$ZodType, SchemaMetadata])[] = [
  [
    Rule,
    {
      id: 'Rule',
      title: 'successkit rule',
      description:
        'A condition over one record: { all: [...] }, { any: [...] }, { not: ... } or a condition { field, op, value }.',
    },
  ],
  [AllRule, { id: 'AllRule', description: 'Matches when every rule in the list matches.' }],
  [AnyRule, { id: 'AnyRule', description: 'Matches when at least one rule in the list matches.' }],
  [NotRule, { id: 'NotRule', description: 'Matches when the rule inside does not.' }],
  [
    EqualityCondition,
    { id: 'EqualityCondition', description: 'eq / ne: equal (not equal) to a number, text, boolean or date.' },
  ],
  [
    OrderCondition,
    {
      id: 'OrderCondition',
      description: 'gt / gte / lt / lte: above, at or above, below, at or below a number or a date (YYYY-MM-DD).',
    },
  ],
  [ListCondition, { id: 'ListCondition', description: 'in / notIn: one (none) of a non-empty list of values.' }],
  [
    RangeCondition,
    {
      id: 'RangeCondition',
      description: 'between: in [low, high], both ends included; two numbers or two dates, low ≤ high.',
    },
  ],
  [
    PresenceCondition,
    {
      id: 'PresenceCondition',
      description: 'exists / missing: the field has a value (is undefined or null). No value.',
    },
  ],
  [
    ContainsCondition,
    {
      id: 'ContainsCondition',
      description: 'contains: text containing the value, or a list holding it. Case-sensitive.',
    },
  ],
  [
    StartsWithCondition,
    { id: 'StartsWithCondition', description: 'startsWith: text starting with the value. Case-sensitive.' },
  ],
  [
    DaysSinceCondition,
    {
      id: 'DaysSinceCondition',
      description: 'daysSinceGt / daysSinceLt: asOf − the date field, in whole days, is more (fewer) than the value.',
    },
  ],
  [
    WithinDaysCondition,
    {
      id: 'WithinDaysCondition',
      description:
        'withinNextDays / withinLastDays: the date field is asOf or at most value days after (before) it; value a whole number ≥ 0.',
    },
  ],
  [
    ChangedCondition,
    {
      id: 'ChangedCondition',
      description: 'changed: differs from the previous snapshot; optionally went from `from` and/or to `to`.',
    },
  ],
  [
    ChangeByCondition,
    {
      id: 'ChangeByCondition',
      description: 'increasedBy / decreasedBy: rose (fell) by at least the value since the previous snapshot.',
    },
  ],
  [
    CrossingCondition,
    {
      id: 'CrossingCondition',
      description:
        'crossedBelow / crossedAbove: was at or above (below) the threshold and is now strictly below (above).',
    },
  ],
];

function freezeDeep<Value>(value: Value): Value {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) freezeDeep(inner);
    Object.freeze(value);
  }
  return value;
}

function buildRuleJsonSchema(): z.core.JSONSchema.BaseSchema {
  const metadata = z.registry<SchemaMetadata>();
  for (const [schema, entry] of descriptions) metadata.add(schema, entry);
  const schema = z.toJSONSchema(Rule, {
    metadata,
    // `readOnly` marks what zod freezes; to an editor it would only mean "do not edit".
    override: (context) => {
      delete context.jsonSchema.readOnly;
    },
  });
  return freezeDeep(schema);
}

/**
 * The JSON Schema (draft 2020-12) of the rule language, generated from the
 * {@link Rule} schema: hand it to an editor (VS Code's `json.schemas`, Monaco,
 * a form builder) or a non-TypeScript service to validate stored rules. It
 * checks shape, operators and value types; the checks that need a field
 * catalog, and `low ≤ high` in `between`, are {@link defineRule}'s.
 *
 * @example
 * ```ts
 * import { ruleJsonSchema } from 'successkit/rules';
 *
 * ruleJsonSchema.$ref; // => '#/$defs/Rule'
 * Object.keys(ruleJsonSchema.$defs ?? {}).includes('RangeCondition'); // => true
 * ```
 */
export const ruleJsonSchema: z.core.JSONSchema.BaseSchema = /* @__PURE__ */ buildRuleJsonSchema();
