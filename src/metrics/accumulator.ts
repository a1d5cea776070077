import { type PathSegment, SuccessKitError } from '../core/internal.js';

/**
 * A mergeable aggregate: the four functions that compute a metric over rows
 * in any number of pieces. The state is plain JSON (numbers, strings,
 * arrays, objects), so it can be computed per partition — in worker threads,
 * on other machines, inside a warehouse — sent as text, and merged exactly:
 * `result(merge(add*(A), add*(B)))` equals `result(add*(A ∪ B))` for any
 * split of the rows, because every state holds exact integer counts and sums.
 *
 * - `init()` returns a fresh, empty state that the caller owns;
 * - `add(state, row)` adds one row to that state, updating it in place, and
 *   returns it, so a loop over millions of rows allocates nothing; rows are
 *   never changed, and a bad row throws a {@link core!SuccessKitError};
 * - `merge(a, b)` returns a new state holding both, leaving `a` and `b` as
 *   they were;
 * - `result(state)` computes the metric; it does not change the state.
 *
 * @example
 * ```ts
 * import { npsAccumulator, type Accumulator, type NpsCounts, type NpsResult } from 'successkit/metrics';
 *
 * const metric: Accumulator<number, NpsCounts, NpsResult> = npsAccumulator();
 * const monday = [10, 9, 6].reduce(metric.add, metric.init());
 * const tuesday = [8, 10].reduce(metric.add, metric.init());
 * metric.result(metric.merge(monday, tuesday)).score; // => 40
 * JSON.stringify(monday); // => '{"promoters":2,"passives":0,"detractors":1}'
 * ```
 */
export interface Accumulator<Row, State, Result> {
  /** A fresh, empty state. */
  readonly init: () => State;
  /** Adds one row to `state` in place and returns the same state. */
  readonly add: (state: State, row: Row) => State;
  /** A new state holding everything in `a` and `b`; neither is changed. */
  readonly merge: (a: State, b: State) => State;
  /** The metric of everything added to `state`. */
  readonly result: (state: State) => Result;
}

/**
 * Prefixes the paths of a SuccessKitError, so an error raised for one row names where the row sits.
 *
 * @internal
 */
export function locateError(error: unknown, prefix: readonly PathSegment[]): unknown {
  if (!(error instanceof SuccessKitError)) return error;
  return new SuccessKitError(
    error.code,
    error.issues.map((issue) => ({ path: [...prefix, ...issue.path], message: issue.message })),
  );
}

/**
 * `target[key]` as an own property, set to `create()` first when absent.
 * Works for every key, `__proto__` included, so group and cohort keys taken
 * from data can never reach a prototype.
 *
 * @internal
 */
export function ownEntry<Value>(target: Record<string, Value>, key: string, create: () => Value): Value {
  if (Object.hasOwn(target, key)) return target[key] as Value;
  const value = create();
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return value;
}

/**
 * Adds every row to a state, in order: the fold of an {@link Accumulator}
 * over a list or any iterable. A bad row throws with its index at the front
 * of the error's path.
 *
 * @param accumulator - the metric's accumulator
 * @param rows - the rows to add
 * @param state - the state to add to, updated in place; default a fresh `accumulator.init()`
 * @returns the state, holding every row
 * @throws {@link core!SuccessKitError} whatever `accumulator.add` throws for a bad row, with `[index, ...]` as its path
 *
 * @example
 * ```ts
 * import { accumulate, npsAccumulator } from 'successkit/metrics';
 *
 * const metric = npsAccumulator();
 * const state = accumulate(metric, [9, 10, 7, 3]);
 * state; // => { promoters: 2, passives: 1, detractors: 1 }
 * metric.result(state).score; // => 25
 * accumulate(metric, [9, 11]); // throws invalid_score
 * ```
 */
export function accumulate<Row, State, Result>(
  accumulator: Accumulator<Row, State, Result>,
  rows: Iterable<Row>,
  state: State = accumulator.init(),
): State {
  const { add } = accumulator;
  let index = 0;
  try {
    for (const row of rows) {
      add(state, row);
      index++;
    }
  } catch (error) {
    throw locateError(error, [index]);
  }
  return state;
}
