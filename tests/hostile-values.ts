import fc from 'fast-check';

// Values a host may hand over by mistake or by malice. Every public function
// must answer each of them with a SuccessKitError (or accept it), never with a
// TypeError or RangeError from deep inside, and describing any of them in a
// message must not throw. Property tests of every module draw from here.

/** An object with no prototype: `String(value)` and template literals throw on it. */
export function nullPrototypeObject(): object {
  return Object.create(null) as object;
}

/** An object that contains itself. */
export function cyclicObject(): object {
  const value: Record<string, unknown> = { name: 'cycle' };
  value.self = value;
  return value;
}

/** An array that contains itself. */
export function cyclicArray(): unknown[] {
  const value: unknown[] = [1];
  value.push(value);
  return value;
}

/** Objects nested `depth` levels deep under `key`: recursion on it overflows the stack. */
export function deeplyNested(depth: number, key = 'next'): object {
  let value: object = {};
  for (let level = 0; level < depth; level++) value = { [key]: value };
  return value;
}

/** Arrays nested `depth` levels deep. */
export function deeplyNestedArray(depth: number): unknown[] {
  let value: unknown[] = [];
  for (let level = 0; level < depth; level++) value = [value];
  return value;
}

/** An object whose every property read throws. */
export function throwingGetters(): object {
  return Object.defineProperties(
    {},
    Object.fromEntries(
      ['name', 'value', 'id', 'length', 'field', 'op', 'asOf'].map((key) => [
        key,
        {
          enumerable: true,
          get: (): never => {
            throw new Error(`getter ${key} throws`);
          },
        },
      ]),
    ),
  );
}

/** A proxy whose every trap throws, as a revoked proxy does. */
export function revokedProxy(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

/** A proxy that reports every property as present and returns itself for each. */
export function bottomlessProxy(): object {
  const proxy: object = new Proxy(
    {},
    {
      get: () => proxy,
      has: () => true,
    },
  );
  return proxy;
}

/** A named list of hostile values, each made fresh, for table-driven tests. */
export function hostileValues(): [name: string, value: unknown][] {
  return [
    ['a null-prototype object', nullPrototypeObject()],
    ['a BigInt', 10n],
    ['a symbol', Symbol('hostile')],
    ['a function', () => 1],
    ['a cyclic object', cyclicObject()],
    ['a cyclic array', cyclicArray()],
    ['a 10,000-deep object', deeplyNested(10_000)],
    ['a 10,000-deep array', deeplyNestedArray(10_000)],
    ['an object whose getters throw', throwingGetters()],
    ['a revoked proxy', revokedProxy()],
    ['a bottomless proxy', bottomlessProxy()],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-0', -0],
    ['5e-324', 5e-324],
    ['1e308', 1e308],
    ['a 10-character non-date', 'abcdefghij'],
    ['an impossible date', '2026-13-01'],
    ['a number as text', '42'],
    ['a Date object', new Date(0)],
    ['a sparse array', [1, , 3]], // eslint-disable-line no-sparse-arrays
    ['null', null],
    ['undefined', undefined],
  ];
}

/**
 * The hostile values fast-check can carry. The two proxies are left out:
 * fast-check itself reads properties of every generated value (to clone and
 * print it), which a revoked proxy answers with a TypeError and a bottomless
 * proxy with itself. Test them through {@link hostileValues}.
 */
function carriableValues(): [name: string, value: unknown][] {
  return hostileValues().filter(([name]) => !name.endsWith('proxy'));
}

/** Any hostile value but the proxies, made fresh for each run. */
export const hostileValue: fc.Arbitrary<unknown> = fc
  .integer({ min: 0, max: carriableValues().length - 1 })
  .map((index) => carriableValues()[index]?.[1]);

/** Mostly `typical`, sometimes a hostile value: for fuzzing a field or an argument. */
export function sometimesHostile<Value>(typical: fc.Arbitrary<Value>): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: typical, weight: 3 }, { arbitrary: hostileValue, weight: 1 });
}
