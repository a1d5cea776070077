import { isCount, isNonNegative } from '../core/internal.js';

/**
 * Type tests for the fields of portfolio rows that snapshots read, as core's
 * schemas define them; each accepts nothing its schema rejects.
 *
 * @internal
 */

/** An `Id`: text of 1 to 256 characters. @internal */
export function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 256;
}

/** Non-empty text, or absent. @internal */
export function isOptionalText(value: unknown): value is string | undefined {
  return value === undefined || (typeof value === 'string' && value.length > 0);
}

/** An `Id`, or absent. @internal */
export function isOptionalId(value: unknown): value is string | undefined {
  return value === undefined || isId(value);
}

/** A whole number ≥ 0, or absent. @internal */
export function isOptionalCount(value: unknown): value is number | undefined {
  return value === undefined || isCount(value);
}

/** A finite number ≥ 0 (`Money`), or absent. @internal */
export function isOptionalAmount(value: unknown): value is number | undefined {
  return value === undefined || isNonNegative(value);
}
