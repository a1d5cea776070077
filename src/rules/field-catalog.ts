import * as z from 'zod/mini';
import { isCalendarDate, parseWith } from '../core/internal.js';
import { ruleOperators, type RuleOperator } from './condition.js';
import { FieldPath } from './field-path.js';

/**
 * The type of a field in a {@link FieldCatalog}: `number`, `string`, `date`
 * (a `CalendarDate` string), `boolean`, or `string[]` (a list of text, such
 * as products or integrations).
 *
 * @example
 * ```ts
 * import { FieldType } from 'successkit/rules';
 *
 * FieldType.parse('date'); // => 'date'
 * ```
 */
export const FieldType = z.enum(['number', 'string', 'date', 'boolean', 'string[]']);

/**
 * A field type; see the {@link FieldType} schema.
 *
 * @example
 * ```ts
 * import type { FieldType } from 'successkit/rules';
 *
 * const renewal: FieldType = 'date';
 * ```
 */
export type FieldType = z.infer<typeof FieldType>;

/**
 * One entry of a {@link FieldCatalog}: the field's type alone, or its type
 * with the label that explanations show instead of the path (`'ARR'` for
 * `arr`).
 *
 * @example
 * ```ts
 * import { FieldDefinition } from 'successkit/rules';
 *
 * FieldDefinition.parse({ type: 'number', label: 'ARR' }); // => { type: 'number', label: 'ARR' }
 * FieldDefinition.parse('string'); // => 'string'
 * ```
 */
export const FieldDefinition = z.union(
  [FieldType, z.strictObject({ type: FieldType, label: z.string().check(z.minLength(1)) })],
  {
    error: (issue) =>
      issue.input === undefined ? 'required' : 'expected a field type such as "number", or { type, label }',
  },
);

/**
 * A field catalog entry; see the {@link FieldDefinition} schema.
 *
 * @example
 * ```ts
 * import type { FieldDefinition } from 'successkit/rules';
 *
 * const arr: FieldDefinition = { type: 'number', label: 'ARR' };
 * ```
 */
export type FieldDefinition = z.infer<typeof FieldDefinition>;

/**
 * The fields rules may read, by dotted path, each with its type and
 * optionally a label: what a rule builder offers in its field picker.
 * {@link defineRule} checks rules against it; {@link explainRule} takes its
 * labels.
 *
 * @example
 * ```ts
 * import { FieldCatalog } from 'successkit/rules';
 *
 * const fields = FieldCatalog.parse({
 *   arr: { type: 'number', label: 'ARR' },
 *   plan: 'string',
 *   renewalDate: { type: 'date', label: 'Renewal date' },
 *   'attributes.hasSso': { type: 'boolean', label: 'SSO' },
 *   'attributes.products': 'string[]',
 * });
 * ```
 */
export const FieldCatalog = z.record(z.string(), FieldDefinition).check((context) => {
  for (const path of Object.keys(context.value)) {
    const result = FieldPath.safeParse(path);
    for (const issue of result.error?.issues ?? []) {
      context.issues.push({ code: 'custom', message: issue.message, input: path, path: [path] });
    }
  }
});

/**
 * A field catalog; see the {@link FieldCatalog} schema.
 *
 * @example
 * ```ts
 * import type { FieldCatalog } from 'successkit/rules';
 *
 * const fields: FieldCatalog = { arr: { type: 'number', label: 'ARR' }, plan: 'string' };
 * ```
 */
export type FieldCatalog = z.infer<typeof FieldCatalog>;

/** Options that may carry a field catalog, as {@link defineRule} and {@link explainRule} take them: an object; other keys are not checked here. @internal */
export const CatalogOptions = z.object({ fields: z.optional(FieldCatalog) });

const scalar: readonly FieldType[] = ['number', 'string', 'date', 'boolean'];
const listable: readonly FieldType[] = ['number', 'string', 'date'];
const ordered: readonly FieldType[] = ['number', 'date'];
const every: readonly FieldType[] = FieldType.options;

/** The field types each operator applies to: the operator table of the docs. */
const fieldTypesOf: Readonly<Record<RuleOperator, readonly FieldType[]>> = {
  eq: scalar,
  ne: scalar,
  gt: ordered,
  gte: ordered,
  lt: ordered,
  lte: ordered,
  in: listable,
  notIn: listable,
  between: ordered,
  exists: every,
  missing: every,
  contains: ['string', 'string[]'],
  startsWith: ['string'],
  daysSinceGt: ['date'],
  daysSinceLt: ['date'],
  withinNextDays: ['date'],
  withinLastDays: ['date'],
  changed: every,
  increasedBy: ['number'],
  decreasedBy: ['number'],
  crossedBelow: ['number'],
  crossedAbove: ['number'],
};

/**
 * Lists the operators that apply to a field type, for a rule builder's
 * operator picker; {@link defineRule} rejects the others for fields of that
 * type.
 *
 * @param type - the field's type
 * @returns the operators, in the order of {@link ruleOperators}
 * @throws {@link core!SuccessKitError} `invalid_input` for a type that is not a {@link FieldType}
 *
 * @example
 * ```ts
 * import { operatorsFor } from 'successkit/rules';
 *
 * operatorsFor('boolean'); // => ['eq', 'ne', 'exists', 'missing', 'changed']
 * operatorsFor('string[]'); // => ['exists', 'missing', 'contains', 'changed']
 * ```
 */
export function operatorsFor(type: FieldType): readonly RuleOperator[] {
  const known = parseWith(FieldType, type, { path: ['type'] });
  return ruleOperators.filter((op) => appliesTo(op, known));
}

/** Whether an operator applies to a field type. @internal */
export function appliesTo(op: RuleOperator, type: FieldType): boolean {
  return fieldTypesOf[op].includes(type);
}

/** The type of a catalog entry. @internal */
export function typeOf(definition: FieldDefinition): FieldType {
  return typeof definition === 'string' ? definition : definition.type;
}

/** The catalog's entry for a field path, own entries only; `undefined` when it has none. @internal */
export function definitionOf(fields: FieldCatalog | undefined, path: string): FieldDefinition | undefined {
  return fields !== undefined && Object.hasOwn(fields, path) ? fields[path] : undefined;
}

/** The label explanations show for a field: the catalog's label, or else the path. @internal */
export function labelOf(fields: FieldCatalog | undefined, path: string): string {
  const definition = definitionOf(fields, path);
  return typeof definition === 'object' ? definition.label : path;
}

/** The type of one value a field holds: the element type for a list field. @internal */
export function elementTypeOf(type: FieldType): Exclude<FieldType, 'string[]'> {
  return type === 'string[]' ? 'string' : type;
}

/** Whether a value is of a (non-list) field type. @internal */
export function isOfType(value: unknown, type: Exclude<FieldType, 'string[]'>): boolean {
  return type === 'date' ? isCalendarDate(value) : typeof value === type;
}
