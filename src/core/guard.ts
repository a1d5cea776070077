/**
 * The one fast validation path. Functions that hosts call per row in loops
 * over millions of rows guard their input with a hand-written type check that
 * accepts good input in nanoseconds; only input it rejects goes through the
 * zod schema, which then throws with the schema's messages and paths. Each
 * guard accepts nothing its schema rejects (property tests check this).
 *
 * @internal
 */
import * as z from 'zod/mini';
import type { PathSegment } from './error.js';
import { parseWith } from './parse.js';

/** A finite number > 0. */
export const PositiveNumber = z.number().check(z.positive());

/** A finite number ≥ 0. */
export const NonNegativeNumber = z.number().check(z.nonnegative());

/** A whole number ≥ 0. */
export const Count = z.int().check(z.nonnegative());

/** True for a finite number > 0. */
export function isPositive(value: unknown): value is number {
  return typeof value === 'number' && value > 0 && value < Infinity;
}

/** True for a finite number ≥ 0. */
export function isNonNegative(value: unknown): value is number {
  return typeof value === 'number' && value >= 0 && value < Infinity;
}

/** True for a whole number ≥ 0 that zod's `z.int()` accepts. */
export function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** True for a non-null object (a record to read fields from). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** `values[index]` for an index the caller knows to be in range, which `noUncheckedIndexedAccess` cannot see. */
export function at(values: ArrayLike<number>, index: number): number {
  return values[index] ?? Number.NaN;
}

/** True when `value` has exactly `count` own enumerable keys, as a strict object schema requires. */
export function hasKeyCount(value: Record<string, unknown>, count: number): boolean {
  let keys = 0;
  for (const key in value) if (Object.hasOwn(value, key)) keys++;
  return keys === count;
}

/** True when every own enumerable key of `value` is one of `allowed`, as a strict object schema requires. */
export function hasOnlyKeys(value: Record<string, unknown>, allowed: ReadonlySet<string>): boolean {
  for (const key in value) if (Object.hasOwn(value, key) && !allowed.has(key)) return false;
  return true;
}

/** Returns `value` when the guard accepts it, else parses it with the schema (which throws with the path). */
export function checked<Schema extends z.core.$ZodType>(
  schema: Schema,
  value: unknown,
  guard: (value: unknown) => value is z.output<Schema>,
  path: readonly PathSegment[],
): z.output<Schema> {
  return passes(guard, value) ? value : parseWith(schema, value, { path });
}

/** The guard's answer, or false when reading the value throws (a revoked proxy, a throwing getter). */
function passes<Value>(guard: (value: unknown) => value is Value, value: unknown): value is Value {
  try {
    return guard(value);
  } catch {
    return false;
  }
}

/**
 * True for an array whose every index, holes included, holds a value `guard` accepts. Unlike
 * `Array.prototype.every`, which skips the holes of a sparse array, it sees `[1, , 3]` as holding
 * `undefined` at 1, as zod does.
 */
export function isArrayOf<Value>(value: unknown, guard: (item: unknown) => item is Value): value is Value[] {
  if (!isArray(value)) return false;
  // for…of, unlike every(), visits holes, as undefined.
  for (const item of value) if (!guard(item)) return false;
  return true;
}

/** `Array.isArray`, but false instead of a TypeError for a revoked proxy. */
export function isArray(value: unknown): value is unknown[] {
  try {
    return Array.isArray(value);
  } catch {
    return false;
  }
}

/** True for a non-null object that is not an array, as `z.object` requires; false for a revoked proxy, never a throw. */
export function isObjectRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  try {
    return !Array.isArray(value);
  } catch {
    return false;
  }
}

/** Any object that is not an array, its fields unchecked: the schema behind {@link isObjectRecord}. */
export const ObjectRecord = z.looseObject({});
