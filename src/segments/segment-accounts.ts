import * as z from 'zod/mini';
import {
  CalendarDate,
  fail,
  isArray,
  isCalendarDate,
  isSuccessKitError,
  Money,
  parseWith,
  unreadable,
  underPath,
} from '../core/internal.js';
import {
  explainRule,
  FieldCatalog,
  type RuleContext,
  type RuleExplanation,
  type RulePredicate,
} from '../rules/index.js';
import { snapshotFields } from '../snapshot/index.js';
import { compiledSegmentation } from './compiled-segmentation.js';
import { definedSegmentation } from './define-segmentation.js';
import type { Segment, Segmentation, SegmentationInput } from './segmentation.js';
import type { TouchTier } from './touch-tier.js';

/**
 * Options of {@link segmentAccounts}.
 *
 * @example
 * ```ts
 * import type { SegmentAccountsOptions } from 'successkit/segments';
 *
 * const options: SegmentAccountsOptions = { explain: true };
 * ```
 */
export interface SegmentAccountsOptions {
  /**
   * Whether every account gets an {@link SegmentExplanation}: why its
   * segment's rule held and why each earlier one did not. Default `false`:
   * explanations cost about a hundred times the segmentation itself, so
   * scan a portfolio without them and explain the accounts a person reads.
   */
  readonly explain?: boolean;
  /** The catalog whose labels explanations use. Default `snapshotFields`. */
  readonly fields?: FieldCatalog;
}

const Options = z.strictObject({ explain: z.optional(z.boolean()), fields: z.optional(FieldCatalog) });

/**
 * Why an account is in its segment: the rule that took it and, for every
 * earlier segment, why its rule did not hold.
 *
 * @example
 * ```ts
 * import type { SegmentExplanation } from 'successkit/segments';
 *
 * const why: SegmentExplanation = {
 *   summary: 'Tech touch (fallback): not High touch (ARR 9,000 < 100,000)',
 *   matched: null,
 *   passedOver: [{ segmentId: 'high-touch', summary: 'ARR 9,000 < 100,000' }],
 * };
 * ```
 */
export interface SegmentExplanation {
  /** One line: the segment and the clauses that decided. */
  readonly summary: string;
  /** How the segment's rule came out; `null` for the fallback, which has none. */
  readonly matched: RuleExplanation | null;
  /** The earlier segments, in order, each with why its rule did not hold. */
  readonly passedOver: readonly { readonly segmentId: string; readonly summary: string }[];
}

/**
 * The segment one account landed in.
 *
 * @example
 * ```ts
 * import type { SegmentAssignment } from 'successkit/segments';
 *
 * const assignment: SegmentAssignment = { accountId: 'acc-1', segmentId: 'high-touch', tier: 'high', arr: 120_000 };
 * ```
 */
export interface SegmentAssignment {
  readonly accountId: string;
  readonly segmentId: string;
  readonly tier: TouchTier;
  /** The account's ARR, money per year; `null` when the snapshot has none. */
  readonly arr: number | null;
  /** Why, when `explain` was asked for. */
  readonly explanation?: SegmentExplanation;
}

/**
 * What one segment holds: accounts and ARR, with their shares of the whole.
 *
 * @example
 * ```ts
 * import type { SegmentTally } from 'successkit/segments';
 *
 * const tally: SegmentTally = {
 *   segmentId: 'high-touch', name: 'High touch', tier: 'high', fallback: false,
 *   accounts: 2, accountShare: 0.5, arr: 300_000, arrShare: 0.9, accountsWithoutArr: 0, smallestArr: 100_000, largestArr: 200_000,
 * };
 * ```
 */
export interface SegmentTally {
  readonly segmentId: string;
  readonly name: string;
  readonly tier: TouchTier;
  readonly fallback: boolean;
  /** Accounts in the segment, a count. */
  readonly accounts: number;
  /** Its share of all accounts, 0–1; `null` without accounts. */
  readonly accountShare: number | null;
  /** The ARR of its accounts, money per year (accounts without ARR count 0). */
  readonly arr: number;
  /** Its share of all ARR, 0–1; `null` when the accounts have no ARR at all. */
  readonly arrShare: number | null;
  /** Its accounts whose snapshot has no ARR, a count. */
  readonly accountsWithoutArr: number;
  /** The smallest and largest ARR of its accounts, money per year; `null` without an account with ARR. */
  readonly smallestArr: number | null;
  readonly largestArr: number | null;
}

/**
 * What one touch tier holds, over all its segments.
 *
 * @example
 * ```ts
 * import type { TierTally } from 'successkit/segments';
 *
 * const tally: TierTally = { tier: 'tech', accounts: 300, accountShare: 0.6, arr: 1_500_000, arrShare: 0.05 };
 * ```
 */
