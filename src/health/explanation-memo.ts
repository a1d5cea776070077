import type { Contribution, ContributionValue } from '../core/internal.js';
import type { AppliedPolicy, GroupContribution, MeasureContribution } from './health-score.js';
import { measureNote } from './measure-note.js';
import { missing, ok } from './measure-points.js';
import { roundScore, type GroupModel, type MeasureModel, type ScorecardModel } from './scorecard-model.js';

/** A measure's part of one score, as it shows in `contributions` and in `explanation.contributions`. @internal */
export interface MeasureParts {
  readonly contribution: MeasureContribution;
  readonly explained: Contribution;
}

/** The parts of one measure, status and value, and the note they share. */
interface ValueParts {
  readonly note: string;
  /** The points that counted, one decimal, or null. */
  readonly points: number | null;
  /** One entry per effective weight and contribution in tenths seen with this value. */
  readonly variants: { readonly weight: number; readonly tenths: number; readonly parts: MeasureParts }[];
}

type MemoKey = number | string | boolean | null;

interface ValueMemo {
  /** Whole numbers 0 to `countLimit` − 1, the usual counts, by index: no hashing. */
  readonly counts: (ValueParts | undefined)[];
  readonly others: Map<MemoKey, ValueParts>;
}

interface MeasureMemo {
  /** By status (ok, missing, stale), then by the value seen. */
  readonly byStatus: readonly [ValueMemo, ValueMemo, ValueMemo];
  size: number;
}

interface GroupMemo {
  /** By the group's points in tenths (0–1,000), 1,001 for none. */
  readonly byTenths: (
    { readonly weight: number; readonly tenths: number; readonly part: GroupContribution }[] | undefined
  )[];
}

/**
 * Contributions shared by the accounts of one portfolio. A measure's part
 * of a score depends only on its status, the value seen, its effective
 * weight and its contribution in tenths, and a portfolio repeats the same
 * few of those over and over (counts, yes/no, categories, ranges, no data):
 * one frozen object for each, shared by every account that has it, is much
 * less to build, hold and collect than two new objects and a sentence per
 * measure and account. Held for one call only, and bounded per measure so
 * that a column of distinct values does not grow it without end.
 *
 * @internal
 */
export interface ExplanationMemo {
  readonly measures: readonly MeasureMemo[];
  readonly groups: readonly GroupMemo[];
  /** The summary's opening `Health <score> (<band>)`, by band, then score. */
  readonly healthLines: Map<string | null, Map<number, string>>;
  /** The summary's `; weakest: <label> (<points> of 100)`, by measure, then points. */
  readonly weakestLines: readonly Map<number, string>[];
}

/**
 * The summary of a result opens with its score and band: `Health 81.5 (green)`.
 * Scores have one decimal, so there are at most 1,001 a band to remember.
 *
 * @internal
 */
export function healthLine(memo: ExplanationMemo | undefined, score: number, band: string | null): string {
  let byScore = memo?.healthLines.get(band);
  if (memo !== undefined && byScore === undefined) {
    byScore = new Map();
    memo.healthLines.set(band, byScore);
  }
  let line = byScore?.get(score);
  if (line === undefined) {
    line = `Health ${String(score)} (${band ?? 'no band'})`;
    byScore?.set(score, line);
  }
  return line;
}

/**
 * The summary's weakest measure and its points (one decimal): `; weakest: Seats (40 of 100)`.
 *
 * @internal
 */
export function weakestLine(memo: ExplanationMemo | undefined, measure: MeasureModel, points: number): string {
  const byPoints = memo?.weakestLines[measure.index];
  let line = byPoints?.get(points);
  if (line === undefined) {
    line = `; weakest: ${measure.label} (${String(points)} of 100)`;
    byPoints?.set(points, line);
  }
  return line;
}

/** Whole-number values below it are remembered by index. */
const countLimit = 4096;

function valueMemo(): ValueMemo {
  return { counts: [], others: new Map() };
}

/** Whether a value is remembered by index in `counts`: a whole number from 0 to `countLimit` − 1. */
function isCountKey(value: MemoKey): value is number {
  return typeof value === 'number' && value >= 0 && value < countLimit && (value | 0) === value;
}

function lookUp(memo: ValueMemo, value: MemoKey): ValueParts | undefined {
  return isCountKey(value) ? memo.counts[value] : memo.others.get(value);
}

function remember(memo: ValueMemo, value: MemoKey, parts: ValueParts): void {
  if (isCountKey(value)) memo.counts[value] = parts;
  else memo.others.set(value, parts);
}

/** Distinct parts remembered per measure or group; past it, parts are built for each account. */
const memoLimit = 4096;

/** An empty memo for one call over many accounts. @internal */
export function explanationMemo(model: ScorecardModel): ExplanationMemo {
  return {
    measures: model.measures.map(() => ({ byStatus: [valueMemo(), valueMemo(), valueMemo()], size: 0 })),
    groups: model.groups.map(() => ({ byTenths: [] })),
    healthLines: new Map(),
    weakestLines: model.measures.map(() => new Map()),
  };
}

