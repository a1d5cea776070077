import { kindOf, type PathSegment, quoteText, type SuccessKitIssue } from '../core/internal.js';
import { didYouMean } from './closest-name.js';
import type { RuleOperator } from './condition.js';
import {
  appliesTo,
  definitionOf,
  elementTypeOf,
  isOfType,
  typeOf,
  type FieldCatalog,
  type FieldType,
} from './field-catalog.js';

function describeActual(value: unknown, expected: FieldType): string {
  return expected === 'date' && typeof value === 'string' ? quoteText(value, 40) : kindOf(value);
}

/** The values of a condition that must have the field's type, with their paths under the condition; read from unvalidated input. */
function typedValues(op: RuleOperator, value: unknown): [unknown, PathSegment[]][] {
  switch (op) {
    case 'eq':
    case 'ne':
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
    case 'contains':
    case 'startsWith':
      return [[value, ['value']]];
    case 'in':
    case 'notIn':
    case 'between':
      return Array.isArray(value) ? value.map((item: unknown, index) => [item, ['value', index]]) : [];
    case 'changed': {
      if (typeof value !== 'object' || value === null) return [];
      const { from, to } = value as { from?: unknown; to?: unknown };
      const values: [unknown, PathSegment[]][] = [];
      if (from !== undefined) values.push([from, ['value', 'from']]);
      if (to !== undefined) values.push([to, ['value', 'to']]);
      return values;
    }
    default:
      // exists and missing take no value; the other operators' values are numbers of days or units, not field values.
      return [];
  }
}

/**
 * Checks one condition, as written, against a field catalog: the field is
 * listed, the operator applies to its type, and each value has that type
 * (`expected number for field "arr", got string`). Works on unvalidated
 * input, so these messages can stand in for the shape's more general ones.
 *
 * @param node - the condition object as written
 * @param op - its operator, already known to exist
 * @param fields - the catalog
 * @param path - the condition's path in the rule
 * @returns the problems found, each at its path
 * @internal
 */
export function checkFieldTypes(
  node: Readonly<Record<string, unknown>>,
  op: RuleOperator | undefined,
  fields: FieldCatalog,
  path: readonly PathSegment[],
): SuccessKitIssue[] {
  const { field } = node;
  if (typeof field !== 'string') return [];
  const definition = definitionOf(fields, field);
  if (definition === undefined) {
    return [
      {
        path: [...path, 'field'],
        message: `unknown field ${JSON.stringify(field)}${didYouMean(field, Object.keys(fields))}`,
      },
    ];
  }
  if (op === undefined) return [];
  const type = typeOf(definition);
  const name = JSON.stringify(field);
  if (!appliesTo(op, type))
    return [{ path: [...path, 'op'], message: `${op} does not apply to ${type} field ${name}` }];
  const values = typedValues(op, node.value);
  if (type === 'string[]' && op === 'changed' && values.length > 0) {
    return [{ path: [...path, 'value'], message: `from and to do not apply to string[] field ${name}` }];
  }
  const element = elementTypeOf(type);
  return values
    .filter(([value]) => value !== undefined && !isOfType(value, element))
    .map(([value, at]) => ({
      path: [...path, ...at],
      message: `expected ${element} for field ${name}, got ${describeActual(value, element)}`,
    }));
}
