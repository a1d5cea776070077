import { fromEpochDay } from '../core/internal.js';
import type {
  ChangeByCondition,
  ChangedCondition,
  CrossingCondition,
  DaysSinceCondition,
  ListCondition,
  OrderCondition,
  RangeCondition,
  RuleCondition,
  WithinDaysCondition,
} from './condition.js';
import { readField, splitPath, type Fields, type SplitPath } from './field-path.js';
import type { AsOfClock, RuleContext } from './rule-context.js';

/**
 * A compiled condition: the semantics of every operator, shared by
 * `compileRule` and `explainRule` so the two can never disagree. The record
 * must be an object (the callers substitute `{}` for anything else).
 *
 * @internal
 */
export type ConditionTest = (record: object, context?: RuleContext) => boolean;

const noFields: object = Object.freeze({});

/** The record itself when it is an object, else an empty one: a record that is not an object has no fields. @internal */
export function asRecord(record: unknown): object {
  return typeof record === 'object' && record !== null ? record : noFields;
}

/** Whether a condition counts the days between a date field and the evaluation's `asOf` day. @internal */
export function readsAsOf(condition: RuleCondition): boolean {
  const { op } = condition;
  return op === 'daysSinceGt' || op === 'daysSinceLt' || op === 'withinNextDays' || op === 'withinLastDays';
}

/**
 * A present value: not `undefined`, `null` or a function. Functions are never
 * data, and excluding them keeps inherited methods such as `toString` from
 * counting as fields. @internal
 */
export function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null && typeof value !== 'function';
}

/** The decimal digit at `index` of `text`, or a number above 9 for any other character. */
function digitAt(text: string, index: number): number {
  return (text.charCodeAt(index) - 48) >>> 0;
}

/**
 * Whether ten characters read as a real calendar date `YYYY-MM-DD`, from
 * their codes, without a regular expression or a Date.
 */
