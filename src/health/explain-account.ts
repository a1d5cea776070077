import { quoteText, type CalendarDate, type ContributionValue } from '../core/internal.js';
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

function noteOf(
  measure: MeasureModel,
  status: number,
  value: ContributionValue,
  points: number,
  applied: AppliedPolicy,
): string {
  const seen = `${measure.label} ${describe(value)}`;
  const consequence: Record<AppliedPolicy, string> = {
    scored: `scores ${String(roundScore(points))} of 100`,
    redistributed: 'its weight went to the other measures',
    neutral: `counted as a neutral ${String(points)} of 100`,
    zero: 'counted as 0 of 100',
    failed: 'the score cannot be given without it',
  };
  if (status === ok) return `${seen} ${consequence.scored}`;
  const why =
    status === missing
      ? value === null
        ? 'missing'
        : 'cannot be scored'
      : `older than ${String(measure.stale?.maxAgeDays)} days by ${measure.stale?.dateField ?? ''}`;
  return `${seen}: ${why}; ${consequence[applied]}`;
}

/** Rounds contributions to tenths so that they add up to the rounded score exactly (largest remainder). */
function tenthsOf(raw: Float64Array, totalTenths: number): Int32Array {
  const tenths = new Int32Array(raw.length);
  const remainders: [number, number][] = [];
  let sum = 0;
  raw.forEach((value, index) => {
    const scaled = value * 10;
    const floor = Math.floor(scaled);
    tenths[index] = floor;
    sum += floor;
    remainders.push([scaled - floor, index]);
  });
  remainders.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let extra = Math.max(0, Math.min(raw.length, totalTenths - sum)), at = 0; extra > 0; extra--, at++) {
    const index = remainders[at]?.[1] ?? 0;
    tenths[index] = (tenths[index] ?? 0) + 1;
  }
  return tenths;
}

interface Weights {
  readonly measure: Float64Array;
  readonly group: Float64Array;
  readonly groupPoints: Float64Array;
}

/** The effective shares of measures and groups after redistribution. */
function effectiveWeights(model: ScorecardModel, effective: Float64Array): Weights {
  const measure = new Float64Array(model.measures.length);
  const group = new Float64Array(model.groups.length);
  const groupPoints = new Float64Array(model.groups.length).fill(Number.NaN);
  const inGroup = new Float64Array(model.groups.length);
  let groupSum = 0;
  for (const entry of model.groups) {
    let sum = 0;
    let weights = 0;
    for (const index of entry.measures) {
      const points = effective[index] ?? Number.NaN;
      if (points === points) {
        sum += (model.measureWeights[index] ?? 0) * points;
        weights += model.measureWeights[index] ?? 0;
      }
    }
    inGroup[entry.index] = weights;
    if (weights > 0) {
      groupPoints[entry.index] = sum / weights;
      groupSum += entry.weight;
    }
  }
  for (const entry of model.groups) {
    const weights = inGroup[entry.index] ?? 0;
    if (weights === 0 || groupSum === 0) continue;
    group[entry.index] = entry.weight / groupSum;
    for (const index of entry.measures) {
      const points = effective[index] ?? Number.NaN;
      if (points === points)
        measure[index] = (entry.weight / groupSum) * ((model.measureWeights[index] ?? 0) / weights);
    }
  }
  return { measure, group, groupPoints };
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

function summaryOf(result: Omit<HealthScore, 'explanation'>, model: ScorecardModel): string {
  const labels = (ids: readonly string[]): string =>
    ids.map((id) => model.measures.find((measure) => measure.id === id)?.label ?? id).join(', ');
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
  if (result.missing.length > 0) parts.push(`missing: ${labels(result.missing)}`);
  if (result.stale.length > 0) parts.push(`stale: ${labels(result.stale)}`);
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
  const weights = score === null ? null : effectiveWeights(model, points.effective);
  const rawContributions = new Float64Array(model.measures.length);
  if (weights !== null) {
    for (let index = 0; index < model.measures.length; index++) {
      const share = weights.measure[index] ?? 0;
      rawContributions[index] = share > 0 ? share * (points.effective[index] ?? 0) : 0;
    }
  }
  const tenths = tenthsOf(rawContributions, score === null ? 0 : Math.round(score * 10));
  const contributions = model.measures.map((measure): MeasureContribution => {
    const status = points.status[measure.index] ?? ok;
    const value = valueOf(measure.read(snapshot));
    const applied = policyName(measure, status);
    const effective = points.effective[measure.index] ?? Number.NaN;
    const counted = effective === effective && applied !== 'failed';
    return {
      id: measure.id,
      label: measure.label,
      group: model.groups[measure.groupIndex]?.id ?? '',
      field: measure.field,
      value,
      points: counted ? roundScore(effective) : null,
      weight: weights?.measure[measure.index] ?? 0,
      nominalWeight: measure.nominalWeight,
      contributed: (tenths[measure.index] ?? 0) / 10,
      status: statusNames[status] ?? 'ok',
      policy: applied,
      note: noteOf(measure, status, value, counted ? effective : (points.scored[measure.index] ?? 0), applied),
    };
  });
  const groups = model.groups.map((group): GroupContribution => {
    const own = weights?.groupPoints[group.index] ?? Number.NaN;
    let groupTenths = 0;
    for (const index of group.measures) groupTenths += tenths[index] ?? 0;
    return {
      id: group.id,
      label: group.label,
      points: own === own ? roundScore(own) : null,
      weight: weights?.group[group.index] ?? 0,
      nominalWeight: group.nominalWeight,
      contributed: groupTenths / 10,
    };
  });
  const bandIndex =
    score === null ? -1 : bandIndexOf(model.bandFrom, model.scorecard.hysteresis, score, context.previousBandIndex);
  const scoreBand = bandIndex < 0 ? null : (model.bandIds[bandIndex] ?? null);
  const overriddenBy = overrideOf(model, snapshot, record.asOf, context);
  const result = {
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
    missing: contributions.filter((entry) => entry.status === 'missing').map((entry) => entry.id),
    stale: contributions.filter((entry) => entry.status === 'stale').map((entry) => entry.id),
    overriddenBy,
  };
  return {
    ...result,
    explanation: {
      summary: summaryOf(result, model),
      contributions: contributions.map((entry) => ({
        id: entry.id,
        label: entry.label,
        value: entry.value,
        weight: entry.weight,
        points: entry.contributed,
        note: entry.note,
      })),
    },
  };
}
