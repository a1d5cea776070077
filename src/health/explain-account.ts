import {
  at,
  quoteText,
  type CalendarDate,
  type Contribution,
  type ContributionValue,
  type Explanation,
} from '../core/internal.js';
import type {
  AppliedOverride,
  AppliedPolicy,
  GroupContribution,
  HealthScore,
  HealthTrend,
  ManualOverride,
  MeasureContribution,
  MeasureStatus,
} from './health-score.js';
import { missing, ok, scoreMeasures, type MeasurePoints } from './measure-points.js';
import { bandIndexOf, combinePoints, roundScore, type MeasureModel, type ScorecardModel } from './scorecard-model.js';

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

const statusNames: readonly MeasureStatus[] = ['ok', 'missing', 'stale'];

function valueOf(value: unknown): ContributionValue {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return [...value];
  return null;
}

function describe(value: ContributionValue): string {
  if (value === null) return 'no value';
  if (typeof value === 'number') return String(Math.round(value * 1000) / 1000);
  if (typeof value === 'string') return quoteText(value, 40);
  return typeof value === 'boolean' ? (value ? 'yes' : 'no') : quoteText(value.join(', '), 40);
}

function policyName(measure: MeasureModel, status: number): AppliedPolicy {
  if (status === ok) return 'scored';
  const policy = status === missing ? measure.missing : (measure.stale?.policy ?? measure.missing);
  return policy.kind === 'redistribute' ? 'redistributed' : policy.kind === 'fail' ? 'failed' : policy.kind;
}

function consequenceOf(applied: AppliedPolicy, points: number): string {
  switch (applied) {
    case 'scored':
      return `scores ${String(roundScore(points))} of 100`;
    case 'redistributed':
      return 'its weight went to the other measures';
    case 'neutral':
      return `counted as a neutral ${String(points)} of 100`;
    case 'zero':
      return 'counted as 0 of 100';
    case 'failed':
      return 'the score cannot be given without it';
  }
}

function noteOf(
  measure: MeasureModel,
  status: number,
  value: ContributionValue,
  points: number,
  applied: AppliedPolicy,
): string {
  const seen = `${measure.label} ${describe(value)}`;
  if (status === ok) return `${seen} ${consequenceOf(applied, points)}`;
  const why =
    status === missing
      ? value === null
        ? 'missing'
        : 'cannot be scored'
      : `older than ${String(measure.stale?.maxAgeDays)} days by ${measure.stale?.dateField ?? ''}`;
  return `${seen}: ${why}; ${consequenceOf(applied, points)}`;
}

/**
 * Rounds contributions to tenths so that they add up to the rounded score
 * exactly: each is floored, and the tenths still missing go to the largest
 * remainders, the earlier measure first on a tie.
 */
