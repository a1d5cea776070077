import * as z from 'zod/mini';
import { describeValue, fail, parseWith, type PathSegment, readingInput } from '../core/internal.js';
import { accumulate, type Accumulator } from './accumulator.js';
import { ConfidenceLevel, defaultConfidence } from './confidence-level.js';
import { criticalValue } from './normal-distribution.js';
import { addedCount, checkCount, checkFields, mergeSums, sumFields } from './count-checks.js';
import { checkObject } from './object-checks.js';
import { wilsonBounds } from './wilson-interval.js';

/**
 * Seats used in one period: the fields of a core `UsageSnapshot` that
 * {@link licenseUtilization} reads.
 *
 * @example
 * ```ts
 * import type { SeatUsage } from 'successkit/metrics';
 *
 * const june: SeatUsage = { activeUsers: 41, licenses: 50 };
 * ```
 */
export interface SeatUsage {
  /** Distinct users active in the period. */
  readonly activeUsers: number;
  /** Seats paid for; a snapshot without it is counted as missing, not as 0. */
  readonly licenses?: number | undefined;
}

/**
 * License utilization over one or more snapshots.
 *
 * @example
 * ```ts
 * import { licenseUtilization, type LicenseUtilization } from 'successkit/metrics';
 *
 * const seats: LicenseUtilization = licenseUtilization({ activeUsers: 41, licenses: 50 });
 * seats.utilization; // => 0.82
 * ```
 */
export interface LicenseUtilization {
  /** Active users ÷ licenses over the snapshots with licenses, 0–1 (above 1 when more people use the product than pay for it); `null` without licenses. */
  readonly utilization: number | null;
  /** Active users in the snapshots counted. */
  readonly activeUsers: number;
  /** Licenses in the snapshots counted. */
  readonly licenses: number;
  /** Snapshots counted. */
  readonly counted: number;
  /** Snapshots left out because they have no `licenses`. */
  readonly missing: number;
}

/**
 * The state of {@link licenseUtilizationAccumulator}: sums and counts, plain JSON.
 *
 * @example
 * ```ts
 * import { licenseUtilizationAccumulator, type LicenseUtilizationState } from 'successkit/metrics';
 *
 * const state: LicenseUtilizationState = licenseUtilizationAccumulator().init();
 * state.counted; // => 0
 * ```
 */
export interface LicenseUtilizationState {
  /** Active users in the snapshots counted. */
  activeUsers: number;
  /** Licenses in the snapshots counted. */
  licenses: number;
  /** Snapshots counted. */
  counted: number;
  /** Snapshots without licenses. */
  missing: number;
}

/** Runs an accumulator over one row or a list; errors of a single row keep their own path. */
function over<Row, State, Result>(accumulator: Accumulator<Row, State, Result>, usage: Row | readonly Row[]): Result {
  const state = Array.isArray(usage)
    ? accumulate(accumulator, usage as readonly Row[])
    : accumulator.add(accumulator.init(), usage as Row);
  return accumulator.result(state);
}

/**
 * The mergeable {@link Accumulator} of {@link licenseUtilization}: rows are
 * snapshots with `activeUsers` and `licenses`.
 *
 * @returns the accumulator
 * @throws {@link core!SuccessKitError} its `add` throws `invalid_input` for counts that are not whole numbers ≥ 0; `merge` and `result` for a malformed state
 *
 * @example
 * ```ts
 * import { accumulate, licenseUtilizationAccumulator } from 'successkit/metrics';
 *
 * const metric = licenseUtilizationAccumulator();
 * metric.result(accumulate(metric, [{ activeUsers: 8, licenses: 10 }, { activeUsers: 12 }])).missing; // => 1
 * ```
 */
export function licenseUtilizationAccumulator(): Accumulator<SeatUsage, LicenseUtilizationState, LicenseUtilization> {
  const keys = ['activeUsers', 'licenses', 'counted', 'missing'] as const;
  return {
    init: () => ({ activeUsers: 0, licenses: 0, counted: 0, missing: 0 }),
    add: (state, row) => {
      checkObject(row, []);
      checkCount(row.activeUsers, ['activeUsers']);
      if (row.licenses === undefined) {
        state.missing++;
        return state;
      }
      checkCount(row.licenses, ['licenses']);
      state.activeUsers = addedCount(state.activeUsers, row.activeUsers, ['activeUsers']);
      state.licenses = addedCount(state.licenses, row.licenses, ['licenses']);
      state.counted++;
      return state;
    },
    merge: mergeSums(keys),
    result: (state) => {
      checkFields(state, keys, []);
      const { activeUsers, licenses, counted, missing } = state;
      return { utilization: licenses === 0 ? null : activeUsers / licenses, activeUsers, licenses, counted, missing };
    },
  };
}

