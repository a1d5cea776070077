import { deepStrictEqual } from 'node:assert/strict';
import { isSuccessKitError } from '../src/core/error';

/** Where an example line came from, for failure messages: `README.md:42`. */
type Location = string;

/** Checks a `value; // => expected` line of an example. */
export function expectValue(actual: unknown, expected: unknown, where: Location): void {
  try {
    deepStrictEqual(actual, expected);
  } catch {
    throw new Error(`${where}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

/** Checks a `call(); // throws code` line of an example. */
export function expectThrows(run: () => unknown, code: string, where: Location): void {
  try {
    run();
  } catch (error) {
    if (isSuccessKitError(error) && error.code === code) return;
    throw new Error(`${where}: expected SuccessKitError ${code}, got ${String(error)}`);
  }
  throw new Error(`${where}: expected SuccessKitError ${code}, but nothing was thrown`);
}