function tenthsOf(raw: Float64Array, totalTenths: number, tenths: Int32Array, remainders: Float64Array): void {
  let sum = 0;
  for (let index = 0; index < raw.length; index++) {
    const scaled = at(raw, index) * 10;
    const floor = Math.floor(scaled);
    tenths[index] = floor;
    remainders[index] = scaled - floor;
    sum += floor;
  }
  for (let extra = Math.min(raw.length, totalTenths - sum); extra > 0; extra--) {
    let best = 0;
    for (let index = 1; index < raw.length; index++) if (at(remainders, index) > at(remainders, best)) best = index;
    tenths[best] = at(tenths, best) + 1;
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
      const value = at(effective, index);
      if (value === value) {
        const weight = at(model.measureWeights, index);
        sum += weight * value;
        weights += weight;
      }
    }
    groupWeight[entry.index] = weights;
    groupPoints[entry.index] = weights > 0 ? sum / weights : Number.NaN;
    if (weights > 0) groupSum += entry.weight;
  }
  for (const entry of model.groups) {
    const weights = at(groupWeight, entry.index);
    if (weights === 0) continue;
    const share = entry.weight / groupSum;
    groupShare[entry.index] = share;
    for (const index of entry.measures) {
      const value = at(effective, index);
      if (value === value) measureShare[index] = share * (at(model.measureWeights, index) / weights);
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

function listed(labels: readonly string[]): string {
  return labels.length <= 3
    ? labels.join(', ')
    : `${labels.slice(0, 3).join(', ')} and ${String(labels.length - 3)} more`;
}

function summaryOf(result: Omit<HealthScore, 'explanation'>): string {
  const parts: string[] = [];
  if (result.score === null) {
    const failed = result.contributions.find((entry) => entry.policy === 'failed');
    parts.push(
      failed === undefined
        ? 'No health score: no measure has data'
        : `No health score: ${failed.label} is ${failed.status} and the scorecard needs it`,
    );
  } else {
    const trend =
      result.trend === null || result.trend.direction === 'flat'
        ? ''
        : `, ${result.trend.direction} ${String(Math.abs(result.trend.delta))}`;
    const was =
      result.previousBand !== null && result.previousBand !== result.band ? `, was ${result.previousBand}` : '';
    parts.push(`Health ${String(result.score)} (${result.band ?? 'no band'}${was})${trend}`);
    const scored = result.contributions.filter((entry) => entry.points !== null && entry.weight > 0);
    const weakest = scored.reduce<MeasureContribution | undefined>(
      (low, entry) => (low === undefined || (entry.points ?? 0) < (low.points ?? 0) ? entry : low),
      undefined,
    );
    if (weakest !== undefined)
      parts.push(`weakest: ${weakest.label} (${String(roundScore(weakest.points ?? 0))} of 100)`);
  }
  // Measures scored neutral on missing data (nothing overdue) are not news; the rest are, three at most.
  const unseen = result.contributions.filter((entry) => entry.status === 'missing' && entry.policy !== 'neutral');
  if (unseen.length > 0) parts.push(`missing: ${listed(unseen.map((entry) => entry.label))}`);
  const old = result.contributions.filter((entry) => entry.status === 'stale');
  if (old.length > 0) parts.push(`stale: ${listed(old.map((entry) => entry.label))}`);
  if (result.overriddenBy !== null)
    parts.push(
      `band set to ${result.overriddenBy.band} by ${result.overriddenBy.kind === 'rule' ? 'rule' : 'manual override'} "${result.overriddenBy.label}"`,
    );
  return parts.join('; ');
}

/**
 * The full health result of one snapshot, whose `id` and `asOf` are already
 * checked; `points` is a scratch buffer.
 *
 * @internal
 */
export function explainAccount(
  model: ScorecardModel,
  snapshot: object,
  points: MeasurePoints,
  context: AccountContext,
): HealthScore {
  const record = snapshot as { readonly id: string; readonly asOf: CalendarDate };
  scoreMeasures(model, snapshot, context.asOfDay, points);
  const raw = points.failed >= 0 ? Number.NaN : combinePoints(model, points.effective);
  const score = raw === raw ? roundScore(raw) : null;
  const { raw: rawContributions, tenths, measureShare, groupShare, groupPoints } = points;
  rawContributions.fill(0);
  if (score !== null) {
    effectiveWeights(model, points);
    for (let index = 0; index < model.measures.length; index++) {
      const share = at(measureShare, index);
      rawContributions[index] = share > 0 ? share * at(points.effective, index) : 0;
    }
  } else {
    measureShare.fill(0);
    groupShare.fill(0);
    groupPoints.fill(Number.NaN);
  }
  tenthsOf(rawContributions, score === null ? 0 : Math.round(score * 10), tenths, points.remainders);
  const contributions: MeasureContribution[] = [];
  const explained: Contribution[] = [];
  const missingIds: string[] = [];
  const staleIds: string[] = [];
  for (const measure of model.measures) {
    const status = points.status[measure.index] ?? ok;
    const value = valueOf(measure.read(snapshot));
    const applied = policyName(measure, status);
    const effective = at(points.effective, measure.index);
    const counted = effective === effective && applied !== 'failed';
    const weight = at(measureShare, measure.index);
    const contributed = at(tenths, measure.index) / 10;
    const note = noteOf(measure, status, value, counted ? effective : at(points.scored, measure.index), applied);
    if (status === missing) missingIds.push(measure.id);
    else if (status !== ok) staleIds.push(measure.id);
    contributions.push({
      id: measure.id,
      label: measure.label,
      group: model.groups[measure.groupIndex]?.id ?? '',
      field: measure.field,
      value,
      points: counted ? roundScore(effective) : null,
      weight,
      nominalWeight: measure.nominalWeight,
      contributed,
      status: statusNames[status] ?? 'ok',
      policy: applied,
      note,
    });
    explained.push({ id: measure.id, label: measure.label, value, weight, points: contributed, note });
  }
  const groups = model.groups.map((group): GroupContribution => {
    const own = at(groupPoints, group.index);
    let groupTenths = 0;
    for (const index of group.measures) groupTenths += at(tenths, index);
    return {
      id: group.id,
      label: group.label,
      points: own === own ? roundScore(own) : null,
      weight: at(groupShare, group.index),
      nominalWeight: group.nominalWeight,
      contributed: groupTenths / 10,
    };
  });
  const bandIndex =
    score === null ? -1 : bandIndexOf(model.bandFrom, model.scorecard.hysteresis, score, context.previousBandIndex);
  const scoreBand = bandIndex < 0 ? null : (model.bandIds[bandIndex] ?? null);
  const overriddenBy = overrideOf(model, snapshot, record.asOf, context);
  const result: Omit<HealthScore, 'explanation'> & { explanation: Explanation } = {
    accountId: record.id,
    asOf: record.asOf,
    score,
    nullReason: score !== null ? null : points.failed >= 0 ? ('measure_failed' as const) : ('no_data' as const),
    band: overriddenBy?.band ?? scoreBand,
    scoreBand,
    previousBand: context.previousBand,
    trend: trendOf(model, score, context.previousScore),
    contributions,
    groups,
    missing: missingIds,
    stale: staleIds,
    overriddenBy,
    explanation: { summary: '', contributions: explained },
  };
  result.explanation = { summary: summaryOf(result), contributions: explained };
  return result;
}
