import { kindOf, quoteText } from './describe-value.js';
import { isSuccessKitError, SuccessKitError, type PathSegment, type SuccessKitErrorCode } from './error.js';

/** What an exception says, for a message: its message, quoted and cut short, or else its kind. Never throws. */
function describeThrown(thrown: unknown): string {
  try {
    const message: unknown = thrown instanceof Error ? thrown.message : undefined;
    if (typeof message === 'string') return quoteText(message, 80);
  } catch {
    // A revoked proxy thrown as an error throws again on `instanceof`; its kind is all there is to say.
  }
  return kindOf(thrown);
}

/**
 * The error to throw for an exception caught while reading a host's
 * objects: a {@link SuccessKitError} as it is, and anything else — a getter
 * that throws, a revoked proxy — as a `SuccessKitError` with `code` at
 * `path`, saying that `subject` could not be read and what it threw, with
 * the original exception as its `cause`.
 *
 * @internal
 */
export function unreadable(
  thrown: unknown,
  code: SuccessKitErrorCode,
  path: readonly PathSegment[],
  subject: string,
): SuccessKitError {
  if (isSuccessKitError(thrown)) return thrown;
  const error = new SuccessKitError(code, [
    { path, message: `${subject} could not be read: it threw ${describeThrown(thrown)}` },
  ]);
  error.cause = thrown;
  return error;
}

/**
 * Runs `work` on caller data, so a value that throws when it is read (a
 * revoked proxy, a throwing getter) is `invalid_input` at `path` with the
 * original error as `cause`, as any other bad value is; a SuccessKitError
 * passes through unchanged.
 *
 * @internal
 */
export function readingInput<Result>(
  work: () => Result,
  path: readonly PathSegment[] = [],
  subject = 'the input',
): Result {
  try {
    return work();
  } catch (thrown) {
    throw unreadable(thrown, 'invalid_input', path, subject);
  }
}