/**
 * License (seat) utilization: active users ÷ licenses paid for, for one
 * usage snapshot or summed over many (seat-weighted, so a 1,000-seat account
 * weighs more than a 5-seat one). Low utilization is one of the strongest
 * churn signals at renewal: the customer pays for seats nobody uses.
 *
 * @param usage - a snapshot or a list of them (core `UsageSnapshot`s fit)
 * @returns the utilization and the counts behind it; see {@link LicenseUtilization}
 * @throws {@link core!SuccessKitError} `invalid_input` for counts that are not whole numbers ≥ 0 (path `[index, field]` in a list)
 *
 * @example
 * ```ts
 * import { licenseUtilization } from 'successkit/metrics';
 *
 * licenseUtilization([{ activeUsers: 41, licenses: 50 }, { activeUsers: 9, licenses: 50 }]).utilization; // => 0.5
 * licenseUtilization({ activeUsers: 12 }).utilization; // => null
 * ```
 */
export function licenseUtilization(usage: SeatUsage | readonly SeatUsage[]): LicenseUtilization {
  return readingInput(() => over(licenseUtilizationAccumulator(), usage));
}

/**
 * Daily and monthly actives of one month: the fields of a core
 * `UsageSnapshot` that {@link stickiness} reads.
 *
 * @example
 * ```ts
 * import type { ActiveUsage } from 'successkit/metrics';
 *
 * const june: ActiveUsage = { period: 'month', activeUsers: 40, averageDailyActiveUsers: 12.5 };
 * ```
 */
export interface ActiveUsage {
  /** The period's length; stickiness needs monthly actives, so only `'month'` (or none) is accepted. */
  readonly period?: 'day' | 'week' | 'month' | undefined;
  /** Distinct users active in the month (MAU). */
  readonly activeUsers: number;
  /** Mean daily active users over the month (DAU); a snapshot without it is counted as missing. */
  readonly averageDailyActiveUsers?: number | undefined;
}

/**
 * Stickiness over one or more monthly snapshots.
 *
 * @example
 * ```ts
 * import { stickiness, type Stickiness } from 'successkit/metrics';
 *
 * const sticky: Stickiness = stickiness({ activeUsers: 40, averageDailyActiveUsers: 10 });
 * sticky.stickiness; // => 0.25
 * ```
 */
export interface Stickiness {
  /** DAU ÷ MAU, 0–1: the share of a month's users active on a typical day; `null` without monthly actives. */
  readonly stickiness: number | null;
  /** Mean daily active users, summed over the snapshots counted. */
  readonly dailyActiveUsers: number;
  /** Monthly active users, summed over the snapshots counted. */
  readonly monthlyActiveUsers: number;
  /** Snapshots counted. */
  readonly counted: number;
  /** Snapshots left out because they have no `averageDailyActiveUsers`. */
  readonly missing: number;
}

/**
 * The state of {@link stickinessAccumulator}. Daily actives are averages, so
 * they are summed in millionths of a user (`dailyMicros`), which keeps
 * partitions merging exactly.
 *
 * @example
 * ```ts
 * import { stickinessAccumulator, type StickinessState } from 'successkit/metrics';
 *
 * const state: StickinessState = stickinessAccumulator().init();
 * state.dailyMicros; // => 0
 * ```
 */
export interface StickinessState {
  /** Mean daily actives × 1,000,000, rounded, summed. */
  dailyMicros: number;
  /** Monthly actives, summed. */
  monthlyActiveUsers: number;
  /** Snapshots counted. */
  counted: number;
  /** Snapshots without daily actives. */
  missing: number;
}

const micros = 1_000_000;

/**
 * The mergeable {@link Accumulator} of {@link stickiness}: rows are monthly
 * snapshots with `activeUsers` and `averageDailyActiveUsers`.
 *
 * @returns the accumulator
 * @throws {@link core!SuccessKitError} its `add` throws `invalid_input` for a period other than a month, negative or non-finite counts, or daily actives above monthly actives; `merge` and `result` for a malformed state
 *
 * @example
 * ```ts
 * import { accumulate, stickinessAccumulator } from 'successkit/metrics';
 *
 * const metric = stickinessAccumulator();
 * metric.result(accumulate(metric, [{ activeUsers: 40, averageDailyActiveUsers: 10 }])).stickiness; // => 0.25
 * ```
 */
