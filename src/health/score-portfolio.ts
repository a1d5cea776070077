import * as z from 'zod/mini';
import { Id, isArray, fail, parseWith, unreadable } from '../core/internal.js';
import { checkManualBands, identityReader, previousBandIndex } from './account-context.js';
import { definedScorecard, type Scorecard } from './define-scorecard.js';
import { explanationMemo } from './explanation-memo.js';
import { explainAccount, type AccountContext } from './explain-account.js';
import { ManualOverride, PreviousHealth, type HealthScore } from './health-score.js';
import { measurePoints } from './measure-points.js';
import type { ScorecardInput } from './scorecard.js';
import { modelOf } from './scorecard-model.js';

/**
 * Options of {@link scorePortfolio}.
 *
 * @example
 * ```ts
 * import { ScorePortfolioOptions } from 'successkit/health';
 *
 * ScorePortfolioOptions.parse({ previous: [{ accountId: 'acc-1', score: 80, band: 'green' }] }).previous?.length; // => 1
 * ```
 */
export const ScorePortfolioOptions = z.strictObject({
  /** Previous results (last month's `scorePortfolio`), matched by `accountId`. Default none. */
  previous: z.optional(z.array(z.extend(PreviousHealth, { accountId: Id }))),
  /** Previous snapshots, matched by `id`, for override rules with change operators. Default none. */
  previousSnapshots: z.optional(z.array(z.looseObject({ id: Id }))),
  /** Manual overrides, matched by `accountId`. Default none. */
  manualOverrides: z.optional(z.array(ManualOverride)),
});

/**
 * Options of {@link scorePortfolio}; see the {@link ScorePortfolioOptions} schema.
 *
 * @example
 * ```ts
 * import type { ScorePortfolioOptions } from 'successkit/health';
 *
 * const options: ScorePortfolioOptions = { manualOverrides: [] };
 * ```
 */
export type ScorePortfolioOptions = z.input<typeof ScorePortfolioOptions>;

const previousPath = ['options', 'previous'] as const;
const noOverrides: readonly ManualOverride[] = Object.freeze([]);

function byKey<Item>(items: readonly Item[] | undefined, key: (item: Item) => string): Map<string, Item[]> {
  const map = new Map<string, Item[]>();
  for (const item of items ?? []) {
    const list = map.get(key(item));
    if (list === undefined) map.set(key(item), [item]);
    else list.push(item);
  }
  return map;
}

/**
 * Scores every snapshot of a portfolio with full explanations, as
 * {@link scoreAccount} would one by one, matching previous results,
 * previous snapshots and manual overrides to accounts by id. A measure's
 * or group's contribution that is the same for several accounts (same
 * value, weight and points) is one frozen object they share: results are
 * equal to `scoreAccount`'s, and far smaller for a large book.
 *
 * @param scorecard - a {@link Scorecard}, or a plain {@link ScorecardInput} checked against `snapshotFields`
 * @param snapshots - the accounts as of a day
 * @param options - see {@link ScorePortfolioOptions}
 * @returns one {@link HealthScore} per snapshot, in input order
 * @throws {@link core!SuccessKitError} `invalid_definition` for a bad scorecard; `invalid_input` for a bad snapshot (path `snapshots[i]…`) or bad options (path `options…`)
 *
 * @example
 * ```ts
 * import { defaultScorecard, scorePortfolio } from 'successkit/health';
 * import { samplePortfolio } from 'successkit/sample';
 * import { accountSnapshots } from 'successkit/snapshot';
 *
 * const portfolio = samplePortfolio({ accounts: 50, seed: 1, asOf: '2026-06-30' });
 * const lastMonth = scorePortfolio(defaultScorecard, accountSnapshots(portfolio, { asOf: '2026-05-31' }).snapshots);
 * const now = scorePortfolio(defaultScorecard, accountSnapshots(portfolio).snapshots, { previous: lastMonth });
 * now.length; // => 50
 * now.every((health) => health.previousBand !== undefined); // => true
 * ```
 */
export function scorePortfolio(
  scorecard: Scorecard | ScorecardInput,
  snapshots: readonly object[],
  options: ScorePortfolioOptions = {},
): HealthScore[] {
  const model = modelOf(definedScorecard(scorecard));
  const parsed = parseWith(ScorePortfolioOptions, options, { path: ['options'] });
  if (!isArray(snapshots)) fail('invalid_input', ['snapshots'], 'expected an array of snapshots');
  checkManualBands(model, parsed.manualOverrides ?? [], ['options', 'manualOverrides']);
  const previous = new Map<string, { item: PreviousHealth; index: number }>();
  (parsed.previous ?? []).forEach((item, index) => {
    previousBandIndex(model, item, ['options', 'previous', index]);
    previous.set(item.accountId, { item, index });
  });
  const previousSnapshots = new Map((parsed.previousSnapshots ?? []).map((snapshot) => [snapshot.id, snapshot]));
  const manual = byKey(parsed.manualOverrides, (override) => override.accountId);
  const points = measurePoints(model);
  const memo = explanationMemo(model);
  const identityOf = identityReader();
  const results: HealthScore[] = new Array<HealthScore>(snapshots.length);
  for (let index = 0; index < snapshots.length; index++) {
    const snapshot: unknown = snapshots[index];
    try {
      const identity = identityOf(snapshot, ['snapshots', index]);
      const before = previous.get(identity.id)?.item;
      const context: AccountContext = {
        asOfDay: identity.asOfDay,
        previousScore: before?.score ?? null,
        previousBand: before?.band ?? null,
        previousBandIndex: previousBandIndex(model, before, previousPath),
        previousSnapshot: previousSnapshots.get(identity.id),
        manual: manual.get(identity.id) ?? noOverrides,
      };
      results[index] = explainAccount(model, snapshot as object, points, context, memo);
    } catch (thrown) {
      throw unreadable(thrown, 'invalid_input', ['snapshots', index], 'the snapshot');
    }
  }
  return results;
}
