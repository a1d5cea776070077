import fc from 'fast-check';
import { calendarDate, daysBetween, isCalendarDate } from '../../src/core/index';
import type { RuleInput } from '../../src/rules/index';

// Random rules and records for property tests, over a small vocabulary so
// that conditions often hold and often fail. Fields: `n` number, `s` text,
// `d` date, `b` boolean, `l` list of text, `o.n` and `o.s` nested one level.
// Records put values of every type in every field, and leave fields out or
// null, so wrong-type and missing handling is exercised everywhere. Text
// includes what a careless date check takes for a date: 10-character
// strings that are no date, impossible dates and numbers written as text.

export const fieldPaths = ['n', 's', 'd', 'b', 'l', 'o.n', 'o.s'] as const;
export const asOf = calendarDate('2026-06-30');

const numbers = fc.constantFrom(-1, 0, 0.5, 1, 2, 5, 10);
const strings = fc.constantFrom('', 'a', 'b', 'ab', 'ba', 'abc', '5', '1', 'enterprise');
const dates = fc.constantFrom(
  '2025-12-31',
  '2026-01-01',
  '2026-06-25',
  '2026-06-29',
  '2026-06-30',
  '2026-07-01',
  '2027-01-01',
);
/** Text that looks like a date to a check that counts characters, but is none. */
const nonDates = fc.constantFrom(
  'enterprise',
  'abcdefghij',
  '2026-13-01',
  '2026-00-15',
  '2026-02-29',
  '2026-06-31',
  '2026-06-00',
  '2026/06/30',
  '2026-6-30 ',
  '20260630xx',
  '0000000000',
  '1234567890',
  '42',
  '-1',
  '2026-07-01T00:00:00Z',
);
/** Real dates, and strings that are no date at all; near the dates above, so comparisons go both ways. */
const dateLikes = fc.oneof({ arbitrary: dates, weight: 3 }, { arbitrary: nonDates, weight: 2 });
const booleans = fc.boolean();
const lists = fc.array(strings, { maxLength: 3 });
const scalars = fc.oneof(numbers, strings, dates, booleans);

/** Any value of any type, or nothing. */
const anyValue = fc.oneof(
  numbers,
  strings,
  dates,
  nonDates,
  booleans,
  lists,
  fc.constant(null),
  fc.constant(undefined),
);

/** Mostly a value of the field's type; sometimes missing, null or of another type. */
const valueOf = <Value>(typed: fc.Arbitrary<Value>) =>
  fc.oneof(
    { arbitrary: typed, weight: 6 },
    { arbitrary: anyValue, weight: 1 },
    { arbitrary: fc.constantFrom(null, undefined), weight: 1 },
  );

const recordArbitrary = fc.record(
  {
    n: valueOf(numbers),
    s: valueOf(strings),
    d: valueOf(dateLikes),
    b: valueOf(booleans),
    l: valueOf(lists),
    o: fc.oneof(
      { arbitrary: fc.record({ n: valueOf(numbers), s: valueOf(strings) }, { requiredKeys: [] }), weight: 4 },
      { arbitrary: anyValue, weight: 1 },
    ),
  },
  { requiredKeys: [] },
);

/** A record as the rules see it. */
export const record = recordArbitrary;

/** An evaluation context: always an `asOf`, usually a previous snapshot. */
export const context = fc.record({ asOf: fc.constant(asOf), previous: recordArbitrary }, { requiredKeys: ['asOf'] });

const sortedPair = <Value extends number | string>(values: fc.Arbitrary<Value>) =>
  fc.tuple(values, values).map(([a, b]) => (a <= b ? [a, b] : [b, a]));

const changedValue = <Value>(values: fc.Arbitrary<Value>) =>
  fc
    .record({ from: values, to: values }, { requiredKeys: [] })
    .filter(({ from, to }) => from === undefined || from !== to);

const changed = <Value>(fields: fc.Arbitrary<string>, values: fc.Arbitrary<Value>) =>
  fc.record(
    { field: fields, op: fc.constant('changed'), value: changedValue(values) },
    { requiredKeys: ['field', 'op'] },
  );

const numberField = fc.constantFrom('n', 'o.n');
const stringField = fc.constantFrom('s', 'o.s');
const anyField = fc.constantFrom(...fieldPaths);

