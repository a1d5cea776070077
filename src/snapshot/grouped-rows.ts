/**
 * Rows of one list grouped by account and ordered by a key (a day, a month)
 * within each account, without copying them: the rows of account `a` are
 * `source[origins[k]]` for `k` from `offsets[a]` to `offsets[a + 1] − 1`,
 * with their keys in `keys[k]`.
 *
 * The index is held in plain arrays of numbers, not typed arrays: memory
 * outside the JavaScript heap, as typed arrays hold it, makes the engine
 * collect the whole heap (the host's portfolio included) once a few dozen
 * megabytes of it are allocated, where the same numbers in the heap only
 * grow it.
 *
 * @internal
 */
export interface GroupedRows<Row> {
  /** The list as read: the input itself, or a copy when a row had to be parsed. */
  readonly source: readonly Row[];
  readonly keys: Column;
  /**
   * The position in `source` of each grouped row; `null` when the list was
   * in grouped order already (each account's rows together, accounts in the
   * portfolio's order, rows by key), as exports usually are: then the `k`-th
   * grouped row is `source[k]`.
   */
  readonly origins: Column | null;
  readonly offsets: Column;
}

/** Numbers kept for each row or account of an index: a plain array, for the reason {@link GroupedRows} gives. @internal */
export type Column = readonly number[];

/** A column of `length` zeros, to be written. @internal */
export function zeros(length: number): number[] {
  return new Array<number>(length).fill(0);
}

/**
 * Rows of one list as read in one pass: the list, and for each of its first
 * `count` places the position of the row's account (−1 for a row that is
 * left out) and the row's sort key. `keys` is the list's own, `count` long:
 * grouping takes it over when the list is in grouped order already.
 *
 * @internal
 */
export interface ReadRows<Row> {
  readonly source: readonly Row[];
  readonly count: number;
  readonly accounts: Column;
  readonly keys: Column;
}

/** A key later than every day: a contact who has not left. @internal */
export const never = 2_147_483_647;

/** The position in the list as read of the `k`-th grouped row. @internal */
export function originOf(grouped: GroupedRows<unknown>, k: number): number {
  const { origins } = grouped;
  return origins === null ? k : (origins[k] ?? 0);
}

/** The `k`-th grouped row. @internal */
export function rowOf<Row>(grouped: GroupedRows<Row>, k: number): Row {
  return grouped.source[originOf(grouped, k)] as Row;
}

/** Segments up to this long are sorted by insertion; longer ones through one packed typed-array sort. */
const insertionSortLength = 48;

/** Sorts `start…end` by key in place, equal keys keeping their order: insertion sort, for the short runs of one account. */
function insertionSort(keys: number[], origins: number[], start: number, end: number): void {
  for (let index = start + 1; index < end; index++) {
    const key = keys[index] ?? 0;
    const origin = origins[index] ?? 0;
    let slot = index;
    for (; slot > start && (keys[slot - 1] ?? 0) > key; slot--) {
      keys[slot] = keys[slot - 1] ?? 0;
      origins[slot] = origins[slot - 1] ?? 0;
    }
    keys[slot] = key;
    origins[slot] = origin;
  }
}

/**
 * Sorts a long segment by key, equal keys keeping their order: each entry is
 * packed as key × 2²¹ + its place in the segment, exact in a double for the
 * 32-bit keys and segments under two million rows, so one numeric sort of a
 * Float64Array orders keys and breaks ties by place.
 */
function packedSort(keys: number[], origins: number[], start: number, end: number): void {
  const places = 2_097_152;
  const packed = new Float64Array(end - start);
  for (let offset = 0; offset < packed.length; offset++) packed[offset] = (keys[start + offset] ?? 0) * places + offset;
  packed.sort();
  const moved = origins.slice(start, end);
  for (let offset = 0; offset < packed.length; offset++) {
    const entry = packed[offset] ?? 0;
    const key = Math.floor(entry / places);
    keys[start + offset] = key;
    origins[start + offset] = moved[entry - key * places] ?? 0;
  }
}

/** Sorts the rows of one account by key, keeping the order of equal keys; rows already in order are only checked. */
function sortSegment(keys: number[], origins: number[], start: number, end: number): void {
  for (let index = start + 1; index < end; index++) {
    if ((keys[index] ?? 0) >= (keys[index - 1] ?? 0)) continue;
    if (end - start <= insertionSortLength) insertionSort(keys, origins, start, end);
    else packedSort(keys, origins, start, end);
    return;
  }
}

