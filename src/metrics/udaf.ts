import { describeValue, fail } from '../core/internal.js';
import type { Accumulator } from './accumulator.js';
import { checkObject } from './object-checks.js';

/**
 * The aggregation state a warehouse keeps between calls: the accumulator's
 * own state in a box, because BigQuery serializes objects, not bare values.
 *
 * @example
 * ```ts
 * import type { UdafState } from 'successkit/metrics';
 *
 * const partial: UdafState<{ promoters: number; passives: number; detractors: number }> = {
 *   state: { promoters: 3, passives: 1, detractors: 1 },
 * };
 * ```
 */
export interface UdafState<State> {
  /** The accumulator's state, plain JSON. */
  state: State;
}

/**
 * An accumulator in the four-function shape of a BigQuery JavaScript
 * user-defined aggregate function (UDAF): `aggregate` and `merge` update the
 * state they are given and return nothing, `finalize` returns the result.
 *
 * @example
 * ```ts
 * import { npsAccumulator, toUdaf, type NpsCounts, type NpsResult, type Udaf } from 'successkit/metrics';
 *
 * const udaf: Udaf<NpsCounts, NpsResult> = toUdaf(npsAccumulator());
 * ```
 */
export interface Udaf<State, Result> {
  /** A fresh state with no rows aggregated. */
  readonly initialState: () => UdafState<State>;
  /** Adds one row, given as the aggregate function's arguments, to `state`. */
  readonly aggregate: (state: UdafState<State>, ...values: unknown[]) => void;
  /** Merges `partialState`, aggregated elsewhere, into `state`. */
  readonly merge: (state: UdafState<State>, partialState: UdafState<State>) => void;
  /** The aggregate's value for `state`. */
  readonly finalize: (state: UdafState<State>) => Result;
}

/**
 * Options of {@link toUdaf}.
 *
 * @example
 * ```ts
 * import type { UdafOptions } from 'successkit/metrics';
 *
 * const options: UdafOptions<{ payingAtStart: boolean; payingAtEnd: boolean }> = {
 *   row: (payingAtStart, payingAtEnd) => ({ payingAtStart: payingAtStart === true, payingAtEnd: payingAtEnd === true }),
 * };
 * ```
 */
export interface UdafOptions<Row> {
  /**
   * Builds the accumulator's row from the aggregate function's arguments
   * (SQL `INT64` arrives as a `BigInt`). Default: the first argument, with a
   * `BigInt` turned into a number.
   */
  readonly row?: ((...values: unknown[]) => Row) | undefined;
}

function firstValue(...values: unknown[]): unknown {
  const [value] = values;
  return typeof value === 'bigint' ? Number(value) : value;
}

function unbox<State>(box: unknown, name: string): UdafState<State> {
  checkObject(box, [name]);
  if (!Object.hasOwn(box, 'state')) fail('invalid_input', [name, 'state'], 'required');
  return box as unknown as UdafState<State>;
}

/**
 * Presents an {@link Accumulator} as a BigQuery JavaScript UDAF, so a
 * metric runs where the data lives and partial states are merged by the
 * warehouse. The mapping is one to one: `initialState` is `init` (boxed as
 * `{ state }`), `aggregate` is `add` on the row built from the arguments,
 * `merge` stores the accumulator's merge of the two states in the first,
 * and `finalize` is `result`. States are plain JSON, so no `serialize` or
 * `deserialize` is needed. See docs/scaling.md for the SQL that loads it.
 *
 * @param accumulator - any successkit accumulator
 * @param options - how to build a row from the arguments; see {@link UdafOptions}
 * @returns the four functions, to re-export from the UDAF's JavaScript module
 * @throws {@link core!SuccessKitError} `invalid_input` when `options.row` is not a function; the returned functions throw what the accumulator throws for a bad row or state
 *
 * @example
 * ```ts
 * import { npsAccumulator, toUdaf } from 'successkit/metrics';
 *
 * const { initialState, aggregate, merge, finalize } = toUdaf(npsAccumulator());
 * const slot1 = initialState();
 * aggregate(slot1, 10n);
 * aggregate(slot1, 9n);
 * const slot2 = initialState();
 * aggregate(slot2, 3n);
 * merge(slot1, JSON.parse(JSON.stringify(slot2)));
 * finalize(slot1).score; // => 33.333333333333336
 * ```
 */
export function toUdaf<Row, State, Result>(
  accumulator: Accumulator<Row, State, Result>,
  options: UdafOptions<Row> = {},
): Udaf<State, Result> {
  const raw: unknown = options;
  checkObject(raw, []);
  if (raw.row !== undefined && typeof raw.row !== 'function') {
    fail('invalid_input', ['row'], `expected a function, got ${describeValue(raw.row)}`);
  }
  const row = options.row ?? (firstValue as (...values: unknown[]) => Row);
  return {
    initialState: () => ({ state: accumulator.init() }),
    aggregate: (box, ...values) => {
      const target = unbox<State>(box, 'state');
      target.state = accumulator.add(target.state, row(...values));
    },
    merge: (box, partialBox) => {
      const target = unbox<State>(box, 'state');
      const partial = unbox<State>(partialBox, 'partialState');
      target.state = accumulator.merge(target.state, partial.state);
    },
    finalize: (box) => accumulator.result(unbox<State>(box, 'state').state),
  };
}
