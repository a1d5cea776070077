import { at } from '../core/internal.js';
import type { MeasureScoring } from './scorecard.js';

/**
 * Fills `out[0 … length)` with the points of `length` values from `start`:
 * one tight loop per scoring type, so the loop's arithmetic is inlined and
 * the scores agree to the bit with the one-value scorers.
 *
 * @internal
 */
export type ColumnFiller = (column: Float64Array, start: number, length: number, out: Float64Array) => void;

/** The same for snapshot objects, reading one field. @internal */
export type ObjectFiller = (rows: readonly object[], start: number, length: number, out: Float64Array) => void;

/** Reads a value for the object fillers: the field of the row, or its path. @internal */
export type ValueReader = (row: object) => unknown;

function linearColumn(min: number, max: number, invert: boolean): ColumnFiller {
  const span = max - min;
  return (column, start, length, out) => {
    for (let row = 0; row < length; row++) {
      const value = at(column, start + row);
      if (!(value > -Infinity && value < Infinity)) out[row] = Number.NaN;
      else {
        const share = value <= min ? 0 : value >= max ? 1 : (value - min) / span;
        out[row] = invert ? 100 - 100 * share : 100 * share;
      }
    }
  };
}

function linearObjects(
  read: ValueReader,
  field: string | null,
  min: number,
  max: number,
  invert: boolean,
): ObjectFiller {
  const span = max - min;
  return (rows, start, length, out) => {
    for (let row = 0; row < length; row++) {
      const snapshot = rows[start + row] ?? {};
      const value = field === null ? read(snapshot) : (snapshot as Record<string, unknown>)[field];
      if (typeof value !== 'number' || !(value > -Infinity && value < Infinity)) out[row] = Number.NaN;
      else {
        const share = value <= min ? 0 : value >= max ? 1 : (value - min) / span;
        out[row] = invert ? 100 - 100 * share : 100 * share;
      }
    }
  };
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

function thresholdOf(value: number, from: Float64Array, below: Float64Array, points: Float64Array): number {
  if (!(value > -Infinity && value < Infinity)) return Number.NaN;
  for (let index = 0; index < points.length; index++) {
    if (value >= at(from, index) && value < at(below, index)) return at(points, index);
  }
  return Number.NaN;
}

/**
 * Column and object fillers of a scoring. `field` is the property to read
 * when the path has one step: read in the filler itself, each scoring
 * type's loop sees only its own measures' fields, where one shared reader
 * would see them all and go megamorphic. Dotted paths go through `read`.
 *
 * @internal
 */
export function fillersOf(
  scoring: MeasureScoring,
  read: ValueReader,
  field: string | null,
  columnPoints: (value: number) => number,
  points: (value: unknown) => number,
): { readonly column: ColumnFiller; readonly objects: ObjectFiller } {
  if (scoring.type === 'linear') {
    const invert = scoring.invert === true;
    return {
      column: linearColumn(scoring.min, scoring.max, invert),
      objects: linearObjects(read, field, scoring.min, scoring.max, invert),
    };
  }
  if (scoring.type === 'thresholds') {
    const { from, below, points: earned } = rangesOf(scoring.ranges);
    return {
      column: (column, start, length, out) => {
        for (let row = 0; row < length; row++) out[row] = thresholdOf(at(column, start + row), from, below, earned);
      },
      objects: (rows, start, length, out) => {
        for (let row = 0; row < length; row++) {
          const snapshot = rows[start + row] ?? {};
          const value = field === null ? read(snapshot) : (snapshot as Record<string, unknown>)[field];
          out[row] = typeof value === 'number' ? thresholdOf(value, from, below, earned) : Number.NaN;
        }
      },
    };
  }
  return {
    column: (column, start, length, out) => {
      for (let row = 0; row < length; row++) out[row] = columnPoints(at(column, start + row));
    },
    objects: (rows, start, length, out) => {
      for (let row = 0; row < length; row++) out[row] = points(read(rows[start + row] ?? {}));
    },
  };
}