/** One condition with a value of the right shape for its operator, mostly on a field of the matching type. */
export const condition: fc.Arbitrary<RuleInput> = fc.oneof(
  // numbers
  fc.record({ field: numberField, op: fc.constantFrom('eq', 'ne', 'gt', 'gte', 'lt', 'lte'), value: numbers }),
  fc.record({
    field: numberField,
    op: fc.constantFrom('in', 'notIn'),
    value: fc.array(numbers, { minLength: 1, maxLength: 12 }),
  }),
  fc.record({ field: numberField, op: fc.constant('between'), value: sortedPair(numbers) }),
  fc.record({
    field: numberField,
    op: fc.constantFrom('increasedBy', 'decreasedBy'),
    value: fc.constantFrom(0.5, 1, 2, 5),
  }),
  fc.record({ field: numberField, op: fc.constantFrom('crossedBelow', 'crossedAbove'), value: numbers }),
  changed(numberField, numbers),
  // text and lists of text
  fc.record({ field: stringField, op: fc.constantFrom('eq', 'ne', 'contains', 'startsWith'), value: strings }),
  fc.record({
    field: stringField,
    op: fc.constantFrom('in', 'notIn'),
    value: fc.array(strings, { minLength: 1, maxLength: 12 }),
  }),
  changed(stringField, strings),
  fc.record({ field: fc.constant('l'), op: fc.constant('contains'), value: strings }),
  changed(fc.constant('l'), fc.constant(undefined)),
  // dates
  fc.record({ field: fc.constant('d'), op: fc.constantFrom('eq', 'ne', 'gt', 'gte', 'lt', 'lte'), value: dates }),
  fc.record({
    field: fc.constant('d'),
    op: fc.constantFrom('in', 'notIn'),
    value: fc.array(dates, { minLength: 1, maxLength: 3 }),
  }),
  fc.record({ field: fc.constant('d'), op: fc.constant('between'), value: sortedPair(dates) }),
  fc.record({
    field: fc.constant('d'),
    op: fc.constantFrom('daysSinceGt', 'daysSinceLt'),
    value: fc.integer({ min: -5, max: 5 }),
  }),
  fc.record({
    field: fc.constant('d'),
    op: fc.constantFrom('withinNextDays', 'withinLastDays'),
    value: fc.integer({ min: 0, max: 400 }),
  }),
  changed(fc.constant('d'), dates),
  // booleans
  fc.record({ field: fc.constant('b'), op: fc.constantFrom('eq', 'ne'), value: booleans }),
  changed(fc.constant('b'), booleans),
  // any field: presence, and every operator against values of any type
  fc.record({ field: anyField, op: fc.constantFrom('exists', 'missing') }),
  fc.record({ field: anyField, op: fc.constantFrom('eq', 'ne', 'contains'), value: scalars }),
  fc.record({ field: anyField, op: fc.constantFrom('gt', 'gte', 'lt', 'lte'), value: fc.oneof(numbers, dates) }),
  fc.record({
    field: anyField,
    op: fc.constantFrom('in', 'notIn'),
    value: fc.array(scalars, { minLength: 1, maxLength: 12 }),
  }),
  fc.record({ field: anyField, op: fc.constant('between'), value: fc.oneof(sortedPair(numbers), sortedPair(dates)) }),
  fc.record({ field: anyField, op: fc.constant('startsWith'), value: strings }),
  fc.record({
    field: anyField,
    op: fc.constantFrom('daysSinceGt', 'daysSinceLt'),
    value: fc.integer({ min: -5, max: 5 }),
  }),
  fc.record({
    field: anyField,
    op: fc.constantFrom('withinNextDays', 'withinLastDays'),
    value: fc.integer({ min: 0, max: 5 }),
  }),
  fc.record({
    field: anyField,
    op: fc.constantFrom('increasedBy', 'decreasedBy'),
    value: fc.constantFrom(0.5, 1, 2, 5),
  }),
  fc.record({ field: anyField, op: fc.constantFrom('crossedBelow', 'crossedAbove'), value: numbers }),
  changed(anyField, scalars),
) as fc.Arbitrary<RuleInput>;

/** A rule tree up to a few levels deep. */
export const rule: fc.Arbitrary<RuleInput> = fc.letrec<{ node: RuleInput }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    condition,
    fc.record({ all: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ not: tie('node') }),
  ),
})).node;

/**
 * Rules and near misses: an extra key, junk in a group or under `not`, a
 * key taken away, or any JSON at all, for checking that validators agree.
 */
