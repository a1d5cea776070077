import * as z from 'zod/mini';
import { isArray, parseWith } from '../core/internal.js';
import type { RankedAccount, StackRank } from './stack-rank.js';

/**
 * Options of {@link peerMatches}: `by`, the fields a champion must share
 * with the cruiser (default `['segment', 'sizeBand', 'plan']`: same segment,
 * same size band of employees — under 50, 50–249, 250–999, 1,000 and up —
 * and same product configuration); `maxPerChampion`, the most cruisers one
 * champion is introduced to (default 3: a reference customer's goodwill is
 * finite); `peersPerCruiser`, the champions suggested to each cruiser
 * (default 1).
 *
 * @example
 * ```ts
 * import type { PeerMatchOptions } from 'successkit/baseline';
 *
 * const options: PeerMatchOptions = { by: ['segment'], maxPerChampion: 2 };
 * ```
 */
export const PeerMatchOptions = z.strictObject({
  by: z.optional(z.array(z.enum(['segment', 'plan', 'sizeBand'])).check(z.maxLength(3))),
  maxPerChampion: z.optional(z.int().check(z.minimum(1), z.maximum(1_000_000))),
  peersPerCruiser: z.optional(z.int().check(z.minimum(1), z.maximum(100))),
});

/**
 * Options of {@link peerMatches}; see the {@link PeerMatchOptions} schema.
 *
 * @example
 * ```ts
 * import type { PeerMatchOptions } from 'successkit/baseline';
 *
 * const options: PeerMatchOptions = { peersPerCruiser: 2 };
 * ```
 */
export type PeerMatchOptions = z.infer<typeof PeerMatchOptions>;

/**
 * A champion suggested to a cruiser: the champion's id, the `shared` fields
 * with their values, `similarity` (0–1: 1 for the same headcount and
 * features adopted, less as they differ) and a sentence saying why.
 *
 * @example
 * ```ts
 * import type { PeerMatch } from 'successkit/baseline';
 *
 * const match: PeerMatch = { championId: 'acc-7', shared: { segment: 'smb' }, similarity: 0.9, explanation: 'same segment smb' };
 * ```
 */
export interface PeerMatch {
  readonly championId: string;
  readonly shared: Readonly<Record<string, string>>;
  readonly similarity: number;
  readonly explanation: string;
}

/**
 * The pairings: for each cruiser (in rank order) its champions, best first;
 * the cruisers without one, with the reason.
 *
 * @example
 * ```ts
 * import type { PeerMatches } from 'successkit/baseline';
 *
 * const none: PeerMatches = { pairs: [], unmatched: [] };
 * ```
 */
export interface PeerMatches {
  readonly pairs: readonly { readonly cruiserId: string; readonly champions: readonly PeerMatch[] }[];
  readonly unmatched: readonly { readonly cruiserId: string; readonly reason: string }[];
}

type Key = 'segment' | 'plan' | 'sizeBand';

/** The size band of a headcount: under 50, 50–249, 250–999, 1,000 and up. */
function sizeBand(employees: number | null): string | null {
  if (employees === null) return null;
  if (employees < 50) return 'under 50 employees';
  if (employees < 250) return '50–249 employees';
  return employees < 1000 ? '250–999 employees' : '1,000+ employees';
}

function valueOf(account: RankedAccount, key: Key): string | null {
  if (key === 'sizeBand') return sizeBand(account.employees);
  return key === 'segment' ? account.segment : account.plan;
}

/** 1 for equal values, falling with their log ratio (halved at 1 : e); 1 when either is unknown. */
function closeness(left: number | null, right: number | null): number {
  if (left === null || right === null) return 1;
  return 1 / (1 + Math.abs(Math.log1p(left) - Math.log1p(right)));
}

function similarity(cruiser: RankedAccount, champion: RankedAccount): number {
  const score =
    closeness(cruiser.employees, champion.employees) * closeness(cruiser.featuresAdopted, champion.featuresAdopted);
  return Math.round(score * 1000) / 1000;
}

function keyOf(account: RankedAccount, by: readonly Key[]): string | null {
  const values: string[] = [];
  for (const key of by) {
    const value = valueOf(account, key);
    if (value === null) return null;
    values.push(value);
  }
  return JSON.stringify(values);
}

function matchOf(cruiser: RankedAccount, champion: RankedAccount, by: readonly Key[]): PeerMatch {
  const shared: Record<string, string> = {};
  for (const key of by) shared[key] = valueOf(champion, key) ?? '';
  const score = similarity(cruiser, champion);
  const same = by.map((key) => `${key === 'sizeBand' ? 'size' : key} ${shared[key] ?? ''}`).join(', ');
  const explanation = `${same === '' ? 'any profile' : `same ${same}`}; similarity ${score.toFixed(2)} (headcount ${String(champion.employees ?? 'unknown')} vs ${String(cruiser.employees ?? 'unknown')}, features ${String(champion.featuresAdopted ?? 'unknown')} vs ${String(cruiser.featuresAdopted ?? 'unknown')}); champion's pace index ${String(champion.paceIndex)}`;
  return { championId: champion.accountId, shared, similarity: score, explanation };
}

