import * as z from 'zod/mini';
import { at, CalendarDate, Id, parseWith, toEpochDay } from '../core/internal.js';
import { ConfidenceLevel } from '../metrics/index.js';
import { mannWhitneyAuc, type Auc } from './auc.js';
import { definedScorecard, type Scorecard } from './define-scorecard.js';
import type { HealthScore } from './health-score.js';
import type { ScorecardInput } from './scorecard.js';
import { scorePortfolio } from './score-portfolio.js';

/**
 * Whether an account churned, and when: its churn day, or `null` while it
 * is still a customer.
 *
 * @example
 * ```ts
 * import { ChurnOutcome } from 'successkit/health';
 *
 * ChurnOutcome.parse({ accountId: 'acc-1', churnDate: null }).churnDate; // => null
 * ```
 */
export const ChurnOutcome = z.strictObject({ accountId: Id, churnDate: z.nullable(CalendarDate) });

/**
 * One account's outcome; see the {@link ChurnOutcome} schema.
 *
 * @example
 * ```ts
 * import { ChurnOutcome } from 'successkit/health';
 *
 * const lost: ChurnOutcome = ChurnOutcome.parse({ accountId: 'acc-7', churnDate: '2026-04-30' });
 * ```
 */
export type ChurnOutcome = z.infer<typeof ChurnOutcome>;

/**
 * What {@link evaluateScorecard} checks a scorecard against: snapshots
 * taken at past days, each account's churn outcome, and the horizon in
 * days after each snapshot within which a churn counts (1–3650).
 *
 * @example
 * ```ts
 * import { EvaluateScorecardInput } from 'successkit/health';
 *
 * EvaluateScorecardInput.parse({ snapshots: [], outcomes: [], horizonDays: 180 }).confidence; // => 0.95
 * ```
 */
export const EvaluateScorecardInput = z.strictObject({
  snapshots: z.array(z.looseObject({ id: Id, asOf: CalendarDate })),
  outcomes: z.array(ChurnOutcome),
  horizonDays: z.int().check(z.minimum(1), z.maximum(3650)),
  confidence: z._default(ConfidenceLevel, 0.95),
});

/**
 * The input of {@link evaluateScorecard}; see the {@link EvaluateScorecardInput} schema.
 *
 * @example
 * ```ts
 * import type { EvaluateScorecardInput } from 'successkit/health';
 *
 * const input: EvaluateScorecardInput = { snapshots: [], outcomes: [], horizonDays: 365 };
 * ```
 */
export type EvaluateScorecardInput = z.input<typeof EvaluateScorecardInput>;

/**
 * Churn within the horizon among the accounts of one band.
 *
 * @example
 * ```ts
 * import type { BandChurn } from 'successkit/health';
 *
 * const red: BandChurn = { band: 'red', accounts: 40, churned: 14, churnRate: 0.35 };
 * ```
 */
export interface BandChurn {
  readonly band: string;
  readonly accounts: number;
  readonly churned: number;
  /** `churned ÷ accounts`, 0–1; `null` for an empty band. */
  readonly churnRate: number | null;
}

/**
 * One measure's own power to predict churn: the AUC of its points over the
 * accounts where it had a value.
 *
 * @example
 * ```ts
 * import type { MeasureAuc } from 'successkit/health';
 *
 * const seats: MeasureAuc = { id: 'seats', label: 'Seats in use', accounts: 380, auc: null };
 * ```
 */
export interface MeasureAuc {
  readonly id: string;
  readonly label: string;
  /** Accounts where the measure had a value. */
  readonly accounts: number;
  /** `null` when those accounts hold no churned or no retained one. */
  readonly auc: Auc | null;
}

/**
 * How well a scorecard predicted churn.
 *
 * @example
 * ```ts
 * import type { ScorecardEvaluation } from 'successkit/health';
 *
 * const lift: ScorecardEvaluation['lift'] = { value: 5.2, nullReason: null, lowBand: 'red', highBand: 'green' };
 * ```
 */
export interface ScorecardEvaluation {
  /** Snapshots evaluated: scored, with an outcome, not churned yet. */
  readonly accounts: number;
  readonly churned: number;
  /** `churned ÷ accounts`, 0–1; `null` without accounts. */
  readonly churnRate: number | null;
  /** AUC of the score; `null` without both churned and retained accounts. */
  readonly auc: Auc | null;
  /** Churn per band, lowest band first (the band shown, overrides included). */
  readonly bands: readonly BandChurn[];
  /** Churn rate of the lowest band ÷ that of the highest; `null` with the reason. */
  readonly lift: {
    readonly value: number | null;
    readonly nullReason: 'empty_band' | 'no_churn_in_high_band' | null;
    readonly lowBand: string;
    readonly highBand: string;
  };
  readonly measures: readonly MeasureAuc[];
  /** Snapshots left out, by reason. */
  readonly dropped: { readonly noOutcome: number; readonly unscored: number; readonly alreadyChurned: number };
}

/** Scored snapshots with their churn labels (1 churned within the horizon). @internal */
export interface Labelled {
  readonly results: HealthScore[];
  /** The snapshot of each result. */
  readonly snapshots: object[];
  readonly labels: number[];
  readonly dropped: ScorecardEvaluation['dropped'];
}

