/**
 * Reads one field of `length` snapshots from `start` into `out` as numbers
 * a column scorer takes: for a numeric measure the number (NaN for any
 * other type), for a yes/no measure 1 or 0 (NaN for anything but a
 * boolean).
 *
 * @internal
 */
export type FieldReader = (rows: readonly object[], start: number, length: number, out: Float64Array) => void;

/** How a reader turns a value into a number: a number times `scale`, `true` and `false` into `yes` and `no`. */
interface Conversion {
  /** 1 to keep numbers, NaN to make them missing. */
  readonly scale: number;
  readonly yes: number;
  readonly no: number;
}

/**
 * Adds the weighted points of up to four measures of `length` snapshots
 * from `start` to `sum[0 … length)`, measure after measure in the order of
 * the scorecard (the sums come out as from one adder a measure), and
 * returns true; returns false at the first snapshot with a value that
 * cannot be scored, with `sum` partly added. Reads and scores every value
 * of a snapshot in one visit, without a column in between.
 *
 * @internal
 */
export type RunAdder = (rows: readonly object[], start: number, length: number, sum: Float64Array) => boolean;

/** A measure as a run adder scores it: its field, whether it is yes/no, its points of a number and its weight. @internal */
export interface ScoredField {
  readonly field: string;
  readonly isYesNo: boolean;
  readonly points: (value: number) => number;
  readonly weight: number;
}

type SlotReader = (
  rows: readonly object[],
  start: number,
  length: number,
  field: string,
  conversion: Conversion,
  out: Float64Array,
) => void;

/** How a run slot scores one of its fields. */
interface FieldScoring {
  readonly field: string;
  readonly conversion: Conversion;
  readonly points: (value: number) => number;
  readonly weight: number;
}

type RunSlot = (
  rows: readonly object[],
  start: number,
  length: number,
  count: number,
  first: FieldScoring,
  second: FieldScoring,
  third: FieldScoring,
  fourth: FieldScoring,
  sum: Float64Array,
) => boolean;

const numeric: Conversion = { scale: 1, yes: Number.NaN, no: Number.NaN };
const yesNo: Conversion = { scale: Number.NaN, yes: 1, no: 0 };

// Multiplying by the scale, rather than testing the kind of measure, keeps the loop free of a test
// per value; x × 1 is x exactly, −0 and infinities included, and x × NaN is NaN.
function numberOf(value: unknown, conversion: Conversion): number {
  if (typeof value === 'number') return value * conversion.scale;
  return value === true ? conversion.yes : value === false ? conversion.no : Number.NaN;
}

// The readers and run adders below are the same function written out once per slot, on purpose. V8
// keeps the inline cache of a property read per function literal: one literal reading a different field
// for each measure sees many names and goes megamorphic, about four times slower than `row.field`, and
// reading the fields dominates scoring objects. One literal per measure (or run of measures) of a
// scorecard keeps each read monomorphic, and each call of `points` sees one scorer, which V8 then inlines
// into the loop. The row is cast rather than typed as an index signature so that the read stays a plain
// keyed load.
const slots: readonly SlotReader[] = [
  (rows, start, length, field, conversion, out) => {
    for (let row = 0; row < length; row++)
      out[row] = numberOf((rows[start + row] as Record<string, unknown>)[field], conversion);
  },
  (rows, start, length, field, conversion, out) => {
    for (let row = 0; row < length; row++)
      out[row] = numberOf((rows[start + row] as Record<string, unknown>)[field], conversion);
  },
  (rows, start, length, field, conversion, out) => {
    for (let row = 0; row < length; row++)
      out[row] = numberOf((rows[start + row] as Record<string, unknown>)[field], conversion);
  },
  (rows, start, length, field, conversion, out) => {
    for (let row = 0; row < length; row++)
      out[row] = numberOf((rows[start + row] as Record<string, unknown>)[field], conversion);
  },
  (rows, start, length, field, conversion, out) => {
    for (let row = 0; row < length; row++)
      out[row] = numberOf((rows[start + row] as Record<string, unknown>)[field], conversion);
  },
  (rows, start, length, field, conversion, out) => {
    for (let row = 0; row < length; row++)
      out[row] = numberOf((rows[start + row] as Record<string, unknown>)[field], conversion);
  },
  (rows, start, length, field, conversion, out) => {
    for (let row = 0; row < length; row++)
      out[row] = numberOf((rows[start + row] as Record<string, unknown>)[field], conversion);
  },
  (rows, start, length, field, conversion, out) => {
    for (let row = 0; row < length; row++)
      out[row] = numberOf((rows[start + row] as Record<string, unknown>)[field], conversion);
  },
  (rows, start, length, field, conversion, out) => {
    for (let row = 0; row < length; row++)
      out[row] = numberOf((rows[start + row] as Record<string, unknown>)[field], conversion);
  },
  (rows, start, length, field, conversion, out) => {
    for (let row = 0; row < length; row++)
      out[row] = numberOf((rows[start + row] as Record<string, unknown>)[field], conversion);
  },
  (rows, start, length, field, conversion, out) => {
    for (let row = 0; row < length; row++)
      out[row] = numberOf((rows[start + row] as Record<string, unknown>)[field], conversion);
  },
  (rows, start, length, field, conversion, out) => {
    for (let row = 0; row < length; row++)
      out[row] = numberOf((rows[start + row] as Record<string, unknown>)[field], conversion);
  },
];

