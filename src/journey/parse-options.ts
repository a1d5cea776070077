import type * as z from 'zod/mini';
import { parseWith } from '../core/internal.js';

/**
 * An options argument parsed at path `options`: absent means the defaults;
 * `null` or any other non-object is `invalid_input`, like a wrong type.
 *
 * @internal
 */
export function parseOptions<Schema extends z.core.$ZodType>(schema: Schema, options: unknown): z.output<Schema> {
  return parseWith(schema, options === undefined ? {} : options, { path: ['options'] });
}
