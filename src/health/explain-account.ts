import { type CalendarDate, type Contribution, type ContributionValue, type Explanation } from '../core/internal.js';
import { groupPart, healthLine, measureParts, weakestLine, type ExplanationMemo } from './explanation-memo.js';
import type {
  AppliedOverride,
  GroupContribution,
  HealthScore,
  HealthTrend,
  ManualOverride,
  MeasureContribution,
} from './health-score.js';
import { missing, ok, scoreMeasures, type MeasurePoints } from './measure-points.js';
import { bandIndexOf, combinePoints, roundScore, type ScorecardModel } from './scorecard-model.js';

/** What one account is scored with besides its snapshot, already validated. @internal */
export interface AccountContext {
  readonly asOfDay: number;
  /** The previous score, or null. */
  readonly previousScore: number | null;
  /** The previous displayed band, or null. */
  readonly previousBand: string | null;
  /** The index of the band hysteresis starts from, or −1. */
  readonly previousBandIndex: number;
  readonly previousSnapshot: object | undefined;
  /** The manual overrides of this account, in precedence order. */
  readonly manual: readonly ManualOverride[];
}

function valueOf(value: unknown): ContributionValue {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return [...value];
  return null;
}

/**
 * Rounds contributions to tenths so that they add up to the rounded score
 * exactly: each is floored, and the tenths still missing go to the largest
 * remainders, the earlier measure first on a tie.
 */
function tenthsOf(raw: Float64Array, totalTenths: number, tenths: Int32Array, remainders: Float64Array): void {
  let sum = 0;
  for (let index = 0; index < raw.length; index++) {
    const scaled = (raw[index] ?? Number.NaN) * 10;
    const floor = Math.floor(scaled);
    tenths[index] = floor;
    remainders[index] = scaled - floor;
    sum += floor;
  }
  for (let extra = Math.min(raw.length, totalTenths - sum); extra > 0; extra--) {
    let best = 0;
    for (let index = 1; index < raw.length; index++)
      if ((remainders[index] ?? Number.NaN) > (remainders[best] ?? Number.NaN)) best = index;
    tenths[best] = (tenths[best] ?? Number.NaN) + 1;
    remainders[best] = -1;
  }
}

/** Fills the effective shares of measures and groups after redistribution, and each group's points (NaN for none). */
function effectiveWeights(model: ScorecardModel, points: MeasurePoints): void {
  const { effective, measureShare, groupShare, groupPoints, groupWeight } = points;
  measureShare.fill(0);
  groupShare.fill(0);
  let groupSum = 0;
  for (const entry of model.groups) {
    let sum = 0;
    let weights = 0;
    for (const index of entry.measures) {
      const value = effective[index] ?? Number.NaN;
      if (value === value) {
        const weight = model.measureWeights[index] ?? Number.NaN;
        sum += weight * value;
        weights += weight;
      }
    }
    groupWeight[entry.index] = weights;
    groupPoints[entry.index] = weights > 0 ? sum / weights : Number.NaN;
    if (weights > 0) groupSum += entry.weight;
  }
  for (const entry of model.groups) {
    const weights = groupWeight[entry.index] ?? Number.NaN;
    if (weights === 0) continue;
    const share = entry.weight / groupSum;
    groupShare[entry.index] = share;
    for (const index of entry.measures) {
      const value = effective[index] ?? Number.NaN;
      if (value === value) measureShare[index] = share * ((model.measureWeights[index] ?? Number.NaN) / weights);
    }
  }
}

function overrideOf(
  model: ScorecardModel,
  snapshot: object,
  asOf: CalendarDate,
  context: AccountContext,
): AppliedOverride | null {
  for (const manual of context.manual) {
    if (asOf < manual.expiresOn) {
      return {
        kind: 'manual',
        id: `manual:${manual.accountId}`,
        label: manual.reason,
        band: manual.band,
        setBy: manual.setBy ?? null,
        expiresOn: manual.expiresOn,
      };
    }
  }
  if (model.overrides.length === 0) return null;
  const ruleContext = context.previousSnapshot === undefined ? { asOf } : { asOf, previous: context.previousSnapshot };
  for (const override of model.overrides) {
    if (override.test(snapshot, ruleContext))
      return { kind: 'rule', id: override.id, label: override.label, band: override.band };
  }
  return null;
}

