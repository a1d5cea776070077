/**
 * Sets an own property of a plain record, also for the key `__proto__`,
 * which plain assignment would treat as the prototype: host-chosen names
 * (milestone ids, attribute and custom event names) may be anything.
 *
 * @internal
 */
export function setOwn<Value>(record: Record<string, Value>, key: string, value: Value): void {
  if (key === '__proto__')
    Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  else record[key] = value;
}
