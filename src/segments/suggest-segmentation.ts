import * as z from 'zod/mini';
import { fail, parseWith, unreadable, atPath } from '../core/internal.js';
import { FieldCatalog } from '../rules/index.js';
import { defaultSegmentation } from './default-segmentation.js';
import { defineSegmentation, definedSegmentation } from './define-segmentation.js';
import { segmentAccounts, type SegmentableSnapshot } from './segment-accounts.js';
import type { Segment, Segmentation, SegmentationInput, SegmentInput } from './segmentation.js';
import { hoursPerMonth } from './service-model.js';

/**
 * Options of {@link suggestSegmentation}.
 *
 * @example
 * ```ts
 * import type { SuggestSegmentationOptions } from 'successkit/segments';
 *
 * const options: SuggestSegmentationOptions = { field: 'arr', tiers: 3, balance: 'hours' };
 * ```
 */
export interface SuggestSegmentationOptions {
  /** The number field the breakpoints cut, a top-level field of the snapshots. Default `'arr'`. */
  readonly field?: string;
  /** How many segments, 2 up to the template's number of segments. Default 3. */
  readonly tiers?: number;
  /**
   * What the breakpoints balance across the segments: `'arr'` gives each
   * the same ARR; `'hours'` gives each the same CSM hours under the
   * template's service models, so each needs the same number of CSMs.
   * Default `'arr'`.
   */
  readonly balance?: 'arr' | 'hours';
  /** The segments to fill in: names, tiers and service models of its first `tiers − 1` segments and its fallback. Default `defaultSegmentation`. */
  readonly template?: Segmentation | SegmentationInput;
  /** The catalog the suggested rules are checked against. Default `snapshotFields`. */
  readonly fields?: FieldCatalog;
}

const Options = z.strictObject({
  field: z.optional(z.string().check(z.minLength(1))),
  tiers: z.optional(z.int().check(z.minimum(2), z.maximum(100))),
  balance: z.optional(z.enum(['arr', 'hours'])),
  template: z.optional(z.unknown()),
  fields: z.optional(FieldCatalog),
});

/**
 * One segment of a suggested segmentation.
 *
 * @example
 * ```ts
 * import type { SuggestedSegment } from 'successkit/segments';
 *
 * const segment: SuggestedSegment = { segmentId: 'high-touch', tier: 'high', from: 110_000, accounts: 14, arr: 3_100_000, hoursNeeded: 81.7 };
 * ```
 */
export interface SuggestedSegment {
  readonly segmentId: string;
  readonly tier: string;
  /** The breakpoint: accounts whose field is at least this are in it (unless an earlier segment took them); `null` for the fallback. */
  readonly from: number | null;
  /** Accounts it gets, a count. */
  readonly accounts: number;
  /** Their ARR, money per year. */
  readonly arr: number;
  /** CSM hours its service model needs for them, hours per month. */
  readonly hoursNeeded: number;
}

/**
 * A suggested segmentation: a starting point a team edits.
 *
 * @example
 * ```ts
 * import type { SuggestedSegmentation } from 'successkit/segments';
 *
 * type Breakpoints = SuggestedSegmentation['breakpoints'];
 * ```
 */
export interface SuggestedSegmentation {
  /** The segmentation, defined: the template's segments with the breakpoints as their rules. */
  readonly segmentation: Segmentation;
  readonly field: string;
  readonly balance: 'arr' | 'hours';
  /** The breakpoints, from the highest, in the field's unit, rounded to two significant digits when that keeps them apart. */
  readonly breakpoints: readonly number[];
  /** What each segment gets with them. */
  readonly segments: readonly SuggestedSegment[];
  /** Accounts without a number in the field, which the fallback takes, a count. */
  readonly accountsWithoutValue: number;
}

/** Rounds to two significant digits. */
function roundNicely(value: number): number {
  if (value <= 0) return value;
  const scale = 10 ** (Math.floor(Math.log10(value)) - 1);
  return Math.round(value / scale) * scale;
}

interface Valued {
  readonly value: number;
  readonly arr: number;
}

/** Breakpoints cutting `sorted` (highest first) where the running weight passes each target. */
function cut(sorted: readonly Valued[], targets: readonly number[], weight: (account: Valued) => number): number[] {
  const breakpoints: number[] = [];
  let running = 0;
  let index = 0;
  for (const target of targets) {
    while (index < sorted.length && running < target) {
      const value = sorted[index]?.value ?? 0;
      // Accounts with the same value fall on the same side of a breakpoint.
      for (let account = sorted[index]; account?.value === value; account = sorted[index]) {
        running += weight(account);
        index++;
      }
      if (running >= target) break;
    }
    const last = sorted[Math.max(0, index - 1)]?.value ?? 0;
    breakpoints.push(last);
  }
  return breakpoints;
}

function templateSegments(template: Segmentation, tiers: number): Segment[] {
  const ruled = template.segments.filter((segment) => !segment.fallback);
  if (tiers - 1 > ruled.length) {
    fail(
      'invalid_input',
      ['options', 'tiers'],
      `expected at most ${String(ruled.length + 1)} tiers, the segments of the template, got ${String(tiers)}`,
    );
  }
  const fallback = template.segments.filter((segment) => segment.fallback);
  return [...ruled.slice(0, tiers - 1), ...fallback];
}

/** The field's own value; a field that throws when read is `invalid_input` at its snapshot. */
function readValue(snapshot: SegmentableSnapshot, field: string, index: number): unknown {
  try {
    return Object.hasOwn(snapshot, field) ? snapshot[field] : undefined;
  } catch (thrown) {
    throw unreadable(thrown, 'invalid_input', ['snapshots', index, field], 'the snapshot');
  }
}

