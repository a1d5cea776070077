/**
 * The observed value behind a {@link Contribution}: a number, text, yes/no, a
 * list of text, or `null` when the data was missing.
 *
 * @example
 * ```ts
 * import type { ContributionValue } from 'successkit/core';
 *
 * const seatsUsed: ContributionValue = 0.82;
 * ```
 */
export type ContributionValue = number | string | boolean | null | readonly string[];

/**
 * One part of a score or decision and what it added: a health measure, a fit
 * criterion, a segment condition, a playbook trigger.
 *
 * @example
 * ```ts
 * import type { Contribution } from 'successkit/core';
 *
 * const usage: Contribution = {
 *   id: 'license-utilization',
 *   label: 'License utilization',
 *   value: 0.82,
 *   weight: 0.4,
 *   points: 32,
 *   note: '82% of seats active, target 80%',
 * };
 * ```
 */
export interface Contribution {
  /** Stable id of the part (measure, criterion, condition), for UIs and storage. */
  readonly id: string;
  /** Human label of the part. */
  readonly label: string;
  /** What was observed; `null` when the data was missing. */
  readonly value: ContributionValue;
  /** The part's share of the whole, as configured (a weight ≥ 0; weights need not sum to 1). */
  readonly weight: number;
  /** What the part added to the result, in the result's own unit (points of a 0–100 score, say). */
  readonly points: number;
  /** Why the part scored as it did, in one sentence. */
  readonly note?: string;
}

/**
 * Why a result came out as it did: a one-line sentence for people and the
 * contributions behind it, so "why did this move?" is answered by the value
 * alone.
 *
 * @example
 * ```ts
 * import type { Explanation } from 'successkit/core';
 *
 * const why: Explanation = {
 *   summary: 'Health 72 (yellow): usage strong, two open escalations',
 *   contributions: [
 *     { id: 'usage', label: 'Usage', value: 0.82, weight: 0.5, points: 41 },
 *     { id: 'escalations', label: 'Open escalations', value: 2, weight: 0.5, points: 31 },
 *   ],
 * };
 * ```
 */
export interface Explanation {
  /** One human sentence. */
  readonly summary: string;
  /** Every part that was considered, including those that added nothing. */
  readonly contributions: readonly Contribution[];
}