function trendOf(model: ScorecardModel, score: number | null, previous: number | null): HealthTrend | null {
  if (score === null || previous === null) return null;
  const delta = roundScore(score - previous);
  const flat = delta === 0 || Math.abs(delta) < model.scorecard.trend.flatWithin;
  return { direction: flat ? 'flat' : delta > 0 ? 'up' : 'down', delta };
}

/** The labels of the contributions `pick` accepts: three at most, then how many more. */
function listed(contributions: readonly MeasureContribution[], pick: (entry: MeasureContribution) => boolean): string {
  let text = '';
  let count = 0;
  for (const entry of contributions) {
    if (!pick(entry)) continue;
    count++;
    if (count <= 3) text = count === 1 ? entry.label : `${text}, ${entry.label}`;
  }
  return count <= 3 ? text : `${text} and ${String(count - 3)} more`;
}

const isUnseen = (entry: MeasureContribution): boolean => entry.status === 'missing' && entry.policy !== 'neutral';
const isStale = (entry: MeasureContribution): boolean => entry.status === 'stale';

function headlineOf(
  model: ScorecardModel,
  result: Omit<HealthScore, 'explanation'>,
  memo: ExplanationMemo | undefined,
): string {
  const { contributions } = result;
  if (result.score === null) {
    const failed = contributions.find((entry) => entry.policy === 'failed');
    return failed === undefined
      ? 'No health score: no measure has data'
      : `No health score: ${failed.label} is ${failed.status} and the scorecard needs it`;
  }
  const trend =
    result.trend === null || result.trend.direction === 'flat'
      ? ''
      : `, ${result.trend.direction} ${String(Math.abs(result.trend.delta))}`;
  const was = result.previousBand !== null && result.previousBand !== result.band ? `, was ${result.previousBand}` : '';
  const health =
    trend === '' && was === ''
      ? healthLine(memo, result.score, result.band)
      : `Health ${String(result.score)} (${result.band ?? 'no band'}${was})${trend}`;
  let weakest = -1;
  let lowest = Infinity;
  for (let index = 0; index < contributions.length; index++) {
    const entry = contributions[index];
    if (entry !== undefined && entry.points !== null && entry.weight > 0 && (weakest < 0 || entry.points < lowest)) {
      weakest = index;
      lowest = entry.points;
    }
  }
  const measure = model.measures[weakest];
  return measure === undefined ? health : health + weakestLine(memo, measure, roundScore(lowest));
}

function summaryOf(
  model: ScorecardModel,
  result: Omit<HealthScore, 'explanation'>,
  memo: ExplanationMemo | undefined,
): string {
  let summary = headlineOf(model, result, memo);
  // Measures scored neutral on missing data (nothing overdue) are not news; the rest are, three at most.
  if (result.missing.length > 0) {
    const unseen = listed(result.contributions, isUnseen);
    if (unseen !== '') summary += `; missing: ${unseen}`;
  }
  if (result.stale.length > 0) summary += `; stale: ${listed(result.contributions, isStale)}`;
  const override = result.overriddenBy;
  if (override !== null)
    summary += `; band set to ${override.band} by ${override.kind === 'rule' ? 'rule' : 'manual override'} "${override.label}"`;
  return summary;
}

/** Stands in for the explanation while the summary is written from the rest of the result. */
const unexplained: Explanation = Object.freeze({ summary: '', contributions: [] });

/** The shared empty list of ids, for the many accounts with nothing missing or stale. */
const noIds: readonly string[] = Object.freeze([]);