/** What the measure's policy did, given its status. @internal */
export function policyName(measure: MeasureModel, status: number): AppliedPolicy {
  if (status === ok) return 'scored';
  const policy = status === missing ? measure.missing : (measure.stale?.policy ?? measure.missing);
  return policy.kind === 'redistribute' ? 'redistributed' : policy.kind === 'fail' ? 'failed' : policy.kind;
}

const statusNames = ['ok', 'missing', 'stale'] as const;

function buildParts(
  model: ScorecardModel,
  measure: MeasureModel,
  status: number,
  value: ContributionValue,
  points: number | null,
  note: string,
  weight: number,
  tenths: number,
): MeasureParts {
  const contributed = tenths / 10;
  return {
    contribution: Object.freeze({
      id: measure.id,
      label: measure.label,
      group: model.groups[measure.groupIndex]?.id ?? '',
      field: measure.field,
      value,
      points,
      weight,
      nominalWeight: measure.nominalWeight,
      contributed,
      status: statusNames[status] ?? 'ok',
      policy: policyName(measure, status),
      note,
    }),
    explained: Object.freeze({ id: measure.id, label: measure.label, value, weight, points: contributed, note }),
  };
}

/** The points that counted (one decimal, or null) and the note of a measure's status and value. */
function pointsAndNote(
  measure: MeasureModel,
  status: number,
  value: ContributionValue,
  effective: number,
  scored: number,
): { readonly points: number | null; readonly note: string } {
  const applied = policyName(measure, status);
  const counted = effective === effective && applied !== 'failed';
  return {
    points: counted ? roundScore(effective) : null,
    note: measureNote(measure, status, value, counted ? effective : scored, applied),
  };
}

/**
 * Whether parts with this value may be shared. Lists are not (each is a
 * copy of the caller's), nor long text (a memo must not keep a caller's
 * large values alive), nor −0 (a map key would not tell it from 0).
 */
function rememberable(value: ContributionValue): value is MemoKey {
  if (typeof value === 'object' && value !== null) return false;
  if (typeof value === 'string') return value.length <= 100;
  return !Object.is(value, -0);
}

/**
 * A measure's part of one score: `effective` the points that counted
 * (NaN for none), `scored` the points of the value seen, `weight` its
 * effective share, `tenths` its contribution in tenths of a point. From
 * the memo when one is given and the same parts were built before.
 *
 * @internal
 */
export function measureParts(
  memo: ExplanationMemo | undefined,
  model: ScorecardModel,
  measure: MeasureModel,
  status: number,
  value: ContributionValue,
  effective: number,
  scored: number,
  weight: number,
  tenths: number,
): MeasureParts {
  const measureMemo = memo?.measures[measure.index];
  if (measureMemo === undefined || !rememberable(value)) {
    const { points, note } = pointsAndNote(measure, status, value, effective, scored);
    return buildParts(model, measure, status, value, points, note, weight, tenths);
  }
  const byValue = measureMemo.byStatus[status === ok ? 0 : status === missing ? 1 : 2];
  let entry = lookUp(byValue, value);
  if (entry === undefined) {
    entry = { ...pointsAndNote(measure, status, value, effective, scored), variants: [] };
    if (measureMemo.size < memoLimit) {
      remember(byValue, value, entry);
      measureMemo.size++;
    }
  }
  const { variants } = entry;
  for (const variant of variants) if (variant.weight === weight && variant.tenths === tenths) return variant.parts;
  const parts = buildParts(model, measure, status, value, entry.points, entry.note, weight, tenths);
  if (measureMemo.size < memoLimit) {
    variants.push({ weight, tenths, parts });
    measureMemo.size++;
  }
  return parts;
}

function buildGroup(group: GroupModel, points: number | null, weight: number, tenths: number): GroupContribution {
  return Object.freeze({
    id: group.id,
    label: group.label,
    points,
    weight,
    nominalWeight: group.nominalWeight,
    contributed: tenths / 10,
  });
}

/**
 * A group's part of one score: `points` its own points (NaN for none),
 * `weight` its effective share, `tenths` its contribution in tenths of a
 * point. From the memo when one is given and the same part was built before.
 *
 * @internal
 */
export function groupPart(
  memo: ExplanationMemo | undefined,
  group: GroupModel,
  points: number,
  weight: number,
  tenths: number,
): GroupContribution {
  const rounded = points === points ? roundScore(points) : null;
  const groupMemo = memo?.groups[group.index];
  const key = rounded === null ? 1001 : Math.round(rounded * 10);
  // Points outside 0–100 (never from a defined scorecard) are not remembered.
  if (groupMemo === undefined || !(key >= 0 && key <= 1001)) return buildGroup(group, rounded, weight, tenths);
  let variants = groupMemo.byTenths[key];
  if (variants === undefined) {
    variants = [];
    groupMemo.byTenths[key] = variants;
  }
  for (const variant of variants) if (variant.weight === weight && variant.tenths === tenths) return variant.part;
  const part = buildGroup(group, rounded, weight, tenths);
  // A group's shares and tenths take few values for one points value; past the limit, parts are built each time.
  if (variants.length < 64) variants.push({ weight, tenths, part });
  return part;
}