export const ruleDocument: fc.Arbitrary<unknown> = fc.oneof(
  rule,
  fc.tuple(rule, fc.jsonValue()).map(([input, junk]) => ({ ...input, extra: junk })),
  fc
    .tuple(rule, fc.jsonValue())
    .map(([input, junk]) =>
      'all' in input ? { all: [...input.all, junk] } : 'any' in input ? { any: [junk, ...input.any] } : { not: junk },
    ),
  fc
    .tuple(rule, fc.constantFrom('field', 'op', 'value', 'all', 'any', 'not'))
    .map(([input, key]) => Object.fromEntries(Object.entries(input).filter(([name]) => name !== key))),
  fc.jsonValue(),
);

// A reference evaluator, written from the documented semantics and
// independently of src/rules: plain recursion, no compilation, and days
// counted with the date-fns based `daysBetween`.

interface Context {
  readonly asOf?: string;
  readonly previous?: unknown;
}

function read(source: unknown, path: string): unknown {
  let value = source;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

const present = (value: unknown): boolean => value !== undefined && value !== null;
const comparable = (value: unknown): boolean =>
  ['number', 'string', 'boolean'].includes(typeof value) || Array.isArray(value);
const same = (a: unknown, b: unknown): boolean =>
  Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((item, index) => item === b[index]) : a === b;

function compare(actual: unknown, op: string, value: unknown): boolean {
  if (typeof value === 'number' ? typeof actual !== 'number' : !isCalendarDate(actual)) return false;
  const a = actual as number | string;
  const v = value as number | string;
  return op === 'gt' ? a > v : op === 'gte' ? a >= v : op === 'lt' ? a < v : a <= v;
}

/** Whether a rule holds on a record, by the documented semantics. */
export function referenceResult(rule: RuleInput, source: unknown, context: Context): boolean {
  if ('all' in rule) return rule.all.every((child) => referenceResult(child, source, context));
  if ('any' in rule) return rule.any.some((child) => referenceResult(child, source, context));
  if ('not' in rule) return !referenceResult(rule.not, source, context);
  const actual = read(source, rule.field);
  const previous = read(context.previous, rule.field);
  switch (rule.op) {
    case 'eq':
      return actual === rule.value;
    case 'ne':
      return present(actual) && typeof actual === typeof rule.value && actual !== rule.value;
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return compare(actual, rule.op, rule.value);
    case 'in':
      return rule.value.includes(actual as never);
    case 'notIn':
      return (
        present(actual) &&
        rule.value.some((item) => typeof item === typeof actual) &&
        !rule.value.includes(actual as never)
      );
    case 'between': {
      const [low, high] = rule.value;
      return compare(actual, 'gte', low) && compare(actual, 'lte', high);
    }
    case 'exists':
      return present(actual);
    case 'missing':
      return !present(actual);
    case 'contains':
      if (typeof actual === 'string') return typeof rule.value === 'string' && actual.includes(rule.value);
      return Array.isArray(actual) && actual.includes(rule.value);
    case 'startsWith':
      return typeof actual === 'string' && actual.startsWith(rule.value);
    case 'daysSinceGt':
    case 'daysSinceLt': {
      if (!isCalendarDate(actual) || context.asOf === undefined) return false;
      const days = daysBetween(actual, calendarDate(context.asOf));
      return rule.op === 'daysSinceGt' ? days > rule.value : days < rule.value;
    }
    case 'withinNextDays':
    case 'withinLastDays': {
      if (!isCalendarDate(actual) || context.asOf === undefined) return false;
      const ahead = daysBetween(calendarDate(context.asOf), actual);
      const days = rule.op === 'withinNextDays' ? ahead : -ahead;
      return days >= 0 && days <= rule.value;
    }
    case 'changed': {
      const { from, to } = rule.value ?? {};
      return (
        present(previous) &&
        present(actual) &&
        comparable(previous) &&
        comparable(actual) &&
        !same(previous, actual) &&
        (from === undefined || previous === from) &&
        (to === undefined || actual === to)
      );
    }
    case 'increasedBy':
    case 'decreasedBy':
    case 'crossedBelow':
    case 'crossedAbove': {
      if (typeof actual !== 'number' || typeof previous !== 'number') return false;
      const threshold = rule.value;
      if (rule.op === 'increasedBy') return actual - previous >= threshold;
      if (rule.op === 'decreasedBy') return previous - actual >= threshold;
      if (rule.op === 'crossedBelow') return previous >= threshold && actual < threshold;
      return previous <= threshold && actual > threshold;
    }
  }
}
