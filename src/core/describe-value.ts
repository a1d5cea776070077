/**
 * Describing a value for an error message. Bad input can be anything a host
 * hands over — a null-prototype object, a BigInt, a symbol, a cyclic or
 * deeply nested structure, a revoked proxy, an object whose getters throw —
 * and the description of it must never throw, or the error path itself
 * crashes. Nothing here converts an object to a primitive or walks into it.
 *
 * @internal
 */

/** Names the kind of a value: `number`, `string`, `boolean`, `null`, `array`, `object`, `bigint`, `symbol`, … @internal */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  try {
    if (Array.isArray(value)) return 'array';
  } catch {
    // A revoked proxy throws even on Array.isArray; it is an object all the same.
  }
  return typeof value;
}

/** Text for a message: JSON-quoted, cut after `maximum` characters with `…`. @internal */
export function quoteText(text: string, maximum: number): string {
  return JSON.stringify(text.length > maximum ? `${text.slice(0, maximum)}…` : text);
}

/**
 * Names a value for a message: numbers and BigInts as written, strings
 * quoted and cut after 20 characters, booleans as written, anything else by
 * its kind. Never throws.
 *
 * @internal
 */
export function describeValue(value: unknown): string {
  switch (typeof value) {
    case 'number':
      return String(value);
    case 'bigint':
      return `${value.toString()}n`;
    case 'string':
      return `string ${quoteText(value, 20)}`;
    case 'boolean':
      return String(value);
    default:
      return kindOf(value);
  }
}
