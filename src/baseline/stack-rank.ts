import * as z from 'zod/mini';
import { isArray, parseWith } from '../core/internal.js';
import { PaceOptions, paceClassOf, paceThresholds, type PaceClass } from './classify-pace.js';
import { checkedProgress, type MilestoneProgress } from './milestone-progress.js';
import { paceIndexOf } from './pace-index.js';

/**
 * Options of {@link stackRank}: `within` ranks each segment or plan on its
 * own (default: the whole book as one group); `pace` holds the thresholds of
 * the pace classes (see {@link PaceOptions}).
 *
 * @example
 * ```ts
 * import type { StackRankOptions } from 'successkit/baseline';
 *
 * const bySegment: StackRankOptions = { within: 'segment' };
 * ```
 */
export const StackRankOptions = z.strictObject({
  within: z.optional(z.enum(['segment', 'plan'])),
  pace: z.optional(PaceOptions),
});

/**
 * Options of {@link stackRank}; see the {@link StackRankOptions} schema.
 *
 * @example
 * ```ts
 * import type { StackRankOptions } from 'successkit/baseline';
 *
 * const options: StackRankOptions = { within: 'plan', pace: { laggardValueAttainment: 0.7 } };
 * ```
 */
export type StackRankOptions = z.infer<typeof StackRankOptions>;

/**
 * One account in a stack rank: its id, the group it was ranked in (its
 * segment or plan with `within`, `null` for the whole book or an account
 * without one), `rank` (1 = best, within the group), `percentile` (0–100:
 * the share of the rest of its group it is ahead of, 100 for the top and
 * for a group of one), the pace index (index points, see {@link paceIndex}),
 * its pace class (call {@link classifyPace} on an account's progress for
 * the reasons), and the fields pairing reads.
 *
 * @example
 * ```ts
 * import type { RankedAccount } from 'successkit/baseline';
 *
 * const percentile: RankedAccount['percentile'] = 100;
 * ```
 */
export interface RankedAccount {
  readonly accountId: string;
  readonly group: string | null;
  readonly rank: number;
  readonly percentile: number;
  readonly paceIndex: number;
  readonly pace: PaceClass;
  readonly segment: string | null;
  readonly plan: string | null;
  readonly employees: number | null;
  readonly featuresAdopted: number | null;
}

/**
 * A stack rank: the accounts with a pace, best first within each group,
 * groups in name order (`null` last); and the accounts left out because
 * they are too early to judge, with the reason.
 *
 * @example
 * ```ts
 * import type { StackRank } from 'successkit/baseline';
 *
 * const empty: StackRank = { ranked: [], unranked: [] };
 * ```
 */
export interface StackRank {
  readonly ranked: readonly RankedAccount[];
  readonly unranked: readonly { readonly accountId: string; readonly reason: string }[];
}

type Unranked = Omit<RankedAccount, 'rank' | 'percentile'>;

function byPace(left: Unranked, right: Unranked): number {
  if (left.group !== right.group) {
    if (left.group === null) return 1;
    if (right.group === null) return -1;
    return left.group < right.group ? -1 : 1;
  }
  if (left.paceIndex !== right.paceIndex) return right.paceIndex - left.paceIndex;
  if (left.accountId === right.accountId) return 0;
  return left.accountId < right.accountId ? -1 : 1;
}

function tooEarly(progress: MilestoneProgress): string {
  const first = progress.milestones[0];
  return first === undefined
    ? 'the baseline has no milestone'
    : `no milestone is reached or overdue yet: the first, ${first.name}, is due on day ${String(first.dueDay)} and the account is on day ${String(progress.tenureDays)}`;
}

function groupOf(progress: MilestoneProgress, within: 'segment' | 'plan' | undefined): string | null {
  if (within === undefined) return null;
  return within === 'segment' ? progress.segment : progress.plan;
}

