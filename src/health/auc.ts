import { at } from '../core/internal.js';
import { normalQuantile } from '../metrics/index.js';

/**
 * The area under the ROC curve of a health score as a churn predictor,
 * with its confidence interval: the chance that a retained account scores
 * above a churned one, ties counting half (Mann–Whitney U ÷ n₁n₀), 0–1.
 * 0.5 is a coin toss, 1 a perfect ranking.
 *
 * @example
 * ```ts
 * import type { Auc } from 'successkit/health';
 *
 * const auc: Auc = { value: 0.8, lower: 0.71, upper: 0.89, confidence: 0.95, churned: 40, retained: 360 };
 * ```
 */
export interface Auc {
  readonly value: number;
  /** Bounds of the Hanley–McNeil (1982) interval, clamped to 0–1. */
  readonly lower: number;
  readonly upper: number;
  readonly confidence: number;
  readonly churned: number;
  readonly retained: number;
}

/**
 * The Mann–Whitney AUC of scores against churn labels (1 churned), with
 * the Hanley–McNeil standard error; `null` without both classes.
 *
 * @internal
 */
export function mannWhitneyAuc(scores: ArrayLike<number>, churned: ArrayLike<number>, confidence: number): Auc | null {
  const order = Array.from({ length: scores.length }, (_, index) => index).sort(
    (a, b) => at(scores, a) - at(scores, b),
  );
  let rankSumRetained = 0;
  let retained = 0;
  for (let start = 0; start < order.length;) {
    let end = start;
    const value = scores[at(order, start)] ?? 0;
    while (end + 1 < order.length && scores[at(order, end + 1)] === value) end++;
    const rank = (start + end + 2) / 2;
    for (let position = start; position <= end; position++) {
      if (churned[at(order, position)] !== 1) {
        rankSumRetained += rank;
        retained++;
      }
    }
    start = end + 1;
  }
  const lost = order.length - retained;
  if (retained === 0 || lost === 0) return null;
  const value = (rankSumRetained - (retained * (retained + 1)) / 2) / (retained * lost);
  const q1 = value / (2 - value);
  const q2 = (2 * value * value) / (1 + value);
  const variance =
    (value * (1 - value) + (lost - 1) * (q1 - value * value) + (retained - 1) * (q2 - value * value)) /
    (retained * lost);
  const margin = normalQuantile(1 - (1 - confidence) / 2) * Math.sqrt(Math.max(0, variance));
  return {
    value,
    lower: Math.max(0, value - margin),
    upper: Math.min(1, value + margin),
    confidence,
    churned: lost,
    retained,
  };
}
