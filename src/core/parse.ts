import type { z } from 'zod';
import { describeValue } from './describe-value.js';
import { SuccessKitError, type PathSegment, type SuccessKitErrorCode, type SuccessKitIssue } from './error.js';

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
    default:
      return undefined;
  }
};

function toPathSegment(key: PropertyKey): PathSegment {
  return typeof key === 'symbol' ? key.toString() : key;
}

function toIssues(error: z.ZodError, prefix: readonly PathSegment[]): SuccessKitIssue[] {
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
 * @throws {@link SuccessKitError} with `options.code` (default `invalid_input`)
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
export function parseWith<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  options: ParseOptions = {},
): z.output<Schema> {
  let result: z.ZodSafeParseResult<z.output<Schema>>;
  try {
    result = schema.safeParse(input, { error: messages });
  } catch {
    // A revoked proxy or a throwing getter or trap makes reading the value itself throw.
    fail(options.code ?? 'invalid_input', options.path ?? [], `could not read ${describeValue(input)}`);
  }
  if (result.success) return result.data;
  throw new SuccessKitError(options.code ?? 'invalid_input', toIssues(result.error, options.path ?? []));
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
