import * as z from 'zod/mini';
import { parseWith } from '../core/internal.js';
import { checkResults } from './health-result-input.js';
import { explainChange, type ScoreChange } from './explain-change.js';
import type { HealthScore } from './health-score.js';

/**
 * One account whose score moved, with why.
 *
 * @example
 * ```ts
 * import type { Mover } from 'successkit/health';
 *
 * const mover: Pick<Mover, 'accountId' | 'delta'> = { accountId: 'acc-3', delta: -12.5 };
 * ```
 */
export interface Mover {
  readonly accountId: string;
  /** Points the score moved, one decimal. */
  readonly delta: number;
  readonly before: HealthScore;
  readonly after: HealthScore;
  readonly change: ScoreChange;
}

const MoversOptions = z.strictObject({ limit: z._default(z.int().check(z.minimum(0)), 10) });

/**
 * The biggest drops and rises of score between two sets of results.
 *
 * @example
 * ```ts
 * import type { Movers } from 'successkit/health';
 *
 * const quiet: Movers = { drops: [], rises: [] };
 * ```
 */
export interface Movers {
  /** Largest drop first. */
  readonly drops: readonly Mover[];
  /** Largest rise first. */
  readonly rises: readonly Mover[];
}

/**
 * Matches results to previous ones by account and returns the biggest
 * drops and rises in score, each explained by {@link explainChange}.
 * Accounts without both scores are left out; ties go by account id.
 *
 * @param results - the current {@link HealthScore}s
 * @param previous - the previous ones
 * @param options - `limit`: how many of each (default 10, a whole number ≥ 0)
 * @returns the {@link Movers}
 * @throws {@link core!SuccessKitError} `invalid_input` for results that are not health results, or a bad limit
 *
 * @example
 * ```ts
 * import { defaultScorecard, movers, scoreAccount } from 'successkit/health';
 *
 * const before = [scoreAccount(defaultScorecard, { id: 'a', asOf: '2026-05-31', licenseUtilization: 0.9 })];
 * const after = [scoreAccount(defaultScorecard, { id: 'a', asOf: '2026-06-30', licenseUtilization: 0.55 })];
 * movers(after, before, { limit: 5 }).drops.map((mover) => mover.delta); // => [-43.7]
 * ```
 */
export function movers(
  results: readonly HealthScore[],
  previous: readonly HealthScore[],
  options: { readonly limit?: number } = {},
): Movers {
  const now = checkResults(results, ['results']);
  const before = new Map(checkResults(previous, ['previous']).map((result) => [result.accountId, result]));
  const { limit } = parseWith(MoversOptions, options, { path: ['options'] });
  const moved: Mover[] = [];
  for (const after of now) {
    const earlier = before.get(after.accountId);
    if (earlier === undefined || earlier.score === null || after.score === null) continue;
    const change = explainChange(earlier, after);
    moved.push({ accountId: after.accountId, delta: change.delta ?? 0, before: earlier, after, change });
  }
  const byId = (a: Mover, b: Mover): number => (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0);
  return {
    drops: moved
      .filter((mover) => mover.delta < 0)
      .sort((a, b) => a.delta - b.delta || byId(a, b))
      .slice(0, limit),
    rises: moved
      .filter((mover) => mover.delta > 0)
      .sort((a, b) => b.delta - a.delta || byId(a, b))
      .slice(0, limit),
  };
}
