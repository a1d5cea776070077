/** The paths of the frozen objects inside a value, `$` for the value itself. */
export function frozenParts(value: unknown, path = '$'): string[] {
  if (typeof value !== 'object' || value === null) return [];
  const inside = Object.entries(value).flatMap(([key, inner]) => frozenParts(inner, `${path}.${key}`));
  return Object.isFrozen(value) ? [path, ...inside] : inside;
}

/** The paths of the objects inside a value that are not frozen. */
export function unfrozenParts(value: unknown, path = '$'): string[] {
  if (typeof value !== 'object' || value === null) return [];
  const inside = Object.entries(value).flatMap(([key, inner]) => unfrozenParts(inner, `${path}.${key}`));
  return Object.isFrozen(value) ? inside : [path, ...inside];
}
