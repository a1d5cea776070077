/**
 * A small structural JSON Schema (2020-12) checker for the keywords the rule
 * schema uses, so tests can validate documents against `ruleJsonSchema` as an
 * editor would, without a validator dependency. It fails loudly on any
 * keyword it does not know, so the schema cannot silently outgrow it.
 */
type Schema = Readonly<Record<string, unknown>>;

const annotations = new Set(['$schema', 'title', 'description', 'format', '$defs']);
const known = new Set([
  ...annotations,
  '$ref',
  'anyOf',
  'oneOf',
  'allOf',
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'prefixItems',
  'minItems',
  'maxItems',
  'enum',
  'const',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
]);

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function resolve(root: Schema, reference: string): Schema {
  const name = /^#\/\$defs\/(.+)$/.exec(reference)?.[1];
  const definitions = root.$defs as Record<string, Schema> | undefined;
  const target = reference === '#' ? root : name === undefined ? undefined : definitions?.[name];
  if (target === undefined) throw new Error(`unresolved $ref ${reference}`);
  return target;
}

function check(root: Schema, schema: Schema, value: unknown): boolean {
  for (const keyword of Object.keys(schema)) if (!known.has(keyword)) throw new Error(`unsupported keyword ${keyword}`);
  if (typeof schema.$ref === 'string' && !check(root, resolve(root, schema.$ref), value)) return false;
  if (Array.isArray(schema.anyOf) && !schema.anyOf.some((option: Schema) => check(root, option, value))) return false;
  if (Array.isArray(schema.oneOf) && schema.oneOf.filter((option: Schema) => check(root, option, value)).length !== 1)
    return false;
  if (Array.isArray(schema.allOf) && !schema.allOf.every((part: Schema) => check(root, part, value))) return false;
  if (schema.type !== undefined) {
    const types = ([] as unknown[]).concat(schema.type);
    const actual = typeOf(value);
    if (!types.includes(actual) && !(actual === 'integer' && types.includes('number'))) return false;
  }
  if ('const' in schema && schema.const !== value) return false;
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) return false;
  if (typeof value === 'string' && typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value))
    return false;
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) return false;
    if (typeof schema.maximum === 'number' && value > schema.maximum) return false;
    if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum) return false;
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) return false;
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) return false;
    const prefix = (schema.prefixItems ?? []) as Schema[];
    for (const [index, item] of value.entries()) {
      const itemSchema = index < prefix.length ? prefix[index] : schema.items;
      if (itemSchema === false) return false;
      if (itemSchema !== undefined && !check(root, itemSchema as Schema, item)) return false;
    }
  }
  if (typeOf(value) === 'object') {
    const object = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    if (Array.isArray(schema.required) && !schema.required.every((key: string) => key in object)) return false;
    for (const [key, item] of Object.entries(object)) {
      if (key in properties) {
        if (!check(root, properties[key]!, item)) return false;
      } else if (schema.additionalProperties === false) return false;
    }
  }
  return true;
}

/** Whether a JSON value is valid against a JSON Schema document. */
export function isValidAgainst(root: Schema, value: unknown): boolean {
  return check(root, root, value);
}
