import { at } from '../core/internal.js';

/**
 * Rows of one list grouped by account and ordered by a key (a day, a month)
 * within each account, in flat arrays: the rows of account `a` are
 * `rows[offsets[a]]` to `rows[offsets[a + 1] - 1]`, with `keys` beside them.
 *
 * @internal
 */
export interface GroupedRows<Row> {
  readonly rows: readonly Row[];
  readonly keys: Float64Array;
  readonly offsets: Int32Array;
  /** The position of each row in the list it was read from. */
  readonly origins: Int32Array;
}

/**
 * Rows of one list as read in one pass: each row (checked), the position of
 * its account (−1 for a row that is left out) and its sort key.
 *
 * @internal
 */
export interface ReadRows<Row> {
  readonly rows: Row[];
  readonly accounts: Int32Array;
  readonly keys: Float64Array;
}

/** Sorts the rows of one account by key, keeping the order of equal keys. */
function sortSegment<Row>(grouped: GroupedRows<Row> & { rows: Row[] }, start: number, end: number): void {
  const { rows, keys, origins } = grouped;
  for (let index = start + 1; index < end; index++) {
    if (at(keys, index) < at(keys, index - 1)) {
      const entries = [];
      for (let position = start; position < end; position++) {
        entries.push({ key: at(keys, position), row: rows[position] as Row, origin: at(origins, position) });
      }
      entries.sort((left, right) => left.key - right.key);
      entries.forEach((entry, offset) => {
        keys[start + offset] = entry.key;
        rows[start + offset] = entry.row;
        origins[start + offset] = entry.origin;
      });
      return;
    }
  }
}

/**
 * Groups read rows by account with a counting sort (linear in rows), then
 * orders each account's rows by key; rows that arrive in order, as most
 * exports do, are only checked.
 *
 * @internal
 */
export function groupRows<Row>(read: ReadRows<Row>, accountCount: number): GroupedRows<Row> {
  const readCount = read.rows.length;
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
  const rows = new Array<Row>(count);
  const keys = new Float64Array(count);
  const origins = new Int32Array(count);
  for (let index = 0; index < readCount; index++) {
    const account = at(read.accounts, index);
    if (account < 0) continue;
    const position = at(next, account);
    next[account] = position + 1;
    rows[position] = read.rows[index] as Row;
    keys[position] = at(read.keys, index);
    origins[position] = index;
  }
  const grouped = { rows, keys, offsets, origins };
  for (let account = 0; account < accountCount; account++) {
    sortSegment(grouped, at(offsets, account), at(offsets, account + 1));
  }
  return grouped;
}

/** `rows[index]` for an index the caller knows to be in range, which `noUncheckedIndexedAccess` cannot see. @internal */
export function rowAt<Row>(rows: readonly Row[], index: number): Row {
  return rows[index] as Row;
}