export function stickinessAccumulator(): Accumulator<ActiveUsage, StickinessState, Stickiness> {
  const keys = ['dailyMicros', 'monthlyActiveUsers', 'counted', 'missing'] as const;
  return {
    init: () => ({ dailyMicros: 0, monthlyActiveUsers: 0, counted: 0, missing: 0 }),
    add: (state, row) => {
      checkObject(row, []);
      if (row.period !== undefined && row.period !== 'month') {
        fail('invalid_input', ['period'], `stickiness (DAU/MAU) needs monthly usage, got ${describeValue(row.period)}`);
      }
      checkCount(row.activeUsers, ['activeUsers']);
      const daily = row.averageDailyActiveUsers;
      if (daily === undefined) {
        state.missing++;
        return state;
      }
      if (typeof daily !== 'number' || !(daily >= 0 && daily <= row.activeUsers)) {
        fail(
          'invalid_input',
          ['averageDailyActiveUsers'],
          `expected 0 to ${String(row.activeUsers)} (the monthly actives), got ${describeValue(daily)}`,
        );
      }
      // The sum is kept in millionths of a user; an overflow is reported on the row's own field, in users.
      state.dailyMicros = addedCount(
        state.dailyMicros,
        Math.round(daily * micros),
        ['averageDailyActiveUsers'],
        micros,
      );
      state.monthlyActiveUsers = addedCount(state.monthlyActiveUsers, row.activeUsers, ['activeUsers']);
      state.counted++;
      return state;
    },
    merge: mergeSums(keys),
    result: (state) => {
      checkFields(state, keys, []);
      return {
        stickiness: state.monthlyActiveUsers === 0 ? null : state.dailyMicros / micros / state.monthlyActiveUsers,
        dailyActiveUsers: state.dailyMicros / micros,
        monthlyActiveUsers: state.monthlyActiveUsers,
        counted: state.counted,
        missing: state.missing,
      };
    },
  };
}

/**
 * Stickiness: daily actives ÷ monthly actives (DAU/MAU), the share of a
 * month's users who use the product on a typical day — 0.2 means the average
 * user comes back about six days a month. For one monthly snapshot or summed
 * over many (user-weighted).
 *
 * @param usage - a monthly snapshot or a list of them (core `UsageSnapshot`s fit)
 * @returns the ratio and the counts behind it; see {@link Stickiness}
 * @throws {@link core!SuccessKitError} `invalid_input` for a period other than a month, bad counts, or daily actives above monthly actives (path `[index, field]` in a list)
 *
 * @example
 * ```ts
 * import { stickiness } from 'successkit/metrics';
 *
 * stickiness([{ activeUsers: 40, averageDailyActiveUsers: 12 }, { activeUsers: 10, averageDailyActiveUsers: 3 }]).stickiness; // => 0.3
 * stickiness({ period: 'week', activeUsers: 10 }); // throws invalid_input
 * ```
 */
export function stickiness(usage: ActiveUsage | readonly ActiveUsage[]): Stickiness {
  return readingInput(() => over(stickinessAccumulator(), usage));
}

/**
 * Options of {@link activeShare} and {@link activeShareAccumulator}.
 *
 * | option | meaning | default |
 * |---|---|---|
 * | `confidence` | confidence level of the interval | 0.95 |
 *
 * @example
 * ```ts
 * import { ActiveShareOptions } from 'successkit/metrics';
 *
 * ActiveShareOptions.parse({}); // => { confidence: 0.95 }
 * ```
 */
export const ActiveShareOptions = z.strictObject({ confidence: z._default(ConfidenceLevel, defaultConfidence) });

/**
 * Options of {@link activeShare} as callers write them; see the {@link ActiveShareOptions} schema.
 *
 * @example
 * ```ts
 * import type { ActiveShareOptions } from 'successkit/metrics';
 *
 * const options: ActiveShareOptions = { confidence: 0.9 };
 * ```
 */
export type ActiveShareOptions = z.input<typeof ActiveShareOptions>;

