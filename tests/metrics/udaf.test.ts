import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accumulate } from '../../src/metrics/accumulator';
import { csatAccumulator } from '../../src/metrics/csat';
import { groupAccumulator } from '../../src/metrics/group-metrics';
import { mrrMovementsAccumulator } from '../../src/metrics/mrr-movements';
import { npsAccumulator } from '../../src/metrics/nps';
import { toUdaf, type Udaf, type UdafState } from '../../src/metrics/udaf';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { cut, mergeInOrder, roundTrip } from './merge-laws';

/**
 * Runs a UDAF the way BigQuery does (docs.cloud.google.com/bigquery/docs/user-defined-aggregates):
 * each worker starts from initialState(), calls aggregate(state, ...arguments) per row, the state is
 * serialized between calls and between workers, partial states are merged in the engine's order with
 * merge(state, partialState), and finalize(state) gives the value.
 */
function runLikeBigQuery<State, Result>(
  udaf: Udaf<State, Result>,
  rows: readonly (readonly unknown[])[],
  positions: readonly number[],
  picks: readonly number[],
): Result {
  const partials = cut(rows, positions).map((slice) => {
    let state = udaf.initialState();
    for (const values of slice) {
      udaf.aggregate(state, ...values);
      state = roundTrip(state);
    }
    return state;
  });
  const merged = mergeInOrder(partials, picks, (state: UdafState<State>, partialState: UdafState<State>) => {
    udaf.merge(state, partialState);
    return roundTrip(state);
  });
  return udaf.finalize(merged);
}

describe('toUdaf', () => {
  it('gives the accumulator result for any partitioning and merge order, INT64 scores arriving as BigInt', () => {
    const accumulator = npsAccumulator();
    const udaf = toUdaf(accumulator);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 100 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 16 }),
        (scores, positions, picks) => {
          const expected = accumulator.result(accumulate(accumulator, scores));
          const rows = scores.map((score) => [BigInt(score)]);
          expect(runLikeBigQuery(udaf, rows, positions, picks)).toEqual(expected);
        },
      ),
    );
  });

  it('builds rows from several arguments with the row option', () => {
    const accumulator = mrrMovementsAccumulator();
    const udaf = toUdaf(accumulator, {
      row: (accountId, previous, current, returning) => ({
        accountId: String(accountId),
        previous: Number(previous),
        current: Number(current),
        returning: returning === true,
      }),
    });
    const amount = fc.integer({ min: 0, max: 1_000_000 }).map((cents) => cents / 100);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string(), amount, amount, fc.boolean()), { maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (rows, positions, picks) => {
          const expected = accumulator.result(
            accumulate(
              accumulator,
              rows.map(([accountId, previous, current, returning]) => ({ accountId, previous, current, returning })),
            ),
          );
          expect(runLikeBigQuery(udaf, rows, positions, picks)).toEqual(expected);
        },
      ),
    );
  });

  it('works for grouped metrics, so one UDAF gives NPS and CSAT per segment', () => {
    interface Answer {
      segment: string;
      kind: string;
      score: number;
    }
    const accumulator = groupAccumulator({
      by: 'segment',
      metrics: {
        nps: { accumulator: npsAccumulator(), value: (row: Answer) => (row.kind === 'nps' ? row.score : undefined) },
        csat: { accumulator: csatAccumulator(), value: (row: Answer) => (row.kind === 'csat' ? row.score : undefined) },
      },
    });
    const udaf = toUdaf(accumulator, {
      row: (segment, kind, score) => ({ segment: String(segment), kind: String(kind), score: Number(score) }),
    });
    const rows = [
      ['smb', 'nps', 9n],
      ['smb', 'csat', 4n],
      ['enterprise', 'nps', 3n],
    ];
    const expected = accumulator.result(
      accumulate(accumulator, [
        { segment: 'smb', kind: 'nps', score: 9 },
        { segment: 'smb', kind: 'csat', score: 4 },
        { segment: 'enterprise', kind: 'nps', score: 3 },
      ]),
    );
    expect(runLikeBigQuery(udaf, rows, [1], [1, 0])).toEqual(expected);
  });

  it('keeps the state an object, as BigQuery requires, and passes bad rows to the accumulator', () => {
    const udaf = toUdaf(npsAccumulator());
    const state = udaf.initialState();
    expect(state).toEqual({ state: { promoters: 0, passives: 0, detractors: 0 } });
    expect(
      catchSuccessKitError(() => {
        udaf.aggregate(state, 11n);
      }).code,
    ).toBe('invalid_score');
    expect(
      catchSuccessKitError(() => {
        udaf.aggregate(state, null);
      }).code,
    ).toBe('invalid_score');
  });

  it('rejects a bad row option and states that are not boxed', () => {
    expect(issuePaths(catchSuccessKitError(() => toUdaf(npsAccumulator(), { row: 'x' as never })))).toEqual(['row']);
    expect(catchSuccessKitError(() => toUdaf(npsAccumulator(), null as never)).code).toBe('invalid_input');
    const udaf = toUdaf(npsAccumulator());
    expect(
      issuePaths(
        catchSuccessKitError(() => {
          udaf.merge(udaf.initialState(), {} as never);
        }),
      ),
    ).toEqual(['partialState.state']);
    expect(issuePaths(catchSuccessKitError(() => udaf.finalize(3 as never)))).toEqual(['state']);
  });
});
