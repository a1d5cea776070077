import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { SuccessKitError } from '../../src/core/error';
import { fitShiftedBetaGeometricCohorts } from '../../src/forecast/fit-shifted-beta-geometric';
import {
  renewalCountsFromCohorts,
  type CohortTableInput,
  type RenewalCounts,
} from '../../src/forecast/renewal-counts-from-cohorts';
import { cohortRetention, type CohortRetention } from '../../src/metrics/cohort-retention';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { deepFreeze } from '../freeze';
import { hostileValues } from '../hostile-values';

/** A cohort row with the given active accounts at the end of each period. */
function row(cohort: string, accounts: number, active: readonly number[]) {
  return { cohort, accounts, periods: active.map((activeAccounts) => ({ activeAccounts })) };
}

/** An annual subscription that starts on `startDate` and, when `years` is given, ends at that anniversary. */
function annual(accountId: string, startDate: string, years?: number) {
  const endDate =
    years === undefined ? {} : { endDate: `${String(Number(startDate.slice(0, 4)) + years)}${startDate.slice(4)}` };
  return { id: `sub-${accountId}`, accountId, mrr: 100, startDate, ...endDate };
}

/** Stands for `hostileValues()[index]` in a drawn table. */
class HostilePlaceholder {
  constructor(readonly index: number) {}
}

/** The drawn table with each placeholder replaced by a fresh hostile value. */
function withHostileValues(drawn: unknown): unknown {
  if (drawn instanceof HostilePlaceholder) return hostileValues()[drawn.index]?.[1];
  if (Array.isArray(drawn)) return drawn.map(withHostileValues);
  if (typeof drawn === 'object' && drawn !== null) {
    return Object.fromEntries(Object.entries(drawn).map(([key, value]) => [key, withHostileValues(value)]));
  }
  return drawn;
}