/** Whether every read row has an account, the accounts are in order and each account's rows are in key order. */
function isGrouped(read: ReadRows<unknown>): boolean {
  const { accounts, keys } = read;
  let account = 0;
  let key = -Infinity;
  for (let index = 0; index < read.count; index++) {
    const next = accounts[index] ?? 0;
    const nextKey = keys[index] ?? 0;
    if (next < account || (next === account && nextKey < key)) return false;
    account = next;
    key = nextKey;
  }
  return true;
}

/**
 * Groups read rows by account: a list in grouped order already is kept as it
 * was read, its keys taken over; any other with a counting sort (linear in
 * rows), then each account's rows ordered by key.
 *
 * @internal
 */
export function groupRows<Row>(read: ReadRows<Row>, accountCount: number): GroupedRows<Row> {
  const readCount = read.count;
  const offsets = zeros(accountCount + 1);
  for (let index = 0; index < readCount; index++) {
    const slot = (read.accounts[index] ?? 0) + 1;
    if (slot > 0) offsets[slot] = (offsets[slot] ?? 0) + 1;
  }
  for (let account = 0; account < accountCount; account++) {
    offsets[account + 1] = (offsets[account + 1] ?? 0) + (offsets[account] ?? 0);
  }
  if (isGrouped(read)) return { source: read.source, keys: read.keys, origins: null, offsets };
  const count = offsets[accountCount] ?? 0;
  const next = offsets.slice(0, accountCount);
  const keys = zeros(count);
  const origins = zeros(count);
  for (let index = 0; index < readCount; index++) {
    const account = read.accounts[index] ?? 0;
    if (account < 0) continue;
    const position = next[account] ?? 0;
    next[account] = position + 1;
    keys[position] = read.keys[index] ?? 0;
    origins[position] = index;
  }
  for (let account = 0; account < accountCount; account++) {
    sortSegment(keys, origins, offsets[account] ?? 0, offsets[account + 1] ?? 0);
  }
  return { source: read.source, keys, origins, offsets };
}

/**
 * What is kept of each row of a list while it is read, in list order: the
 * fingerprint of its id, a small code and a number, each list using them for
 * its own facts. The fingerprints, read only while the list is checked, are
 * one column that serves every list in turn; a list's codes and numbers are
 * its own (empty when its reader keeps none), since a list in grouped order
 * already keeps them as they were read.
 *
 * @internal
 */
export interface ReadColumns {
  readonly fingerprints: number[];
  readonly codes: number[];
  readonly numbers: number[];
}

/**
 * Reads one row of a list: the sort key (a day, a month) of a row whose
 * fields snapshots read are valid, `NaN` for one that is not; what later
 * walks need of the row goes into the {@link ReadColumns} at `index`, its
 * place in the list, while the row is at hand.
 *
 * @internal
 */
export type RowReader = (value: unknown, index: number) => number;

/**
 * A number standing for an id, from its length and last two characters:
 * equal ids have equal fingerprints, so ids whose fingerprints differ need
 * no comparing, and reading them costs nothing the id check has not paid.
 *
 * @internal
 */
export function fingerprintOf(id: string): number {
  const length = id.length;
  return length * 65_536 + id.charCodeAt(length - 1) * 256 + (id.charCodeAt(length - 2) & 255);
}

/**
 * A column read in list order, put in grouped order: `column[origins[k]]` at
 * `k`, so a walk over an account's rows reads numbers instead of the rows.
 * For a list in grouped order already, the column itself: it is the list's
 * own, not written again.
 *
 * @internal
 */
export function inGroupedOrder(grouped: GroupedRows<unknown>, column: Column): Column {
  const { origins } = grouped;
  if (origins === null) return column;
  const ordered = zeros(origins.length);
  for (let k = 0; k < origins.length; k++) ordered[k] = column[origins[k] ?? 0] ?? 0;
  return ordered;
}

/** `rows[index]` for an index the caller knows to be in range, which `noUncheckedIndexedAccess` cannot see. @internal */
export function rowAt<Row>(rows: readonly Row[], index: number): Row {
  return rows[index] as Row;
}
