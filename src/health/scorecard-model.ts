import { isCalendarDate, toEpochDay } from '../core/internal.js';
import { compileRule, type RulePredicate } from '../rules/index.js';
import type { Scorecard } from './define-scorecard.js';
import { fillersOf, type ColumnAdder, type ColumnFiller, type ObjectFiller } from './block-fillers.js';
import { fieldReaderOf, type FieldReader } from './field-readers.js';
import type { MeasureScoring, MissingPolicy, ThresholdRange } from './scorecard.js';

/** What missing or stale data counts as: excluded (NaN), fixed points, or a failed score. @internal */
export type PolicyModel =
  | { readonly kind: 'redistribute'; readonly points: number }
  | { readonly kind: 'neutral' | 'zero'; readonly points: number }
  | { readonly kind: 'fail'; readonly points: number };

/** One measure, ready to score. @internal */
export interface MeasureModel {
  readonly index: number;
  readonly id: string;
  readonly label: string;
  readonly field: string;
  readonly groupIndex: number;
  readonly scoring: MeasureScoring;
  /** The measure's weight as written. */
  readonly weight: number;
  /** Group share × measure share when nothing is missing, 0–1. */
  readonly nominalWeight: number;
  readonly read: (snapshot: object) => unknown;
  /** Points 0–100 of a value read from a snapshot; NaN when it cannot be scored. */
  readonly points: (value: unknown) => number;
  /** Points of a column value (a category's index, 1/0 for yes/no); NaN when missing. */
  readonly columnPoints: (value: number) => number;
  /** The categories of a `bands` scoring, in the order column values index them. */
  readonly categories: readonly string[];
  /** Points of a block of column values, as `columnPoints` gives them. */
  readonly fillColumn: ColumnFiller;
  /** Adds weighted points of a block of column values to sums, while all can be scored. */
  readonly addColumn: ColumnAdder;
  /** Points of a block of snapshots, as `points(read(snapshot))` gives them. */
  readonly fillObjects: ObjectFiller;
  /** Reads the field of a block of snapshots as the column `fillColumn` scores, when the field is one property and the scoring takes numbers or yes/no; else null. */
  readonly readField: FieldReader | null;
  /** Points of one number (a yes/no value as 1 or 0), as `addColumn` scores it. */
  readonly numberPoints: (value: number) => number;
  readonly missing: PolicyModel;
  readonly stale: {
    readonly read: (snapshot: object) => unknown;
    readonly maxAgeDays: number;
    readonly policy: PolicyModel;
    readonly dateField: string;
  } | null;
}

/** A group of measures, ready to score. @internal */
export interface GroupModel {
  readonly index: number;
  readonly id: string;
  readonly label: string;
  readonly weight: number;
  readonly nominalWeight: number;
  readonly measures: readonly number[];
}

/** A scorecard, ready to score. @internal */
export interface ScorecardModel {
  readonly scorecard: Scorecard;
  readonly measures: readonly MeasureModel[];
  readonly groups: readonly GroupModel[];
  /** Measure weights as written, by measure index. */
  readonly measureWeights: Float64Array;
  readonly groupWeights: Float64Array;
  /** One past the index of each group's last measure: measures are numbered group by group. */
  readonly groupEnds: Int32Array;
  /** Band lower bounds, ascending. */
  readonly bandFrom: Float64Array;
  readonly bandIds: readonly string[];
  readonly bandIndex: ReadonlyMap<string, number>;
  readonly overrides: readonly {
    readonly id: string;
    readonly label: string;
    readonly band: string;
    readonly test: RulePredicate;
  }[];
}

function policyOf(policy: MissingPolicy | undefined): PolicyModel {
  if (policy === undefined || policy === 'redistribute') return { kind: 'redistribute', points: Number.NaN };
  if (policy === 'zero') return { kind: 'zero', points: 0 };
  if (policy === 'fail') return { kind: 'fail', points: Number.NaN };
  return { kind: 'neutral', points: policy.neutral };
}

const forbidden = new Set(['__proto__', 'constructor', 'prototype']);

