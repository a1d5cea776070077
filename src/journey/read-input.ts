import { type PathSegment, unreadable } from '../core/internal.js';

/**
 * `read()`, with anything but a SuccessKitError it throws — a revoked
 * proxy's TypeError, a throwing getter's own error — turned into
 * `invalid_input` at `path`, the original as its `cause`.
 *
 * @internal
 */
export function readInput<Value>(path: readonly PathSegment[], subject: string, read: () => Value): Value {
  try {
    return read();
  } catch (thrown) {
    throw unreadable(thrown, 'invalid_input', path, subject);
  }
}
