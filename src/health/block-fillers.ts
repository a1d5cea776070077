import type { MeasureScoring } from './scorecard.js';

/**
 * Fills `out[0 … length)` with the points of `length` values from `start`
 * and returns how many of them are NaN (missing). Typed arrays are indexed
 * directly in these loops rather than through core's `at`, whose one load
 * site would see every kind of array and slow every loop that inlines it.
 *
 * @internal
 */
export type ColumnFiller = (column: Float64Array, start: number, length: number, out: Float64Array) => number;

/**
 * Adds `weight` × the points of `length` values from `start` to
 * `sum[0 … length)`, and returns true; returns false at the first value
 * that cannot be scored, with `sum` partly added. One tight loop per
 * scoring type, so the arithmetic is inlined, the same as the one-value
 * scorers', and agrees with them to the bit.
 *
 * @internal
 */
export type ColumnAdder = (
  column: Float64Array,
  start: number,
  length: number,
  weight: number,
  sum: Float64Array,
) => boolean;

/** Fills points, as {@link ColumnFiller}, of snapshot objects. @internal */
export type ObjectFiller = (rows: readonly object[], start: number, length: number, out: Float64Array) => number;

/** Reads a value for the object fillers: the field of the row, or its path. @internal */
export type ValueReader = (row: object) => unknown;

/**
 * The points of every whole number from `low` for `values.length` numbers.
 * Counts (tickets, logins, days, features) are whole numbers, and a
 * threshold or linear scale tests each against its breaks, a branch the
 * processor mispredicts on mixed data; looking the points up instead does
 * not branch on the value. The table holds what the scorer itself gives
 * for each number, so the points are the same to the bit.
 */
interface IntegerTable {
  readonly low: number;
  readonly values: Float64Array;
}

/** Whole numbers either side of the breaks a table covers, so that counts past the last break are looked up too. */
const tableMargin = 256;

function integerTable(points: (value: number) => number, lowBreak: number, highBreak: number): IntegerTable | null {
  const low = Math.floor(lowBreak) - tableMargin;
  const size = Math.ceil(highBreak) + tableMargin - low + 1;
  if (!(size > 0 && size <= 4096)) return null;
  return { low, values: Float64Array.from({ length: size }, (_, index) => points(low + index)) };
}

/** Adds points from the table for whole numbers it covers, and from `points` (finite values) for the others. */
function addFromTable(
  table: IntegerTable,
  points: (value: number) => number,
  column: Float64Array,
  start: number,
  length: number,
  weight: number,
  sum: Float64Array,
): boolean {
  const { low, values } = table;
  const size = values.length;
  for (let row = 0; row < length; row++) {
    const value = column[start + row] ?? Number.NaN;
    const index = value - low;
    const earned =
      index >= 0 && index < size && (index | 0) === index
        ? (values[index] ?? Number.NaN)
        : value > -Infinity && value < Infinity
          ? points(value)
          : Number.NaN;
    if (earned !== earned) return false;
    sum[row] = (sum[row] ?? 0) + weight * earned;
  }
  return true;
}

/** Adds points from a table of hundredths for values with at most two decimals it covers, and from `points` for the others. */
function addFromHundredths(
  table: IntegerTable,
  points: (value: number) => number,
  column: Float64Array,
  start: number,
  length: number,
  weight: number,
  sum: Float64Array,
): boolean {
  const { low, values } = table;
  const size = values.length;
  for (let row = 0; row < length; row++) {
    const value = column[start + row] ?? Number.NaN;
    const hundredths = Math.round(value * 100);
    const index = hundredths - low;
    const earned =
      index >= 0 && index < size && hundredths / 100 === value
        ? (values[index] ?? Number.NaN)
        : value > -Infinity && value < Infinity
          ? points(value)
          : Number.NaN;
    if (earned !== earned) return false;
    sum[row] = (sum[row] ?? 0) + weight * earned;
  }
  return true;
}

/** The tables of a measure's points: of whole numbers, and of hundredths for linear scales; null where none is built. */
interface PointTables {
  readonly wholes: IntegerTable | null;
  readonly cents: IntegerTable | null;
}

