import type { CalendarDate } from '../core/internal.js';

/**
 * How urgent a finding is: `critical` (act this week), `high`, `medium`, `low`.
 *
 * @example
 * ```ts
 * import type { PlanFindingSeverity } from 'successkit/plans';
 *
 * const severity: PlanFindingSeverity = 'high';
 * ```
 */
export type PlanFindingSeverity = 'critical' | 'high' | 'medium' | 'low';

/**
 * One fact behind a finding: an event, a contact, a snapshot field or a plan
 * entry, with its day when it has one.
 *
 * @example
 * ```ts
 * import type { PlanFindingEvidence } from 'successkit/plans';
 *
 * const evidence: PlanFindingEvidence = { source: 'event', id: 'e1', date: '2026-05-02' as never, description: 'champion_left: Ana Ruiz' };
 * ```
 */
export interface PlanFindingEvidence {
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
 * import { planSeverityRank } from 'successkit/plans';
 *
 * planSeverityRank.critical < planSeverityRank.low; // => true
 * ```
 */
export const planSeverityRank: Readonly<Record<PlanFindingSeverity, number>> = /* @__PURE__ */ Object.freeze({
  critical: 0,
  high: 1,
  medium: 2,
  low: 3,
});
