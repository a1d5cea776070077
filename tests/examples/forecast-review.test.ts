import { describe, expect, it } from 'vitest';
import {
  fitShiftedBetaGeometricCohorts,
  retentionImpact,
  sbgDerl,
  sbgRetention,
  sbgSurvival,
} from 'successkit/forecast';
import { cohortRetention, mrrMovementsForMonth } from 'successkit/metrics';
import { samplePortfolio } from 'successkit/sample';
import { buildReview, formatReview } from '../../examples/portfolio-review.js';
import { formatForecast, portfolioForecast } from '../../examples/review/forecast.js';

const options = { accounts: 300, seed: 3, asOf: '2026-09-30' } as const;
const portfolio = samplePortfolio(options);
const { forecast } = buildReview(options);

describe('the forecast section of the portfolio review', () => {
  it('follows each acquisition year that has reached a renewal, counting first departures only', () => {
    const table = cohortRetention(portfolio.subscriptions, { period: 'year', asOf: options.asOf });
    const renewed = table.cohorts.filter((row) => row.periods.length >= 2);
    expect(forecast.cohorts.map((cohort) => cohort.year)).toEqual(renewed.map((row) => row.cohort.slice(0, 4)));
    forecast.cohorts.forEach((cohort, index) => {
      const row = renewed[index];
      expect(cohort.accounts).toBe(row?.accounts);
      expect(cohort.activeAfterRenewals).toHaveLength(row?.periods.length ?? 0);
      // Annual contracts: nobody leaves in the first calendar year.
      expect(cohort.activeAfterRenewals[0]).toBe(cohort.accounts);
      cohort.activeAfterRenewals.forEach((count, renewal) => {
        expect(count).toBeLessThanOrEqual(row?.periods[renewal]?.activeAccounts ?? 0);
        if (renewal > 0) expect(count).toBeLessThanOrEqual(cohort.activeAfterRenewals[renewal - 1] ?? 0);
      });
    });
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

  it('prices one point less annual churn from the last twelve months of MRR', () => {
    const reduction = forecast.churnReduction;
    expect([reduction?.from, reduction?.to]).toEqual(['2025-10-01', '2026-09-01']);
    const months = ['2025-10-01', '2025-11-01', '2025-12-01', '2026-01-01', '2026-02-01', '2026-03-01']
      .concat(['2026-04-01', '2026-05-01', '2026-06-01', '2026-07-01', '2026-08-01', '2026-09-01'])
      .map((month) => mrrMovementsForMonth(portfolio.mrr, month));
    const starting = months.reduce((sum, month) => sum + month.starting, 0);
    const lost = months.reduce((sum, month) => sum + month.churned + month.contraction, 0);
    expect(reduction?.monthlyChurn).toBe(lost / starting);
    expect(reduction?.startingArr).toBe(12 * (months.at(-1)?.ending ?? 0));
    expect(reduction?.impact).toEqual(
      retentionImpact({
        startingArr: reduction?.startingArr ?? 0,
        monthlyChurn: reduction?.monthlyChurn ?? 0,
        churnDelta: -0.01 / 12,
        growth: reduction?.monthlyGrowth ?? 0,
        years: 5,
      }),
    );
    expect(reduction?.impact.arrDifference).toBeGreaterThan(0);
  });

  it('prints the projection and the price of churn', () => {
    const text = formatReview(buildReview(options));
    expect(text).toContain('Renewal forecast (shifted-beta-geometric, annual contracts)');
    expect(text).toContain('What one point less churn is worth');
    expect(text).toMatch(/After five years: \$[\d.]+[KM]? more ARR/);
  });

  it('says why it cannot project a book too young or too steady to fit', () => {
    const young = {
      ...portfolio,
      subscriptions: portfolio.subscriptions.filter((line) => line.startDate >= '2026-01-01'),
      mrr: [],
    };
    const youngForecast = portfolioForecast(young);
    expect(youngForecast.renewals).toEqual({ fitted: false, reason: 'no cohort has reached its first renewal yet' });
    expect(youngForecast.churnReduction).toBeNull();
    expect(formatForecast(youngForecast)).toContain('needs twelve complete months of MRR');

    const loyal = { ...portfolio, subscriptions: portfolio.subscriptions.filter((line) => line.endDate === undefined) };
    const loyalForecast = portfolioForecast(loyal);
    expect(loyalForecast.renewals.fitted).toBe(false);
    expect(formatForecast(loyalForecast)).toContain(
      'No projection: too few or too steady renewals to fit the model (fit_failed: ',
    );
  });
});
