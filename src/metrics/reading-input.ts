import { unreadable } from '../core/internal.js';

/**
 * Runs a public function's work on caller data, so a value that throws when
 * it is read (a revoked proxy, a throwing getter) is `invalid_input` with the
 * original error as `cause`, as any other bad value is; a SuccessKitError
 * passes through unchanged.
 *
 * @internal
 */
export function readingInput<Result>(work: () => Result): Result {
  try {
    return work();
  } catch (thrown) {
    throw unreadable(thrown, 'invalid_input', [], 'the input');
  }
}