/**
 * Pairs cruisers with like-minded champions: for each cruiser of the stack
 * rank, in rank order, the champions that share every `by` field, most
 * similar first (headcount and features adopted, then the higher pace
 * index, then the id), skipping champions that already have
 * `maxPerChampion` cruisers. An account missing a `by` field is never
 * paired on it.
 *
 * @param ranked - a {@link StackRank}, or its `ranked` list
 * @param options - `by`, `maxPerChampion` and `peersPerCruiser`; see {@link PeerMatchOptions}
 * @returns the {@link PeerMatches}
 * @throws {@link core!SuccessKitError} `invalid_input` for a ranked list that is not one (path `['ranked']`) or bad options (path `['options', …]`)
 *
 * @example
 * ```ts
 * import { peerMatches, type RankedAccount } from 'successkit/baseline';
 *
 * const entry = (accountId: string, pace: 'champion' | 'cruiser', rank: number) =>
 *   ({ accountId, pace, rank, paceIndex: 50 - rank, segment: 'smb', plan: 'growth', employees: 40, featuresAdopted: 5 }) as RankedAccount;
 * const matches = peerMatches([entry('c1', 'champion', 1), entry('k1', 'cruiser', 2), entry('k2', 'cruiser', 3)], { maxPerChampion: 1 });
 * matches.pairs.map((pair) => [pair.cruiserId, pair.champions[0]?.championId]); // => [['k1', 'c1']]
 * matches.unmatched; // => [{ cruiserId: 'k2', reason: 'every champion sharing segment, sizeBand, plan already has 1 cruiser(s)' }]
 * ```
 */
export function peerMatches(ranked: StackRank | readonly RankedAccount[], options?: PeerMatchOptions): PeerMatches {
  const parsed = parseWith(PeerMatchOptions, options ?? {}, { path: ['options'] });
  const by: readonly Key[] = parsed.by ?? ['segment', 'sizeBand', 'plan'];
  const maxPerChampion = parsed.maxPerChampion ?? 3;
  const peersPerCruiser = parsed.peersPerCruiser ?? 1;
  const list = rankedList(ranked);
  const champions = new Map<string, RankedAccount[]>();
  for (const account of list) {
    if (account.pace !== 'champion') continue;
    const key = keyOf(account, by);
    if (key === null) continue;
    const group = champions.get(key);
    if (group === undefined) champions.set(key, [account]);
    else group.push(account);
  }
  const load = new Map<string, number>();
  const pairs: { cruiserId: string; champions: PeerMatch[] }[] = [];
  const unmatched: { cruiserId: string; reason: string }[] = [];
  const cruisers = list
    .filter((account) => account.pace === 'cruiser')
    .sort((left, right) => left.rank - right.rank || (left.accountId < right.accountId ? -1 : 1));
  for (const cruiser of cruisers) {
    const key = keyOf(cruiser, by);
    const candidates = key === null ? undefined : champions.get(key);
    if (candidates === undefined) {
      unmatched.push({
        cruiserId: cruiser.accountId,
        reason: key === null ? `missing one of ${by.join(', ')}` : `no champion shares ${by.join(', ')}`,
      });
      continue;
    }
    const open = candidates.filter(
      (champion) => (load.get(champion.accountId) ?? 0) < maxPerChampion && champion.accountId !== cruiser.accountId,
    );
    if (open.length === 0) {
      unmatched.push({
        cruiserId: cruiser.accountId,
        reason: `every champion sharing ${by.join(', ')} already has ${String(maxPerChampion)} cruiser(s)`,
      });
      continue;
    }
    const chosen = open
      .map((champion) => ({ champion, score: similarity(cruiser, champion) }))
      .sort(
        (left, right) =>
          right.score - left.score ||
          right.champion.paceIndex - left.champion.paceIndex ||
          (left.champion.accountId < right.champion.accountId ? -1 : 1),
      )
      .slice(0, peersPerCruiser)
      .map(({ champion }) => {
        load.set(champion.accountId, (load.get(champion.accountId) ?? 0) + 1);
        return matchOf(cruiser, champion, by);
      });
    pairs.push({ cruiserId: cruiser.accountId, champions: chosen });
  }
  return { pairs, unmatched };
}

const RankedEntry = z.looseObject({
  accountId: z.string(),
  pace: z.enum(['champion', 'cruiser', 'laggard', 'too-early']),
  rank: z.number(),
  paceIndex: z.number(),
  segment: z.nullable(z.string()),
  plan: z.nullable(z.string()),
  employees: z.nullable(z.number().check(z.minimum(0))),
  featuresAdopted: z.nullable(z.number().check(z.minimum(0))),
});

function rankedList(ranked: unknown): readonly RankedAccount[] {
  const list = isArray(ranked)
    ? ranked
    : parseWith(z.looseObject({ ranked: z.array(z.unknown()) }), ranked, { path: ['ranked'] }).ranked;
  return parseWith(z.array(RankedEntry), list, { path: ['ranked'] }) as unknown as readonly RankedAccount[];
}
