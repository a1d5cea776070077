/**
 * Whole-number counts — of accounts, seats and responses in inputs, and of
 * the sums that accumulator states hold — checked through core's one
 * validation path, and the merge of states made of such sums.
 *
 * @internal
 */
import { checked, Count, fail, isCount, type PathSegment } from '../core/internal.js';
import { checkObject } from './object-checks.js';

/** Checks a count of responses, accounts or seats: a whole number ≥ 0 (`invalid_input` at `path` otherwise). */
export function checkCount(value: unknown, path: readonly PathSegment[]): asserts value is number {
  checked(Count, value, isCount, path);
}

/** Checks that `value` is an object whose `keys` hold whole numbers ≥ 0. */
export function checkFields<Key extends string>(
  value: unknown,
  keys: readonly Key[],
  path: readonly PathSegment[],
): asserts value is Record<Key, number> {
  checkObject(value, path);
  for (const key of keys) checkCount(value[key], [...path, key]);
}

/** Adds two checked states field by field. */
export function sumFields<Key extends string>(
  a: Record<Key, number>,
  b: Record<Key, number>,
  keys: readonly Key[],
): Record<Key, number> {
  return Object.fromEntries(keys.map((key) => [key, a[key] + b[key]])) as Record<Key, number>;
}

/** A merge for states of whole-number sums: checks both, then adds them field by field. */
export function mergeSums<Key extends string>(
  keys: readonly Key[],
): (a: Record<Key, number>, b: Record<Key, number>) => Record<Key, number> {
  return (a, b) => {
    checkFields(a, keys, ['a']);
    checkFields(b, keys, ['b']);
    return sumFields(a, b, keys);
  };
}

/**
 * `sum + added` for whole numbers ≥ 0, or `invalid_input` at `path` (the
 * row's field) when the total passes 2⁵³ − 1, past which sums are no longer
 * exact. `unit` scales the message to the field's own units (a sum of
 * millionths of a user is reported in users).
 */
export function addedCount(sum: number, added: number, path: readonly PathSegment[], unit = 1): number {
  const total = sum + added;
  if (total > Number.MAX_SAFE_INTEGER) {
    const most = Math.floor(Number.MAX_SAFE_INTEGER / unit);
    fail(
      'invalid_input',
      path,
      `the sum of this field over the rows passes ${String(most)}, the most that adds up exactly`,
    );
  }
  return total;
}
