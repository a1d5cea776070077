import { SuccessKitError } from '../src/core/error';
import { hostileValues } from './hostile-values';

// Table-driven hostile calls: every hostile value of tests/hostile-values.ts
// in every argument position of a function, and what came of each call.

/** What a call did: `'returned'`, `'SuccessKitError'` (with a short message), or the name and message of anything else thrown. */
export type Outcome = string;

/** Calls `run` and names what happened: a return, a SuccessKitError with a short message, or anything else. */
export function outcomeOf(run: () => unknown): Outcome {
  try {
    run();
    return 'returned';
  } catch (error) {
    if (error instanceof SuccessKitError) {
      return error.message.length <= 300 ? 'SuccessKitError' : `SuccessKitError with a long message`;
    }
    return error instanceof Error ? `${error.name}: ${error.message}` : 'a thrown non-error';
  }
}

/** Every argument list with one hostile value put in one argument position, the first element of an array argument, one field of a plain-object argument, or an extra argument. */
export function hostileArgumentLists(valid: readonly unknown[]): [where: string, argumentList: unknown[]][] {
  const lists: [string, unknown[]][] = [];
  for (const [name, value] of hostileValues()) {
    valid.forEach((argument, position) => {
      lists.push([
        `argument ${String(position)} is ${name}`,
        valid.map((other, at) => (at === position ? value : other)),
      ]);
      if (Array.isArray(argument) && argument.length > 0) {
        const withFirst = [value, ...(argument as unknown[]).slice(1)];
        lists.push([
          `argument ${String(position)}[0] is ${name}`,
          valid.map((other, at) => (at === position ? withFirst : other)),
        ]);
        return;
      }
      // Fields of plain data only: a zod schema given as an argument is code, not data.
      if (typeof argument !== 'object' || argument === null || Object.getPrototypeOf(argument) !== Object.prototype) {
        return;
      }
      for (const key of Object.keys(argument)) {
        const withField = { ...argument, [key]: value };
        lists.push([
          `argument ${String(position)}.${key} is ${name}`,
          valid.map((other, at) => (at === position ? withField : other)),
        ]);
      }
    });
    lists.push([`an extra argument is ${name}`, [...valid, value]]);
  }
  return lists;
}

/** The names of the functions a module exports, sorted: what its hostile table must list. */
export function exportedFunctions(module: object): string[] {
  return Object.entries(module)
    .filter(([, value]) => typeof value === 'function')
    .map(([name]) => name)
    .sort();
}

/**
 * What went wrong when `run` was called with every hostile argument list of
 * `args`: anything thrown that is not a SuccessKitError, and, unless
 * `finiteOnly` is false, a result holding a number that is not finite.
 */
export function hostileFailures(
  run: (...args: unknown[]) => unknown,
  args: readonly unknown[],
  finiteOnly = true,
): string[] {
  const failures: string[] = [];
  for (const [where, list] of hostileArgumentLists(args)) {
    try {
      const result = run(...list);
      // Wrapped in an object, so a result of undefined still gives text.
      const text = JSON.stringify({ result }, (_, value: unknown) =>
        typeof value === 'number' && !Number.isFinite(value) ? `not finite: ${String(value)}` : value,
      );
      if (finiteOnly && text.includes('not finite')) failures.push(`${where}: returned ${text}`);
    } catch (error) {
      if (!(error instanceof SuccessKitError)) failures.push(`${where}: ${String(error)}`);
    }
  }
  return failures;
}

/**
 * The hostile argument lists of `valid` on which `run` did anything but
 * return or throw a SuccessKitError with a short message, each with what it did.
 */
export function hostileOutcomes(
  run: (argumentList: unknown[]) => unknown,
  valid: readonly unknown[],
): (readonly [where: string, outcome: Outcome])[] {
  return hostileArgumentLists(valid)
    .map(([where, argumentList]) => [where, outcomeOf(() => run(argumentList))] as const)
    .filter(([, outcome]) => outcome !== 'returned' && outcome !== 'SuccessKitError');
}
