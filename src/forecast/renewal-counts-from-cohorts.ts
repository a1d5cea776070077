import * as z from 'zod/mini';
import {
  CalendarDate,
  Count,
  describeValue,
  fail,
  isSuccessKitError,
  parseWith,
  type PathSegment,
} from '../core/internal.js';

/**
 * A cohort table as {@link renewalCountsFromCohorts} reads it: the
 * `CohortRetention` result of `cohortRetention` in `successkit/metrics`, or
 * any object with the same `cohorts` rows (extra fields are ignored).
 *
 * @example
 * ```ts
 * import type { CohortTableInput } from 'successkit/forecast';
 *
 * const table: CohortTableInput = {
 *   cohorts: [{ cohort: '2024-01-01', accounts: 80, periods: [{ activeAccounts: 80 }, { activeAccounts: 66 }] }],
 * };
 * ```
 */
export interface CohortTableInput {
  /** One row per cohort. */
  readonly cohorts: readonly {
    /** The first day of the cohort's period, `'YYYY-MM-DD'`. */
    readonly cohort: string;
    /** Accounts in the cohort; a whole number ≥ 0. */
    readonly accounts: number;
    /** The cohort at the end of each period since its own, oldest first. */
    readonly periods: readonly {
      /** Cohort accounts paying at the period's end; a whole number from 0 to `accounts`. */
      readonly activeAccounts: number;
    }[];
  }[];
}

/**
 * Why {@link renewalCountsFromCohorts} left a cohort out: `no_renewal_yet`
 * when fewer than two of its periods have ended (it has not reached its first
 * renewal, so it holds no evidence on renewals), `no_customers` when no
 * account was active at the end of its first period.
 *
 * @example
 * ```ts
 * import type { DroppedCohortReason } from 'successkit/forecast';
 *
 * const reason: DroppedCohortReason = 'no_renewal_yet';
 * ```
 */
export type DroppedCohortReason = 'no_renewal_yet' | 'no_customers';

/**
 * A cohort that {@link renewalCountsFromCohorts} left out, and why.
 *
 * @example
 * ```ts
 * import type { DroppedCohort } from 'successkit/forecast';
 *
 * const young: DroppedCohort = {
 *   cohort: '2026-01-01' as DroppedCohort['cohort'],
 *   accounts: 40,
 *   reason: 'no_renewal_yet',
 *   message: 'no renewal yet: its first period has not ended',
 * };
 * ```
 */
export interface DroppedCohort {
  /** The first day of the cohort's period. */
  readonly cohort: CalendarDate;
  /** Accounts in the cohort. */
  readonly accounts: number;
  /** Why it was left out; see {@link DroppedCohortReason}. */
  readonly reason: DroppedCohortReason;
  /** The reason in words, for a report. */
  readonly message: string;
}

/**
 * One cohort's counts as the sBG model takes them.
 *
 * @example
 * ```ts
 * import type { RenewalCohort } from 'successkit/forecast';
 *
 * const cohort: RenewalCohort = {
 *   cohort: '2024-01-01' as RenewalCohort['cohort'],
 *   accounts: 80,
 *   activeCounts: [80, 66],
 *   uncountedReturns: 0,
 * };
 * ```
 */
export interface RenewalCohort {
  /** The first day of the cohort's period. */
  readonly cohort: CalendarDate;
  /** Accounts in the cohort. */
  readonly accounts: number;
  /** Customers after 0, 1, 2, … renewals: the active accounts at the end of each period, never rising; at least 2 numbers. */
  readonly activeCounts: readonly number[];
  /**
   * Accounts above the previous count that were not counted, summed over the
   * periods: customers who left and came back (sBG follows first departures
   * only, so a return does not make a survivor again). A lower bound: the
   * table nets returns against departures within a period.
   */
  readonly uncountedReturns: number;
}

/**
 * The input of `fitShiftedBetaGeometricCohorts` drawn from a cohort table,
 * with the cohorts kept and those left out.
 *
 * @example
 * ```ts
 * import { renewalCountsFromCohorts, type RenewalCounts } from 'successkit/forecast';
 *
 * const counts: RenewalCounts = renewalCountsFromCohorts({ cohorts: [] });
 * counts.activeCounts; // => []
 * ```
 */
export interface RenewalCounts {
  /** One list of counts per kept cohort, in table order: pass it to `fitShiftedBetaGeometricCohorts`. */
  readonly activeCounts: readonly (readonly number[])[];
  /** The kept cohorts, in the same order as `activeCounts`. */
  readonly cohorts: readonly RenewalCohort[];
  /** The cohorts left out, in table order, each with its reason. */
  readonly dropped: readonly DroppedCohort[];
}

const CohortTable = z.looseObject({
  cohorts: z.array(
    z.looseObject({
      cohort: CalendarDate,
      accounts: Count,
      periods: z.array(z.looseObject({ activeAccounts: Count })),
    }),
  ),
});

type CohortTable = z.output<typeof CohortTable>;
type CohortTableRow = CohortTable['cohorts'][number];

