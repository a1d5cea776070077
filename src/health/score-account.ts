import { unreadable } from '../core/internal.js';
import {
  accountContext,
  parseScoreAccountOptions,
  snapshotIdentity,
  type ScoreAccountOptions,
} from './account-context.js';
import { definedScorecard, type Scorecard } from './define-scorecard.js';
import { explainAccount } from './explain-account.js';
import type { HealthScore } from './health-score.js';
import { measurePoints } from './measure-points.js';
import type { ScorecardInput } from './scorecard.js';
import { modelOf } from './scorecard-model.js';

/**
 * Scores one account snapshot with a scorecard: the score (0–100, one
 * decimal), its band (with hysteresis against `previous`, then overrides:
 * an unexpired manual override of the account first, then the scorecard's
 * rule overrides in order), the trend, and every measure's and group's
 * contribution, which add up to the score exactly in tenths of a point.
 * A value of the wrong type counts as missing; the snapshot is not changed.
 *
 * @param scorecard - a {@link Scorecard}, or a plain {@link ScorecardInput} checked against `snapshotFields`
 * @param snapshot - the account as of a day, usually an `AccountSnapshot`
 * @param options - the previous result, previous snapshot and manual overrides; see {@link ScoreAccountOptions}
 * @returns the {@link HealthScore}
 * @throws {@link core!SuccessKitError} `invalid_definition` for a bad scorecard; `invalid_input` for a snapshot without a text `id` or a real `asOf` (path `snapshot…`) or bad options (path `options…`)
 *
 * @example
 * ```ts
 * import { defineScorecard, scoreAccount } from 'successkit/health';
 *
 * const scorecard = defineScorecard({
 *   id: 'two-measures',
 *   label: 'Two measures',
 *   groups: [
 *     {
 *       id: 'usage',
 *       label: 'Usage',
 *       weight: 3,
 *       measures: [{ id: 'seats', label: 'Seats in use', field: 'licenseUtilization', weight: 1, scoring: { type: 'linear', min: 0, max: 1 } }],
 *     },
 *     {
 *       id: 'voice',
 *       label: 'Voice',
 *       weight: 1,
 *       measures: [{ id: 'nps', label: 'Latest NPS', field: 'lastNpsCategory', weight: 1, scoring: { type: 'bands', points: { promoter: 100, passive: 50, detractor: 0 } } }],
 *     },
 *   ],
 *   bands: [
 *     { id: 'red', label: 'Red', from: 0 },
 *     { id: 'green', label: 'Green', from: 60 },
 *   ],
 *   hysteresis: 5,
 * });
 * const health = scoreAccount(scorecard, { id: 'acc-1', asOf: '2026-06-30', licenseUtilization: 0.6, lastNpsCategory: 'detractor' });
 * health.score; // => 45
 * health.band; // => 'red'
 * health.contributions.map((entry) => entry.contributed); // => [45, 0]
 * scoreAccount(scorecard, { id: 'acc-1', asOf: '2026-06-30', licenseUtilization: 0.6 }).score; // => 60
 * scoreAccount(scorecard, { id: 'acc-1', asOf: '2026-06-30', licenseUtilization: 0.6 }, { previous: health }).band; // => 'red'
 * ```
 */
export function scoreAccount(
  scorecard: Scorecard | ScorecardInput,
  snapshot: object,
  options: ScoreAccountOptions = {},
): HealthScore {
  const model = modelOf(definedScorecard(scorecard));
  const parsed = parseScoreAccountOptions(options);
  try {
    const identity = snapshotIdentity(snapshot, ['snapshot']);
    return explainAccount(model, snapshot, measurePoints(model), accountContext(model, identity, parsed));
  } catch (thrown) {
    throw unreadable(thrown, 'invalid_input', ['snapshot'], 'the snapshot');
  }
}