/** Scores the snapshots and labels each with churn within the horizon. @internal */
export function labelled(scorecard: Scorecard, input: z.output<typeof EvaluateScorecardInput>): Labelled {
  const churnDay = new Map(input.outcomes.map((outcome) => [outcome.accountId, outcome.churnDate]));
  const dropped = { noOutcome: 0, unscored: 0, alreadyChurned: 0 };
  const kept: object[] = [];
  const labels: number[] = [];
  for (const snapshot of input.snapshots) {
    if (!churnDay.has(snapshot.id)) {
      dropped.noOutcome++;
      continue;
    }
    const churn = churnDay.get(snapshot.id) ?? null;
    const from = toEpochDay(snapshot.asOf);
    if (snapshot.status === 'churned' || (churn !== null && toEpochDay(churn) <= from)) {
      dropped.alreadyChurned++;
      continue;
    }
    kept.push(snapshot);
    labels.push(churn !== null && toEpochDay(churn) - from <= input.horizonDays ? 1 : 0);
  }
  const scored = scorePortfolio(scorecard, kept);
  const results: HealthScore[] = [];
  const snapshots: object[] = [];
  const scoredLabels: number[] = [];
  scored.forEach((result, index) => {
    if (result.score === null) dropped.unscored++;
    else {
      results.push(result);
      snapshots.push(kept[index] ?? {});
      scoredLabels.push(at(labels, index));
    }
  });
  return { results, snapshots, labels: scoredLabels, dropped };
}

/** The evaluation of already scored and labelled accounts. @internal */
export function evaluationOf(scorecard: Scorecard, data: Labelled, confidence: number): ScorecardEvaluation {
  const { results, labels } = data;
  const churned = labels.reduce((sum, label) => sum + label, 0);
  const bands = scorecard.bands.map((band): BandChurn => {
    let accounts = 0;
    let lost = 0;
    results.forEach((result, index) => {
      if (result.band !== band.id) return;
      accounts++;
      lost += at(labels, index);
    });
    return { band: band.id, accounts, churned: lost, churnRate: accounts === 0 ? null : lost / accounts };
  });
  const empty: BandChurn = { band: '', accounts: 0, churned: 0, churnRate: null };
  const low = bands[0] ?? empty;
  const high = bands.at(-1) ?? empty;
  const lift =
    low.churnRate === null || high.churnRate === null
      ? { value: null, nullReason: 'empty_band' as const }
      : high.churnRate === 0
        ? { value: null, nullReason: 'no_churn_in_high_band' as const }
        : { value: low.churnRate / high.churnRate, nullReason: null };
  const measures = scorecard.groups.flatMap((group) =>
    group.measures.map((measure): MeasureAuc => {
      const points: number[] = [];
      const outcome: number[] = [];
      results.forEach((result, index) => {
        const entry = result.contributions.find((contribution) => contribution.id === measure.id);
        if (entry?.status !== 'ok' || entry.points === null) return;
        points.push(entry.points);
        outcome.push(at(labels, index));
      });
      return {
        id: measure.id,
        label: measure.label,
        accounts: points.length,
        auc: mannWhitneyAuc(points, outcome, confidence),
      };
    }),
  );
  return {
    accounts: results.length,
    churned,
    churnRate: results.length === 0 ? null : churned / results.length,
    auc: mannWhitneyAuc(
      results.map((result) => result.score ?? 0),
      labels,
      confidence,
    ),
    bands,
    lift: { ...lift, lowBand: low.band, highBand: high.band },
    measures,
    dropped: data.dropped,
  };
}

/**
 * Checks whether a scorecard predicts churn: scores snapshots taken at
 * past days and compares each with whether the account churned within
 * `horizonDays` after its snapshot. Reports the score's AUC (Mann–Whitney,
 * with a Hanley–McNeil confidence interval), churn per band, the lift of
 * the lowest band over the highest, and each measure's own AUC. Snapshots
 * of accounts without an outcome, already churned, or without a score are
 * left out and counted. A snapshot far enough back that the horizon has
 * not passed counts the churn seen so far: take snapshots at least
 * `horizonDays` before the outcomes' day.
 *
 * @param scorecard - a {@link Scorecard}, or a plain {@link ScorecardInput} checked against `snapshotFields`
 * @param input - the snapshots, outcomes and horizon; see {@link EvaluateScorecardInput}
 * @returns the {@link ScorecardEvaluation}
 * @throws {@link core!SuccessKitError} `invalid_definition` for a bad scorecard; `invalid_input` for bad input (path `input…`)
 *
 * @example
 * ```ts
 * import { defineScorecard, evaluateScorecard } from 'successkit/health';
 *
 * const scorecard = defineScorecard({
 *   id: 'seats',
 *   label: 'Seats',
 *   groups: [{ id: 'usage', label: 'Usage', weight: 1, measures: [{ id: 'seats', label: 'Seats in use', field: 'licenseUtilization', weight: 1, scoring: { type: 'linear', min: 0, max: 1 } }] }],
 *   bands: [{ id: 'red', label: 'Red', from: 0 }, { id: 'green', label: 'Green', from: 50 }],
 * });
 * const asOf = '2026-01-31';
 * const evaluation = evaluateScorecard(scorecard, {
 *   snapshots: [0.2, 0.4, 0.6, 0.9].map((licenseUtilization, index) => ({ id: `a${String(index)}`, asOf, licenseUtilization })),
 *   outcomes: [
 *     { accountId: 'a0', churnDate: '2026-03-31' },
 *     { accountId: 'a1', churnDate: null },
 *     { accountId: 'a2', churnDate: '2026-05-31' },
 *     { accountId: 'a3', churnDate: null },
 *   ],
 *   horizonDays: 180,
 * });
 * evaluation.auc?.value; // => 0.75
 * evaluation.bands.map((band) => band.churnRate); // => [0.5, 0.5]
 * ```
 */
export function evaluateScorecard(
  scorecard: Scorecard | ScorecardInput,
  input: EvaluateScorecardInput,
): ScorecardEvaluation {
  const defined = definedScorecard(scorecard);
  const parsed = parseWith(EvaluateScorecardInput, input, { path: ['input'] });
  return evaluationOf(defined, labelled(defined, parsed), parsed.confidence);
}
