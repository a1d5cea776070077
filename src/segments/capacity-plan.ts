import * as z from 'zod/mini';
import { Count, fail, Id, Money, parseWith, quoteText } from '../core/internal.js';
import { capacityFindings, type CapacityFinding } from './capacity-findings.js';
import { rangesOf, type HealthyRange, type TierRanges } from './capacity-ranges.js';
import { CapacityPlanInput, type CapacityTeam } from './capacity-team.js';
import { definedSegmentation } from './define-segmentation.js';
import type { SegmentedAccounts } from './segment-accounts.js';
import type { Segmentation } from './segmentation.js';
import { hoursPerMonth } from './service-model.js';
import type { TouchTier } from './touch-tier.js';

/**
 * Why a capacity measure has no value: no CSM serves the segment, CSMs cost
 * nothing, the accounts have no ARR, the team has no hours, or the quotient
 * is too large to be a number (a sliver of a CSM against a large book).
 *
 * @example
 * ```ts
 * import type { CapacityNullReason } from 'successkit/segments';
 *
 * const reason: CapacityNullReason = 'no_csms_assigned';
 * ```
 */
export type CapacityNullReason =
  'no_csms_assigned' | 'no_cost' | 'no_arr' | 'no_hours_available' | 'no_hours_per_csm' | 'too_large';

/**
 * Where a measure stands against its healthy range: `'not_measured'` when
 * it has no value, `'no_range'` when its tier has no range for it.
 *
 * @example
 * ```ts
 * import type { RangeStatus } from 'successkit/segments';
 *
 * const status: RangeStatus = 'above';
 * ```
 */
export type RangeStatus = 'below' | 'within' | 'above' | 'no_range' | 'not_measured';

/**
 * One capacity measure of a segment: its value, the healthy range of its
 * tier and where it stands.
 *
 * @example
 * ```ts
 * import type { CapacityMeasure } from 'successkit/segments';
 *
 * const accountsPerCsm: CapacityMeasure = { value: 42, range: { min: 8, max: 30 }, status: 'above' };
 * ```
 */
export interface CapacityMeasure {
  /** The value, in the measure's unit; `null` when it cannot be given. */
  readonly value: number | null;
  /** Why `value` is `null`. */
  readonly nullReason?: CapacityNullReason;
  /** The tier's healthy range; `null` when it has none. */
  readonly range: HealthyRange | null;
  readonly status: RangeStatus;
}

/**
 * The capacity of one segment: the hours its service model needs, the CSMs
 * that takes and the CSMs it gets, and its book of business.
 *
 * @example
 * ```ts
 * import type { SegmentCapacity } from 'successkit/segments';
 *
 * type Needed = SegmentCapacity['csmsNeeded'];
 * ```
 */
export interface SegmentCapacity {
  readonly segmentId: string;
  readonly name: string;
  readonly tier: TouchTier;
  /** Accounts, a count. */
  readonly accounts: number;
  /** ARR of its accounts, money per year. */
  readonly arr: number;
  /** The smallest and largest ARR of its accounts, money per year; `null` without an account with ARR. */
  readonly smallestArr: number | null;
  readonly largestArr: number | null;
  /** CSM hours its service model takes per account, hours per month. */
  readonly hoursPerAccount: number;
  /** CSM hours its accounts need, hours per month. */
  readonly hoursNeeded: number;
  /** CSMs its accounts need, full-time equivalents; `null` when a CSM has no hours (`hoursPerCsmPerMonth` 0) and hours are needed. */
  readonly csmsNeeded: number | null;
  /** `csmsNeeded` rounded up to whole people; `null` with it. */
  readonly csmsNeededWhole: number | null;
  /** CSMs serving it: those dedicated to it, then the pool's, from the most-touch tier down; full-time equivalents. */
  readonly csmsAssigned: number;
  /** Share of its needed hours the CSMs serving it provide, 0–1; `null` when it needs none. */
  readonly coverage: number | null;
  /** What its service model costs: `csmsNeeded × costPerCsm`, money per year; `null` with `csmsNeeded` or when too large to be a number. */
  readonly serviceCost: number | null;
  /** ARR ÷ `serviceCost`, a ratio (below 1: the segment's ARR does not pay for its service); `null` when the service costs nothing. */
  readonly arrToServiceCost: number | null;
  /** Accounts per CSM serving it, accounts. */
  readonly accountsPerCsm: CapacityMeasure;
  /** ARR per CSM serving it, the book of business, money per year. */
  readonly arrPerCsm: CapacityMeasure;
  /** `arrPerCsm ÷ costPerCsm`, a ratio. */
  readonly arrToCost: CapacityMeasure;
  /** Its share of all ARR, 0–1. */
  readonly arrShare: CapacityMeasure;
}

