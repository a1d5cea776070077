import fc from 'fast-check';
import { expect } from 'vitest';
import { accumulate, type Accumulator } from '../../src/metrics/accumulator';
import { deepFreeze } from '../freeze';

/** Rows cut into consecutive pieces at the given positions (some pieces may be empty). */
export function cut<Row>(rows: readonly Row[], positions: readonly number[]): Row[][] {
  const bounds = [...positions.map((position) => position % (rows.length + 1)), 0, rows.length].sort((a, b) => a - b);
  const pieces: Row[][] = [];
  for (let index = 1; index < bounds.length; index++) {
    pieces.push(rows.slice(bounds[index - 1], bounds[index]));
  }
  return pieces;
}

/** Merges states pairwise in an order chosen by `picks`, as a warehouse merging partial aggregates would. */
export function mergeInOrder<State>(
  states: readonly State[],
  picks: readonly number[],
  merge: (a: State, b: State) => State,
): State {
  const pool = [...states];
  let pick = 0;
  while (pool.length > 1) {
    const first = pool.splice((picks[pick++] ?? 0) % pool.length, 1)[0] as State;
    const second = pool.splice((picks[pick++] ?? 0) % pool.length, 1)[0] as State;
    pool.push(merge(first, second));
  }
  return pool[0] as State;
}

/** A state as it comes back from another thread or machine: through JSON. */
export function roundTrip<State>(state: State): State {
  return JSON.parse(JSON.stringify(state)) as State;
}

/**
 * Checks result(merge(add*(A), add*(B), …)) = result(add*(A ∪ B ∪ …)) for random splits and merge
 * orders, with every state sent through JSON, and that the rows are never written to.
 */
export function assertMergeIsConcat<Row, State, Result>(
  accumulator: Accumulator<Row, State, Result>,
  rows: fc.Arbitrary<Row[]>,
  numRuns = 100,
): void {
  fc.assert(
    fc.property(
      rows,
      fc.array(fc.nat(), { maxLength: 6 }),
      fc.array(fc.nat(), { maxLength: 12 }),
      (all, positions, picks) => {
        deepFreeze(all);
        const whole = accumulator.result(accumulate(accumulator, all));
        const states = cut(all, positions).map((piece) => roundTrip(accumulate(accumulator, piece)));
        const merged = mergeInOrder(states, picks, (a, b) => roundTrip(accumulator.merge(a, b)));
        expect(accumulator.result(merged)).toEqual(whole);
        expect(accumulator.result(accumulator.merge(accumulator.init(), merged))).toEqual(whole);
      },
    ),
    { numRuns },
  );
}