function pointTables(
  points: (value: number) => number,
  lowBreak: number,
  highBreak: number,
  hundredths: boolean,
): PointTables {
  return {
    wholes: integerTable(points, lowBreak, highBreak),
    cents: hundredths ? integerTable((value) => points(value / 100), lowBreak * 100, highBreak * 100) : null,
  };
}

/**
 * `plain`, or a table when the block starts with a whole number (a block
 * of counts, most likely) or, for `cents`, with a value of at most two
 * decimals (shares and ratios given to the percent).
 */
function withTable(plain: ColumnAdder, points: (value: number) => number, tables: PointTables): ColumnAdder {
  const { wholes, cents } = tables;
  if (wholes === null && cents === null) return plain;
  return (column, start, length, weight, sum) => {
    const first = column[start] ?? Number.NaN;
    if (wholes !== null && Number.isInteger(first))
      return addFromTable(wholes, points, column, start, length, weight, sum);
    if (cents !== null && Math.round(first * 100) / 100 === first)
      return addFromHundredths(cents, points, column, start, length, weight, sum);
    return plain(column, start, length, weight, sum);
  };
}

const noTable: IntegerTable = { low: 0, values: new Float64Array(0) };

/**
 * The points of one value, looked up as the column adders look them up
 * (whole numbers, then hundredths) and from `points` when no table covers
 * it: for scorers that take one value at a time, where no block decides
 * the table.
 */
function lookedUp(points: (value: number) => number, tables: PointTables): (value: number) => number {
  const { low: wholeLow, values: wholeValues } = tables.wholes ?? noTable;
  const { low: centLow, values: centValues } = tables.cents ?? noTable;
  return (value) => {
    const whole = value - wholeLow;
    if (whole >= 0 && whole < wholeValues.length && (whole | 0) === whole) return wholeValues[whole] ?? Number.NaN;
    const hundredths = Math.round(value * 100);
    const cent = hundredths - centLow;
    if (cent >= 0 && cent < centValues.length && hundredths / 100 === value) return centValues[cent] ?? Number.NaN;
    return points(value);
  };
}

/** A measure's column adder and its points of one value, both from the same tables. */
interface TableScorers {
  readonly addColumn: ColumnAdder;
  readonly pointsOf: (value: number) => number;
}

function linearScorers(min: number, max: number, invert: boolean): TableScorers {
  const span = max - min;
  // NaN for a value that is not finite, as the measure's scorer gives: lookedUp falls back on it for any number.
  const points = (value: number): number => {
    if (!(value > -Infinity && value < Infinity)) return Number.NaN;
    const share = value <= min ? 0 : value >= max ? 1 : (value - min) / span;
    return invert ? 100 - 100 * share : 100 * share;
  };
  const plain: ColumnAdder = (column, start, length, weight, sum) => {
    for (let row = 0; row < length; row++) {
      const earned = points(column[start + row] ?? Number.NaN);
      if (earned !== earned) return false;
      sum[row] = (sum[row] ?? 0) + weight * earned;
    }
    return true;
  };
  const tables = pointTables(points, min, max, true);
  return { addColumn: withTable(plain, points, tables), pointsOf: lookedUp(points, tables) };
}

function rangesOf(ranges: Extract<MeasureScoring, { type: 'thresholds' }>['ranges']): {
  from: Float64Array;
  below: Float64Array;
  points: Float64Array;
} {
  return {
    from: Float64Array.from(ranges, (range) => range.from ?? -Infinity),
    below: Float64Array.from(ranges, (range) => range.below ?? Infinity),
    points: Float64Array.from(ranges, (range) => range.points),
  };
}

/**
 * The points of the range a value falls in. Ranges of a defined scorecard
 * ascend and touch, each starting where the one before ends (a gap or an
 * overlap is `invalid_definition`), so past the first range's start one test
 * a range is enough, as a hand-written `value < 1 ? 100 : value < 2 ? 40 : 0`
 * would do.
 */