/**
 * The share of a population that is active, with a Wilson interval.
 *
 * @example
 * ```ts
 * import { activeShare, type ActiveShare } from 'successkit/metrics';
 *
 * const share: ActiveShare = activeShare({ active: 30, total: 40 });
 * share.share; // => 0.75
 * ```
 */
export interface ActiveShare {
  /** active ÷ total, 0–1; `null` when total is 0. */
  readonly share: number | null;
  /** Wilson confidence interval of `share`, `[low, high]` as shares. */
  readonly interval: readonly [number, number] | null;
  /** How many are active. */
  readonly active: number;
  /** How many there are. */
  readonly total: number;
  /** The confidence level of `interval`, 0–1. */
  readonly confidence: number;
}

/**
 * Active and total counts, the input of {@link activeShare} and the state of
 * {@link activeShareAccumulator}.
 *
 * @example
 * ```ts
 * import type { ActiveCounts } from 'successkit/metrics';
 *
 * const contacts: ActiveCounts = { active: 12, total: 20 };
 * ```
 */
export interface ActiveCounts {
  /** How many are active. */
  active: number;
  /** How many there are. */
  total: number;
}

function checkActiveCounts(value: unknown, path: readonly PathSegment[]): asserts value is ActiveCounts {
  checkFields(value, ['active', 'total'], path);
  if (value.active > value.total) {
    fail('invalid_input', [...path, 'active'], `expected at most ${String(value.total)}, got ${String(value.active)}`);
  }
}

function activeShareOf(counts: ActiveCounts, confidence: number, z: number): ActiveShare {
  const { active, total } = counts;
  return {
    share: total === 0 ? null : active / total,
    interval: total === 0 ? null : wilsonBounds(active, total, z),
    active,
    total,
    confidence,
  };
}

/**
 * The active share of a population — accounts with a login this month,
 * contacts active in the last 30 days, users who adopted a feature — with a
 * Wilson score interval, so "4 of 5 active" does not read like "800 of 1,000
 * active".
 *
 * @param counts - `active` and `total`, whole numbers
 * @param options - the confidence level; see {@link ActiveShareOptions}
 * @returns the share and its interval; see {@link ActiveShare}
 * @throws {@link core!SuccessKitError} `invalid_input` for counts that are not whole numbers, more active than total, or bad options
 *
 * @example
 * ```ts
 * import { activeShare } from 'successkit/metrics';
 *
 * const few = activeShare({ active: 4, total: 5 });
 * const many = activeShare({ active: 800, total: 1_000 });
 * [few.share, many.share]; // => [0.8, 0.8]
 * [few.interval?.[0].toFixed(2), many.interval?.[0].toFixed(2)]; // => ['0.38', '0.77']
 * ```
 */
export function activeShare(counts: ActiveCounts, options?: ActiveShareOptions): ActiveShare {
  const { confidence } = parseWith(ActiveShareOptions, options ?? {});
  checkActiveCounts(counts, []);
  return activeShareOf(counts, confidence, criticalValue(confidence));
}

/**
 * The mergeable {@link Accumulator} of {@link activeShare}: rows are
 * booleans (active or not), the state is `{ active, total }`.
 *
 * @param options - the confidence level; see {@link ActiveShareOptions}
 * @returns the accumulator
 * @throws {@link core!SuccessKitError} `invalid_input` for bad options; its `add` for a row that is not a boolean, `merge` and `result` for malformed counts
 *
 * @example
 * ```ts
 * import { accumulate, activeShareAccumulator } from 'successkit/metrics';
 *
 * const metric = activeShareAccumulator();
 * metric.result(accumulate(metric, [true, false, true, true])).share; // => 0.75
 * ```
 */
export function activeShareAccumulator(options?: ActiveShareOptions): Accumulator<boolean, ActiveCounts, ActiveShare> {
  const { confidence } = parseWith(ActiveShareOptions, options ?? {});
  const z = criticalValue(confidence);
  return {
    init: () => ({ active: 0, total: 0 }),
    add: (state, active) => {
      if (typeof active !== 'boolean') fail('invalid_input', [], `expected boolean, got ${describeValue(active)}`);
      if (active) state.active++;
      state.total++;
      return state;
    },
    merge: (a, b) => {
      checkActiveCounts(a, ['a']);
      checkActiveCounts(b, ['b']);
      return sumFields(a, b, ['active', 'total']);
    },
    result: (state) => {
      checkActiveCounts(state, []);
      return activeShareOf(state, confidence, z);
    },
  };
}
