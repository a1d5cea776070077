import type { z } from 'zod/mini';
import { kindOf, parseWith, type PathSegment, SuccessKitError } from '../core/internal.js';

/**
 * `parseWith` for the module's `zod/mini` schemas, turning input that throws
 * when read (a revoked proxy, a throwing getter) into a SuccessKitError at
 * `path`. Core's `parseWith` is gaining both (any zod 4 schema, unreadable
 * input); this wrapper then reduces to a call of it.
 *
 * @internal
 */
export function parseInput<Schema extends z.core.$ZodType>(
  schema: Schema,
  input: unknown,
  path: readonly PathSegment[],
): z.output<Schema> {
  try {
    return parseWith(schema as unknown as Parameters<typeof parseWith>[0], input, { path }) as z.output<Schema>;
  } catch (error) {
    if (error instanceof SuccessKitError) throw error;
    const unreadable = new SuccessKitError('invalid_input', [
      { path, message: `expected plain data, got ${kindOf(input)} that cannot be read` },
    ]);
    unreadable.cause = error;
    throw unreadable;
  }
}