/**
 * A reader of field `field` (one property, no dots) for the measure in
 * `slot` (its index in the scorecard), or null past the last slot: such
 * measures read their field through their scorer.
 *
 * @internal
 */
export function fieldReaderOf(slot: number, field: string, isYesNo: boolean): FieldReader | null {
  const read = slots[slot];
  if (read === undefined) return null;
  const conversion = isYesNo ? yesNo : numeric;
  return (rows, start, length, out) => {
    read(rows, start, length, field, conversion, out);
  };
}

// A run slot scores up to four measures in one visit of each snapshot: fewer visits are faster, and V8
// inlines the four scorers; more would pass the amount of code it inlines into one function.
const runSlots: readonly RunSlot[] = [
  (rows, start, length, count, first, second, third, fourth, sum) => {
    const { field: field1, conversion: conversion1, points: points1, weight: weight1 } = first;
    const { field: field2, conversion: conversion2, points: points2, weight: weight2 } = second;
    const { field: field3, conversion: conversion3, points: points3, weight: weight3 } = third;
    const { field: field4, conversion: conversion4, points: points4, weight: weight4 } = fourth;
    for (let row = 0; row < length; row++) {
      const snapshot = rows[start + row] as Record<string, unknown>;
      let total = (sum[row] ?? 0) + weight1 * points1(numberOf(snapshot[field1], conversion1));
      if (count > 1) total += weight2 * points2(numberOf(snapshot[field2], conversion2));
      if (count > 2) total += weight3 * points3(numberOf(snapshot[field3], conversion3));
      if (count > 3) total += weight4 * points4(numberOf(snapshot[field4], conversion4));
      // Points are 0–100 or NaN and weights are at least 0: the total is NaN exactly when a value could not be scored.
      if (total !== total) return false;
      sum[row] = total;
    }
    return true;
  },
  (rows, start, length, count, first, second, third, fourth, sum) => {
    const { field: field1, conversion: conversion1, points: points1, weight: weight1 } = first;
    const { field: field2, conversion: conversion2, points: points2, weight: weight2 } = second;
    const { field: field3, conversion: conversion3, points: points3, weight: weight3 } = third;
    const { field: field4, conversion: conversion4, points: points4, weight: weight4 } = fourth;
    for (let row = 0; row < length; row++) {
      const snapshot = rows[start + row] as Record<string, unknown>;
      let total = (sum[row] ?? 0) + weight1 * points1(numberOf(snapshot[field1], conversion1));
      if (count > 1) total += weight2 * points2(numberOf(snapshot[field2], conversion2));
      if (count > 2) total += weight3 * points3(numberOf(snapshot[field3], conversion3));
      if (count > 3) total += weight4 * points4(numberOf(snapshot[field4], conversion4));
      // Points are 0–100 or NaN and weights are at least 0: the total is NaN exactly when a value could not be scored.
      if (total !== total) return false;
      sum[row] = total;
    }
    return true;
  },
  (rows, start, length, count, first, second, third, fourth, sum) => {
    const { field: field1, conversion: conversion1, points: points1, weight: weight1 } = first;
    const { field: field2, conversion: conversion2, points: points2, weight: weight2 } = second;
    const { field: field3, conversion: conversion3, points: points3, weight: weight3 } = third;
    const { field: field4, conversion: conversion4, points: points4, weight: weight4 } = fourth;
    for (let row = 0; row < length; row++) {
      const snapshot = rows[start + row] as Record<string, unknown>;
      let total = (sum[row] ?? 0) + weight1 * points1(numberOf(snapshot[field1], conversion1));
      if (count > 1) total += weight2 * points2(numberOf(snapshot[field2], conversion2));
      if (count > 2) total += weight3 * points3(numberOf(snapshot[field3], conversion3));
      if (count > 3) total += weight4 * points4(numberOf(snapshot[field4], conversion4));
      // Points are 0–100 or NaN and weights are at least 0: the total is NaN exactly when a value could not be scored.
      if (total !== total) return false;
      sum[row] = total;
    }
    return true;
  },
  (rows, start, length, count, first, second, third, fourth, sum) => {
    const { field: field1, conversion: conversion1, points: points1, weight: weight1 } = first;
    const { field: field2, conversion: conversion2, points: points2, weight: weight2 } = second;
    const { field: field3, conversion: conversion3, points: points3, weight: weight3 } = third;
    const { field: field4, conversion: conversion4, points: points4, weight: weight4 } = fourth;
    for (let row = 0; row < length; row++) {
      const snapshot = rows[start + row] as Record<string, unknown>;
      let total = (sum[row] ?? 0) + weight1 * points1(numberOf(snapshot[field1], conversion1));
      if (count > 1) total += weight2 * points2(numberOf(snapshot[field2], conversion2));
      if (count > 2) total += weight3 * points3(numberOf(snapshot[field3], conversion3));
      if (count > 3) total += weight4 * points4(numberOf(snapshot[field4], conversion4));
      // Points are 0–100 or NaN and weights are at least 0: the total is NaN exactly when a value could not be scored.
      if (total !== total) return false;
      sum[row] = total;
    }
    return true;
  },
  (rows, start, length, count, first, second, third, fourth, sum) => {
    const { field: field1, conversion: conversion1, points: points1, weight: weight1 } = first;
    const { field: field2, conversion: conversion2, points: points2, weight: weight2 } = second;
    const { field: field3, conversion: conversion3, points: points3, weight: weight3 } = third;
    const { field: field4, conversion: conversion4, points: points4, weight: weight4 } = fourth;
    for (let row = 0; row < length; row++) {
      const snapshot = rows[start + row] as Record<string, unknown>;
      let total = (sum[row] ?? 0) + weight1 * points1(numberOf(snapshot[field1], conversion1));
      if (count > 1) total += weight2 * points2(numberOf(snapshot[field2], conversion2));
      if (count > 2) total += weight3 * points3(numberOf(snapshot[field3], conversion3));
      if (count > 3) total += weight4 * points4(numberOf(snapshot[field4], conversion4));
      // Points are 0–100 or NaN and weights are at least 0: the total is NaN exactly when a value could not be scored.
      if (total !== total) return false;
      sum[row] = total;
    }
    return true;
  },
  (rows, start, length, count, first, second, third, fourth, sum) => {
    const { field: field1, conversion: conversion1, points: points1, weight: weight1 } = first;
    const { field: field2, conversion: conversion2, points: points2, weight: weight2 } = second;
    const { field: field3, conversion: conversion3, points: points3, weight: weight3 } = third;
    const { field: field4, conversion: conversion4, points: points4, weight: weight4 } = fourth;
    for (let row = 0; row < length; row++) {
      const snapshot = rows[start + row] as Record<string, unknown>;
      let total = (sum[row] ?? 0) + weight1 * points1(numberOf(snapshot[field1], conversion1));
      if (count > 1) total += weight2 * points2(numberOf(snapshot[field2], conversion2));
      if (count > 2) total += weight3 * points3(numberOf(snapshot[field3], conversion3));
      if (count > 3) total += weight4 * points4(numberOf(snapshot[field4], conversion4));
      // Points are 0–100 or NaN and weights are at least 0: the total is NaN exactly when a value could not be scored.
      if (total !== total) return false;
      sum[row] = total;
    }
    return true;
  },
  (rows, start, length, count, first, second, third, fourth, sum) => {
    const { field: field1, conversion: conversion1, points: points1, weight: weight1 } = first;
    const { field: field2, conversion: conversion2, points: points2, weight: weight2 } = second;
    const { field: field3, conversion: conversion3, points: points3, weight: weight3 } = third;
    const { field: field4, conversion: conversion4, points: points4, weight: weight4 } = fourth;
    for (let row = 0; row < length; row++) {
      const snapshot = rows[start + row] as Record<string, unknown>;
      let total = (sum[row] ?? 0) + weight1 * points1(numberOf(snapshot[field1], conversion1));
      if (count > 1) total += weight2 * points2(numberOf(snapshot[field2], conversion2));
      if (count > 2) total += weight3 * points3(numberOf(snapshot[field3], conversion3));
      if (count > 3) total += weight4 * points4(numberOf(snapshot[field4], conversion4));
      // Points are 0–100 or NaN and weights are at least 0: the total is NaN exactly when a value could not be scored.
      if (total !== total) return false;
      sum[row] = total;
    }
    return true;
  },
  (rows, start, length, count, first, second, third, fourth, sum) => {
    const { field: field1, conversion: conversion1, points: points1, weight: weight1 } = first;
    const { field: field2, conversion: conversion2, points: points2, weight: weight2 } = second;
    const { field: field3, conversion: conversion3, points: points3, weight: weight3 } = third;
    const { field: field4, conversion: conversion4, points: points4, weight: weight4 } = fourth;
    for (let row = 0; row < length; row++) {
      const snapshot = rows[start + row] as Record<string, unknown>;
      let total = (sum[row] ?? 0) + weight1 * points1(numberOf(snapshot[field1], conversion1));
      if (count > 1) total += weight2 * points2(numberOf(snapshot[field2], conversion2));
      if (count > 2) total += weight3 * points3(numberOf(snapshot[field3], conversion3));
      if (count > 3) total += weight4 * points4(numberOf(snapshot[field4], conversion4));
      // Points are 0–100 or NaN and weights are at least 0: the total is NaN exactly when a value could not be scored.
      if (total !== total) return false;
      sum[row] = total;
    }
    return true;
  },
  (rows, start, length, count, first, second, third, fourth, sum) => {
    const { field: field1, conversion: conversion1, points: points1, weight: weight1 } = first;
    const { field: field2, conversion: conversion2, points: points2, weight: weight2 } = second;
    const { field: field3, conversion: conversion3, points: points3, weight: weight3 } = third;
    const { field: field4, conversion: conversion4, points: points4, weight: weight4 } = fourth;
    for (let row = 0; row < length; row++) {
      const snapshot = rows[start + row] as Record<string, unknown>;
      let total = (sum[row] ?? 0) + weight1 * points1(numberOf(snapshot[field1], conversion1));
      if (count > 1) total += weight2 * points2(numberOf(snapshot[field2], conversion2));
      if (count > 2) total += weight3 * points3(numberOf(snapshot[field3], conversion3));
      if (count > 3) total += weight4 * points4(numberOf(snapshot[field4], conversion4));
      // Points are 0–100 or NaN and weights are at least 0: the total is NaN exactly when a value could not be scored.
      if (total !== total) return false;
      sum[row] = total;
    }
    return true;
  },
  (rows, start, length, count, first, second, third, fourth, sum) => {
    const { field: field1, conversion: conversion1, points: points1, weight: weight1 } = first;
    const { field: field2, conversion: conversion2, points: points2, weight: weight2 } = second;
    const { field: field3, conversion: conversion3, points: points3, weight: weight3 } = third;
    const { field: field4, conversion: conversion4, points: points4, weight: weight4 } = fourth;
    for (let row = 0; row < length; row++) {
      const snapshot = rows[start + row] as Record<string, unknown>;
      let total = (sum[row] ?? 0) + weight1 * points1(numberOf(snapshot[field1], conversion1));
      if (count > 1) total += weight2 * points2(numberOf(snapshot[field2], conversion2));
      if (count > 2) total += weight3 * points3(numberOf(snapshot[field3], conversion3));
      if (count > 3) total += weight4 * points4(numberOf(snapshot[field4], conversion4));
      // Points are 0–100 or NaN and weights are at least 0: the total is NaN exactly when a value could not be scored.
      if (total !== total) return false;
      sum[row] = total;
    }
    return true;
  },
  (rows, start, length, count, first, second, third, fourth, sum) => {
    const { field: field1, conversion: conversion1, points: points1, weight: weight1 } = first;
    const { field: field2, conversion: conversion2, points: points2, weight: weight2 } = second;
    const { field: field3, conversion: conversion3, points: points3, weight: weight3 } = third;
    const { field: field4, conversion: conversion4, points: points4, weight: weight4 } = fourth;
    for (let row = 0; row < length; row++) {
      const snapshot = rows[start + row] as Record<string, unknown>;
      let total = (sum[row] ?? 0) + weight1 * points1(numberOf(snapshot[field1], conversion1));
      if (count > 1) total += weight2 * points2(numberOf(snapshot[field2], conversion2));
      if (count > 2) total += weight3 * points3(numberOf(snapshot[field3], conversion3));
      if (count > 3) total += weight4 * points4(numberOf(snapshot[field4], conversion4));
      // Points are 0–100 or NaN and weights are at least 0: the total is NaN exactly when a value could not be scored.
      if (total !== total) return false;
      sum[row] = total;
    }
    return true;
  },
  (rows, start, length, count, first, second, third, fourth, sum) => {
    const { field: field1, conversion: conversion1, points: points1, weight: weight1 } = first;
    const { field: field2, conversion: conversion2, points: points2, weight: weight2 } = second;
    const { field: field3, conversion: conversion3, points: points3, weight: weight3 } = third;
    const { field: field4, conversion: conversion4, points: points4, weight: weight4 } = fourth;
    for (let row = 0; row < length; row++) {
      const snapshot = rows[start + row] as Record<string, unknown>;
      let total = (sum[row] ?? 0) + weight1 * points1(numberOf(snapshot[field1], conversion1));
      if (count > 1) total += weight2 * points2(numberOf(snapshot[field2], conversion2));
      if (count > 2) total += weight3 * points3(numberOf(snapshot[field3], conversion3));
      if (count > 3) total += weight4 * points4(numberOf(snapshot[field4], conversion4));
      // Points are 0–100 or NaN and weights are at least 0: the total is NaN exactly when a value could not be scored.
      if (total !== total) return false;
      sum[row] = total;
    }
    return true;
  },
];

/** The most measures one run adder scores. @internal */
export const runLength = 4;

/**
 * A run adder of `fields` (one to {@link runLength} measures of one group,
 * in scorecard order, each field one property) for the run in `slot` (its
 * index among the scorecard's runs), or null past the last slot: such
 * measures are added through their scorer.
 *
 * @internal
 */
export function runAdderOf(slot: number, fields: readonly ScoredField[]): RunAdder | null {
  const add = runSlots[slot];
  const scorings = fields.map((scored): FieldScoring => ({
    field: scored.field,
    conversion: scored.isYesNo ? yesNo : numeric,
    points: scored.points,
    weight: scored.weight,
  }));
  const first = scorings[0];
  if (add === undefined || first === undefined || scorings.length > runLength) return null;
  // Slots past the run's length are never read: `count` stops the loop before them.
  const [, second = first, third = first, fourth = first] = scorings;
  const count = scorings.length;
  return (rows, start, length, sum) => add(rows, start, length, count, first, second, third, fourth, sum);
}
