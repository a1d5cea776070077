import { describeValue } from './describe-value.js';

/**
 * Every code a {@link SuccessKitError} can carry. Codes are stable: hosts may
 * switch on them, translate them and store them.
 *
 * | code | thrown when |
 * |---|---|
 * | `invalid_input` | data or options do not match their schema (wrong type, unknown field, out-of-range number) |
 * | `invalid_date` | a value is not a real calendar date `YYYY-MM-DD`, or date arithmetic leaves years 0000–9999 |
 * | `invalid_reference` | an id points at nothing, or references form a cycle (a parent that is its own ancestor) |
 * | `invalid_rule` | a rule is malformed: unknown operator, empty `all`/`any`, a field missing from the catalog, a value of the wrong type, nesting deeper than 32 levels, or a path through `__proto__`, `constructor` or `prototype` |
 * | `invalid_score` | a survey score is outside its scale or fractional where whole numbers are required (a scale or threshold that is not supported is `invalid_input`) |
 * | `invalid_definition` | a definition breaks its own invariants: duplicate ids, overlapping thresholds, unordered bands, a milestone due after its stage ends |
 * | `invalid_transition` | a state machine is asked to skip a step or reopen a closed one |
 * | `fit_failed` | a model fit did not converge; no parameters are returned |
 *
 * @example
 * ```ts
 * import { successKitErrorCodes } from 'successkit/core';
 *
 * successKitErrorCodes.includes('invalid_date'); // => true
 * ```
 */
export const successKitErrorCodes = [
  'invalid_input',
  'invalid_date',
  'invalid_reference',
  'invalid_rule',
  'invalid_score',
  'invalid_definition',
  'invalid_transition',
  'fit_failed',
] as const;

/**
 * A stable error code; see {@link successKitErrorCodes} for the meaning of each.
 *
 * @example
 * ```ts
 * import type { SuccessKitErrorCode } from 'successkit/core';
 *
 * const code: SuccessKitErrorCode = 'invalid_input';
 * ```
 */
export type SuccessKitErrorCode = (typeof successKitErrorCodes)[number];

/**
 * A segment of the path to an offending value: a property name or an array index.
 *
 * @example
 * ```ts
 * import type { PathSegment } from 'successkit/core';
 *
 * const path: PathSegment[] = ['accounts', 2, 'arr'];
 * ```
 */
export type PathSegment = string | number;

/**
 * One thing wrong with an input: where it is and what is wrong.
 *
 * @example
 * ```ts
 * import type { SuccessKitIssue } from 'successkit/core';
 *
 * const issue: SuccessKitIssue = { path: ['accounts', 2, 'arr'], message: 'expected a number' };
 * ```
 */
export interface SuccessKitIssue {
  /** Where the offending value sits, from the root of the input; empty for the input itself. */
  readonly path: readonly PathSegment[];
  /** What is wrong, in one lower-case sentence without a trailing period. */
  readonly message: string;
}

/**
 * Writes a path the way a developer would type it: `accounts[2].arr`.
 *
 * @param path - property names and array indexes from the root
 * @returns the dotted path, or an empty string for the root
 * @throws {@link SuccessKitError} `invalid_input` when `path` is not a list of strings and numbers
 *
 * @example
 * ```ts
 * import { formatPath } from 'successkit/core';
 *
 * formatPath(['all', 2, 'value']); // => 'all[2].value'
 * ```
 */
export function formatPath(path: readonly PathSegment[]): string {
  const problem = readSafely(() => pathIssue(path, ['path']), ['path']);
  if (problem !== undefined) throw new SuccessKitError('invalid_input', [problem]);
  return writePath(path);
}