export interface TierTally {
  readonly tier: TouchTier;
  /** Accounts in the tier, a count. */
  readonly accounts: number;
  /** Its share of all accounts, 0–1; `null` without accounts. */
  readonly accountShare: number | null;
  /** The ARR of its accounts, money per year. */
  readonly arr: number;
  /** Its share of all ARR, 0–1; `null` when the accounts have no ARR at all. */
  readonly arrShare: number | null;
}

/**
 * A segment that got no account although some meet its rule: earlier
 * segments took them all, on this data.
 *
 * @example
 * ```ts
 * import type { ShadowedSegment } from 'successkit/segments';
 *
 * const shadowed: ShadowedSegment = { segmentId: 'emea', name: 'EMEA', matchingAccounts: 12, takenBy: [{ segmentId: 'high-touch', accounts: 12 }] };
 * ```
 */
export interface ShadowedSegment {
  readonly segmentId: string;
  readonly name: string;
  /** Accounts whose snapshot meets the segment's rule, a count. */
  readonly matchingAccounts: number;
  /** The earlier segments that took them, in segmentation order, with how many each took. */
  readonly takenBy: readonly { readonly segmentId: string; readonly accounts: number }[];
}

/**
 * Accounts placed in segments: per account its segment, per segment and
 * tier the counts and ARR, and the segments no account reached.
 *
 * @example
 * ```ts
 * import { defaultSegmentation, segmentAccounts, type SegmentedAccounts } from 'successkit/segments';
 *
 * const segmented: SegmentedAccounts = segmentAccounts(defaultSegmentation, []);
 * segmented.totals; // => { accounts: 0, arr: 0, accountsWithoutArr: 0 }
 * ```
 */
export interface SegmentedAccounts {
  /** The segmentation used, as defined. */
  readonly segmentation: Segmentation;
  /** Every account, in the order of the snapshots. */
  readonly accounts: readonly SegmentAssignment[];
  /** Every segment, in segmentation order. */
  readonly segments: readonly SegmentTally[];
  /** Every tier, in the segmentation's tier order. */
  readonly tiers: readonly TierTally[];
  /** Segments that got no account though some meet their rule: earlier segments shadow them on this data. */
  readonly shadowed: readonly ShadowedSegment[];
  /** Segments other than the fallback whose rule no account meets at all. */
  readonly unmatched: readonly string[];
  readonly totals: {
    /** Accounts, a count. */
    readonly accounts: number;
    /** ARR of all accounts, money per year. */
    readonly arr: number;
    /** Accounts without ARR, a count. */
    readonly accountsWithoutArr: number;
  };
}

/**
 * What {@link segmentAccounts} needs of an account: an {@link
 * snapshot!AccountSnapshot}, or any record with its `id`, `asOf` and `arr`;
 * segment rules read the other fields, and a field a record lacks is
 * missing to them.
 *
 * @example
 * ```ts
 * import type { SegmentableSnapshot } from 'successkit/segments';
 *
 * const account: SegmentableSnapshot = { id: 'acc-1', asOf: '2026-06-30', arr: 120_000, region: 'emea' };
 * ```
 */
export interface SegmentableSnapshot {
  readonly id: string;
  /** The day of the snapshot, `YYYY-MM-DD`: rules that count days count them to it. */
  readonly asOf: string;
  /** ARR, money per year; `null` when unknown. */
  readonly arr: number | null;
  readonly [field: string]: unknown;
}

/** The fields segmentAccounts reads itself; rules read the rest and tolerate any value. */
const SegmentedSnapshot = z.looseObject({ id: z.string(), asOf: CalendarDate, arr: z.nullable(Money) });

interface ReadSnapshot {
  readonly id: string;
  readonly asOf: string;
  readonly arr: number | null;
}

/**
 * Accepts what SegmentedSnapshot accepts, but for `asOf`, which the loop
 * checks only when it differs from the snapshot before (most snapshots share
 * one day, and one string, so the check costs a pointer comparison).
 */
function isReadable(value: unknown): value is ReadSnapshot {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  const arr = record.arr;
  return typeof record.id === 'string' && (arr === null || (typeof arr === 'number' && arr >= 0 && arr < Infinity));
}

/** One segment as the loop sees it: its rule compiled (`null` for the fallback) and its running tallies. */
interface Entry {
  readonly segment: Segment;
  readonly predicate: RulePredicate | null;
  accounts: number;
  arr: number;
  withoutArr: number;
  smallest: number | null;
  largest: number | null;
}

