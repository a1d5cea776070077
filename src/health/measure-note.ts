import { quoteText, type ContributionValue } from '../core/internal.js';
import type { AppliedPolicy } from './health-score.js';
import { missing, ok } from './measure-points.js';
import { roundScore, type MeasureModel } from './scorecard-model.js';

function describe(value: ContributionValue): string {
  if (value === null) return 'no value';
  if (typeof value === 'number') return String(Math.round(value * 1000) / 1000);
  if (typeof value === 'string') return quoteText(value, 40);
  return typeof value === 'boolean' ? (value ? 'yes' : 'no') : quoteText(value.join(', '), 40);
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

/**
 * The sentence saying why a measure scored as it did: `status` (ok,
 * missing, stale), the value seen, the points that counted (or the points
 * scored, when none counted) and the policy applied.
 *
 * @internal
 */
export function measureNote(
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
