import { at } from '../core/internal.js';

/**
 * Rows of one list grouped by account and ordered by a key (a day, a month)
 * within each account, without copying them: the rows of account `a` are
 * `source[origins[k]]` for `k` from `offsets[a]` to `offsets[a + 1] − 1`,
 * with their keys in `keys[k]`. Typed arrays keep the index off the
 * garbage-collected heap.
 *
 * @internal
 */
export interface GroupedRows<Row> {
  /** The list as read: the input itself, or a copy when a row had to be parsed. */
  readonly source: readonly Row[];
  readonly keys: Int32Array;
  /** The position in `source` of each grouped row. */
  readonly origins: Int32Array;
  readonly offsets: Int32Array;
}

/**
 * Rows of one list as read in one pass: the list, the position of each row's
 * account (−1 for a row that is left out) and each row's sort key.
 *
 * @internal
 */
export interface ReadRows<Row> {
  readonly source: readonly Row[];
  readonly accounts: Int32Array;
  readonly keys: Int32Array;
}

/** A key later than every day: a contact who has not left. @internal */
export const never = 2_147_483_647;

/** The `k`-th grouped row. @internal */
export function rowOf<Row>(grouped: GroupedRows<Row>, k: number): Row {
  return grouped.source[at(grouped.origins, k)] as Row;
}

/** Sorts the rows of one account by key, keeping the order of equal keys; rows already in order are only checked. */
function sortSegment(keys: Int32Array, origins: Int32Array, start: number, end: number): void {
  for (let index = start + 1; index < end; index++) {
    if (at(keys, index) >= at(keys, index - 1)) continue;
    const entries = [];
    for (let position = start; position < end; position++) {
      entries.push({ key: at(keys, position), origin: at(origins, position) });
    }
    entries.sort((left, right) => left.key - right.key);
    entries.forEach((entry, offset) => {
      keys[start + offset] = entry.key;
      origins[start + offset] = entry.origin;
    });
    return;
  }
}

/**
 * Groups read rows by account with a counting sort (linear in rows), then
 * orders each account's rows by key.
 *
 * @internal
 */
export function groupRows<Row>(read: ReadRows<Row>, accountCount: number): GroupedRows<Row> {
  const readCount = read.accounts.length;
  const offsets = new Int32Array(accountCount + 1);
  for (let index = 0; index < readCount; index++) {
    const slot = at(read.accounts, index) + 1;
    if (slot > 0) offsets[slot] = at(offsets, slot) + 1;
  }
  for (let account = 0; account < accountCount; account++) {
    offsets[account + 1] = at(offsets, account + 1) + at(offsets, account);
  }
  const count = at(offsets, accountCount);
  const next = offsets.slice(0, accountCount);
  const keys = new Int32Array(count);
  const origins = new Int32Array(count);
  for (let index = 0; index < readCount; index++) {
    const account = at(read.accounts, index);
    if (account < 0) continue;
    const position = at(next, account);
    next[account] = position + 1;
    keys[position] = at(read.keys, index);
    origins[position] = index;
  }
  for (let account = 0; account < accountCount; account++) {
    sortSegment(keys, origins, at(offsets, account), at(offsets, account + 1));
  }
  return { source: read.source, keys, origins, offsets };
}

/** `rows[index]` for an index the caller knows to be in range, which `noUncheckedIndexedAccess` cannot see. @internal */
export function rowAt<Row>(rows: readonly Row[], index: number): Row {
  return rows[index] as Row;
}
