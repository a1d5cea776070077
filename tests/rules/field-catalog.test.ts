import { describe, expect, it } from 'vitest';
import { FieldCatalog, FieldDefinition, FieldType, operatorsFor, ruleOperators } from '../../src/rules/index';
import { elementTypeOf, isOfType, labelOf, typeOf } from '../../src/rules/field-catalog';
import { catchSuccessKitError } from '../catch-error';
import { schemaIssues } from './schema-issues';

describe('field catalogs', () => {
  it('accept types alone or with labels, by dotted path', () => {
    const catalog = { arr: { type: 'number', label: 'ARR' }, 'attributes.industry': 'string', products: 'string[]' };
    expect(FieldCatalog.parse(catalog)).toEqual(catalog);
    expect(FieldType.options).toEqual(['number', 'string', 'date', 'boolean', 'string[]']);
    expect(schemaIssues(FieldDefinition, { type: 'date' })).toEqual([': invalid_union']);
    expect(schemaIssues(FieldDefinition, { type: 'date', label: 'Renewal', note: 'x' })).toEqual([
      ': unrecognized_keys',
    ]);
    expect(schemaIssues(FieldCatalog, { 'a.constructor': 'number' })).toEqual(['a.constructor: custom']);
  });

  it('give each field a type and a label, the path when no label is set', () => {
    const catalog: FieldCatalog = { arr: { type: 'number', label: 'ARR' }, plan: 'string' };
    expect(typeOf({ type: 'date', label: 'Renewal' })).toBe('date');
    expect(typeOf('boolean')).toBe('boolean');
    expect(labelOf(catalog, 'arr')).toBe('ARR');
    expect(labelOf(catalog, 'plan')).toBe('plan');
    expect(labelOf(catalog, 'toString')).toBe('toString');
    expect(labelOf(undefined, 'arr')).toBe('arr');
  });

  it('check values against a type, lists by their elements', () => {
    expect(elementTypeOf('string[]')).toBe('string');
    expect(elementTypeOf('date')).toBe('date');
    expect(isOfType('2026-02-28', 'date')).toBe(true);
    expect(isOfType('2026-02-29', 'date')).toBe(false);
    expect(isOfType(1, 'number')).toBe(true);
    expect(isOfType('1', 'number')).toBe(false);
    expect(isOfType(false, 'boolean')).toBe(true);
  });
});

describe('operatorsFor', () => {
  it('lists the operators of each field type in the order of ruleOperators', () => {
    expect(operatorsFor('number')).toEqual([
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
      'changed',
      'increasedBy',
      'decreasedBy',
      'crossedBelow',
      'crossedAbove',
    ]);
    expect(operatorsFor('string')).toEqual([
      'eq',
      'ne',
      'in',
      'notIn',
      'exists',
      'missing',
      'contains',
      'startsWith',
      'changed',
    ]);
    expect(operatorsFor('date')).toEqual([
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
      'daysSinceGt',
      'daysSinceLt',
      'withinNextDays',
      'withinLastDays',
      'changed',
    ]);
    expect(operatorsFor('boolean')).toEqual(['eq', 'ne', 'exists', 'missing', 'changed']);
    expect(operatorsFor('string[]')).toEqual(['exists', 'missing', 'contains', 'changed']);
    for (const type of FieldType.options) {
      const order = operatorsFor(type).map((op) => ruleOperators.indexOf(op));
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
  });

  it('rejects a type that is not a field type with invalid_input at type', () => {
    const error = catchSuccessKitError(() => operatorsFor('integer' as never));
    expect([error.code, error.message]).toEqual([
      'invalid_input',
      'invalid_input: type: expected one of "number", "string", "date", "boolean", "string[]", got "integer"',
    ]);
  });

  it('leaves no operator without a field type', () => {
    const covered = new Set(FieldType.options.flatMap((type) => operatorsFor(type)));
    expect([...ruleOperators].filter((op) => !covered.has(op))).toEqual([]);
  });
});
