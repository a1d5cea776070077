/**
 * The check that an input, a row or a state is an object, through core's one
 * validation path: a fast guard, and the schema's message and path when it fails.
 *
 * @internal
 */
import { checked, isObjectRecord, ObjectRecord, type PathSegment } from '../core/internal.js';

/** Checks an object input: a non-null, non-array object (`invalid_input` at `path` otherwise). */
export function checkObject(value: unknown, path: readonly PathSegment[]): asserts value is Record<string, unknown> {
  checked(ObjectRecord, value, isObjectRecord, path);
}