function thresholdOf(value: number, from: Float64Array, below: Float64Array, points: Float64Array): number {
  if (!(value > -Infinity && value < Infinity)) return Number.NaN;
  if (!(value >= (from[0] ?? Infinity))) return Number.NaN;
  for (let index = 0; index < points.length; index++)
    if (value < (below[index] ?? -Infinity)) return points[index] ?? Number.NaN;
  return Number.NaN;
}

/** Fills `out` from `points` of each row and counts the NaN. */
function fillEach(length: number, out: Float64Array, points: (row: number) => number): number {
  let missing = 0;
  for (let row = 0; row < length; row++) {
    const value = points(row);
    out[row] = value;
    if (value !== value) missing++;
  }
  return missing;
}

function thresholdScorers(ranges: Extract<MeasureScoring, { type: 'thresholds' }>['ranges']): TableScorers {
  const { from, below, points } = rangesOf(ranges);
  const plain: ColumnAdder = (column, start, length, weight, sum) => {
    for (let row = 0; row < length; row++) {
      const earned = thresholdOf(column[start + row] ?? Number.NaN, from, below, points);
      if (earned !== earned) return false;
      sum[row] = (sum[row] ?? 0) + weight * earned;
    }
    return true;
  };
  const breaks = [...from, ...below].filter((value) => Number.isFinite(value));
  const lowBreak = breaks.reduce((low, value) => Math.min(low, value), breaks[0] ?? 0);
  const highBreak = breaks.reduce((high, value) => Math.max(high, value), breaks[0] ?? 0);
  const pointsOf = (value: number): number => thresholdOf(value, from, below, points);
  const tables = pointTables(pointsOf, lowBreak, highBreak, false);
  return { addColumn: withTable(plain, pointsOf, tables), pointsOf: lookedUp(pointsOf, tables) };
}

function yesNoAdder(yes: number, no: number): ColumnAdder {
  return (column, start, length, weight, sum) => {
    for (let row = 0; row < length; row++) {
      const value = column[start + row];
      if (value !== 1 && value !== 0) return false;
      sum[row] = (sum[row] ?? 0) + weight * (value === 1 ? yes : no);
    }
    return true;
  };
}

function eachAdder(columnPoints: (value: number) => number): ColumnAdder {
  return (column, start, length, weight, sum) => {
    for (let row = 0; row < length; row++) {
      const earned = columnPoints(column[start + row] ?? Number.NaN);
      if (earned !== earned) return false;
      sum[row] = (sum[row] ?? 0) + weight * earned;
    }
    return true;
  };
}

/**
 * The block scorers of a measure: its column filler and adder, its object
 * filler (which reads each value with `read`), and its points of one
 * number as the column adder scores it (`columnPoints` but for table
 * lookups), for the run adders of `field-readers.ts`.
 *
 * @internal
 */
export function fillersOf(
  scoring: MeasureScoring,
  read: ValueReader,
  columnPoints: (value: number) => number,
  points: (value: unknown) => number,
): {
  readonly column: ColumnFiller;
  readonly addColumn: ColumnAdder;
  readonly objects: ObjectFiller;
  readonly numberPoints: (value: number) => number;
} {
  const column: ColumnFiller = (values, start, length, out) =>
    fillEach(length, out, (row) => columnPoints(values[start + row] ?? Number.NaN));
  const objects: ObjectFiller = (rows, start, length, out) =>
    fillEach(length, out, (row) => points(read(rows[start + row] ?? {})));
  switch (scoring.type) {
    case 'linear': {
      const scorers = linearScorers(scoring.min, scoring.max, scoring.invert === true);
      return { column, objects, addColumn: scorers.addColumn, numberPoints: scorers.pointsOf };
    }
    case 'thresholds': {
      const scorers = thresholdScorers(scoring.ranges);
      return { column, objects, addColumn: scorers.addColumn, numberPoints: scorers.pointsOf };
    }
    case 'boolean':
      return {
        column,
        objects,
        addColumn: yesNoAdder(scoring.whenTrue ?? 100, scoring.whenFalse ?? 0),
        numberPoints: columnPoints,
      };
    case 'bands':
      return { column, objects, addColumn: eachAdder(columnPoints), numberPoints: columnPoints };
  }
}
