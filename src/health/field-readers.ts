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
 * Adds `weight` × the points of one field of `length` snapshots from
 * `start` to `sum[0 … length)` and returns true; returns false at the
 * first value that cannot be scored, with `sum` partly added. Reads and
 * scores each value in one pass, without a column in between.
 *
 * @internal
 */
export type FieldAdder = (
  rows: readonly object[],
  start: number,
  length: number,
  weight: number,
  sum: Float64Array,
) => boolean;

type SlotReader = (
  rows: readonly object[],
  start: number,
  length: number,
  field: string,
  conversion: Conversion,
  out: Float64Array,
) => void;

type SlotAdder = (
  rows: readonly object[],
  start: number,
  length: number,
  field: string,
  conversion: Conversion,
  points: (value: number) => number,
  weight: number,
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

// The readers and adders below are the same function written out once per slot, on purpose. V8 keeps
// the inline cache of a property read per function literal: one literal reading a different field for
// each measure sees many names and goes megamorphic, about four times slower than `row.field`, and
// reading the fields dominates scoring objects. One literal per measure of a scorecard keeps each read
// monomorphic, and its call of `points` sees one scorer, which V8 then inlines into the loop. The row is
// cast rather than typed as an index signature so that the read stays a plain keyed load.
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

const slotAdders: readonly SlotAdder[] = [
  (rows, start, length, field, conversion, points, weight, sum) => {
    for (let row = 0; row < length; row++) {
      const earned = points(numberOf((rows[start + row] as Record<string, unknown>)[field], conversion));
      if (earned !== earned) return false;
      sum[row] = (sum[row] ?? 0) + weight * earned;
    }
    return true;
  },
  (rows, start, length, field, conversion, points, weight, sum) => {
    for (let row = 0; row < length; row++) {
      const earned = points(numberOf((rows[start + row] as Record<string, unknown>)[field], conversion));
      if (earned !== earned) return false;
      sum[row] = (sum[row] ?? 0) + weight * earned;
    }
    return true;
  },
  (rows, start, length, field, conversion, points, weight, sum) => {
    for (let row = 0; row < length; row++) {
      const earned = points(numberOf((rows[start + row] as Record<string, unknown>)[field], conversion));
      if (earned !== earned) return false;
      sum[row] = (sum[row] ?? 0) + weight * earned;
    }
    return true;
  },
  (rows, start, length, field, conversion, points, weight, sum) => {
    for (let row = 0; row < length; row++) {
      const earned = points(numberOf((rows[start + row] as Record<string, unknown>)[field], conversion));
      if (earned !== earned) return false;
      sum[row] = (sum[row] ?? 0) + weight * earned;
    }
    return true;
  },
  (rows, start, length, field, conversion, points, weight, sum) => {
    for (let row = 0; row < length; row++) {
      const earned = points(numberOf((rows[start + row] as Record<string, unknown>)[field], conversion));
      if (earned !== earned) return false;
      sum[row] = (sum[row] ?? 0) + weight * earned;
    }
    return true;
  },
  (rows, start, length, field, conversion, points, weight, sum) => {
    for (let row = 0; row < length; row++) {
      const earned = points(numberOf((rows[start + row] as Record<string, unknown>)[field], conversion));
      if (earned !== earned) return false;
      sum[row] = (sum[row] ?? 0) + weight * earned;
    }
    return true;
  },
  (rows, start, length, field, conversion, points, weight, sum) => {
    for (let row = 0; row < length; row++) {
      const earned = points(numberOf((rows[start + row] as Record<string, unknown>)[field], conversion));
      if (earned !== earned) return false;
      sum[row] = (sum[row] ?? 0) + weight * earned;
    }
    return true;
  },
  (rows, start, length, field, conversion, points, weight, sum) => {
    for (let row = 0; row < length; row++) {
      const earned = points(numberOf((rows[start + row] as Record<string, unknown>)[field], conversion));
      if (earned !== earned) return false;
      sum[row] = (sum[row] ?? 0) + weight * earned;
    }
    return true;
  },
  (rows, start, length, field, conversion, points, weight, sum) => {
    for (let row = 0; row < length; row++) {
      const earned = points(numberOf((rows[start + row] as Record<string, unknown>)[field], conversion));
      if (earned !== earned) return false;
      sum[row] = (sum[row] ?? 0) + weight * earned;
    }
    return true;
  },
  (rows, start, length, field, conversion, points, weight, sum) => {
    for (let row = 0; row < length; row++) {
      const earned = points(numberOf((rows[start + row] as Record<string, unknown>)[field], conversion));
      if (earned !== earned) return false;
      sum[row] = (sum[row] ?? 0) + weight * earned;
    }
    return true;
  },
  (rows, start, length, field, conversion, points, weight, sum) => {
    for (let row = 0; row < length; row++) {
      const earned = points(numberOf((rows[start + row] as Record<string, unknown>)[field], conversion));
      if (earned !== earned) return false;
      sum[row] = (sum[row] ?? 0) + weight * earned;
    }
    return true;
  },
  (rows, start, length, field, conversion, points, weight, sum) => {
    for (let row = 0; row < length; row++) {
      const earned = points(numberOf((rows[start + row] as Record<string, unknown>)[field], conversion));
      if (earned !== earned) return false;
      sum[row] = (sum[row] ?? 0) + weight * earned;
    }
    return true;
  },
];

/**
 * An adder of field `field` (one property, no dots) for the measure in
 * `slot`, scoring each number (a yes/no field's `true` and `false` as 1 and
 * 0) with `points`, or null past the last slot, as {@link fieldReaderOf}.
 *
 * @internal
 */
export function fieldAdderOf(
  slot: number,
  field: string,
  isYesNo: boolean,
  points: (value: number) => number,
): FieldAdder | null {
  const add = slotAdders[slot];
  if (add === undefined) return null;
  const conversion = isYesNo ? yesNo : numeric;
  return (rows, start, length, weight, sum) => add(rows, start, length, field, conversion, points, weight, sum);
}