describe('renewalCountsFromCohorts', () => {
  it('reads a yearly cohortRetention table of annual contracts as customers after 0, 1, 2 renewals', () => {
    const subscriptions = [
      annual('a', '2022-03-01'),
      annual('b', '2022-05-10', 1),
      annual('c', '2022-11-20', 2),
      annual('d', '2023-02-01'),
      annual('e', '2023-08-15', 1),
      annual('f', '2025-04-01'),
    ];
    const table = cohortRetention(subscriptions, { period: 'year', asOf: '2025-12-31' });
    const counts = renewalCountsFromCohorts(table);
    expect(counts.activeCounts).toEqual([
      [3, 2, 1, 1],
      [2, 1, 1],
    ]);
    expect(counts.cohorts).toEqual([
      { cohort: '2022-01-01', accounts: 3, activeCounts: [3, 2, 1, 1], uncountedReturns: 0 },
      { cohort: '2023-01-01', accounts: 2, activeCounts: [2, 1, 1], uncountedReturns: 0 },
    ]);
    expect(counts.dropped).toEqual([
      {
        cohort: '2025-01-01',
        accounts: 1,
        reason: 'no_renewal_yet',
        message: 'no renewal yet: only its first period has ended',
      },
    ]);
  });

  it('takes the CohortRetention type of metrics as it is, with no cast', () => {
    expectTypeOf<CohortRetention>().toExtend<CohortTableInput>();
    expectTypeOf(renewalCountsFromCohorts).returns.toEqualTypeOf<RenewalCounts>();
    expectTypeOf<RenewalCounts['activeCounts']>().toExtend<Parameters<typeof fitShiftedBetaGeometricCohorts>[0]>();
  });

  it('gives fitShiftedBetaGeometricCohorts the counts it would get by hand: α 0.22, β 1.08 for the docs’ book', () => {
    const counts = renewalCountsFromCohorts({
      cohorts: [
        row('2022-01-01', 120, [120, 98, 89, 83, 79]),
        row('2024-01-01', 150, [150, 126, 113]),
        row('2025-01-01', 170, [170, 141]),
        row('2026-01-01', 90, []),
      ],
    });
    const fit = fitShiftedBetaGeometricCohorts(counts.activeCounts);
    expect(fit).toEqual(
      fitShiftedBetaGeometricCohorts([
        [120, 98, 89, 83, 79],
        [150, 126, 113],
        [170, 141],
      ]),
    );
    expect([fit.alpha.toFixed(2), fit.beta.toFixed(2), fit.periods]).toEqual(['0.22', '1.08', 4]);
  });

  it('holds a count that rises at the one before it and counts the customers who came back', () => {
    const counts = renewalCountsFromCohorts({ cohorts: [row('2021-01-01', 10, [10, 7, 8, 6, 9])] });
    expect(counts.activeCounts).toEqual([[10, 7, 7, 6, 6]]);
    expect(counts.cohorts[0]?.uncountedReturns).toBe(4);
  });

  it('starts from the active accounts at the end of the first period, which can be fewer than the cohort', () => {
    expect(renewalCountsFromCohorts({ cohorts: [row('2021-01-01', 10, [9, 8])] }).activeCounts).toEqual([[9, 8]]);
  });

  it('drops cohorts with no period ended, one period ended or no active account, and says why, in table order', () => {
    const counts = renewalCountsFromCohorts({
      cohorts: [
        row('2020-01-01', 4, [0, 0, 1]),
        row('2021-01-01', 5, [5, 4]),
        row('2025-01-01', 6, [6]),
        row('2026-01-01', 7, []),
        row('2027-01-01', 0, [0, 0]),
      ],
    });
    expect(counts.cohorts.map((cohort) => cohort.cohort)).toEqual(['2021-01-01']);
    expect(counts.dropped).toEqual([
      {
        cohort: '2020-01-01',
        accounts: 4,
        reason: 'no_customers',
        message: 'no account was active at the end of its first period',
      },
      {
        cohort: '2025-01-01',
        accounts: 6,
        reason: 'no_renewal_yet',
        message: 'no renewal yet: only its first period has ended',
      },
      {
        cohort: '2026-01-01',
        accounts: 7,
        reason: 'no_renewal_yet',
        message: 'no renewal yet: its first period has not ended',
      },
      {
        cohort: '2027-01-01',
        accounts: 0,
        reason: 'no_customers',
        message: 'no account was active at the end of its first period',
      },
    ]);
  });

  it('returns nothing to fit for an empty table, which the fit then refuses', () => {
    const counts = renewalCountsFromCohorts({ cohorts: [] });
    expect(counts).toEqual({ activeCounts: [], cohorts: [], dropped: [] });
    expect(catchSuccessKitError(() => fitShiftedBetaGeometricCohorts(counts.activeCounts)).code).toBe('invalid_input');
  });

  it('ignores the other fields of a cohort table and never changes its input', () => {
    const table = deepFreeze({
      period: 'year' as const,
      asOf: '2026-09-30',
      currency: null,
      cohorts: [
        {
          cohort: '2024-01-01',
          accounts: 3,
          startingMrr: 300,
          periods: [
            { index: 0, end: '2024-12-31', activeAccounts: 3, logoRetention: 1, mrr: 300, revenueRetention: 1 },
            { index: 1, end: '2025-12-31', activeAccounts: 2, logoRetention: 2 / 3, mrr: 200, revenueRetention: 2 / 3 },
          ],
        },
      ],
    });
    const copy = structuredClone(table);
    expect(renewalCountsFromCohorts(table).activeCounts).toEqual([[3, 2]]);
    expect(table).toEqual(copy);
  });

  it('refuses a malformed table with invalid_input and the path of the bad value', () => {
    const pathsOf = (table: unknown) =>
      issuePaths(catchSuccessKitError(() => renewalCountsFromCohorts(table as CohortTableInput)));
    expect(pathsOf(null)).toEqual(['table']);
    expect(pathsOf({})).toEqual(['table.cohorts']);
    expect(pathsOf({ cohorts: [row('2024-13-01', 3, [3, 2])] })).toEqual(['table.cohorts[0].cohort']);
    expect(pathsOf({ cohorts: [row('2024-01-01', -1, [])] })).toEqual(['table.cohorts[0].accounts']);
    expect(pathsOf({ cohorts: [row('2024-01-01', 3, [3, 2.5])] })).toEqual([
      'table.cohorts[0].periods[1].activeAccounts',
    ]);
    expect(pathsOf({ cohorts: [{ cohort: '2024-01-01', accounts: 3 }] })).toEqual(['table.cohorts[0].periods']);
    const tooMany = catchSuccessKitError(() =>
      renewalCountsFromCohorts({ cohorts: [row('2023-01-01', 3, [3, 2]), row('2024-01-01', 3, [3, 4])] }),
    );
    expect([tooMany.code, issuePaths(tooMany)]).toEqual([
      'invalid_input',
      ['table.cohorts[1].periods[1].activeAccounts'],
    ]);
    expect(tooMany.issues[0]?.message).toBe("expected at most the cohort's 3 accounts, got 4");
  });

  it.each(hostileValues())('answers %s anywhere in the table with invalid_input', (_name, value) => {
    const places: unknown[] = [
      value,
      { cohorts: value },
      { cohorts: [value] },
      { cohorts: [{ cohort: value, accounts: 1, periods: [] }] },
      { cohorts: [{ cohort: '2024-01-01', accounts: value, periods: [] }] },
      { cohorts: [{ cohort: '2024-01-01', accounts: 1, periods: value }] },
      { cohorts: [{ cohort: '2024-01-01', accounts: 1, periods: [value] }] },
      { cohorts: [{ cohort: '2024-01-01', accounts: 1, periods: [{ activeAccounts: value }] }] },
    ];
    const outcomes = places.map((table) => {
      try {
        renewalCountsFromCohorts(table as CohortTableInput);
        return 'accepted';
      } catch (error) {
        return error instanceof SuccessKitError ? error.code : `threw ${String(error)}`;
      }
    });
    // -0 is a whole number ≥ 0, so it is a fine count; every other hostile value is refused wherever it sits.
    const accepted = Object.is(value, -0) ? 'accepted' : 'invalid_input';
    expect(outcomes).toEqual([
      'invalid_input',
      'invalid_input',
      'invalid_input',
      'invalid_input',
      accepted,
      'invalid_input',
      'invalid_input',
      accepted,
    ]);
  });

  it('keeps counts that never rise, stay within the cohort and have at least two numbers, for any table', () => {
    const table = fc.array(
      fc.record({
        cohort: fc.constantFrom('2021-01-01', '2022-01-01', '2023-01-01'),
        accounts: fc.integer({ min: 0, max: 50 }),
        fractions: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 }),
      }),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(table, (rows) => {
        const cohorts = rows.map(({ cohort, accounts, fractions }) =>
          row(
            cohort,
            accounts,
            fractions.map((share) => Math.floor(share * accounts)),
          ),
        );
        const counts = renewalCountsFromCohorts({ cohorts });
        const broken = counts.cohorts.filter(
          (kept) =>
            kept.activeCounts.length < 2 ||
            (kept.activeCounts[0] ?? 0) === 0 ||
            kept.activeCounts.some(
              (count, t) => count > kept.accounts || (t > 0 && count > (kept.activeCounts[t - 1] ?? 0)),
            ),
        );
        expect(broken).toEqual([]);
        expect(counts.activeCounts).toEqual(counts.cohorts.map((kept) => kept.activeCounts));
        expect(counts.cohorts.length + counts.dropped.length).toBe(rows.length);
      }),
    );
  });

  it('answers any fuzzed table with counts or a SuccessKitError, never another error', () => {
    // fast-check cannot carry a revoked proxy through its arbitraries, so they draw a placeholder that the
    // property swaps for a fresh hostile value.
    const orHostile = <Value>(typical: fc.Arbitrary<Value>) =>
      fc.oneof(
        { arbitrary: typical, weight: 3 },
        { arbitrary: fc.nat(hostileValues().length - 1).map((index) => new HostilePlaceholder(index)), weight: 1 },
      );
    const fuzzedTable = orHostile(
      fc.record({
        cohorts: orHostile(
          fc.array(
            orHostile(
              fc.record({
                cohort: orHostile(fc.constantFrom('2023-01-01', '2024-01-01')),
                accounts: orHostile(fc.nat(9)),
                periods: orHostile(
                  fc.array(orHostile(fc.record({ activeAccounts: orHostile(fc.nat(9)) })), { maxLength: 4 }),
                ),
              }),
            ),
            { maxLength: 3 },
          ),
        ),
      }),
    );
    fc.assert(
      fc.property(fuzzedTable, (drawn) => {
        const table = withHostileValues(drawn);
        try {
          const counts = renewalCountsFromCohorts(table as CohortTableInput);
          expect(counts.activeCounts.flat().filter((count) => !Number.isSafeInteger(count))).toEqual([]);
        } catch (error) {
          expect(error).toBeInstanceOf(SuccessKitError);
        }
      }),
    );
  });
});