function valuesOf(
  snapshots: readonly SegmentableSnapshot[],
  field: string,
): { valued: Valued[]; without: number; totalArr: number } {
  const valued: Valued[] = [];
  let without = 0;
  let totalArr = 0;
  for (const [index, snapshot] of snapshots.entries()) {
    const value = readValue(snapshot, field, index);
    const arr = snapshot.arr ?? 0;
    totalArr += arr;
    if (typeof value === 'number' && Number.isFinite(value)) valued.push({ value, arr });
    else without++;
  }
  valued.sort((left, right) => right.value - left.value);
  return { valued, without, totalArr };
}

/**
 * Suggests breakpoints on a number field (ARR by default) that balance ARR
 * or CSM workload across tiers, and fills them into a template's segments:
 * a starting point a team edits, not a verdict. The highest segment takes
 * the accounts at or above the first breakpoint, the next those at or
 * above the second, and the fallback the rest with the accounts without a
 * value.
 *
 * Balancing ARR cuts the accounts, largest first, where the running ARR
 * passes each `1/tiers` of the total. Balancing hours gives each segment
 * `N × (1/h) ÷ Σ(1/h)` accounts, where `h` is each segment's CSM hours per
 * account, so every segment needs the same CSM hours; it needs every
 * segment's service model to take some CSM time.
 *
 * @param snapshots - the accounts (see {@link SegmentableSnapshot})
 * @param options - see {@link SuggestSegmentationOptions}
 * @returns the suggested segmentation, its breakpoints and what each segment gets
 * @throws {@link core!SuccessKitError} `invalid_input` for bad options, no account with a value, more tiers than the template has, or balancing hours with a service model that takes none; the codes of `segmentAccounts` for bad snapshots
 *
 * @example
 * ```ts
 * import { suggestSegmentation } from 'successkit/segments';
 *
 * const accounts = [400_000, 300_000, 200_000, 100_000, 90_000, 80_000, 60_000, 50_000, 40_000, 30_000, 20_000, 10_000].map(
 *   (arr, index) => ({ id: `acc-${String(index)}`, asOf: '2026-06-30', arr }),
 * );
 * const suggested = suggestSegmentation(accounts, { balance: 'arr' });
 * suggested.breakpoints; // => [300000, 100000]
 * suggested.segments.map((segment) => segment.arr); // => [700000, 300000, 380000]
 * suggested.segmentation.segments[0]?.rule; // => { field: 'arr', op: 'gte', value: 300000 }
 * ```
 */
export function suggestSegmentation(
  snapshots: readonly SegmentableSnapshot[],
  options: SuggestSegmentationOptions = {},
): SuggestedSegmentation {
  const parsed = parseWith(Options, options, { path: ['options'] });
  const field = parsed.field ?? 'arr';
  const tiers = parsed.tiers ?? 3;
  const balance = parsed.balance ?? 'arr';
  const template =
    parsed.template === undefined ? defaultSegmentation : definedSegmentation(parsed.template, ['options', 'template']);
  const segments = templateSegments(template, tiers);
  // Checks the snapshots (ids, asOf, ARR) with their paths before reading them.
  segmentAccounts(template, snapshots);
  const { valued, without, totalArr } = valuesOf(snapshots, field);
  if (valued.length === 0)
    fail('invalid_input', ['snapshots'], `expected at least one account with a number in ${field}`);
  let breakpoints: number[];
  if (balance === 'arr') {
    const targets = Array.from({ length: tiers - 1 }, (_, index) => (totalArr * (index + 1)) / tiers);
    breakpoints = cut(valued, targets, (account) => account.arr);
  } else {
    const hours = segments.map((segment) => hoursPerMonth(segment.activities));
    if (hours.some((perAccount) => perAccount <= 0)) {
      fail(
        'invalid_input',
        ['options', 'balance'],
        "balancing hours needs every segment's service model to take CSM hours",
      );
    }
    const inverse = hours.map((perAccount) => 1 / perAccount);
    const sum = inverse.reduce((total, part) => total + part, 0);
    const accounts = valued.length + without;
    let running = 0;
    const targets = inverse.slice(0, -1).map((part) => {
      running += (accounts * part) / sum;
      return running;
    });
    breakpoints = cut(valued, targets, () => 1);
  }
  const rounded = breakpoints.map(roundNicely);
  const distinct = rounded.every((value, index) => index === 0 || value < (rounded[index - 1] ?? Infinity));
  const chosen = distinct && rounded.every((value) => value > 0) ? rounded : breakpoints;
  const input: SegmentationInput = {
    ...(template.id === undefined ? {} : { id: template.id }),
    ...(template.name === undefined ? {} : { name: template.name }),
    tiers: [...template.tiers],
    segments: segments.map((segment, index): SegmentInput => ({
      id: segment.id,
      name: segment.name,
      ...(segment.description === undefined ? {} : { description: segment.description }),
      tier: segment.tier,
      ...(segment.fallback ? { fallback: true } : { rule: { field, op: 'gte', value: chosen[index] ?? 0 } }),
      activities: segment.activities.map((activity) => ({ ...activity })),
    })),
  };
  const segmentation = atPath(['options'], () =>
    defineSegmentation(input, parsed.fields === undefined ? {} : { fields: parsed.fields }),
  );
  const tallies = segmentAccounts(segmentation, snapshots).segments;
  return {
    segmentation,
    field,
    balance,
    breakpoints: chosen,
    segments: tallies.map((tally, index) => ({
      segmentId: tally.segmentId,
      tier: tally.tier,
      from: index < chosen.length ? (chosen[index] ?? null) : null,
      accounts: tally.accounts,
      arr: tally.arr,
      hoursNeeded: tally.accounts * hoursPerMonth(segmentation.segments[index]?.activities ?? []),
    })),
    accountsWithoutValue: without,
  };
}