/**
 * The team's capacity against what all segments need.
 *
 * @example
 * ```ts
 * import type { CapacityTotals } from 'successkit/segments';
 *
 * type Short = CapacityTotals['shortfallCsms'];
 * ```
 */
export interface CapacityTotals {
  /** Accounts, a count. */
  readonly accounts: number;
  /** ARR, money per year. */
  readonly arr: number;
  /** CSM hours all service models need, hours per month. */
  readonly hoursNeeded: number;
  /** CSM hours the team has: `csmCount × hoursPerCsmPerMonth`, hours per month. */
  readonly hoursAvailable: number;
  /** CSMs all segments need, full-time equivalents; `null` when a CSM has no hours and hours are needed. */
  readonly csmsNeeded: number | null;
  /** `csmsNeeded` rounded up to whole people, the pooled team's size; `null` with it. */
  readonly csmsNeededWhole: number | null;
  /** CSMs on the team, full-time equivalents. */
  readonly csmsAvailable: number;
  /** Hours needed ÷ hours available, a ratio (1 is a full team, above 1 over capacity); `null` without hours available. */
  readonly load: number | null;
  readonly loadNullReason?: CapacityNullReason;
  /** CSMs missing, full-time equivalents (0 when the team suffices); `null` with `csmsNeeded`. */
  readonly shortfallCsms: number | null;
  /** CSMs the service models leave free, full-time equivalents; `null` with `csmsNeeded`. */
  readonly spareCsms: number | null;
  /** The team's cost: `csmCount × costPerCsm`, money per year. */
  readonly teamCost: number;
  /** ARR per CSM on the team, money per year; `null` without CSMs. */
  readonly arrPerCsm: number | null;
  /** `arrPerCsm ÷ costPerCsm`, a ratio; `null` without CSMs or cost. */
  readonly arrToCost: number | null;
}

/**
 * Whether a segmentation can be served by a team: per segment the hours,
 * CSMs and book of business against healthy ranges, the team's totals and
 * the findings, worst first.
 *
 * @example
 * ```ts
 * import { capacityPlan, defaultSegmentation, segmentAccounts, type CapacityPlan } from 'successkit/segments';
 *
 * const plan: CapacityPlan = capacityPlan(segmentAccounts(defaultSegmentation, []), {
 *   team: { csmCount: 2, hoursPerCsmPerMonth: 100, costPerCsm: 140_000 },
 * });
 * plan.totals.hoursNeeded; // => 0
 * ```
 */
export interface CapacityPlan {
  /** The segmentation, as defined. */
  readonly segmentation: Segmentation;
  /** The team and ranges the plan was made with. */
  readonly input: CapacityPlanInput;
  /** Accounts and ARR per segment that the plan was made from, in segmentation order. */
  readonly tallies: readonly SegmentTallyInput[];
  /** Every segment, in segmentation order. */
  readonly segments: readonly SegmentCapacity[];
  readonly totals: CapacityTotals;
  /** What needs attention, critical first. */
  readonly findings: readonly CapacityFinding[];
}

/**
 * What a plan reads of each segment's tally: accounts, ARR and the smallest
 * and largest ARR, money per year.
 *
 * @example
 * ```ts
 * import type { SegmentTallyInput } from 'successkit/segments';
 *
 * const tally: SegmentTallyInput = { segmentId: 'high-touch', accounts: 12, arr: 2_400_000, smallestArr: 100_000, largestArr: 600_000 };
 * ```
 */
