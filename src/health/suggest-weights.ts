import * as z from 'zod/mini';
import { at, fail, parseWith } from '../core/internal.js';
import { catalogOf, definedScorecard, defineScorecard, type Scorecard } from './define-scorecard.js';
import { EvaluateScorecardInput, evaluationOf, labelled, type Labelled } from './evaluate-scorecard.js';
import type { Auc } from './auc.js';
import { fitLogisticRegression } from './logistic-regression.js';
import type { ScorecardInput } from './scorecard.js';
import { scorePortfolio } from './score-portfolio.js';

/**
 * What {@link suggestWeights} fits on: the input of `evaluateScorecard`,
 * plus the `seed` of the holdout split (default 1), the share of accounts
 * held out (default 0.3) and the L2 penalty (default 1, > 0).
 *
 * @example
 * ```ts
 * import { SuggestWeightsInput } from 'successkit/health';
 *
 * SuggestWeightsInput.parse({ snapshots: [], outcomes: [], horizonDays: 180 }).holdoutShare; // => 0.3
 * ```
 */
export const SuggestWeightsInput = z.extend(EvaluateScorecardInput, {
  seed: z._default(z.int(), 1),
  holdoutShare: z._default(z.number().check(z.gt(0), z.lt(1)), 0.3),
  l2: z._default(z.number().check(z.gt(0), z.maximum(1e6)), 1),
});

/**
 * The input of {@link suggestWeights}; see the {@link SuggestWeightsInput} schema.
 *
 * @example
 * ```ts
 * import type { SuggestWeightsInput } from 'successkit/health';
 *
 * const input: SuggestWeightsInput = { snapshots: [], outcomes: [], horizonDays: 180, seed: 7 };
 * ```
 */
export type SuggestWeightsInput = z.input<typeof SuggestWeightsInput>;

/**
 * One measure's fitted coefficient and the weight proposed for it.
 *
 * @example
 * ```ts
 * import type { SuggestedWeight } from 'successkit/health';
 *
 * const seats: SuggestedWeight = { id: 'seats', label: 'Seats in use', coefficient: -2.1, weight: 48.5, currentWeight: 21 };
 * ```
 */
export interface SuggestedWeight {
  readonly id: string;
  readonly label: string;
  /** Change in the log-odds of churn per 100 points of the measure; below 0 protects. */
  readonly coefficient: number;
  /** Proposed share of the score, points of 100 (one decimal): −coefficient over the sum of the protective ones; 0 for a measure that does not protect. */
  readonly weight: number;
  /** Its nominal share now, points of 100. */
  readonly currentWeight: number;
}

/**
 * Weights a logistic regression of churn on the measures' points proposes,
 * and how the scorecard with them ranks the held-out accounts.
 *
 * @example
 * ```ts
 * import type { WeightSuggestion } from 'successkit/health';
 *
 * const none: WeightSuggestion['auc'] = { before: null, after: null };
 * ```
 */
export interface WeightSuggestion {
  readonly intercept: number;
  readonly weights: readonly SuggestedWeight[];
  /** The scorecard with the proposed weights (groups weighted by the sum of theirs; groups and measures with none left out); `null` when no measure protects. */
  readonly scorecard: Scorecard | null;
  /** AUC on the holdout with the current and the proposed weights. */
  readonly auc: { readonly before: Auc | null; readonly after: Auc | null };
  readonly trainAccounts: number;
  readonly holdoutAccounts: number;
  readonly iterations: number;
}

/** A deterministic uniform draw in [0, 1) for each index (mulberry32). */
function uniforms(seed: number, count: number): number[] {
  let state = seed >>> 0;
  return Array.from({ length: count }, () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  });
}

function subset(data: Labelled, keep: readonly boolean[]): Labelled {
  return {
    results: data.results.filter((_, index) => keep[index]),
    snapshots: data.snapshots.filter((_, index) => keep[index]),
    labels: data.labels.filter((_, index) => keep[index]),
    dropped: data.dropped,
  };
}

/** The features of each result: each measure's points ÷ 100 where it was seen, the training mean elsewhere. */
function featuresOf(data: Labelled, ids: readonly string[], means: readonly number[]): number[][] {
  return data.results.map((result) =>
    ids.map((id, column) => {
      const entry = result.contributions.find((contribution) => contribution.id === id);
      return entry?.status === 'ok' && entry.points !== null ? entry.points / 100 : (means[column] ?? 0.5);
    }),
  );
}

function meansOf(data: Labelled, ids: readonly string[]): number[] {
  return ids.map((id) => {
    let sum = 0;
    let count = 0;
    for (const result of data.results) {
      const entry = result.contributions.find((contribution) => contribution.id === id);
      if (entry?.status === 'ok' && entry.points !== null) {
        sum += entry.points / 100;
        count++;
      }
    }
    return count === 0 ? 0.5 : sum / count;
  });
}

