import { describe, expect, it } from 'vitest';
import {
  fitShiftedBetaGeometricCohorts,
  renewalCountsFromCohorts,
  retentionImpact,
  sbgDerl,
  sbgRetention,
  sbgSurvival,
} from 'successkit/forecast';
import { cohortRetention, mrrMovementsForMonth, type MrrSnapshotInput } from 'successkit/metrics';
import { samplePortfolio } from 'successkit/sample';
import { buildReview, formatReview } from '../../examples/portfolio-review.js';
import { formatForecast, portfolioForecast } from '../../examples/review/forecast.js';
import { money, rate } from '../../examples/review/format.js';

const options = { accounts: 300, seed: 3, asOf: '2026-09-30' } as const;
const portfolio = samplePortfolio(options);
const { forecast } = buildReview(options);

/** The twelve months October 2025 to September 2026, as first days. */
const months = ['2025-10-01', '2025-11-01', '2025-12-01', '2026-01-01', '2026-02-01', '2026-03-01']
  .concat(['2026-04-01', '2026-05-01', '2026-06-01', '2026-07-01', '2026-08-01', '2026-09-01'])
  .map((first) => first as (typeof portfolio.mrr)[number]['month']);

/** Two years of monthly MRR for accounts paying `mrr(month index)`; 0 leaves the month out. */
function history(accounts: Record<string, (index: number) => number>): typeof portfolio.mrr {
  const snapshots: MrrSnapshotInput[] = [];
  for (let index = 0; index < 24; index++) {
    const year = 2024 + Math.floor((index + 9) / 12);
    const first = `${String(year)}-${String(((index + 9) % 12) + 1).padStart(2, '0')}-01`;
    for (const [accountId, mrr] of Object.entries(accounts)) {
      if (mrr(index) > 0) snapshots.push({ accountId, month: first, mrr: mrr(index) });
    }
  }
  return snapshots as typeof portfolio.mrr;
}

/** The forecast section's lines for a portfolio with the given MRR history. */
function churnLines(mrr: typeof portfolio.mrr): string[] {
  const text = formatForecast(portfolioForecast({ ...portfolio, mrr }));
  return text.split('\n').slice(text.split('\n').indexOf('What one point less churn is worth'));
}

