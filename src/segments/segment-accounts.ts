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
} from '../core/internal.js';
import { explainRule, FieldCatalog, type RuleContext, type RuleExplanation } from '../rules/index.js';
import { snapshotFields } from '../snapshot/index.js';
import { compiledSegmentation } from './compiled-segmentation.js';
import { definedSegmentation } from './define-segmentation.js';
import { underPath } from './issue-path.js';
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

interface Tallies {
  readonly accounts: number[];
  readonly arr: number[];
  readonly withoutArr: number[];
  readonly smallest: (number | null)[];
  readonly largest: (number | null)[];
}

function emptyTallies(count: number): Tallies {
  return {
    accounts: new Array<number>(count).fill(0),
    arr: new Array<number>(count).fill(0),
    withoutArr: new Array<number>(count).fill(0),
    smallest: new Array<number | null>(count).fill(null),
    largest: new Array<number | null>(count).fill(null),
  };
}

function explain(
  segments: readonly Segment[],
  chosen: number,
  snapshot: object,
  context: RuleContext,
  fields: FieldCatalog,
): SegmentExplanation {
  const passedOver: { segmentId: string; summary: string }[] = [];
  for (let index = 0; index < chosen; index++) {
    const segment = segments[index];
    if (segment?.rule === null || segment?.rule === undefined) continue;
    passedOver.push({
      segmentId: segment.id,
      summary: explainRule(segment.rule, snapshot, { ...context, fields }).summary,
    });
  }
  const segment = segments[chosen];
  const matched =
    segment?.rule === null || segment?.rule === undefined
      ? null
      : explainRule(segment.rule, snapshot, { ...context, fields });
  const name = segment?.name ?? '';
  const earlier = passedOver
    .map(
      (passed) =>
        `not ${segments.find((candidate) => candidate.id === passed.segmentId)?.name ?? passed.segmentId} (${passed.summary})`,
    )
    .join('; ');
  const summary =
    matched === null ? `${name} (fallback)${earlier === '' ? '' : `: ${earlier}`}` : `${name}: ${matched.summary}`;
  return { summary, matched, passedOver };
}

function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** Runs the loop over the snapshots; an error is reported at the snapshot that caused it. */
function assign(
  segmentation: Segmentation,
  snapshots: readonly unknown[],
  options: { readonly explain: boolean; readonly fields: FieldCatalog },
): { readonly accounts: SegmentAssignment[]; readonly tallies: Tallies } {
  const { segments } = segmentation;
  const { predicates } = compiledSegmentation(segmentation);
  const ruled = predicates.length;
  const ids = segments.map((segment) => segment.id);
  const tiers = segments.map((segment) => segment.tier);
  const tallies = emptyTallies(segments.length);
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
        if (typeof record.asOf !== 'string' || !isCalendarDate(record.asOf))
          parseWith(SegmentedSnapshot, snapshot, { path: ['snapshots', index] });
        asOf = record.asOf;
        context = { asOf: record.asOf as CalendarDate };
      }
      let chosen = 0;
      while (
        chosen < ruled &&
        !(predicates[chosen] as (record: object, context: RuleContext) => boolean)(record, context)
      ) {
        chosen++;
      }
      const { arr } = record;
      tallies.accounts[chosen] = (tallies.accounts[chosen] ?? 0) + 1;
      if (arr === null) {
        tallies.withoutArr[chosen] = (tallies.withoutArr[chosen] ?? 0) + 1;
      } else {
        tallies.arr[chosen] = (tallies.arr[chosen] ?? 0) + arr;
        const smallest = tallies.smallest[chosen];
        const largest = tallies.largest[chosen];
        if (smallest === null || smallest === undefined || arr < smallest) tallies.smallest[chosen] = arr;
        if (largest === null || largest === undefined || arr > largest) tallies.largest[chosen] = arr;
      }
      accounts[index] = options.explain
        ? {
            accountId: record.id,
            segmentId: ids[chosen] ?? '',
            tier: tiers[chosen] ?? '',
            arr,
            explanation: explain(segments, chosen, record, context, options.fields),
          }
        : { accountId: record.id, segmentId: ids[chosen] ?? '', tier: tiers[chosen] ?? '', arr };
    }
  } catch (error) {
    if (!isSuccessKitError(error)) throw unreadable(error, 'invalid_input', ['snapshots', index], 'the snapshot');
    // Errors of the checks above carry their path; those of a rule reading the snapshot get it here.
    throw error.issues[0]?.path[0] === 'snapshots' ? error : underPath(error, ['snapshots', index]);
  }
  return { accounts, tallies };
}

/** The segments that got no account, with who took the accounts that meet their rule. */
function unreached(
  segmentation: Segmentation,
  snapshots: readonly unknown[],
  accounts: readonly SegmentAssignment[],
  tallies: Tallies,
): { readonly shadowed: ShadowedSegment[]; readonly unmatched: string[] } {
  const { predicates } = compiledSegmentation(segmentation);
  const shadowed: ShadowedSegment[] = [];
  const unmatched: string[] = [];
  segmentation.segments.forEach((segment, position) => {
    const predicate = predicates[position];
    if (segment.fallback || predicate === undefined || tallies.accounts[position] !== 0) return;
    const takenBy = new Map<string, number>();
    let matching = 0;
    for (let index = 0; index < snapshots.length; index++) {
      const snapshot = snapshots[index] as ReadSnapshot;
      if (!predicate(snapshot, { asOf: snapshot.asOf as CalendarDate })) continue;
      matching++;
      const by = accounts[index]?.segmentId ?? '';
      takenBy.set(by, (takenBy.get(by) ?? 0) + 1);
    }
    if (matching === 0) {
      unmatched.push(segment.id);
      return;
    }
    shadowed.push({
      segmentId: segment.id,
      name: segment.name,
      matchingAccounts: matching,
      takenBy: segmentation.segments
        .filter((earlier) => takenBy.has(earlier.id))
        .map((earlier) => ({ segmentId: earlier.id, accounts: takenBy.get(earlier.id) ?? 0 })),
    });
  });
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
  const { accounts, tallies } = assign(defined, list, { explain: parsed.explain === true, fields });
  const totalAccounts = accounts.length;
  let totalArr = 0;
  let withoutArr = 0;
  for (let index = 0; index < defined.segments.length; index++) {
    totalArr += tallies.arr[index] ?? 0;
    withoutArr += tallies.withoutArr[index] ?? 0;
  }
  if (!Number.isFinite(totalArr))
    fail('invalid_input', ['snapshots'], 'the ARR of the snapshots sums beyond the largest number');
  const segments = defined.segments.map((segment, index): SegmentTally => ({
    segmentId: segment.id,
    name: segment.name,
    tier: segment.tier,
    fallback: segment.fallback,
    accounts: tallies.accounts[index] ?? 0,
    accountShare: share(tallies.accounts[index] ?? 0, totalAccounts),
    arr: tallies.arr[index] ?? 0,
    arrShare: share(tallies.arr[index] ?? 0, totalArr),
    accountsWithoutArr: tallies.withoutArr[index] ?? 0,
    smallestArr: tallies.smallest[index] ?? null,
    largestArr: tallies.largest[index] ?? null,
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
  const { shadowed, unmatched } = unreached(defined, list, accounts, tallies);
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
