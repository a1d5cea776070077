import type { ChangeByCondition, ChangedCondition, CrossingCondition, RuleCondition } from './condition.js';
import { isComparable, isDateText, isPresent, isSameValue } from './condition-test.js';

/**
 * Writes a number for people: thousands separators, no binary-fraction
 * noise (`0.1 + 0.2` reads `0.3`), exponent notation left as JavaScript
 * writes it.
 *
 * @internal
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const text = String(Number(value.toPrecision(15)));
  if (text.includes('e')) return text;
  const [whole = '', fraction] = text.split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const grouped = whole.slice(sign.length).replace(/\B(?=(\d{3})+$)/g, ',');
  return `${sign}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** Writes one value that is not a list: numbers grouped, text and dates as written. */
function formatItem(value: unknown): string {
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  if (!isPresent(value)) return 'missing';
  return typeof value === 'object' ? 'an object' : typeof value;
}

/**
 * Writes a value as a sentence shows it: numbers grouped, text and dates as
 * written, lists in brackets (a list inside a list reads "a list", so a
 * cyclic or deeply nested record cannot overflow the stack). @internal
 */
export function formatValue(value: unknown): string {
  return Array.isArray(value) ? `[${value.map(formatItem).join(', ')}]` : formatItem(value);
}

/** Text in quotes, for substring operators and for values of an unexpected type. */
function quoted(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : formatValue(value);
}

/** An actual value next to the kind the condition expects: quoted when it is text where something else was expected. */
function shown(actual: unknown, like: unknown): string {
  return typeof actual === typeof like ? formatValue(actual) : quoted(actual);
}

function kindName(value: unknown): string {
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'true or false';
  return 'text';
}

const symbols = { gt: '>', gte: '≥', lt: '<', lte: '≤' } as const;
const negatedSymbols = { gt: '≤', gte: '<', lt: '≥', lte: '>' } as const;
const dateWords = { gt: 'is after', gte: 'is on or after', lt: 'is before', lte: 'is on or before' } as const;
const negatedDateWords = { gt: 'is on or before', gte: 'is before', lt: 'is on or after', lte: 'is after' } as const;

function daysAgo(days: number): string {
  if (days === 0) return 'is today';
  if (days === 1) return 'was 1 day ago';
  if (days === -1) return 'is in 1 day';
  return days > 0 ? `was ${formatNumber(days)} days ago` : `is in ${formatNumber(-days)} days`;
}

function movement(previous: number, actual: number): string {
  const difference = Number((actual - previous).toPrecision(15));
  const span = `from ${formatNumber(previous)} to ${formatNumber(actual)}`;
  if (difference > 0) return `rose ${span} (+${formatNumber(difference)})`;
  if (difference < 0) return `fell ${span} (−${formatNumber(-difference)})`;
  return `stayed at ${formatNumber(actual)}`;
}

/**
 * What one condition saw and decided, for its sentence.
 *
 * @internal
 */
export interface ConditionFacts {
  readonly condition: RuleCondition;
  readonly label: string;
  readonly result: boolean;
  /** The field's value in the record, as read. */
  readonly actual: unknown;
  /** The field's value in the previous snapshot, for change operators. */
  readonly previous: unknown;
  /** `asOf − date` in days, for the operators that count days from `asOf`, on a real date. */
  readonly daysSince: number | undefined;
}

function describeChange(
  facts: ConditionFacts,
  condition: ChangedCondition | ChangeByCondition | CrossingCondition,
): string {
  const { label, actual, previous } = facts;
  if (!isPresent(previous)) return `${label} has no previous value`;
  if (!isPresent(actual)) return `${label} is missing`;
  if (condition.op === 'changed') {
    if (!isComparable(previous) || !isComparable(actual)) return `${label} is not a value that can change`;
    if (isSameValue(previous, actual)) return `${label} is unchanged at ${formatValue(actual)}`;
    const went = `${label} went from ${formatValue(previous)} to ${formatValue(actual)}`;
    if (facts.result) return went;
    const { from, to } = condition.value ?? {};
    const expectedFrom = from === undefined ? '' : ` from ${formatValue(from)}`;
    const expectedTo = to === undefined ? '' : ` to ${formatValue(to)}`;
    return `${went}, not${expectedFrom}${expectedTo}`;
  }
  if (typeof previous !== 'number' || typeof actual !== 'number') {
    return `${label} is ${quoted(typeof actual === 'number' ? previous : actual)}, not a number`;
  }
  switch (condition.op) {
    case 'increasedBy':
      return `${label} ${movement(previous, actual)}, ${facts.result ? '' : 'not '}a rise of at least ${formatNumber(condition.value)}`;
    case 'decreasedBy':
      return `${label} ${movement(previous, actual)}, ${facts.result ? '' : 'not '}a fall of at least ${formatNumber(condition.value)}`;
    default: {
      const direction = condition.op === 'crossedBelow' ? 'below' : 'above';
      const span = `from ${formatNumber(previous)} to ${formatNumber(actual)}`;
      if (facts.result) {
        return `${label} ${direction === 'below' ? 'fell' : 'rose'} ${direction} ${formatNumber(condition.value)}, ${span}`;
      }
      return `${label} went ${span}, not crossing ${direction} ${formatNumber(condition.value)}`;
    }
  }
}