export interface SegmentTallyInput {
  readonly segmentId: string;
  readonly accounts: number;
  readonly arr: number;
  readonly smallestArr: number | null;
  readonly largestArr: number | null;
}

const Tallies = z.array(
  z.looseObject({
    segmentId: Id,
    accounts: Count,
    arr: Money,
    smallestArr: z.nullable(Money),
    largestArr: z.nullable(Money),
  }),
);

/** `numerator ÷ denominator`; `null` when the denominator is not above 0 or the quotient is too large to be a number. */
function ratio(numerator: number, denominator: number): number | null {
  if (!(denominator > 0)) return null;
  const quotient = numerator / denominator;
  return Number.isFinite(quotient) ? quotient : null;
}

/** The number, or `null` when it is too large to be one. */
function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/** CSMs for some hours a month: 0 for none, `null` when a CSM has no hours (or too few to count). */
function csmsFor(hoursNeeded: number, hourly: number): number | null {
  return hoursNeeded === 0 ? 0 : ratio(hoursNeeded, hourly);
}

/** Rounds up to whole people, forgiving binary noise (5.0000000001 CSMs is 5). */
function wholePeople(value: number): number {
  return Math.ceil(Number(value.toFixed(9)));
}

function measure(
  value: number | null,
  nullReason: CapacityNullReason,
  range: HealthyRange | undefined,
): CapacityMeasure {
  const known = range ?? null;
  if (value === null) return { value: null, nullReason, range: known, status: 'not_measured' };
  if (known === null) return { value, range: null, status: 'no_range' };
  if (known.min !== undefined && value < known.min) return { value, range: known, status: 'below' };
  if (known.max !== undefined && value > known.max) return { value, range: known, status: 'above' };
  return { value, range: known, status: 'within' };
}

/** CSMs dedicated by the allocation, then the pool, from the most-touch tier down. */
function assignCsms(segmentation: Segmentation, needed: readonly (number | null)[], team: CapacityTeam): number[] {
  const allocation = team.allocation ?? {};
  const ids = new Set(segmentation.segments.map((segment) => segment.id));
  let dedicated = 0;
  for (const id of Object.keys(allocation)) {
    if (!ids.has(id))
      fail('invalid_input', ['input', 'team', 'allocation', id], `no segment has the id ${quoteText(id, 64)}`);
    dedicated += allocation[id] ?? 0;
  }
  if (dedicated > team.csmCount + 1e-9) {
    fail(
      'invalid_input',
      ['input', 'team', 'allocation'],
      `dedicates ${String(dedicated)} CSMs, but the team has ${String(team.csmCount)}`,
    );
  }
  const assigned = segmentation.segments.map((segment) =>
    Object.hasOwn(allocation, segment.id) ? (allocation[segment.id] ?? 0) : 0,
  );
  let pool = Math.max(0, team.csmCount - dedicated);
  const order = segmentation.segments
    .map((segment, index) => ({ index, rank: segmentation.tiers.indexOf(segment.tier) }))
    .sort((left, right) => left.rank - right.rank || left.index - right.index);
  for (const { index } of order) {
    const missing = Math.max(0, (needed[index] ?? 0) - (assigned[index] ?? 0));
    const given = Math.min(pool, missing);
    if (given < 1e-9) continue;
    assigned[index] = (assigned[index] ?? 0) + given;
    pool -= given;
  }
  return assigned;
}