function writePath(path: readonly PathSegment[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${String(segment)}]`;
    else text += text === '' ? segment : `.${segment}`;
  }
  return text;
}

/** Runs a check of caller data; data that throws when read (a revoked proxy, a throwing getter) is an issue too. @internal */
export function readSafely(
  check: () => SuccessKitIssue | undefined,
  path: readonly PathSegment[],
): SuccessKitIssue | undefined {
  try {
    return check();
  } catch {
    return { path, message: 'expected plain data, got a value that cannot be read' };
  }
}

/** What is wrong with a value given as a path, if anything: it must be a list of strings and numbers. @internal */
export function pathIssue(path: unknown, at: readonly PathSegment[]): SuccessKitIssue | undefined {
  if (!Array.isArray(path)) {
    return { path: at, message: `expected a list of field names and array indexes, got ${describeValue(path)}` };
  }
  for (let index = 0; index < path.length; index++) {
    const segment: unknown = path[index];
    if (typeof segment !== 'string' && typeof segment !== 'number') {
      return {
        path: [...at, index],
        message: `expected a field name or an array index, got ${describeValue(segment)}`,
      };
    }
  }
  return undefined;
}

const knownCodes: ReadonlySet<unknown> = new Set(successKitErrorCodes);

/** What is wrong with a value given as an error code, if anything. @internal */
export function codeIssue(code: unknown, at: readonly PathSegment[]): SuccessKitIssue | undefined {
  return knownCodes.has(code)
    ? undefined
    : { path: at, message: `expected one of ${successKitErrorCodes.join(', ')}, got ${describeValue(code)}` };
}

/** What is wrong with the arguments of the {@link SuccessKitError} constructor, if anything. */
function constructorIssue(code: unknown, issues: unknown): SuccessKitIssue | undefined {
  const problem = codeIssue(code, ['code']);
  if (problem !== undefined) return problem;
  if (!Array.isArray(issues)) {
    return { path: ['issues'], message: `expected a list of issues, got ${describeValue(issues)}` };
  }
  for (let index = 0; index < issues.length; index++) {
    const issue: unknown = issues[index];
    if (typeof issue !== 'object' || issue === null) {
      return { path: ['issues', index], message: `expected an issue { path, message }, got ${describeValue(issue)}` };
    }
    const { path, message } = issue as Record<string, unknown>;
    const problem = pathIssue(path, ['issues', index, 'path']);
    if (problem !== undefined) return problem;
    if (typeof message !== 'string') {
      return { path: ['issues', index, 'message'], message: `expected string, got ${describeValue(message)}` };
    }
  }
  return undefined;
}

function describeIssues(code: SuccessKitErrorCode, issues: readonly SuccessKitIssue[]): string {
  const [first] = issues;
  if (first === undefined) return code;
  const where = writePath(first.path);
  const more = issues.length > 1 ? ` (and ${String(issues.length - 1)} more)` : '';
  return `${code}: ${where === '' ? '' : `${where}: `}${first.message}${more}`;
}

/**
 * The one error successkit throws for bad input. It carries a stable
 * {@link SuccessKitErrorCode} and every issue found, each with the path of the
 * offending value, so a host can point at the field a user has to fix.
 *
 * @example
 * ```ts
 * import { SuccessKitError, calendarDate } from 'successkit/core';
 *
 * try {
 *   calendarDate('2025-02-30');
 * } catch (error) {
 *   if (error instanceof SuccessKitError) {
 *     error.code; // => 'invalid_date'
 *     error.message; // => 'invalid_date: expected a real calendar date as YYYY-MM-DD, got "2025-02-30"'
 *   }
 * }
 * ```
 */
export class SuccessKitError extends Error {
  override readonly name = 'SuccessKitError';
  /** What kind of failure this is; stable across versions. */
  readonly code: SuccessKitErrorCode;
  /** Every problem found, in input order; never empty. */
  readonly issues: readonly SuccessKitIssue[];

  /**
   * @param code - the stable error code
   * @param issues - at least one issue, each with its path
   * @throws {@link SuccessKitError} `invalid_input` for an unknown code or a malformed issue
   */
  constructor(code: SuccessKitErrorCode, issues: readonly SuccessKitIssue[]) {
    const problem = readSafely(() => constructorIssue(code, issues), []);
    if (problem !== undefined) throw new SuccessKitError('invalid_input', [problem]);
    super(describeIssues(code, issues));
    this.code = code;
    this.issues = issues;
  }
}

/**
 * Tells whether a caught value is a {@link SuccessKitError}, also when it
 * comes from another copy of the package (where `instanceof` fails).
 *
 * @param value - anything caught
 * @returns true for a SuccessKitError
 *
 * @example
 * ```ts
 * import { calendarDate, isSuccessKitError } from 'successkit/core';
 *
 * try {
 *   calendarDate('tomorrow');
 * } catch (error) {
 *   isSuccessKitError(error); // => true
 * }
 * ```
 */
export function isSuccessKitError(value: unknown): value is SuccessKitError {
  try {
    if (value instanceof SuccessKitError) return true;
    if (!(value instanceof Error) || value.name !== 'SuccessKitError') return false;
    const { code, issues } = value as Partial<SuccessKitError>;
    return typeof code === 'string' && Array.isArray(issues);
  } catch {
    // A revoked proxy or a throwing getter is not an error of ours.
    return false;
  }
}
