import * as z from 'zod/mini';

/**
 * A dotted path into a record: `arr`, `usage.activeUsers`,
 * `attributes.industry`. Every segment is non-empty, and no segment is
 * `__proto__`, `constructor` or `prototype`, so a stored rule can never reach
 * an object's prototype.
 *
 * @internal
 */
export const FieldPath = z
  .string()
  .check(z.regex(/^[^.]+(?:\.[^.]+)*$/, 'expected a dotted path such as "usage.activeUsers", with no empty segment'))
  .check(
    z.regex(
      /^(?!(?:.*\.)?(?:__proto__|constructor|prototype)(?:\.|$))/,
      'a field path must not reach __proto__, constructor or prototype',
    ),
  );

/** A field path split once, at compile time. @internal */
export interface SplitPath {
  readonly first: string;
  /** The segments after the first; empty for a top-level field. */
  readonly rest: readonly string[];
  /** The second and last segment of a two-segment path (`attributes.hasSso`); `undefined` for any other. */
  readonly second: string | undefined;
}

/** Splits a field path for {@link readField}. @internal */
export function splitPath(path: string): SplitPath {
  const [first = '', ...rest] = path.split('.');
  return { first, rest, second: rest.length === 1 ? rest[0] : undefined };
}

/** A record's fields, read by name. @internal */
export type Fields = Readonly<Record<string, unknown>>;

/**
 * Reads a field of a record: its value, or `undefined` when a step of the
 * path is not an object (a string's `length` is not a field).
 *
 * @internal
 */
export function readField(record: unknown, path: SplitPath): unknown {
  if (typeof record !== 'object' || record === null) return undefined;
  let value = (record as Fields)[path.first];
  for (const key of path.rest) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Fields)[key];
  }
  return value;
}