/**
 * Orders accounts along the baseline by their pace index (see
 * {@link paceIndex}: days early or late as shares of each due day, weighted
 * by milestone, plus value attainment), best first; equal indexes are
 * ordered by account id, so the order never depends on the input's. Each
 * account gets its rank (1 = best) and percentile (0–100) over the whole
 * book, or within its segment or plan with `within`. Accounts too early to
 * judge (see {@link classifyPace}) are listed apart, not ranked.
 *
 * @param progresses - from {@link milestoneProgress}, one per account (any other is checked first)
 * @param options - `within` and the pace thresholds; see {@link StackRankOptions}
 * @returns the {@link StackRank}
 * @throws {@link core!SuccessKitError} `invalid_input` for a list that is not one (path `['progresses']`), an entry that is not progress (path `['progresses', index, …]`) or bad options (path `['options', …]`)
 *
 * @example
 * ```ts
 * import { defaultBaseline, milestoneProgress, stackRank } from 'successkit/baseline';
 *
 * const account = (id: string, login: string) => ({
 *   id, asOf: '2026-01-20', startDate: '2026-01-01', churnDate: null, segment: null, plan: null, employees: null,
 *   featuresAdopted: null, valueRealized: null, valueRealizedDate: null, milestones: { first_login: login, configuration_complete: '2026-01-11' },
 * });
 * const progresses = [account('b', '2026-01-09'), account('a', '2026-01-03'), account('c', '2026-01-03')].map((snapshot) => milestoneProgress(defaultBaseline, snapshot));
 * stackRank(progresses).ranked.map((entry) => [entry.accountId, entry.rank, entry.percentile]); // => [['a', 1, 100], ['c', 2, 50], ['b', 3, 0]]
 * ```
 */
export function stackRank(progresses: readonly MilestoneProgress[], options?: StackRankOptions): StackRank {
  const { within, pace } = parseWith(StackRankOptions, options ?? {}, { path: ['options'] });
  const thresholds = paceThresholds(pace, ['options', 'pace']);
  if (!isArray(progresses)) parseWith(z.array(z.unknown()), progresses, { path: ['progresses'] });
  const entries: Unranked[] = [];
  const unranked: { accountId: string; reason: string }[] = [];
  for (let index = 0; index < progresses.length; index++) {
    const progress = checkedProgress(progresses[index], ['progresses', index]);
    const pace = paceClassOf(progress, thresholds);
    if (pace === 'too-early') {
      unranked.push({ accountId: progress.accountId, reason: tooEarly(progress) });
      continue;
    }
    entries.push({
      accountId: progress.accountId,
      group: groupOf(progress, within),
      paceIndex: paceIndexOf(progress),
      pace,
      segment: progress.segment,
      plan: progress.plan,
      employees: progress.employees,
      featuresAdopted: progress.featuresAdopted,
    });
  }
  entries.sort(byPace);
  return { ranked: withRanks(entries), unranked };
}

function withRanks(entries: readonly Unranked[]): RankedAccount[] {
  const ranked: RankedAccount[] = [];
  let start = 0;
  for (const entry of entries) {
    if (entry.group !== entries[start]?.group) start = ranked.length;
    ranked.push({
      accountId: entry.accountId,
      group: entry.group,
      rank: ranked.length - start + 1,
      percentile: 0,
      paceIndex: entry.paceIndex,
      pace: entry.pace,
      segment: entry.segment,
      plan: entry.plan,
      employees: entry.employees,
      featuresAdopted: entry.featuresAdopted,
    });
  }
  // Percentiles once each group's size is known: the share of the rest of the group ranked below.
  let end = ranked.length;
  for (let at = ranked.length - 1; at >= 0; at--) {
    const entry = ranked[at] as RankedAccount & { percentile: number };
    if (at + 1 < ranked.length && ranked[at + 1]?.group !== entry.group) end = at + 1;
    const size = end - at + entry.rank - 1;
    entry.percentile = size === 1 ? 100 : Math.round((1000 * (size - entry.rank)) / (size - 1)) / 10;
  }
  return ranked;
}