function suggestedScorecard(scorecard: Scorecard, weightOf: ReadonlyMap<string, number>): Scorecard | null {
  const groups = scorecard.groups
    .map((group) => {
      const measures = group.measures.filter((measure) => (weightOf.get(measure.id) ?? 0) > 0);
      const weight = measures.reduce((sum, measure) => sum + (weightOf.get(measure.id) ?? 0), 0);
      return {
        ...group,
        weight,
        measures: measures.map((measure) => ({ ...measure, weight: weightOf.get(measure.id) ?? 0 })),
      };
    })
    .filter((group) => group.measures.length > 0);
  if (groups.length === 0) return null;
  const { id, label, bands, hysteresis, trend, overrides } = scorecard;
  return defineScorecard(
    { id: `${id}-suggested`, label: `${label} (suggested weights)`, groups, bands, hysteresis, trend, overrides },
    { fields: catalogOf(scorecard) },
  );
}

/** The holdout scored again with another scorecard, without the accounts it cannot score. */
function rescored(scorecard: Scorecard, holdout: Labelled): Labelled {
  const results = scorePortfolio(scorecard, holdout.snapshots);
  const keep = results.map((result) => result.score !== null);
  return {
    results: results.filter((_, index) => keep[index]),
    snapshots: holdout.snapshots.filter((_, index) => keep[index]),
    labels: holdout.labels.filter((_, index) => keep[index]),
    dropped: holdout.dropped,
  };
}

/**
 * Proposes measure weights from churn outcomes: fits an L2-regularised
 * logistic regression of churn within the horizon on each measure's points
 * (÷ 100; a measure without a value takes its training mean), by
 * Newton–Raphson from zero, on the accounts a seeded split keeps for
 * training. A measure's weight is its protective coefficient's share;
 * measures whose points go with more churn get 0. Reports the AUC on the
 * held-out accounts before and after. Deterministic for a seed.
 *
 * @param scorecard - a {@link Scorecard}, or a plain {@link ScorecardInput} checked against `snapshotFields`
 * @param input - see {@link SuggestWeightsInput}
 * @returns the {@link WeightSuggestion}
 * @throws {@link core!SuccessKitError} `invalid_input` for bad input (path `input…`); `fit_failed` when the regression has no unique fit
 *
 * @example
 * ```ts
 * import { defaultScorecard, suggestWeights } from 'successkit/health';
 * import { samplePortfolio } from 'successkit/sample';
 * import { accountSnapshots } from 'successkit/snapshot';
 *
 * const portfolio = samplePortfolio({ accounts: 400, seed: 1, asOf: '2026-09-30' });
 * const suggestion = suggestWeights(defaultScorecard, {
 *   snapshots: accountSnapshots(portfolio, { asOf: '2026-03-31' }).snapshots,
 *   outcomes: portfolio.accounts.map((account) => ({ accountId: account.id, churnDate: account.churnDate ?? null })),
 *   horizonDays: 183,
 * });
 * suggestion.weights.reduce((sum, entry) => sum + entry.weight, 0) > 99.5; // => true
 * ```
 */
export function suggestWeights(scorecard: Scorecard | ScorecardInput, input: SuggestWeightsInput): WeightSuggestion {
  const defined = definedScorecard(scorecard);
  const parsed = parseWith(SuggestWeightsInput, input, { path: ['input'] });
  const data = labelled(defined, parsed);
  const draws = uniforms(parsed.seed, data.results.length);
  const train = subset(
    data,
    draws.map((draw) => draw >= parsed.holdoutShare),
  );
  const holdout = subset(
    data,
    draws.map((draw) => draw < parsed.holdoutShare),
  );
  const churnedInTraining = train.labels.reduce((sum, label) => sum + label, 0);
  if (churnedInTraining === 0 || churnedInTraining === train.labels.length) {
    fail(
      'fit_failed',
      ['input'],
      `the training accounts need both churned and retained ones, got ${String(churnedInTraining)} churned of ${String(train.labels.length)}`,
    );
  }
  const measures = defined.groups.flatMap((group) => group.measures);
  const ids = measures.map((measure) => measure.id);
  const means = meansOf(train, ids);
  const fit = fitLogisticRegression(featuresOf(train, ids, means), train.labels, parsed.l2);
  const protective = fit.coefficients.reduce((sum, value) => sum + Math.max(0, -value), 0);
  const nominal = new Map(
    defined.groups.flatMap((group) => {
      const total = defined.groups.reduce((sum, entry) => sum + entry.weight, 0);
      const inGroup = group.measures.reduce((sum, measure) => sum + measure.weight, 0);
      return group.measures.map(
        (measure) => [measure.id, (100 * group.weight * measure.weight) / (total * inGroup)] as const,
      );
    }),
  );
  const weights = measures.map((measure, column): SuggestedWeight => {
    const coefficient = at(fit.coefficients, column);
    return {
      id: measure.id,
      label: measure.label,
      coefficient,
      weight: protective === 0 ? 0 : Math.round((1000 * Math.max(0, -coefficient)) / protective) / 10,
      currentWeight: Math.round(10 * (nominal.get(measure.id) ?? 0)) / 10,
    };
  });
  const suggested =
    protective === 0 ? null : suggestedScorecard(defined, new Map(weights.map((entry) => [entry.id, entry.weight])));
  const before = evaluationOf(defined, holdout, parsed.confidence).auc;
  const after =
    suggested === null ? null : evaluationOf(suggested, rescored(suggested, holdout), parsed.confidence).auc;
  return {
    intercept: fit.intercept,
    weights,
    scorecard: suggested,
    auc: { before, after },
    trainAccounts: train.results.length,
    holdoutAccounts: holdout.results.length,
    iterations: fit.iterations,
  };
}