/** The tenths of the score each measure contributed, rounded so that they add up to the score exactly. */
function contributedTenths(model: ScorecardModel, points: MeasurePoints, score: number | null): void {
  const { raw, measureShare, groupShare, groupPoints } = points;
  raw.fill(0);
  if (score !== null) {
    effectiveWeights(model, points);
    for (let index = 0; index < model.measures.length; index++) {
      const share = measureShare[index] ?? Number.NaN;
      raw[index] = share > 0 ? share * (points.effective[index] ?? Number.NaN) : 0;
    }
  } else {
    measureShare.fill(0);
    groupShare.fill(0);
    groupPoints.fill(Number.NaN);
  }
  tenthsOf(raw, score === null ? 0 : Math.round(score * 10), points.tenths, points.remainders);
}

function groupsOf(
  model: ScorecardModel,
  points: MeasurePoints,
  memo: ExplanationMemo | undefined,
): GroupContribution[] {
  const { groups } = model;
  const parts = new Array<GroupContribution>(groups.length);
  for (let index = 0; index < groups.length; index++) {
    const group = groups[index];
    if (group === undefined) continue;
    let groupTenths = 0;
    for (const measure of group.measures) groupTenths += points.tenths[measure] ?? Number.NaN;
    parts[index] = groupPart(
      memo,
      group,
      points.groupPoints[index] ?? Number.NaN,
      points.groupShare[index] ?? Number.NaN,
      groupTenths,
    );
  }
  return parts;
}

/**
 * The full health result of one snapshot, whose `id` and `asOf` are already
 * checked; `points` is a scratch buffer. With a `memo`, contributions the
 * same as another account's are that account's shared frozen objects.
 *
 * @internal
 */
export function explainAccount(
  model: ScorecardModel,
  snapshot: object,
  points: MeasurePoints,
  context: AccountContext,
  memo?: ExplanationMemo,
): HealthScore {
  const record = snapshot as { readonly id: string; readonly asOf: CalendarDate };
  scoreMeasures(model, snapshot, context.asOfDay, points);
  const raw = points.failed >= 0 ? Number.NaN : combinePoints(model, points.effective);
  const score = raw === raw ? roundScore(raw) : null;
  contributedTenths(model, points, score);
  const { measures } = model;
  const contributions = new Array<MeasureContribution>(measures.length);
  const explained = new Array<Contribution>(measures.length);
  let missingIds: string[] | undefined;
  let staleIds: string[] | undefined;
  for (let index = 0; index < measures.length; index++) {
    const measure = measures[index];
    if (measure === undefined) continue;
    const status = points.status[index] ?? ok;
    if (status === missing) (missingIds ??= []).push(measure.id);
    else if (status !== ok) (staleIds ??= []).push(measure.id);
    const parts = measureParts(
      memo,
      model,
      measure,
      status,
      valueOf(points.seen[index]),
      points.effective[index] ?? Number.NaN,
      points.scored[index] ?? Number.NaN,
      points.measureShare[index] ?? Number.NaN,
      points.tenths[index] ?? Number.NaN,
    );
    contributions[index] = parts.contribution;
    explained[index] = parts.explained;
  }
  const bandIndex =
    score === null ? -1 : bandIndexOf(model.bandFrom, model.scorecard.hysteresis, score, context.previousBandIndex);
  const scoreBand = bandIndex < 0 ? null : (model.bandIds[bandIndex] ?? null);
  const overriddenBy = overrideOf(model, snapshot, record.asOf, context);
  const result: Omit<HealthScore, 'explanation'> & { explanation: Explanation } = {
    accountId: record.id,
    asOf: record.asOf,
    score,
    nullReason: score !== null ? null : points.failed >= 0 ? 'measure_failed' : 'no_data',
    band: overriddenBy?.band ?? scoreBand,
    scoreBand,
    previousBand: context.previousBand,
    trend: trendOf(model, score, context.previousScore),
    contributions,
    groups: groupsOf(model, points, memo),
    missing: missingIds ?? noIds,
    stale: staleIds ?? noIds,
    overriddenBy,
    explanation: unexplained,
  };
  result.explanation = { summary: summaryOf(model, result, memo), contributions: explained };
  return result;
}