/** Parses the table; a value that throws while being read (a revoked proxy, a throwing getter) is bad input too. */
function parseTable(table: unknown): CohortTable {
  try {
    return parseWith(CohortTable, table, { path: ['table'] });
  } catch (error) {
    if (isSuccessKitError(error)) throw error;
    return fail('invalid_input', ['table'], `expected a cohort table, but reading it threw ${describeValue(error)}`);
  }
}

function checkActiveCounts(row: CohortTableRow, path: readonly PathSegment[]): void {
  row.periods.forEach(({ activeAccounts }, index) => {
    if (activeAccounts > row.accounts) {
      fail(
        'invalid_input',
        [...path, 'periods', index, 'activeAccounts'],
        `expected at most the cohort's ${String(row.accounts)} accounts, got ${String(activeAccounts)}`,
      );
    }
  });
}

function droppedReason(row: CohortTableRow): Omit<DroppedCohort, 'cohort' | 'accounts'> | null {
  if (row.periods.length === 0) {
    return { reason: 'no_renewal_yet', message: 'no renewal yet: its first period has not ended' };
  }
  if (row.periods.length === 1) {
    return { reason: 'no_renewal_yet', message: 'no renewal yet: only its first period has ended' };
  }
  if (row.periods[0]?.activeAccounts === 0) {
    return { reason: 'no_customers', message: 'no account was active at the end of its first period' };
  }
  return null;
}

function renewalCohort(row: CohortTableRow): RenewalCohort {
  const activeCounts: number[] = [];
  let uncountedReturns = 0;
  for (const { activeAccounts } of row.periods) {
    const previous = activeCounts.at(-1) ?? activeAccounts;
    if (activeAccounts > previous) uncountedReturns += activeAccounts - previous;
    activeCounts.push(Math.min(activeAccounts, previous));
  }
  return { cohort: row.cohort, accounts: row.accounts, activeCounts, uncountedReturns };
}

/**
 * Turns a cohort table into the input of `fitShiftedBetaGeometricCohorts`:
 * for each cohort, its active accounts at the end of each period, read as
 * customers after 0, 1, 2, … renewals. That reading holds when the contract
 * term equals the table's period and customers leave only at a renewal, as
 * with annual contracts in a table by `period: 'year'`. Counts that rise
 * (customers who came back) are held at the previous count, since the model
 * follows first departures. Cohorts with no renewal yet, or no active
 * account after their first period, are left out and listed with the reason.
 *
 * @param table - cohorts with their accounts and active accounts per period; the `CohortRetention` of `successkit/metrics` fits; see {@link CohortTableInput}
 * @returns the counts per kept cohort and the cohorts left out; see {@link RenewalCounts}
 * @throws {@link core!SuccessKitError} `invalid_input` for a malformed table, naming the path (`['table', 'cohorts', row, 'periods', index, 'activeAccounts']` for a count above the cohort's accounts)
 *
 * @example
 * ```ts
 * import { fitShiftedBetaGeometricCohorts, renewalCountsFromCohorts } from 'successkit/forecast';
 *
 * const counts = renewalCountsFromCohorts({
 *   cohorts: [
 *     { cohort: '2022-01-01', accounts: 120, periods: [{ activeAccounts: 120 }, { activeAccounts: 98 }, { activeAccounts: 89 }, { activeAccounts: 90 }] },
 *     { cohort: '2023-01-01', accounts: 150, periods: [{ activeAccounts: 150 }, { activeAccounts: 126 }, { activeAccounts: 113 }] },
 *     { cohort: '2024-01-01', accounts: 170, periods: [{ activeAccounts: 170 }] },
 *   ],
 * });
 * counts.activeCounts; // => [[120, 98, 89, 89], [150, 126, 113]]
 * counts.cohorts[0]?.uncountedReturns; // => 1
 * counts.dropped.map((cohort) => `${cohort.cohort}: ${cohort.message}`); // => ['2024-01-01: no renewal yet: only its first period has ended']
 * fitShiftedBetaGeometricCohorts(counts.activeCounts).periods; // => 3
 * renewalCountsFromCohorts({ cohorts: [{ cohort: '2024-01-01', accounts: 5, periods: [{ activeAccounts: 6 }] }] }); // throws invalid_input
 * ```
 */
export function renewalCountsFromCohorts(table: CohortTableInput): RenewalCounts {
  const rows = parseTable(table).cohorts;
  const activeCounts: (readonly number[])[] = [];
  const cohorts: RenewalCohort[] = [];
  const dropped: DroppedCohort[] = [];
  rows.forEach((row, index) => {
    checkActiveCounts(row, ['table', 'cohorts', index]);
    const reason = droppedReason(row);
    if (reason !== null) {
      dropped.push({ cohort: row.cohort, accounts: row.accounts, ...reason });
      return;
    }
    const kept = renewalCohort(row);
    cohorts.push(kept);
    activeCounts.push(kept.activeCounts);
  });
  return { activeCounts, cohorts, dropped };
}