describe('the forecast section of the portfolio review', () => {
  it('takes its cohorts from renewalCountsFromCohorts on the yearly cohort table, and lists those left out', () => {
    const counts = renewalCountsFromCohorts(
      cohortRetention(portfolio.subscriptions, { period: 'year', asOf: options.asOf }),
    );
    expect(forecast.cohorts).toEqual(
      counts.cohorts.map((cohort) => ({
        year: cohort.cohort.slice(0, 4),
        accounts: cohort.accounts,
        activeAfterRenewals: cohort.activeCounts,
      })),
    );
    expect(forecast.leftOut.map((cohort) => [cohort.year, cohort.reason])).toEqual([
      ['2025', 'no_renewal_yet'],
      ['2026', 'no_renewal_yet'],
    ]);
    // Annual contracts: nobody leaves in the first calendar year.
    expect(forecast.cohorts.filter((cohort) => cohort.activeAfterRenewals[0] !== cohort.accounts)).toEqual([]);
  });

  it('projects renewals with the sBG model fitted to those cohorts', () => {
    const { renewals, cohorts } = forecast;
    if (!renewals.fitted) throw new Error(`expected a fit: ${renewals.reason}`);
    expect(renewals.fit).toEqual(fitShiftedBetaGeometricCohorts(cohorts.map((cohort) => cohort.activeAfterRenewals)));
    expect(renewals.byRenewal.map((row) => row.renewal)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const row of renewals.byRenewal) {
      expect(row.projected).toBe(sbgRetention(renewals.fit, row.renewal));
      expect(row.survival).toBe(sbgSurvival(renewals.fit, row.renewal));
    }
    const facing = cohorts.reduce((sum, cohort) => sum + (cohort.activeAfterRenewals[0] ?? 0), 0);
    const renewed = cohorts.reduce((sum, cohort) => sum + (cohort.activeAfterRenewals[1] ?? 0), 0);
    expect(renewals.byRenewal[0]?.observed).toBe(renewed / facing);
    expect(renewals.byRenewal.at(-1)?.observed).toBeNull();
    expect(renewals.yearsOfRevenue).toEqual({
      firstRenewal: sbgDerl(renewals.fit, { discountRate: 0.1, periodsAlive: 1 }),
      fifthRenewal: sbgDerl(renewals.fit, { discountRate: 0.1, periodsAlive: 5 }),
    });
  });

  it('prints the years fitted and the years left out', () => {
    const { renewals, cohorts, leftOut } = forecast;
    if (!renewals.fitted) throw new Error(`expected a fit: ${renewals.reason}`);
    const years = cohorts.map((cohort) => `${cohort.year} (${String(cohort.accounts)})`);
    const lines = formatForecast(forecast).split('\n');
    expect(lines.slice(1, 5)).toEqual([
      'Renewal forecast (shifted-beta-geometric model, annual contracts)',
      '─────────────────────────────────────────────────────────────────',
      `  Fitted to the accounts won in ${years.slice(0, -1).join(', ')} and ${years.at(-1) ?? ''}: α ${renewals.fit.alpha.toFixed(3)}, β ${renewals.fit.beta.toFixed(3)}.`,
      `  Left out, as not renewed yet: the accounts won in 2025 (${String(leftOut[0]?.accounts)}) and 2026 (${String(leftOut[1]?.accounts)}).`,
    ]);
  });

  it('prices one point less annual churn from the twelve months to 2026-09-30', () => {
    const reduction = forecast.churnReduction;
    if (!reduction.projected) throw new Error(`expected a projection: ${reduction.reason}`);
    expect([reduction.from, reduction.to]).toEqual(['2025-10-01', '2026-09-30']);
    const bridges = months.map((first) => mrrMovementsForMonth(portfolio.mrr, first));
    const starting = bridges.reduce((sum, bridge) => sum + bridge.starting, 0);
    const lost = bridges.reduce((sum, bridge) => sum + bridge.churned + bridge.contraction, 0);
    expect(reduction.monthlyChurn).toBe(lost / starting);
    expect(reduction.startingArr).toBe(12 * (bridges.at(-1)?.ending ?? 0));
    expect(reduction.impact).toEqual(
      retentionImpact({
        startingArr: reduction.startingArr,
        monthlyChurn: reduction.monthlyChurn,
        churnDelta: -0.01 / 12,
        growth: reduction.monthlyGrowth,
        years: 5,
      }),
    );
    expect(reduction.impact.arrDifference).toBeGreaterThan(0);
  });

  it('states the window and the assumption of new bookings in proportion to the book, in words', () => {
    const reduction = forecast.churnReduction;
    if (!reduction.projected) throw new Error(`expected a projection: ${reduction.reason}`);
    const { monthlyChurn, monthlyGrowth, startingArr } = reduction;
    expect(churnLines(portfolio.mrr).slice(0, 8)).toEqual([
      'What one point less churn is worth',
      '──────────────────────────────────',
      `  From 2025-10-01 to 2026-09-30 the book lost ${rate(monthlyChurn)} of its MRR a month to churn and contraction`,
      `  and gained ${rate(monthlyGrowth)} a month from new, expanding and returning customers.`,
      `  The projection starts from ${money(startingArr)} ARR (12 × the MRR at the end of September 2026) and assumes both`,
      `  rates hold: new bookings stay in proportion to the book, ${rate(monthlyGrowth)} of its size each month, so they grow`,
      `  as it grows. One point less churn a year takes monthly churn from ${rate(monthlyChurn)} to ${rate(monthlyChurn - 0.01 / 12)}.`,
      '',
    ]);
    expect(formatReview(buildReview(options))).toMatch(/After 5 years: \$[\d.]+[KM] more ARR/);
  });

  it('does not project a book with no paying account at the end of the last month', () => {
    const mrr = history({ a: () => 100, b: (index) => (index < 23 ? 100 : 0) }).map((snapshot) =>
      snapshot.month === '2026-09-01' ? { ...snapshot, mrr: 0 } : snapshot,
    );
    expect(churnLines(mrr).slice(2)).toEqual([
      '  No projection from 2025-10-01 to 2026-09-30: no account pays at the end of September 2026.',
    ]);
  });

  it('does not project from a stale last month', () => {
    const stale = portfolio.mrr.filter((snapshot) => snapshot.month < '2026-03-01');
    expect(churnLines(stale).slice(2)).toEqual([
      '  No projection from 2025-10-01 to 2026-09-30: no MRR recorded for September 2026 (the latest is',
      '  from February 2026).',
    ]);
  });

  it('does not project a reduction that would take churn below zero, and says why', () => {
    const steady = history({ a: () => 100, b: () => 250 });
    expect(churnLines(steady).slice(2)).toEqual([
      '  No projection from 2025-10-01 to 2026-09-30: the book lost 0.00% of its MRR a month to churn and',
      '  contraction, less than the point a year (0.08% a month) this would take off, so there is no point',
      '  of churn to remove.',
    ]);
    const almost = history({ a: (index) => 10_000 - 5 * index });
    const { churnReduction } = portfolioForecast({ ...portfolio, mrr: almost });
    expect(churnReduction.projected).toBe(false);
  });

  it('does not project a book that more than doubles a month', () => {
    const young = history({
      a: (index) => (index < 22 ? 1 : 2),
      b: (index) => (index === 23 ? 10_000 : 0),
      c: (index) => (index < 20 ? 50 : 0),
    });
    expect(
      churnLines(young)
        .slice(2)
        .map((line) => line.trim())
        .join(' '),
    ).toMatch(/more than the book itself, too fast a growth to project as steady\.$/);
  });

  it('needs MRR for the twelve months and the month before them', () => {
    const short = portfolio.mrr.filter((snapshot) => snapshot.month >= '2025-10-01');
    expect(churnLines(short).slice(2)).toEqual([
      '  No projection from 2025-10-01 to 2026-09-30: it needs MRR for the twelve months and the month',
      '  before them.',
    ]);
  });

  it('says why it cannot project a book too young or too steady to fit', () => {
    const young = {
      ...portfolio,
      subscriptions: portfolio.subscriptions.filter((line) => line.startDate >= '2026-01-01'),
    };
    const youngForecast = portfolioForecast(young);
    expect(youngForecast.renewals).toEqual({
      fitted: false,
      reason: 'no acquisition year has reached its first renewal yet',
      detail: null,
    });
    expect(formatForecast(youngForecast).split('\n').slice(3, 5)).toEqual([
      '  No projection: no acquisition year has reached its first renewal yet.',
      `  Left out, as not renewed yet: the accounts won in 2026 (${String(youngForecast.leftOut[0]?.accounts)}).`,
    ]);

    const loyal = { ...portfolio, subscriptions: portfolio.subscriptions.filter((line) => line.endDate === undefined) };
    const loyalForecast = portfolioForecast(loyal);
    const { renewals } = loyalForecast;
    expect([renewals.fitted, !renewals.fitted && renewals.detail?.startsWith('fit_failed: ')]).toEqual([false, true]);
    expect(formatForecast(loyalForecast).split('\n').slice(3, 5)).toEqual([
      '  No projection: the renewals so far cannot fit the model, which needs both customers who renewed',
      '  and customers who left, over enough accounts.',
    ]);
  });
});