function entriesOf(segmentation: Segmentation): { readonly entries: Entry[]; readonly fallback: Entry } {
  const { predicates } = compiledSegmentation(segmentation);
  let ruled = 0;
  const entries = segmentation.segments.map((segment): Entry => ({
    segment,
    predicate: segment.rule === null ? null : (predicates[ruled++] ?? null),
    accounts: 0,
    arr: 0,
    withoutArr: 0,
    smallest: null,
    largest: null,
  }));
  // A defined segmentation always ends with its fallback.
  const fallback =
    entries.find((entry) => entry.predicate === null) ?? fail('invalid_definition', ['segments'], 'no fallback');
  return { entries, fallback };
}

function explain(
  entries: readonly Entry[],
  chosen: Entry,
  snapshot: object,
  context: RuleContext,
  fields: FieldCatalog,
): SegmentExplanation {
  const passedOver: { segmentId: string; summary: string }[] = [];
  const earlier: string[] = [];
  let matched: RuleExplanation | null = null;
  for (const { segment } of entries) {
    if (segment.rule === null) break;
    const why = explainRule(segment.rule, snapshot, { ...context, fields });
    if (segment === chosen.segment) {
      matched = why;
      break;
    }
    passedOver.push({ segmentId: segment.id, summary: why.summary });
    earlier.push(`not ${segment.name} (${why.summary})`);
  }
  const { name } = chosen.segment;
  const summary =
    matched === null
      ? `${name} (fallback)${earlier.length === 0 ? '' : `: ${earlier.join('; ')}`}`
      : `${name}: ${matched.summary}`;
  return { summary, matched, passedOver };
}

function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** Runs the loop over the snapshots; an error is reported at the snapshot that caused it. */
function assign(
  entries: readonly Entry[],
  fallback: Entry,
  snapshots: readonly unknown[],
  options: { readonly explain: boolean; readonly fields: FieldCatalog },
): SegmentAssignment[] {
  const accounts = new Array<SegmentAssignment>(snapshots.length);
  // No snapshot's asOf is this object, so the first snapshot's is always checked.
  let asOf: unknown = {};
  let context: RuleContext = {};
  let index = 0;
  try {
    for (; index < snapshots.length; index++) {
      const snapshot = snapshots[index];
      if (!isReadable(snapshot)) parseWith(SegmentedSnapshot, snapshot, { path: ['snapshots', index] });
      const record = snapshot as ReadSnapshot;
      if (record.asOf !== asOf) {
        if (typeof record.asOf !== 'string' || !isCalendarDate(record.asOf)) {
          parseWith(SegmentedSnapshot, snapshot, { path: ['snapshots', index] });
        }
        asOf = record.asOf;
        context = { asOf: record.asOf as CalendarDate };
      }
      let chosen = fallback;
      for (const entry of entries) {
        if (entry.predicate === null || entry.predicate(record, context)) {
          chosen = entry;
          break;
        }
      }
      const { arr } = record;
      chosen.accounts++;
      if (arr === null) {
        chosen.withoutArr++;
      } else {
        chosen.arr += arr;
        if (chosen.smallest === null || arr < chosen.smallest) chosen.smallest = arr;
        if (chosen.largest === null || arr > chosen.largest) chosen.largest = arr;
      }
      const { id, tier } = chosen.segment;
      accounts[index] = options.explain
        ? {
            accountId: record.id,
            segmentId: id,
            tier,
            arr,
            explanation: explain(entries, chosen, record, context, options.fields),
          }
        : { accountId: record.id, segmentId: id, tier, arr };
    }
  } catch (error) {
    if (!isSuccessKitError(error)) throw unreadable(error, 'invalid_input', ['snapshots', index], 'the snapshot');
    // Errors of the checks above carry their path; those of a rule reading the snapshot get it here.
    throw error.issues[0]?.path[0] === 'snapshots' ? error : underPath(error, ['snapshots', index]);
  }
  return accounts;
}

/** The segments that got no account, with who took the accounts that meet their rule. */
function unreached(
  entries: readonly Entry[],
  snapshots: readonly unknown[],
  accounts: readonly SegmentAssignment[],
): { readonly shadowed: ShadowedSegment[]; readonly unmatched: string[] } {
  const shadowed: ShadowedSegment[] = [];
  const unmatched: string[] = [];
  for (const { segment, predicate, accounts: reached } of entries) {
    if (predicate === null || reached !== 0) continue;
    const takenBy = new Map<string, number>();
    let matching = 0;
    snapshots.forEach((snapshot, index) => {
      const record = snapshot as ReadSnapshot;
      if (!predicate(record, { asOf: record.asOf as CalendarDate })) return;
      matching++;
      const by = accounts[index]?.segmentId;
      if (by !== undefined) takenBy.set(by, (takenBy.get(by) ?? 0) + 1);
    });
    if (matching === 0) {
      unmatched.push(segment.id);
      continue;
    }
    shadowed.push({
      segmentId: segment.id,
      name: segment.name,
      matchingAccounts: matching,
      takenBy: entries.flatMap(({ segment: earlier }) => {
        const taken = takenBy.get(earlier.id);
        return taken === undefined ? [] : [{ segmentId: earlier.id, accounts: taken }];
      }),
    });
  }
  return { shadowed, unmatched };
}

