/**
 * Readers of the MRR functions' input: MRR per account for one period as a
 * record, a map or snapshots, and the ids of accounts that paid before.
 * Every amount is checked and turned into whole minor units on the way in.
 * The two input types are public; the readers are internal.
 */
import type * as z from 'zod/mini';
import { describeValue, fail, type MrrSnapshot, type PathSegment } from '../core/internal.js';
import { toMinorUnits } from './money.js';
import { checkObject } from './object-checks.js';

/**
 * An MRR snapshot as the MRR functions take it: a core `MrrSnapshot`, or the
 * same fields with a plain `'YYYY-MM-DD'` month, checked on the way in.
 *
 * @example
 * ```ts
 * import type { MrrSnapshotInput } from 'successkit/metrics';
 *
 * const june: MrrSnapshotInput = { accountId: 'acc-1', month: '2026-06-01', mrr: 4_250 };
 * ```
 */
export type MrrSnapshotInput = z.input<typeof MrrSnapshot>;

/**
 * MRR per account for one period: a record or map from account id to MRR
 * in major units, or the core `MrrSnapshot`s of one month. An account that
 * is missing has 0 MRR.
 *
 * @example
 * ```ts
 * import type { MrrByAccount } from 'successkit/metrics';
 *
 * const june: MrrByAccount = { 'acc-1': 4_000, 'acc-2': 950 };
 * ```
 */
export type MrrByAccount = Readonly<Record<string, number>> | ReadonlyMap<string, number> | readonly MrrSnapshotInput[];

/** Throws `invalid_input` at `path` unless `accountId` is a non-empty string. @internal */
export function checkAccountId(accountId: unknown, path: readonly PathSegment[]): asserts accountId is string {
  if (typeof accountId !== 'string' || accountId === '') {
    fail('invalid_input', path, `expected an account id, got ${describeValue(accountId)}`);
  }
}

/** Reads one period's MRR into minor units per account, checking every amount. @internal */
export function readPeriod(input: unknown, name: string, perMajor: number): Map<string, number> {
  const minorById = new Map<string, number>();
  if (input instanceof Map) {
    for (const [accountId, mrr] of input as Map<unknown, unknown>) {
      if (typeof accountId !== 'string')
        fail('invalid_input', [name], `expected account ids as keys, got ${describeValue(accountId)}`);
      minorById.set(accountId, toMinorUnits(mrr, perMajor, [name, accountId]));
    }
    return minorById;
  }
  if (Array.isArray(input)) {
    let month: unknown;
    input.forEach((snapshot: unknown, index) => {
      checkObject(snapshot, [name, index]);
      const { accountId } = snapshot;
      checkAccountId(accountId, [name, index, 'accountId']);
      if (index === 0) month = snapshot.month;
      else if (snapshot.month !== month) {
        fail(
          'invalid_input',
          [name, index, 'month'],
          `expected every snapshot from ${String(month)}, got ${describeValue(snapshot.month)}`,
        );
      }
      if (minorById.has(accountId)) fail('invalid_input', [name, index], `second snapshot for ${accountId}`);
      minorById.set(accountId, toMinorUnits(snapshot.mrr, perMajor, [name, index, 'mrr']));
    });
    return minorById;
  }
  checkObject(input, [name]);
  for (const [accountId, mrr] of Object.entries(input))
    minorById.set(accountId, toMinorUnits(mrr, perMajor, [name, accountId]));
  return minorById;
}

/** Reads `history`: an iterable of account ids, or nothing. @internal */
export function readHistory(history: unknown): ReadonlySet<string> {
  if (history === undefined) return new Set();
  if (
    typeof history !== 'object' ||
    history === null ||
    typeof (history as Partial<Iterable<unknown>>)[Symbol.iterator] !== 'function'
  ) {
    fail('invalid_input', ['history'], `expected account ids, got ${describeValue(history)}`);
  }
  const ids = new Set<string>();
  let index = 0;
  for (const id of history as Iterable<unknown>) {
    if (typeof id !== 'string')
      fail('invalid_input', ['history', index], `expected an account id, got ${describeValue(id)}`);
    ids.add(id);
    index++;
  }
  return ids;
}
