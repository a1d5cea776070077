import type { CalendarDate } from '../core/internal.js';

/**
 * How urgent a finding is: `critical` (act this week), `high`, `medium`, `low`.
 *
 * @example
 * ```ts
 * import type { FindingSeverity } from 'successkit/plans';
 *
 * const severity: FindingSeverity = 'high';
 * ```
 */
export type FindingSeverity = 'critical' | 'high' | 'medium' | 'low';

/**
 * One fact behind a finding: an event, a contact, a snapshot field or a plan
 * entry, with its day when it has one.
 *
 * @example
 * ```ts
 * import type { FindingEvidence } from 'successkit/plans';
 *
 * const evidence: FindingEvidence = { source: 'event', id: 'e1', date: '2026-05-02' as never, description: 'champion_left: Ana Ruiz' };
 * ```
 */
export interface FindingEvidence {
  readonly source: 'event' | 'snapshot' | 'plan';
  /** The event's, contact's or entry's id; the field name for a snapshot. */
  readonly id: string;
  readonly date: CalendarDate | null;
  readonly description: string;
}

/**
 * Orders severities from the most to the least urgent: sorting findings by
 * this puts what to do first on top.
 *
 * @example
 * ```ts
 * import { severityRank } from 'successkit/plans';
 *
 * severityRank.critical < severityRank.low; // => true
 * ```
 */
export const severityRank: Readonly<Record<FindingSeverity, number>> = /* @__PURE__ */ Object.freeze({
  critical: 0,
  high: 1,
  medium: 2,
  low: 3,
});