/** A reader of a field path: one own property, or a dotted path through own properties of records. @internal */
export function fieldReader(field: string): (snapshot: object) => unknown {
  const steps = field.split('.');
  if (steps.length === 1) {
    // A plain property read, own or inherited: catalog paths cannot name __proto__, constructor or
    // prototype, and an inherited method is a function, which no scoring accepts: it counts as missing.
    return (snapshot) => (snapshot as Record<string, unknown>)[field];
  }
  return (snapshot) => {
    let value: unknown = snapshot;
    for (const step of steps) {
      if (typeof value !== 'object' || value === null || forbidden.has(step) || !Object.hasOwn(value, step))
        return undefined;
      value = (value as Record<string, unknown>)[step];
    }
    return value;
  };
}

function linearPoints(min: number, max: number, invert: boolean): (value: number) => number {
  const span = max - min;
  return (value) => {
    if (!Number.isFinite(value)) return Number.NaN;
    const share = value <= min ? 0 : value >= max ? 1 : (value - min) / span;
    return invert ? 100 - 100 * share : 100 * share;
  };
}

function thresholdPoints(ranges: readonly ThresholdRange[]): (value: number) => number {
  const from = ranges.map((range) => range.from ?? -Infinity);
  const below = ranges.map((range) => range.below ?? Infinity);
  const points = ranges.map((range) => range.points);
  return (value) => {
    if (!Number.isFinite(value)) return Number.NaN;
    for (let index = 0; index < points.length; index++) {
      if (value >= (from[index] ?? Number.NaN) && value < (below[index] ?? Number.NaN))
        return points[index] ?? Number.NaN;
    }
    return Number.NaN;
  };
}

interface Scorer {
  readonly points: (value: unknown) => number;
  readonly columnPoints: (value: number) => number;
  readonly categories: readonly string[];
}

function scorerOf(scoring: MeasureScoring): Scorer {
  switch (scoring.type) {
    case 'linear': {
      const numeric = linearPoints(scoring.min, scoring.max, scoring.invert === true);
      return {
        points: (value) => (typeof value === 'number' ? numeric(value) : Number.NaN),
        columnPoints: numeric,
        categories: [],
      };
    }
    case 'thresholds': {
      const numeric = thresholdPoints(scoring.ranges);
      return {
        points: (value) => (typeof value === 'number' ? numeric(value) : Number.NaN),
        columnPoints: numeric,
        categories: [],
      };
    }
    case 'bands': {
      const categories = Object.keys(scoring.points);
      const byIndex = categories.map((category) => scoring.points[category] ?? Number.NaN);
      const otherwise = scoring.otherwise ?? Number.NaN;
      return {
        points: (value) =>
          typeof value !== 'string'
            ? Number.NaN
            : Object.hasOwn(scoring.points, value)
              ? (scoring.points[value] ?? otherwise)
              : otherwise,
        columnPoints: (value) =>
          Number.isInteger(value) && value >= 0 && value < byIndex.length ? (byIndex[value] ?? Number.NaN) : Number.NaN,
        categories,
      };
    }
    case 'boolean': {
      const yes = scoring.whenTrue ?? 100;
      const no = scoring.whenFalse ?? 0;
      return {
        points: (value) => (value === true ? yes : value === false ? no : Number.NaN),
        columnPoints: (value) => (value === 1 ? yes : value === 0 ? no : Number.NaN),
        categories: [],
      };
    }
  }
}

const models = new WeakMap<Scorecard, ScorecardModel>();