/**
 * Places every account in the first segment whose rule its snapshot meets,
 * the fallback taking the rest, and tallies accounts and ARR per segment and
 * tier. Segments that got no account are listed: `shadowed` when some
 * accounts meet their rule but earlier segments took them, `unmatched` when
 * none does.
 *
 * The rules are compiled once per segmentation and kept, so segmenting a
 * million snapshots takes a fraction of a second. Rules that count days
 * (`withinNextDays`, `daysSinceGt`, …) count them to each snapshot's `asOf`.
 * The account ids are not checked for uniqueness here; `segmentChanges` does.
 *
 * @param segmentation - a {@link Segmentation}, or its plain input (checked first, issues at `segmentation…`)
 * @param snapshots - the accounts' snapshots (see {@link SegmentableSnapshot}): `id`, `asOf` and `arr` are read, the rules read the rest
 * @param options - see {@link SegmentAccountsOptions}
 * @returns the accounts with their segments, and the tallies; see {@link SegmentedAccounts}
 * @throws {@link core!SuccessKitError} `invalid_input` for a snapshot without a proper `id`, `asOf` or `arr` (at `snapshots[i]`), or ARR summing beyond the largest number; the segmentation's codes for a bad segmentation
 *
 * @example
 * ```ts
 * import { samplePortfolio } from 'successkit/sample';
 * import { accountSnapshots } from 'successkit/snapshot';
 * import { defaultSegmentation, segmentAccounts } from 'successkit/segments';
 *
 * const { snapshots } = accountSnapshots(samplePortfolio({ accounts: 200, seed: 3, asOf: '2026-06-30' }));
 * const segmented = segmentAccounts(defaultSegmentation, snapshots);
 * segmented.segments.map((segment) => segment.accounts); // => [27, 67, 106]
 * segmented.totals.accounts; // => 200
 * segmented.accounts[0]?.segmentId; // => 'tech-touch'
 * ```
 */
export function segmentAccounts(
  segmentation: Segmentation | SegmentationInput,
  snapshots: readonly SegmentableSnapshot[],
  options: SegmentAccountsOptions = {},
): SegmentedAccounts {
  const defined = definedSegmentation(segmentation, ['segmentation']);
  const list: readonly unknown[] = isArray(snapshots)
    ? snapshots
    : parseWith(z.array(z.unknown()), snapshots, { path: ['snapshots'] });
  const parsed = parseWith(Options, options, { path: ['options'] });
  const fields = parsed.fields ?? snapshotFields;
  const { entries, fallback } = entriesOf(defined);
  const accounts = assign(entries, fallback, list, { explain: parsed.explain === true, fields });
  const totalAccounts = accounts.length;
  let totalArr = 0;
  let withoutArr = 0;
  for (const entry of entries) {
    totalArr += entry.arr;
    withoutArr += entry.withoutArr;
  }
  if (!Number.isFinite(totalArr)) {
    fail('invalid_input', ['snapshots'], 'the ARR of the snapshots sums beyond the largest number');
  }
  const segments = entries.map(({ segment, ...tally }): SegmentTally => ({
    segmentId: segment.id,
    name: segment.name,
    tier: segment.tier,
    fallback: segment.fallback,
    accounts: tally.accounts,
    accountShare: share(tally.accounts, totalAccounts),
    arr: tally.arr,
    arrShare: share(tally.arr, totalArr),
    accountsWithoutArr: tally.withoutArr,
    smallestArr: tally.smallest,
    largestArr: tally.largest,
  }));
  const tiers = defined.tiers.map((tier): TierTally => {
    let tierAccounts = 0;
    let tierArr = 0;
    for (const segment of segments) {
      if (segment.tier !== tier) continue;
      tierAccounts += segment.accounts;
      tierArr += segment.arr;
    }
    return {
      tier,
      accounts: tierAccounts,
      accountShare: share(tierAccounts, totalAccounts),
      arr: tierArr,
      arrShare: share(tierArr, totalArr),
    };
  });
  const { shadowed, unmatched } = unreached(entries, list, accounts);
  return {
    segmentation: defined,
    accounts,
    segments,
    tiers,
    shadowed,
    unmatched,
    totals: { accounts: totalAccounts, arr: totalArr, accountsWithoutArr: withoutArr },
  };
}