function readsAsDate(value: string): boolean {
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  const millennia = digitAt(value, 0);
  const centuries = digitAt(value, 1);
  const decades = digitAt(value, 2);
  const years = digitAt(value, 3);
  const monthTens = digitAt(value, 5);
  const monthUnits = digitAt(value, 6);
  const dayTens = digitAt(value, 8);
  const dayUnits = digitAt(value, 9);
  if (millennia > 9 || centuries > 9 || decades > 9 || years > 9) return false;
  if (monthTens > 1 || monthUnits > 9 || dayTens > 3 || dayUnits > 9) return false;
  const month = monthTens * 10 + monthUnits;
  const day = dayTens * 10 + dayUnits;
  if (month < 1 || month > 12 || day < 1) return false;
  if (day <= 28) return true;
  if (month !== 2) return day <= (month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31);
  const year = millennia * 1000 + centuries * 100 + decades * 10 + years;
  return day === 29 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

// Dates repeat: a portfolio has thousands of records and a few hundred
// distinct days, and JSON.parse gives equal short strings one shared copy.
// So the dates found real are remembered, up to a bound, and a repeat costs
// one set lookup instead of ten character reads (on the rules benchmark,
// about a tenth of an evaluation). A string V8 has never hashed costs more
// the first time it is looked up than reading it would have.
const knownDatesLimit = 10_000;
const knownDates = /* @__PURE__ */ new Set<string>();

/**
 * Whether a value is a real calendar date written `YYYY-MM-DD`: the same
 * answer as core's `isCalendarDate` (a property test checks it), read from
 * the character codes or remembered, so the hot path checks every record's
 * date in a few nanoseconds. Dates are then compared as text, which sorts
 * them by the calendar; any other value, `'2026-13-01'` or `'enterprise'`
 * included, is of the wrong type. @internal
 */
export function isDateText(value: unknown): value is string {
  if (typeof value !== 'string' || value.length !== 10) return false;
  if (knownDates.has(value)) return true;
  if (!readsAsDate(value)) return false;
  if (knownDates.size >= knownDatesLimit) knownDates.clear();
  knownDates.add(value);
  return true;
}

/** The field's value in the context's previous snapshot; `undefined` without one. @internal */
export function readPrevious(path: SplitPath, context: RuleContext | undefined): unknown {
  return readField(context?.previous, path);
}

/** Values a change operator can compare: text, numbers, booleans and lists of them. @internal */
export function isComparable(value: unknown): boolean {
  const kind = typeof value;
  return kind === 'number' || kind === 'string' || kind === 'boolean' || Array.isArray(value);
}

/** Equality for the change operators: strict for single values, element by element for lists. @internal */
export function isSameValue(a: unknown, b: unknown): boolean {
  if (!Array.isArray(a) || !Array.isArray(b)) return a === b;
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}

/**
 * `current − previous ≥ step` for a change of at least `step`, forgiving the
 * rounding of binary fractions (0.3 − 0.1 is 0.19999999999999998) by one
 * part in 10¹² of the magnitudes involved.
 */
function changedByAtLeast(from: number, to: number, step: number): boolean {
  return to - from >= step - 1e-12 * (Math.abs(from) + Math.abs(to) + step);
}

// Epoch days of 0000-01-01 and 9999-12-31: beyond them a threshold is no date
// string, and the empty string (below every date) or U+FFFF (above) stands in.
const firstDay = -719_528;
const lastDay = 2_932_896;

/** The `YYYY-MM-DD` text of an epoch day, for comparing with date fields; clamped to sentinels out of range. */
function dateTextOf(day: number): string {
  if (day < firstDay) return '';
  if (day > lastDay) return '\uffff';
  return fromEpochDay(day);
}

// Speed: the comparison closures below read a top-level field with
// `(record as Fields)[first]` (and `eq`, `exists` and `missing` read a
// two-segment one, `attributes.hasSso`, with `[first]` then `[second]`),
// written out in each closure rather than through one shared reader. V8
// keeps one property-load cache per closure in the source, shared by every
// condition compiled from it: written out, the cache sees the fields of one
// operator, and stays monomorphic when a rule uses each operator on one
// field; a shared reader's cache sees every field of every rule and goes
// megamorphic (about 1.5× slower on the benchmark).

function orderTest(path: SplitPath, condition: OrderCondition): ConditionTest {
  const { first, rest } = path;
  const deep = rest.length > 0;
  const { op, value } = condition;
  if (typeof value === 'number') {
    switch (op) {
      case 'gt':
        return (record) => {
          const actual = deep ? readField(record, path) : (record as Fields)[first];
          return typeof actual === 'number' && actual > value;
        };
      case 'gte':
        return (record) => {
          const actual = deep ? readField(record, path) : (record as Fields)[first];
          return typeof actual === 'number' && actual >= value;
        };
      case 'lt':
        return (record) => {
          const actual = deep ? readField(record, path) : (record as Fields)[first];
          return typeof actual === 'number' && actual < value;
        };
      case 'lte':
        return (record) => {
          const actual = deep ? readField(record, path) : (record as Fields)[first];
          return typeof actual === 'number' && actual <= value;
        };
    }
  }
  switch (op) {
    case 'gt':
      return (record) => {
        const actual = deep ? readField(record, path) : (record as Fields)[first];
        return typeof actual === 'string' && actual > value && isDateText(actual);
      };
    case 'gte':
      return (record) => {
        const actual = deep ? readField(record, path) : (record as Fields)[first];
        return typeof actual === 'string' && actual >= value && isDateText(actual);
      };
    case 'lt':
      return (record) => {
        const actual = deep ? readField(record, path) : (record as Fields)[first];
        return typeof actual === 'string' && actual < value && isDateText(actual);
      };
    case 'lte':
      return (record) => {
        const actual = deep ? readField(record, path) : (record as Fields)[first];
        return typeof actual === 'string' && actual <= value && isDateText(actual);
      };
  }
}

/** Lists this short are scanned; longer ones go into a Set. */
const shortList = 8;

/**
 * Whether a value is one of a list's items. The list is copied first: the
 * rule's own list is frozen, and V8 scans a frozen array several times
 * slower than a plain one. Lists of one to three items compare directly.
 */
function listMembership(items: readonly unknown[]): (value: unknown) => boolean {
  const list = [...items];
  const [a, b, c] = list;
  switch (list.length) {
    case 1:
      return (value) => value === a;
    case 2:
      return (value) => value === a || value === b;
    case 3:
      return (value) => value === a || value === b || value === c;
  }
  if (list.length <= shortList) {
    return (value) => {
      for (const item of list) if (item === value) return true;
      return false;
    };
  }
  const set = new Set<unknown>(list);
  return (value) => set.has(value);
}

function listTest(path: SplitPath, condition: ListCondition): ConditionTest {
  const { first, rest } = path;
  const deep = rest.length > 0;
  const list = condition.value;
  const isListed = listMembership(list);
  if (condition.op === 'in') return (record) => isListed(deep ? readField(record, path) : (record as Fields)[first]);
  // notIn holds for a value of a listed kind that is not listed; a missing value or one of another kind is false.
  const kinds = new Set<string>(list.map((item) => typeof item));
  return (record) => {
    const actual = deep ? readField(record, path) : (record as Fields)[first];
    return kinds.has(typeof actual) && !isListed(actual);
  };
}

function rangeTest(path: SplitPath, condition: RangeCondition): ConditionTest {
  const { first, rest } = path;
  const deep = rest.length > 0;
  const [low, high] = condition.value;
  if (typeof low === 'number' && typeof high === 'number') {
    return (record) => {
      const actual = deep ? readField(record, path) : (record as Fields)[first];
      return typeof actual === 'number' && actual >= low && actual <= high;
    };
  }
  return (record) => {
    const actual = deep ? readField(record, path) : (record as Fields)[first];
    return typeof actual === 'string' && actual >= low && actual <= high && isDateText(actual);
  };
}

/**
 * The `YYYY-MM-DD` text of `asOf` shifted by `offset` days, worked out once
 * per `asOf` rather than once per record, so the day conditions compare
 * text.
 */
function shiftedAsOf(clock: AsOfClock, offset: number): () => string {
  let seenDay = Number.NaN;
  let text = '';
  return () => {
    if (clock.day !== seenDay) {
      seenDay = clock.day;
      text = dateTextOf(seenDay + offset);
    }
    return text;
  };
}

function daysSinceTest(path: SplitPath, condition: DaysSinceCondition, clock: AsOfClock): ConditionTest {
  const { first, rest } = path;
  const deep = rest.length > 0;
  // daysSince > n  ⇔  asOf − date > n  ⇔  date < asOf − n: one date string per asOf, compared as text.
  const threshold = shiftedAsOf(clock, -condition.value);
  if (condition.op === 'daysSinceGt') {
    return (record) => {
      const actual = deep ? readField(record, path) : (record as Fields)[first];
      return typeof actual === 'string' && actual < threshold() && isDateText(actual);
    };
  }
  return (record) => {
    const actual = deep ? readField(record, path) : (record as Fields)[first];
    return typeof actual === 'string' && actual > threshold() && isDateText(actual);
  };
}

function withinDaysTest(path: SplitPath, condition: WithinDaysCondition, clock: AsOfClock): ConditionTest {
  const { first, rest } = path;
  const deep = rest.length > 0;
  // 0 ≤ date − asOf ≤ n  ⇔  asOf ≤ date ≤ asOf + n (and backwards for the last n days), compared as text.
  const days = condition.value;
  const next = condition.op === 'withinNextDays';
  const from = shiftedAsOf(clock, next ? 0 : -days);
  const to = shiftedAsOf(clock, next ? days : 0);
  return (record) => {
    const actual = deep ? readField(record, path) : (record as Fields)[first];
    return typeof actual === 'string' && actual >= from() && actual <= to() && isDateText(actual);
  };
}

function changedTest(path: SplitPath, condition: ChangedCondition): ConditionTest {
  const { from, to } = condition.value ?? {};
  return (record, context) => {
    const previous = readPrevious(path, context);
    const actual = readField(record, path);
    return (
      isComparable(previous) &&
      isComparable(actual) &&
      !isSameValue(previous, actual) &&
      (from === undefined || previous === from) &&
      (to === undefined || actual === to)
    );
  };
}

function changeByTest(path: SplitPath, condition: ChangeByCondition): ConditionTest {
  const step = condition.value;
  const rising = condition.op === 'increasedBy';
  return (record, context) => {
    const previous = readPrevious(path, context);
    const actual = readField(record, path);
    if (typeof previous !== 'number' || typeof actual !== 'number') return false;
    return rising ? changedByAtLeast(previous, actual, step) : changedByAtLeast(actual, previous, step);
  };
}

function crossingTest(path: SplitPath, condition: CrossingCondition): ConditionTest {
  const threshold = condition.value;
  if (condition.op === 'crossedBelow') {
    return (record, context) => {
      const previous = readPrevious(path, context);
      const actual = readField(record, path);
      return typeof previous === 'number' && typeof actual === 'number' && previous >= threshold && actual < threshold;
    };
  }
  return (record, context) => {
    const previous = readPrevious(path, context);
    const actual = readField(record, path);
    return typeof previous === 'number' && typeof actual === 'number' && previous <= threshold && actual > threshold;
  };
}

/**
 * Compiles one condition to a test. Every operator is false for a missing
 * field (`undefined` or `null`) and for a value of the wrong type, except
 * `missing`, which is true for a missing field.
 *
 * @internal
 */
export function conditionTest(
  condition: RuleCondition,
  clock: AsOfClock,
  path: SplitPath = splitPath(condition.field),
): ConditionTest {
  const { first, rest, second } = path;
  const deep = rest.length > 0;
  switch (condition.op) {
    case 'eq': {
      const { value } = condition;
      if (second !== undefined) {
        return (record) => {
          const parent = (record as Fields)[first];
          return typeof parent === 'object' && parent !== null && (parent as Fields)[second] === value;
        };
      }
      return (record) => (deep ? readField(record, path) : (record as Fields)[first]) === value;
    }
    case 'ne': {
      const { value } = condition;
      const kind = typeof value;
      return (record) => {
        const actual = deep ? readField(record, path) : (record as Fields)[first];
        return typeof actual === kind && actual !== value;
      };
    }
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return orderTest(path, condition);
    case 'in':
    case 'notIn':
      return listTest(path, condition);
    case 'between':
      return rangeTest(path, condition);
    case 'exists':
      if (second !== undefined) {
        return (record) => {
          const parent = (record as Fields)[first];
          return typeof parent === 'object' && parent !== null && isPresent((parent as Fields)[second]);
        };
      }
      return (record) => isPresent(deep ? readField(record, path) : (record as Fields)[first]);
    case 'missing':
      if (second !== undefined) {
        return (record) => {
          const parent = (record as Fields)[first];
          return typeof parent !== 'object' || parent === null || !isPresent((parent as Fields)[second]);
        };
      }
      return (record) => !isPresent(deep ? readField(record, path) : (record as Fields)[first]);
    case 'contains': {
      const { value } = condition;
      return (record) => {
        const actual = deep ? readField(record, path) : (record as Fields)[first];
        if (typeof actual === 'string') return typeof value === 'string' && actual.includes(value);
        return Array.isArray(actual) && actual.includes(value);
      };
    }
    case 'startsWith': {
      const { value } = condition;
      return (record) => {
        const actual = deep ? readField(record, path) : (record as Fields)[first];
        return typeof actual === 'string' && actual.startsWith(value);
      };
    }
    case 'daysSinceGt':
    case 'daysSinceLt':
      return daysSinceTest(path, condition, clock);
    case 'withinNextDays':
    case 'withinLastDays':
      return withinDaysTest(path, condition, clock);
    case 'changed':
      return changedTest(path, condition);
    case 'increasedBy':
    case 'decreasedBy':
      return changeByTest(path, condition);
    case 'crossedBelow':
    case 'crossedAbove':
      return crossingTest(path, condition);
  }
}