function buildModel(scorecard: Scorecard): ScorecardModel {
  const groupTotal = scorecard.groups.reduce((sum, group) => sum + group.weight, 0);
  const measures: MeasureModel[] = [];
  const groups: GroupModel[] = scorecard.groups.map((group, groupIndex) => {
    const measureTotal = group.measures.reduce((sum, measure) => sum + measure.weight, 0);
    const indices = group.measures.map((measure) => {
      const scorer = scorerOf(measure.scoring);
      const index = measures.length;
      const stale = measure.stale;
      const read = fieldReader(measure.field);
      const fillers = fillersOf(measure.scoring, read, scorer.columnPoints, scorer.points);
      measures.push({
        index,
        id: measure.id,
        label: measure.label,
        field: measure.field,
        groupIndex,
        scoring: measure.scoring,
        weight: measure.weight,
        nominalWeight: (group.weight / groupTotal) * (measure.weight / measureTotal),
        read,
        fillColumn: fillers.column,
        addColumn: fillers.addColumn,
        fillObjects: fillers.objects,
        readField:
          measure.field.includes('.') || measure.scoring.type === 'bands'
            ? null
            : fieldReaderOf(index, measure.field, measure.scoring.type === 'boolean'),
        numberPoints: fillers.numberPoints,
        points: scorer.points,
        columnPoints: scorer.columnPoints,
        categories: scorer.categories,
        missing: policyOf(measure.missing),
        stale:
          stale === undefined
            ? null
            : {
                read: fieldReader(stale.dateField),
                maxAgeDays: stale.maxAgeDays,
                policy: policyOf(stale.policy),
                dateField: stale.dateField,
              },
      });
      return index;
    });
    return {
      index: groupIndex,
      id: group.id,
      label: group.label,
      weight: group.weight,
      nominalWeight: group.weight / groupTotal,
      measures: indices,
    };
  });
  return {
    scorecard,
    measures,
    groups,
    measureWeights: Float64Array.from(measures, (measure) => measure.weight),
    groupWeights: Float64Array.from(groups, (group) => group.weight),
    groupEnds: Int32Array.from(groups, (group) => (group.measures.at(-1) ?? -1) + 1),
    bandFrom: Float64Array.from(scorecard.bands, (band) => band.from),
    bandIds: scorecard.bands.map((band) => band.id),
    bandIndex: new Map(scorecard.bands.map((band, index) => [band.id, index])),
    overrides: scorecard.overrides.map((override) => ({
      id: override.id,
      label: override.label,
      band: override.band,
      test: compileRule(override.when),
    })),
  };
}

/** The scoring model of a defined scorecard, built once per scorecard. @internal */
export function modelOf(scorecard: Scorecard): ScorecardModel {
  let model = models.get(scorecard);
  if (model === undefined) {
    model = buildModel(scorecard);
    models.set(scorecard, model);
  }
  return model;
}

/** True when the date is unknown or more than `maxAgeDays` before `asOfDay`. @internal */
export function isStaleDate(date: unknown, asOfDay: number, maxAgeDays: number): boolean {
  return !isCalendarDate(date) || asOfDay - toEpochDay(date) > maxAgeDays;
}

/**
 * The raw score (unrounded, 0–100) of effective measure points, NaN for
 * excluded ones: each group's weighted mean of its included measures, then
 * the weighted mean of the groups that have any. NaN when no group has. The
 * one formula every path (object, compiled, columns) uses, so they agree
 * to the bit.
 *
 * @internal
 */
export function combinePoints(model: ScorecardModel, points: ArrayLike<number>): number {
  const { groupEnds, measureWeights, groupWeights } = model;
  let total = 0;
  let groupWeightSum = 0;
  let measure = 0;
  for (let group = 0; group < groupEnds.length; group++) {
    const end = groupEnds[group] ?? Number.NaN;
    let sum = 0;
    let weightSum = 0;
    for (; measure < end; measure++) {
      const value = points[measure] ?? Number.NaN;
      if (value === value) {
        const weight = measureWeights[measure] ?? Number.NaN;
        sum += weight * value;
        weightSum += weight;
      }
    }
    if (weightSum > 0) {
      const groupWeight = groupWeights[group] ?? Number.NaN;
      total += groupWeight * (sum / weightSum);
      groupWeightSum += groupWeight;
    }
  }
  return groupWeightSum > 0 ? total / groupWeightSum : Number.NaN;
}

/** A score rounded to one decimal. @internal */
export function roundScore(raw: number): number {
  return Math.round(raw * 10) / 10;
}

/**
 * The band index of a score (one decimal) given the band of the previous
 * score (−1 for none): with a previous band, the account moves up only
 * when the score is at least the margin above a higher band's start, and
 * down only when it is more than the margin below its band's start.
 *
 * @internal
 */
export function bandIndexOf(bandFrom: Float64Array, margin: number, score: number, previous: number): number {
  let plain = 0;
  let up = -1;
  let down = 0;
  for (let index = 0; index < bandFrom.length; index++) {
    const from = bandFrom[index] ?? Number.NaN;
    if (from <= score) plain = index;
    if (from + margin <= score) up = index;
    if (from - margin <= score) down = index;
  }
  if (previous < 0 || margin === 0) return plain;
  if (up > previous) return up;
  if (down < previous) return down;
  return previous;
}
