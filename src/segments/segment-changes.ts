import * as z from 'zod/mini';
import { fail, Id, Money, parseWith, quoteText } from '../core/internal.js';
import { definedSegmentation } from './define-segmentation.js';
import { formatNumber } from './format-number.js';
import type { SegmentedAccounts } from './segment-accounts.js';
import type { Segmentation } from './segmentation.js';

/**
 * Where an account sits: its segment, the segment's name and tier.
 *
 * @example
 * ```ts
 * import type { SegmentPlace } from 'successkit/segments';
 *
 * const place: SegmentPlace = { segmentId: 'high-touch', name: 'High touch', tier: 'high' };
 * ```
 */
export interface SegmentPlace {
  readonly segmentId: string;
  readonly name: string;
  readonly tier: string;
}

/**
 * An account that changed segment between two segmentations of the
 * portfolio: a line of the CSM hand-off list.
 *
 * @example
 * ```ts
 * import type { SegmentMove } from 'successkit/segments';
 *
 * const move: SegmentMove = {
 *   accountId: 'acc-7',
 *   from: { segmentId: 'low-touch', name: 'Low touch', tier: 'low' },
 *   to: { segmentId: 'high-touch', name: 'High touch', tier: 'high' },
 *   tierChanged: true,
 *   direction: 'more_touch',
 *   arr: { before: 90_000, after: 120_000 },
 *   why: 'ARR went from 90,000 to 120,000; High touch: ARR 120,000 ≥ 100,000',
 * };
 * ```
 */
export interface SegmentMove {
  readonly accountId: string;
  readonly from: SegmentPlace;
  readonly to: SegmentPlace;
  /** Whether the tier changed too: a hand-off between CSM teams. */
  readonly tierChanged: boolean;
  /** `'more_touch'` to a tier higher in the segmentation's tier list, `'less_touch'` lower, `'same_tier'` within a tier. */
  readonly direction: 'more_touch' | 'less_touch' | 'same_tier';
  /** ARR before and after, money per year; `null` when a snapshot had none. */
  readonly arr: { readonly before: number | null; readonly after: number | null };
  /** Why, in a sentence: the ARR change, and the current segment's explanation when it was asked for. */
  readonly why: string;
}

/**
 * An account in only one of the two segmentations: new, or gone.
 *
 * @example
 * ```ts
 * import type { SegmentArrival } from 'successkit/segments';
 *
 * const arrival: SegmentArrival = { accountId: 'acc-9', segmentId: 'tech-touch', name: 'Tech touch', tier: 'tech', arr: 6_000 };
 * ```
 */
export interface SegmentArrival extends SegmentPlace {
  readonly accountId: string;
  /** ARR, money per year; `null` when the snapshot had none. */
  readonly arr: number | null;
}

/**
 * What changed between two segmentations of a portfolio.
 *
 * @example
 * ```ts
 * import type { SegmentChanges } from 'successkit/segments';
 *
 * type HandOffs = SegmentChanges['handOffs'];
 * ```
 */
export interface SegmentChanges {
  /** Accounts in both that changed segment, in the order of `current`. */
  readonly moved: readonly SegmentMove[];
  /** How many of them changed tier, a count. */
  readonly handOffs: number;
  /** Accounts only in `current`. */
  readonly entered: readonly SegmentArrival[];
  /** Accounts only in `previous`. */
  readonly left: readonly SegmentArrival[];
  /** Accounts in the same segment in both, a count. */
  readonly unchanged: number;
}

const Assignments = z.array(
  z.looseObject({
    accountId: Id,
    segmentId: Id,
    tier: z.string(),
    arr: z.nullable(Money),
    explanation: z.optional(z.looseObject({ summary: z.string() })),
  }),
);

type Assignment = z.infer<typeof Assignments>[number];

function read(segmented: unknown, name: string): { segmentation: Segmentation; accounts: Assignment[] } {
  const record = parseWith(z.looseObject({ segmentation: z.unknown(), accounts: z.unknown() }), segmented, {
    path: [name],
  });
  const segmentation = definedSegmentation(record.segmentation, [name, 'segmentation']);
  const accounts = parseWith(Assignments, record.accounts, { path: [name, 'accounts'] });
  return { segmentation, accounts };
}

function byId(accounts: readonly Assignment[], name: string): Map<string, Assignment> {
  const found = new Map<string, Assignment>();
  accounts.forEach((account, index) => {
    if (found.has(account.accountId)) {
      fail(
        'invalid_input',
        [name, 'accounts', index, 'accountId'],
        `account ${quoteText(account.accountId, 64)} appears twice`,
      );
    }
    found.set(account.accountId, account);
  });
  return found;
}

