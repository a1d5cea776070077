import * as z from 'zod/mini';
import { parseWith } from '../core/internal.js';
import { bandIndexOf, modelOf, roundScore } from './scorecard-model.js';
import { definedScorecard, type Scorecard } from './define-scorecard.js';
import type { HealthScore } from './health-score.js';
import type { ScorecardInput } from './scorecard.js';

/**
 * Options of {@link rollUp}: `parentOf` maps an account id to its
 * parent's; `weightBy` is `'arr'` (each child by its ARR, from `arr`),
 * `'equal'` or `'worst'` (the parent takes its worst child's score).
 *
 * @example
 * ```ts
 * import { RollUpOptions } from 'successkit/health';
 *
 * RollUpOptions.parse({ parentOf: { 'acc-2': 'acc-1' } }).weightBy; // => 'arr'
 * ```
 */
export const RollUpOptions = z.strictObject({
  parentOf: z.record(z.string(), z.string()),
  weightBy: z._default(z.enum(['arr', 'equal', 'worst']), 'arr'),
  /** ARR by account id, money per year; required for `weightBy: 'arr'` (an account without one weighs 0). */
  arr: z.optional(z.record(z.string(), z.number().check(z.minimum(0)))),
});

/**
 * Options of {@link rollUp}; see the {@link RollUpOptions} schema.
 *
 * @example
 * ```ts
 * import type { RollUpOptions } from 'successkit/health';
 *
 * const options: RollUpOptions = { parentOf: { 'acc-2': 'acc-1' }, weightBy: 'worst' };
 * ```
 */
export type RollUpOptions = z.input<typeof RollUpOptions>;

/**
 * The health of a parent account rolled up from its children (and its own
 * result, when it has one).
 *
 * @example
 * ```ts
 * import type { RolledUpHealth } from 'successkit/health';
 *
 * const parent: RolledUpHealth = { parentId: 'acc-1', score: 64.2, band: 'yellow', members: 3, scored: 3, worst: { accountId: 'acc-3', score: 41 } };
 * ```
 */
export interface RolledUpHealth {
  readonly parentId: string;
  /** 0–100, one decimal; `null` when no member has a score (or, by ARR, none has ARR). */
  readonly score: number | null;
  /** The band of that score, without hysteresis or overrides. */
  readonly band: string | null;
  readonly members: number;
  readonly scored: number;
  readonly worst: { readonly accountId: string; readonly score: number } | null;
}

/**
 * Rolls children's health up to their parents, Totango-style: per parent
 * the ARR-weighted or plain mean of its members' scores, or the worst one.
 *
 * @param scorecard - the scorecard the results came from, for the bands
 * @param results - the {@link HealthScore}s of children (and parents)
 * @param options - see {@link RollUpOptions}
 * @returns one {@link RolledUpHealth} per parent, by parent id
 * @throws {@link core!SuccessKitError} `invalid_input` for bad options (path `options…`), or `weightBy: 'arr'` without `arr`
 *
 * @example
 * ```ts
 * import { defaultScorecard, rollUp, scoreAccount } from 'successkit/health';
 *
 * const results = [0.9, 0.2].map((licenseUtilization, index) =>
 *   scoreAccount(defaultScorecard, { id: `child-${String(index)}`, asOf: '2026-06-30', licenseUtilization }),
 * );
 * const parentOf = { 'child-0': 'group', 'child-1': 'group' };
 * rollUp(defaultScorecard, results, { parentOf, arr: { 'child-0': 30_000, 'child-1': 10_000 } })[0]?.score; // => 78.1
 * rollUp(defaultScorecard, results, { parentOf, weightBy: 'worst' })[0]?.band; // => 'red'
 * ```
 */
export function rollUp(
  scorecard: Scorecard | ScorecardInput,
  results: readonly HealthScore[],
  options: RollUpOptions,
): RolledUpHealth[] {
  const model = modelOf(definedScorecard(scorecard));
  const { parentOf, weightBy, arr } = parseWith(RollUpOptions, options, { path: ['options'] });
  if (weightBy === 'arr' && arr === undefined)
    parseWith(z.strictObject({ arr: z.record(z.string(), z.number()) }), {}, { path: ['options'] });
  const members = new Map<string, { accountId: string; score: number | null }[]>();
  const list = parseWith(z.array(z.looseObject({ accountId: z.string(), score: z.nullable(z.number()) })), results, {
    path: ['results'],
  });
  for (const result of list) {
    const parentId = Object.hasOwn(parentOf, result.accountId) ? parentOf[result.accountId] : undefined;
    for (const key of [parentId, Object.values(parentOf).includes(result.accountId) ? result.accountId : undefined]) {
      if (key === undefined) continue;
      const group = members.get(key) ?? [];
      group.push({ accountId: result.accountId, score: result.score });
      members.set(key, group);
    }
  }
  return [...members.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([parentId, group]): RolledUpHealth => {
      const scored = group.filter((member): member is { accountId: string; score: number } => member.score !== null);
      const worst = scored.reduce<{ accountId: string; score: number } | null>(
        (low, member) => (low === null || member.score < low.score ? member : low),
        null,
      );
      let score: number | null = null;
      if (weightBy === 'worst') score = worst?.score ?? null;
      else {
        let total = 0;
        let weights = 0;
        for (const member of scored) {
          const weight = weightBy === 'equal' ? 1 : (arr?.[member.accountId] ?? 0);
          total += weight * member.score;
          weights += weight;
        }
        score = weights > 0 ? roundScore(total / weights) : null;
      }
      const band = score === null ? null : (model.bandIds[bandIndexOf(model.bandFrom, 0, score, -1)] ?? null);
      return { parentId, score, band, members: group.length, scored: scored.length, worst };
    });
}