/**
 * One condition's outcome as a clause of a sentence, true as stated: `ARR
 * 120,000 ≥ 100,000` when it held, `ARR 80,000 < 100,000` when it did not.
 *
 * @internal
 */
export function describeCondition(facts: ConditionFacts): string {
  const { condition, label, result, actual } = facts;
  const wrongKind = (kind: string): string => `${label} is ${quoted(actual)}, not ${kind}`;
  switch (condition.op) {
    case 'exists':
    case 'missing':
      return `${label} is ${isPresent(actual) ? 'set' : 'missing'}`;
    case 'changed':
    case 'increasedBy':
    case 'decreasedBy':
    case 'crossedBelow':
    case 'crossedAbove':
      return describeChange(facts, condition);
    default:
      break;
  }
  if (!isPresent(actual)) return `${label} is missing`;
  switch (condition.op) {
    case 'eq':
      return result
        ? `${label} is ${formatValue(condition.value)}`
        : `${label} is ${shown(actual, condition.value)}, not ${formatValue(condition.value)}`;
    case 'ne':
      if (result) return `${label} is ${formatValue(actual)}, not ${formatValue(condition.value)}`;
      return actual === condition.value ? `${label} is ${formatValue(actual)}` : wrongKind(kindName(condition.value));
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const { op, value } = condition;
      if (typeof value === 'number') {
        if (typeof actual !== 'number' || Number.isNaN(actual)) return wrongKind('a number');
        return `${label} ${formatNumber(actual)} ${(result ? symbols : negatedSymbols)[op]} ${formatNumber(value)}`;
      }
      if (!isDateText(actual)) return wrongKind('a date');
      return `${label} ${actual} ${(result ? dateWords : negatedDateWords)[op]} ${value}`;
    }
    case 'in':
    case 'notIn': {
      const list = formatValue(condition.value);
      const listed = condition.value.includes(actual as never);
      if (listed) return `${label} is in ${list}`;
      if (result || condition.op === 'in') return `${label} is ${shown(actual, condition.value[0])}, not in ${list}`;
      return wrongKind(kindName(condition.value[0]));
    }
    case 'between': {
      const [low, high] = condition.value;
      const isNumber = typeof low === 'number';
      if (isNumber ? typeof actual !== 'number' || Number.isNaN(actual) : !isDateText(actual)) {
        return wrongKind(isNumber ? 'a number' : 'a date');
      }
      return `${label} ${formatValue(actual)} is ${result ? '' : 'not '}between ${formatValue(low)} and ${formatValue(high)}`;
    }
    case 'contains':
      if (typeof actual !== 'string' && !Array.isArray(actual)) return wrongKind('text or a list');
      return `${label} ${typeof actual === 'string' ? quoted(actual) : formatValue(actual)} ${result ? 'contains' : 'does not contain'} ${quoted(condition.value)}`;
    case 'startsWith':
      if (typeof actual !== 'string') return wrongKind('text');
      return `${label} ${quoted(actual)} ${result ? 'starts' : 'does not start'} with ${quoted(condition.value)}`;
    case 'daysSinceGt':
    case 'daysSinceLt': {
      const { daysSince } = facts;
      if (!isDateText(actual) || daysSince === undefined) return wrongKind('a date');
      const comparison = condition.op === 'daysSinceGt' ? 'more than' : 'fewer than';
      return `${label} ${actual} ${daysAgo(daysSince)}, ${result ? '' : 'not '}${comparison} ${formatNumber(condition.value)}`;
    }
    case 'withinNextDays':
    case 'withinLastDays': {
      const { daysSince } = facts;
      if (!isDateText(actual) || daysSince === undefined) return wrongKind('a date');
      const window = condition.op === 'withinNextDays' ? 'the next' : 'the last';
      return `${label} ${actual} ${daysAgo(daysSince)}, ${result ? '' : 'not '}within ${window} ${formatNumber(condition.value)}`;
    }
  }
}

/** Joins the clauses of a group: `A and B and C`. @internal */
export function joinClauses(clauses: readonly string[]): string {
  return clauses.join(' and ');
}
