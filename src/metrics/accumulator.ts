import {
  describeValue,
  fail,
  isObjectRecord,
  type PathSegment,
  setOwn,
  SuccessKitError,
  unreadable,
  readingInput,
  underPath,
} from '../core/internal.js';

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
 *   never changed, and a bad row throws a {@link core!SuccessKitError}. It
 *   checks the row, not the state (it runs once per row): give it a state
 *   from `init` or `merge`;
 * - `merge(a, b)` returns a new state holding both, leaving `a` and `b` as
 *   they were;
 * - `result(state)` computes the metric; it does not change the state.
 *   `merge` and `result` check states, so a state read back from JSON or
 *   another process is refused with a {@link core!SuccessKitError} when it
 *   is not one `add` could have made.
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

/** True for a value that `for…of` can walk. */
function isIterable(value: unknown): value is Iterable<unknown> {
  return (
    ((typeof value === 'object' && value !== null) || typeof value === 'string') &&
    typeof (value as Partial<Iterable<unknown>>)[Symbol.iterator] === 'function'
  );
}

/** Checks that `value` has the four functions of an accumulator (`invalid_input` at `['accumulator', name]` otherwise). */
function checkAccumulator<Row, State, Result>(
  value: Accumulator<Row, State, Result>,
): asserts value is Accumulator<Row, State, Result> {
  if (!isObjectRecord(value))
    fail('invalid_input', ['accumulator'], `expected an accumulator, got ${describeValue(value)}`);
  for (const name of ['init', 'add', 'merge', 'result']) {
    if (typeof value[name] !== 'function') {
      fail('invalid_input', ['accumulator', name], `expected a function, got ${describeValue(value[name])}`);
    }
  }
}

/**
 * Prefixes the paths of a SuccessKitError, so an error raised for one row names where the row sits.
 *
 * @internal
 */
export function locateError(error: unknown, prefix: readonly PathSegment[]): unknown {
  return error instanceof SuccessKitError ? underPath(error, prefix) : error;
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
  setOwn(target, key, value);
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
 * @throws {@link core!SuccessKitError} whatever `accumulator.add` throws for a bad row, with `[index, ...]` as its path; `invalid_input` when `accumulator` is not one or `rows` is not iterable
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
  state?: State,
): State {
  checkAccumulator(accumulator);
  const iterator = readingInput(() => {
    if (!isIterable(rows))
      fail('invalid_input', ['rows'], `expected a list or iterable of rows, got ${describeValue(rows)}`);
    return rows[Symbol.iterator]();
  });
  const { add } = accumulator;
  const target = state ?? accumulator.init();
  for (let index = 0; ; index++) {
    let step: IteratorResult<Row>;
    try {
      step = iterator.next();
    } catch (thrown) {
      throw unreadable(thrown, 'invalid_input', ['rows', index], 'the row');
    }
    if (step.done === true) return target;
    try {
      add(target, step.value);
    } catch (error) {
      // A SuccessKitError gets the row's index in front of its path; the host's own errors pass through.
      throw locateError(error, [index]);
    }
  }
}
