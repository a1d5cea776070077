import { checkResult } from './health-result-input.js';
import type { HealthScore, MeasureContribution, MeasureStatus } from './health-score.js';

/**
 * How one measure moved a score between two results.
 *
 * @example
 * ```ts
 * import type { MeasureChange } from 'successkit/health';
 *
 * const seats: MeasureChange = {
 *   id: 'seats', label: 'Seats in use', valueBefore: 0.8, valueAfter: 0.5, pointsBefore: 86, pointsAfter: 43,
 *   contributedBefore: 30.1, contributedAfter: 15, delta: -15.1, statusBefore: 'ok', statusAfter: 'ok',
 * };
 * ```
 */
export interface MeasureChange {
  readonly id: string;
  readonly label: string;
  readonly valueBefore: MeasureContribution['value'];
  readonly valueAfter: MeasureContribution['value'];
  /** The measure's own points before and after, 0–100, or `null`. */
  readonly pointsBefore: number | null;
  readonly pointsAfter: number | null;
  /** Points of the score it contributed before and after. */
  readonly contributedBefore: number;
  readonly contributedAfter: number;
  /** `contributedAfter − contributedBefore`, points of the score, one decimal; the deltas of all measures add up to the score's. */
  readonly delta: number;
  readonly statusBefore: MeasureStatus | null;
  readonly statusAfter: MeasureStatus | null;
}

/**
 * Why a score moved: the change in points and each measure's part of it,
 * largest first.
 *
 * @example
 * ```ts
 * import type { ScoreChange } from 'successkit/health';
 *
 * const none: ScoreChange = { delta: 0, scoreBefore: 70, scoreAfter: 70, bandBefore: 'yellow', bandAfter: 'yellow', changes: [], summary: 'No change: 70 (yellow)' };
 * ```
 */
export interface ScoreChange {
  /** `scoreAfter − scoreBefore`, points, one decimal; `null` when either is `null`. */
  readonly delta: number | null;
  readonly scoreBefore: number | null;
  readonly scoreAfter: number | null;
  readonly bandBefore: string | null;
  readonly bandAfter: string | null;
  /** The measures whose contribution changed, by size of the change, largest first. */
  readonly changes: readonly MeasureChange[];
  readonly summary: string;
}

function tenths(value: number): number {
  return Math.round(value * 10);
}

function sign(delta: number): string {
  return delta > 0 ? `+${String(delta)}` : String(delta);
}

/**
 * Says which measures moved a score between two results of the same
 * account (usually last month's and this month's) and by how many points
 * of the score, largest first. The measures' deltas add up to the score's
 * delta exactly, in tenths of a point.
 *
 * @param before - the earlier {@link HealthScore}
 * @param after - the later {@link HealthScore}
 * @returns the {@link ScoreChange}
 * @throws {@link core!SuccessKitError} `invalid_input` when either is not a health result
 *
 * @example
 * ```ts
 * import { defaultScorecard, explainChange, scoreAccount } from 'successkit/health';
 *
 * const before = scoreAccount(defaultScorecard, { id: 'a', asOf: '2026-05-31', licenseUtilization: 0.9, escalations: 0 });
 * const after = scoreAccount(defaultScorecard, { id: 'a', asOf: '2026-06-30', licenseUtilization: 0.55, escalations: 1 });
 * const change = explainChange(before, after);
 * change.delta; // => -48.2
 * change.changes.map((entry) => `${entry.id} ${String(entry.delta)}`); // => ['license-utilization -31.8', 'escalations -16.4']
 * ```
 */
export function explainChange(before: HealthScore, after: HealthScore): ScoreChange {
  const earlier = checkResult(before, ['before']);
  const later = checkResult(after, ['after']);
  const previous = new Map(earlier.contributions.map((entry) => [entry.id, entry]));
  const ids = [
    ...new Set([...earlier.contributions.map((entry) => entry.id), ...later.contributions.map((entry) => entry.id)]),
  ];
  const now = new Map(later.contributions.map((entry) => [entry.id, entry]));
  const changes = ids
    .map((id): MeasureChange => {
      const was = previous.get(id);
      const is = now.get(id);
      const contributedBefore = was?.contributed ?? 0;
      const contributedAfter = is?.contributed ?? 0;
      return {
        id,
        label: is?.label ?? was?.label ?? id,
        valueBefore: was?.value ?? null,
        valueAfter: is?.value ?? null,
        pointsBefore: was?.points ?? null,
        pointsAfter: is?.points ?? null,
        contributedBefore,
        contributedAfter,
        delta: (tenths(contributedAfter) - tenths(contributedBefore)) / 10,
        statusBefore: was?.status ?? null,
        statusAfter: is?.status ?? null,
      };
    })
    .filter((change) => change.delta !== 0 || change.statusBefore !== change.statusAfter)
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || a.id.localeCompare(b.id));
  const delta =
    earlier.score === null || later.score === null ? null : (tenths(later.score) - tenths(earlier.score)) / 10;
  const band = (score: number | null, name: string | null): string =>
    `${score === null ? 'no score' : String(score)} (${name ?? 'no band'})`;
  const moved = changes
    .filter((change) => change.delta !== 0)
    .slice(0, 3)
    .map((change) => `${change.label} ${sign(change.delta)}`);
  const summary =
    delta === 0 && moved.length === 0
      ? `No change: ${band(later.score, later.band)}`
      : `${band(earlier.score, earlier.band)} → ${band(later.score, later.band)}${delta === null ? '' : `, ${sign(delta)}`}${moved.length > 0 ? `: ${moved.join(', ')}` : ''}`;
  return {
    delta,
    scoreBefore: earlier.score,
    scoreAfter: later.score,
    bandBefore: earlier.band,
    bandAfter: later.band,
    changes,
    summary,
  };
}