function segmentCapacity(
  segmentation: Segmentation,
  tallies: readonly SegmentTallyInput[],
  team: CapacityTeam,
  ranges: CapacityPlanInput['ranges'],
): SegmentCapacity[] {
  const hourly = team.hoursPerCsmPerMonth;
  const totalArr = tallies.reduce((sum, tally) => sum + tally.arr, 0);
  const hours = segmentation.segments.map((segment, index) => {
    const perAccount = hoursPerMonth(segment.activities);
    return { perAccount, needed: (tallies[index]?.accounts ?? 0) * perAccount };
  });
  const needed = hours.map(({ needed: hoursNeeded }) => csmsFor(hoursNeeded, hourly));
  const assigned = assignCsms(segmentation, needed, team);
  return segmentation.segments.map((segment, index): SegmentCapacity => {
    const tally = tallies[index];
    const accounts = tally?.accounts ?? 0;
    const arr = tally?.arr ?? 0;
    const csms = assigned[index] ?? 0;
    const csmsNeeded = needed[index] ?? null;
    const { perAccount, needed: hoursNeeded } = hours[index] ?? { perAccount: 0, needed: 0 };
    const tierRanges: TierRanges = rangesOf(segment.tier, ranges);
    const arrPerCsm = ratio(arr, csms);
    const serviceCost = csmsNeeded === null ? null : finiteOrNull(csmsNeeded * team.costPerCsm);
    return {
      segmentId: segment.id,
      name: segment.name,
      tier: segment.tier,
      accounts,
      arr,
      smallestArr: tally?.smallestArr ?? null,
      largestArr: tally?.largestArr ?? null,
      hoursPerAccount: perAccount,
      hoursNeeded,
      csmsNeeded,
      csmsNeededWhole: csmsNeeded === null ? null : wholePeople(csmsNeeded),
      csmsAssigned: csms,
      coverage: hoursNeeded > 0 ? Math.min(1, ratio(csms * hourly, hoursNeeded) ?? 1) : null,
      serviceCost,
      arrToServiceCost: serviceCost === null ? null : ratio(arr, serviceCost),
      accountsPerCsm: measure(
        ratio(accounts, csms),
        csms > 0 ? 'too_large' : 'no_csms_assigned',
        tierRanges.accountsPerCsm,
      ),
      arrPerCsm: measure(arrPerCsm, csms > 0 ? 'too_large' : 'no_csms_assigned', tierRanges.arrPerCsm),
      arrToCost: measure(
        arrPerCsm === null ? null : ratio(arrPerCsm, team.costPerCsm),
        arrPerCsm === null
          ? csms > 0
            ? 'too_large'
            : 'no_csms_assigned'
          : team.costPerCsm > 0
            ? 'too_large'
            : 'no_cost',
        tierRanges.arrToCost,
      ),
      arrShare: measure(ratio(arr, totalArr), 'no_arr', tierRanges.arrShare),
    };
  });
}

function capacityTotals(segments: readonly SegmentCapacity[], team: CapacityTeam): CapacityTotals {
  let accounts = 0;
  let arr = 0;
  let hoursNeeded = 0;
  for (const segment of segments) {
    accounts += segment.accounts;
    arr += segment.arr;
    hoursNeeded += segment.hoursNeeded;
  }
  const hourly = team.hoursPerCsmPerMonth;
  const hoursAvailable = team.csmCount * hourly;
  const csmsNeeded = csmsFor(hoursNeeded, hourly);
  const arrPerCsm = ratio(arr, team.csmCount);
  return {
    accounts,
    arr,
    hoursNeeded,
    hoursAvailable,
    csmsNeeded,
    csmsNeededWhole: csmsNeeded === null ? null : wholePeople(csmsNeeded),
    csmsAvailable: team.csmCount,
    load: ratio(hoursNeeded, hoursAvailable),
    ...(ratio(hoursNeeded, hoursAvailable) !== null
      ? {}
      : { loadNullReason: hourly > 0 ? ('no_hours_available' as const) : ('no_hours_per_csm' as const) }),
    shortfallCsms: csmsNeeded === null ? null : Math.max(0, csmsNeeded - team.csmCount),
    spareCsms: csmsNeeded === null ? null : Math.max(0, team.csmCount - csmsNeeded),
    teamCost: team.csmCount * team.costPerCsm,
    arrPerCsm,
    arrToCost: arrPerCsm === null ? null : ratio(arrPerCsm, team.costPerCsm),
  };
}

/**
 * The plan of a segmentation with tallies already checked. @internal
 */