function placeOf(segmentation: Segmentation, account: Assignment): SegmentPlace {
  const segment = segmentation.segments.find((candidate) => candidate.id === account.segmentId);
  return { segmentId: account.segmentId, name: segment?.name ?? account.segmentId, tier: account.tier };
}

function arrText(arr: number | null): string {
  return arr === null ? 'no ARR' : formatNumber(arr);
}

function whyMoved(before: Assignment, after: Assignment, to: SegmentPlace): string {
  const arr =
    before.arr === after.arr
      ? `ARR unchanged at ${arrText(after.arr)}`
      : `ARR went from ${arrText(before.arr)} to ${arrText(after.arr)}`;
  const rule = after.explanation?.summary ?? `${to.name} is now the first segment whose rule it meets`;
  return `${arr}; ${rule}`;
}

/**
 * The accounts that changed segment or tier between two segmentations of a
 * portfolio — last quarter's and this one's, or one segmentation and a
 * proposed one — with why: the CSM hand-off list. Accounts new in
 * `current` and gone from it are listed apart.
 *
 * The why names the ARR change and, when `current` was made with `explain:
 * true`, the rule that now takes the account.
 *
 * @param previous - what {@link segmentAccounts} returned before
 * @param current - what it returns now
 * @returns the moves, hand-offs, arrivals and departures; see {@link SegmentChanges}
 * @throws {@link core!SuccessKitError} `invalid_input` for an argument that is not a segmentation result, or an account listed twice (at `previous.accounts[i]` or `current.accounts[i]`)
 *
 * @example
 * ```ts
 * import { defaultSegmentation, segmentAccounts, segmentChanges } from 'successkit/segments';
 *
 * const lastQuarter = segmentAccounts(defaultSegmentation, [
 *   { id: 'acc-1', asOf: '2026-03-31', arr: 90_000 },
 *   { id: 'acc-2', asOf: '2026-03-31', arr: 20_000 },
 * ]);
 * const now = segmentAccounts(
 *   defaultSegmentation,
 *   [
 *     { id: 'acc-1', asOf: '2026-06-30', arr: 120_000 },
 *     { id: 'acc-2', asOf: '2026-06-30', arr: 21_000 },
 *   ],
 *   { explain: true },
 * );
 * const changes = segmentChanges(lastQuarter, now);
 * changes.moved.map((move) => `${move.accountId}: ${move.from.tier} → ${move.to.tier}`); // => ['acc-1: low → high']
 * changes.moved[0]?.why; // => 'ARR went from 90,000 to 120,000; High touch: ARR 120,000 ≥ 100,000'
 * changes.unchanged; // => 1
 * ```
 */
export function segmentChanges(previous: SegmentedAccounts, current: SegmentedAccounts): SegmentChanges {
  const before = read(previous, 'previous');
  const after = read(current, 'current');
  const beforeById = byId(before.accounts, 'previous');
  const afterById = byId(after.accounts, 'current');
  const tierRank = (tier: string): number => {
    const rank = after.segmentation.tiers.indexOf(tier);
    return rank < 0 ? before.segmentation.tiers.indexOf(tier) : rank;
  };
  const moved: SegmentMove[] = [];
  const entered: SegmentArrival[] = [];
  let unchanged = 0;
  for (const account of after.accounts) {
    const old = beforeById.get(account.accountId);
    const to = placeOf(after.segmentation, account);
    if (old === undefined) {
      entered.push({ accountId: account.accountId, ...to, arr: account.arr });
      continue;
    }
    if (old.segmentId === account.segmentId && old.tier === account.tier) {
      unchanged++;
      continue;
    }
    const from = placeOf(before.segmentation, old);
    const rankBefore = tierRank(old.tier);
    const rankAfter = tierRank(account.tier);
    moved.push({
      accountId: account.accountId,
      from,
      to,
      tierChanged: old.tier !== account.tier,
      direction: rankAfter < rankBefore ? 'more_touch' : rankAfter > rankBefore ? 'less_touch' : 'same_tier',
      arr: { before: old.arr, after: account.arr },
      why: whyMoved(old, account, to),
    });
  }
  const left = before.accounts
    .filter((account) => !afterById.has(account.accountId))
    .map((account) => ({ accountId: account.accountId, ...placeOf(before.segmentation, account), arr: account.arr }));
  return { moved, handOffs: moved.filter((move) => move.tierChanged).length, entered, left, unchanged };
}
