import { isSuccessKitError, SuccessKitError, type PathSegment } from './error.js';

/**
 * The same error with `prefix` in front of every issue's path, so a
 * problem inside an argument is reported at its place in the call.
 *
 * @internal
 */
export function underPath(error: SuccessKitError, prefix: readonly PathSegment[]): SuccessKitError {
  if (prefix.length === 0) return error;
  const moved = new SuccessKitError(
    error.code,
    error.issues.map((issue) => ({ path: [...prefix, ...issue.path], message: issue.message })),
  );
  if (error.cause !== undefined) moved.cause = error.cause;
  return moved;
}

/**
 * Runs `run`, and when it throws a SuccessKitError, throws it again with
 * `prefix` in front of every issue's path.
 *
 * @internal
 */
export function atPath<Value>(prefix: readonly PathSegment[], run: () => Value): Value {
  try {
    return run();
  } catch (error) {
    throw isSuccessKitError(error) ? underPath(error, prefix) : error;
  }
}
