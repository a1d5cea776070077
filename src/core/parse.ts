import * as z from 'zod/mini';
import { describeValue } from './describe-value.js';
import {
  codeIssue,
  pathIssue,
  readSafely,
  SuccessKitError,
  type PathSegment,
  type SuccessKitErrorCode,
  type SuccessKitIssue,
} from './error.js';
import { unreadable } from './unreadable.js';

/**
 * Options for {@link parseWith}.
 *
 * @example
 * ```ts
 * import type { ParseOptions } from 'successkit/core';
 *
 * const options: ParseOptions = { code: 'invalid_input', path: ['accounts', 0] };
 * ```
 */
export interface ParseOptions {
  /** The code of the error thrown on failure. Default `'invalid_input'`. */
  readonly code?: SuccessKitErrorCode;
  /** A path prepended to every issue, for values that sit inside a larger input. Default `[]`. */
  readonly path?: readonly PathSegment[];
}

/** A literal of an enum as written in code: strings in double quotes, anything else described. */
function describeLiteral(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : describeValue(value);
}

function oneOf(values: readonly unknown[]): string {
  return `expected one of ${values.map(describeLiteral).join(', ')}`;
}

function bound(issue: { inclusive?: boolean }, inclusive: string, exclusive: string): string {
  return issue.inclusive === false ? exclusive : inclusive;
}

/** Short, uniform messages for the issues users hit most; zod's own text for the rest. */
const messages: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'required';
      return `expected ${issue.expected === 'int' ? 'integer' : issue.expected}, got ${describeValue(issue.input)}`;
    case 'too_small':
      if (issue.origin === 'array') return `expected at least ${String(issue.minimum)} item(s)`;
      if (issue.origin === 'string') return `expected at least ${String(issue.minimum)} character(s)`;
      return `expected a number ${bound(issue, '>=', '>')} ${String(issue.minimum)}, got ${describeValue(issue.input)}`;
    case 'too_big':
      if (issue.origin === 'array') return `expected at most ${String(issue.maximum)} item(s)`;
      if (issue.origin === 'string') return `expected at most ${String(issue.maximum)} character(s)`;
      return `expected a number ${bound(issue, '<=', '<')} ${String(issue.maximum)}, got ${describeValue(issue.input)}`;
    case 'invalid_value':
      return issue.input === undefined ? 'required' : `${oneOf(issue.values)}, got ${describeLiteral(issue.input)}`;
    case 'invalid_union':
      // A discriminated union names its options; a plain union keeps zod's text.
      return 'options' in issue && Array.isArray(issue.options) ? oneOf(issue.options) : undefined;
    // zod/mini loads no locale: the English text of classic zod for the two issues our schemas leave to it.
    case 'invalid_key':
      return `Invalid key in ${issue.origin}`;
    case 'invalid_format':
      return issue.format === 'email' ? 'Invalid email address' : undefined;
    default:
      return undefined;
  }
};

function toPathSegment(key: PropertyKey): PathSegment {
  return typeof key === 'symbol' ? key.toString() : key;
}

function toIssues(error: z.core.$ZodError, prefix: readonly PathSegment[]): SuccessKitIssue[] {
  return error.issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path.map(toPathSegment)];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: [...path, key], message: 'unknown field' }));
    }
    return [{ path, message: issue.message }];
  });
}

/**
 * Validates input against a zod schema and returns the parsed value, or throws
 * a {@link SuccessKitError} listing every issue with its path. The input is
 * never mutated. Every public `parse*` and `define*` function is built on this.
 *
 * @param schema - any zod 4 schema
 * @param input - untrusted data
 * @param options - error code and path prefix; see {@link ParseOptions}
 * @returns the schema's output
 * @throws {@link SuccessKitError} with `options.code` (default `invalid_input`) for input the schema rejects or that cannot be read (a revoked proxy, a throwing getter; the original error is its `cause`); `invalid_input` at `schema` for a schema that is not zod's, at `options` for bad options (`null` included)
 *
 * @example
 * ```ts
 * import { z } from 'zod';
 * import { parseWith } from 'successkit/core';
 *
 * const Seats = z.int().min(1);
 * parseWith(Seats, 25); // => 25
 * parseWith(Seats, 0); // throws invalid_input
 * ```
 */
export function parseWith<Schema extends z.core.$ZodType>(
  schema: Schema,
  input: unknown,
  options?: ParseOptions,
): z.output<Schema> {
  const { code = 'invalid_input', path = [] } = options === undefined ? {} : checkParseOptions(options);
  const result = safeParse(schema, input, code, path);
  if (result.success) return result.data;
  throw new SuccessKitError(code, toIssues(result.error, path));
}

/** Runs the schema; a schema that is not one, and input that throws when read (a revoked proxy, a throwing getter), end in a SuccessKitError. */
function safeParse<Schema extends z.core.$ZodType>(
  schema: Schema,
  input: unknown,
  code: SuccessKitErrorCode,
  path: readonly PathSegment[],
): z.core.util.SafeParseResult<z.output<Schema>> {
  if (!isZodSchema(schema)) fail('invalid_input', ['schema'], `expected a zod schema, got ${describeValue(schema)}`);
  try {
    return z.safeParse(schema, input, { error: messages });
  } catch (error) {
    throw unreadable(error, code, path, 'the input');
  }
}

/** True for a zod 4 schema, classic or mini: both carry their internals under `_zod`. */
function isZodSchema(value: unknown): boolean {
  try {
    return typeof value === 'object' && value !== null && '_zod' in value;
  } catch {
    return false;
  }
}

/** What is wrong with the options of {@link parseWith}, if anything: a wrong type (`null` included) is an issue at `options`. */
function parseOptionsIssue(options: unknown): SuccessKitIssue | undefined {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    return { path: ['options'], message: `expected object, got ${describeValue(options)}` };
  }
  for (const key in options) {
    if (Object.hasOwn(options, key) && key !== 'code' && key !== 'path') {
      return { path: ['options', key], message: 'unknown field' };
    }
  }
  const { code, path } = options as Record<string, unknown>;
  return (
    (code === undefined ? undefined : codeIssue(code, ['options', 'code'])) ??
    (path === undefined ? undefined : pathIssue(path, ['options', 'path']))
  );
}

function checkParseOptions(options: unknown): ParseOptions {
  const problem = readSafely(() => parseOptionsIssue(options), ['options']);
  if (problem !== undefined) throw new SuccessKitError('invalid_input', [problem]);
  return options as ParseOptions;
}

/**
 * Throws a {@link SuccessKitError} with a single issue, for checks a schema
 * cannot express.
 *
 * @internal
 */
export function fail(code: SuccessKitErrorCode, path: readonly PathSegment[], message: string): never {
  throw new SuccessKitError(code, [{ path, message }]);
}