export function planFor(
  segmentation: Segmentation,
  tallies: readonly SegmentTallyInput[],
  input: CapacityPlanInput,
): CapacityPlan {
  const segments = segmentCapacity(segmentation, tallies, input.team, input.ranges);
  const totals = capacityTotals(segments, input.team);
  return {
    segmentation,
    input,
    tallies,
    segments,
    totals,
    findings: capacityFindings(segmentation, segments, totals, input.team),
  };
}

/** The tallies of a segmented result or a plan, checked against its segmentation, as copies. @internal */
export function talliesOf(
  segmentation: Segmentation,
  segments: unknown,
  path: readonly (string | number)[],
): SegmentTallyInput[] {
  const tallies = parseWith(Tallies, segments, { path });
  if (tallies.length !== segmentation.segments.length) {
    fail(
      'invalid_input',
      path,
      `expected ${String(segmentation.segments.length)} tallies, one per segment, got ${String(tallies.length)}`,
    );
  }
  return segmentation.segments.map((segment, index) => {
    const tally = tallies[index];
    if (tally?.segmentId !== segment.id) {
      fail(
        'invalid_input',
        [...path, index, 'segmentId'],
        `expected the tally of segment ${quoteText(segment.id, 64)}`,
      );
    }
    return {
      segmentId: tally.segmentId,
      accounts: tally.accounts,
      arr: tally.arr,
      smallestArr: tally.smallestArr,
      largestArr: tally.largestArr,
    };
  });
}

/**
 * Plans the CS team's capacity for segmented accounts: the CSM hours each
 * segment's service model needs against the hours the team has, the CSMs
 * needed (fractional and rounded up) per segment and in all, accounts and
 * ARR per CSM and the book's ratio to CSM cost against healthy ranges, and
 * the findings: over capacity, an under-served tier, a tech-touch segment
 * holding high ARR, a segment whose ARR does not cover its service, a
 * measure outside its range.
 *
 * CSMs dedicated to a segment (`team.allocation`) serve it; the rest form a
 * pool that serves the segments from the most-touch tier down, as teams
 * staff the top tier first. A team with no CSMs or no hours gives findings
 * and `null` measures with their reasons, never `NaN` or `Infinity`.
 *
 * @param segmented - what {@link segmentAccounts} returned
 * @param input - the team and healthy ranges; see {@link CapacityPlanInput}
 * @returns the plan; see {@link CapacityPlan}
 * @throws {@link core!SuccessKitError} `invalid_input` for a bad team or ranges (at `input…`), an allocation to an unknown segment or of more CSMs than the team has, or tallies that do not match the segmentation (at `segmented…`)
 *
 * @example
 * ```ts
 * import { capacityPlan, defaultSegmentation, segmentAccounts } from 'successkit/segments';
 *
 * const accounts = [
 *   ...Array.from({ length: 30 }, (_, index) => ({ id: `big-${String(index)}`, asOf: '2026-06-30', arr: 150_000 })),
 *   ...Array.from({ length: 120 }, (_, index) => ({ id: `mid-${String(index)}`, asOf: '2026-06-30', arr: 30_000 })),
 * ];
 * const segmented = segmentAccounts(defaultSegmentation, accounts);
 * const plan = capacityPlan(segmented, { team: { csmCount: 2, hoursPerCsmPerMonth: 100, costPerCsm: 140_000 } });
 * plan.segments.map((segment) => segment.hoursNeeded); // => [175, 140, 0]
 * plan.totals.csmsNeededWhole; // => 4
 * plan.findings[0]?.code; // => 'over_capacity'
 * ```
 */
export function capacityPlan(segmented: SegmentedAccounts, input: CapacityPlanInput): CapacityPlan {
  const parsed = parseWith(CapacityPlanInput, input, { path: ['input'] });
  const record = parseWith(z.looseObject({ segmentation: z.unknown(), segments: z.unknown() }), segmented, {
    path: ['segmented'],
  });
  const segmentation = definedSegmentation(record.segmentation, ['segmented', 'segmentation']);
  return planFor(segmentation, talliesOf(segmentation, record.segments, ['segmented', 'segments']), parsed);
}
