/**
 * `values[index]` for an index the caller knows to be in range, which
 * `noUncheckedIndexedAccess` cannot see.
 *
 * @internal
 */
export function element<Value>(values: readonly Value[], index: number): Value {
  const value = values[index];
  if (value === undefined) throw new RangeError(`index ${String(index)} is out of range`);
  return value;
}
