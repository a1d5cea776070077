import { addMonths, isSuccessKitError, type CalendarDate, type Portfolio } from 'successkit/core';
import {
  fitShiftedBetaGeometricCohorts,
  retentionImpact,
  sbgDerl,
  sbgRetention,
  sbgSurvival,
  type RetentionImpact,
  type SbgFit,
} from 'successkit/forecast';
import { cohortRetention, mrrMovementsForMonth } from 'successkit/metrics';
import { heading, money, percent, table } from './format.js';
import { lastCompleteMonth } from './metrics.js';

/** How many renewals ahead the projection reaches. */
const horizon = 10;

/** The discount rate for a customer's remaining value: 10% a year. */
const discountRate = 0.1;

/** The churn change the review prices: one point of annual churn less. */
const annualChurnDelta = -0.01;

/** One acquisition year: its accounts and how many were still customers after each renewal. */
export interface AcquisitionCohort {
  readonly year: string;
  readonly accounts: number;
  /** Customers after 0, 1, 2, … renewals; a customer that left and came back does not count again. */
  readonly activeAfterRenewals: readonly number[];
}

/** Retention at one renewal: observed over the cohorts that reached it, and as the model projects it. */
export interface RenewalRetention {
  readonly renewal: number;
  /** Customers who renewed ÷ customers who faced the renewal, over all cohorts that reached it; `null` beyond the data. */
  readonly observed: number | null;
  /** sBG retention rate at this renewal. */
  readonly projected: number;
  /** sBG share of a new cohort still a customer after this renewal. */
  readonly survival: number;
}

/** The sBG model fitted to the book's acquisition cohorts, or why it could not be. */
export type RenewalModel =
  | {
      readonly fitted: true;
      readonly fit: SbgFit;
      readonly byRenewal: readonly RenewalRetention[];
      /** Expected discounted payments still to come from a customer facing its first and its fifth renewal (DERL). */
      readonly yearsOfRevenue: { readonly firstRenewal: number; readonly fifthRenewal: number };
    }
  | { readonly fitted: false; readonly reason: string };

/** What one point less annual churn is worth, from the book's last twelve months. */
export interface ChurnReduction {
  /** The twelve months measured: first and last month. */
  readonly from: CalendarDate;
  readonly to: CalendarDate;
  /** ARR at the end of the last month: 12 × its ending MRR. */
  readonly startingArr: number;
  /** Churned and contracted MRR ÷ starting MRR, averaged over the months. */
  readonly monthlyChurn: number;
  /** New, expansion and reactivation MRR ÷ starting MRR, averaged over the months. */
  readonly monthlyGrowth: number;
  readonly impact: RetentionImpact;
}

/** The forecast section: renewals projected with sBG and the value of less churn. */
export interface PortfolioForecast {
  readonly cohorts: readonly AcquisitionCohort[];
  readonly renewals: RenewalModel;
  /** `null` without twelve complete months of MRR. */
  readonly churnReduction: ChurnReduction | null;
}

/**
 * Acquisition cohorts by calendar year. Contracts are annual and customers
 * leave only at a renewal, so a cohort still has all its customers at the end
 * of its first calendar year, and at the end of year k it holds those who
 * renewed k times. sBG models first departures: a customer that returns is
 * not a survivor, so no count may exceed the one before it.
 */
function acquisitionCohorts(portfolio: Portfolio): AcquisitionCohort[] {
  const byYear = cohortRetention(portfolio.subscriptions, { period: 'year', asOf: portfolio.asOf });
  return byYear.cohorts
    .filter((row) => row.periods.length >= 2)
    .map((row) => {
      const activeAfterRenewals: number[] = [];
      for (const cell of row.periods) {
        activeAfterRenewals.push(Math.min(cell.activeAccounts, activeAfterRenewals.at(-1) ?? row.accounts));
      }
      return { year: row.cohort.slice(0, 4), accounts: row.accounts, activeAfterRenewals };
    });
}

/** Renewed ÷ up for renewal at renewal k, over the cohorts that have reached it. */
function observedRetention(cohorts: readonly AcquisitionCohort[], renewal: number): number | null {
  let renewed = 0;
  let facing = 0;
  for (const { activeAfterRenewals: counts } of cohorts) {
    if (counts.length <= renewal) continue;
    renewed += counts[renewal] ?? 0;
    facing += counts[renewal - 1] ?? 0;
  }
  return facing === 0 ? null : renewed / facing;
}

function renewalModel(cohorts: readonly AcquisitionCohort[]): RenewalModel {
  if (cohorts.length === 0) return { fitted: false, reason: 'no cohort has reached its first renewal yet' };
  let fit: SbgFit;
  try {
    fit = fitShiftedBetaGeometricCohorts(cohorts.map((cohort) => cohort.activeAfterRenewals));
  } catch (error) {
    if (!isSuccessKitError(error) || error.code !== 'fit_failed') throw error;
    return { fitted: false, reason: `too few or too steady renewals to fit the model (${error.message})` };
  }
  const byRenewal = Array.from({ length: horizon }, (_, index) => ({
    renewal: index + 1,
    observed: observedRetention(cohorts, index + 1),
    projected: sbgRetention(fit, index + 1),
    survival: sbgSurvival(fit, index + 1),
  }));
  return {
    fitted: true,
    fit,
    byRenewal,
    yearsOfRevenue: {
      firstRenewal: sbgDerl(fit, { discountRate, periodsAlive: 1 }),
      fifthRenewal: sbgDerl(fit, { discountRate, periodsAlive: 5 }),
    },
  };
}

function churnReduction(portfolio: Portfolio): ChurnReduction | null {
  const last = lastCompleteMonth(portfolio);
  if (last === null) return null;
  const months = Array.from({ length: 12 }, (_, index) => addMonths(last, index - 11));
  const bridges = months.map((month) => mrrMovementsForMonth(portfolio.mrr, month));
  const starting = bridges.reduce((sum, bridge) => sum + bridge.starting, 0);
  if (starting === 0) return null;
  const lost = bridges.reduce((sum, bridge) => sum + bridge.churned + bridge.contraction, 0);
  const gained = bridges.reduce((sum, bridge) => sum + bridge.new + bridge.expansion + bridge.reactivation, 0);
  const monthlyChurn = lost / starting;
  const monthlyGrowth = gained / starting;
  const startingArr = 12 * (bridges.at(-1)?.ending ?? 0);
  if (startingArr === 0) return null;
  const impact = retentionImpact({
    startingArr,
    monthlyChurn,
    churnDelta: Math.max(annualChurnDelta / 12, -monthlyChurn),
    growth: Math.min(monthlyGrowth, 1),
    years: 5,
  });
  return { from: months[0] ?? last, to: last, startingArr, monthlyChurn, monthlyGrowth, impact };
}

/** Renewal retention projected with sBG from the acquisition cohorts, and what one point less churn is worth. */
export function portfolioForecast(portfolio: Portfolio): PortfolioForecast {
  const cohorts = acquisitionCohorts(portfolio);
  return { cohorts, renewals: renewalModel(cohorts), churnReduction: churnReduction(portfolio) };
}

function share(value: number | null): string {
  return value === null ? '—' : percent(value);
}

function formatRenewals(forecast: PortfolioForecast): string[] {
  const { renewals, cohorts } = forecast;
  const sizes = cohorts.map((cohort) => `${cohort.year}: ${String(cohort.accounts)}`).join(', ');
  const title = heading('Renewal forecast (shifted-beta-geometric, annual contracts)');
  if (!renewals.fitted) return [title, `  No projection: ${renewals.reason}`];
  const { fit, byRenewal, yearsOfRevenue } = renewals;
  const rows = byRenewal.map((row) => [
    String(row.renewal),
    share(row.observed),
    percent(row.projected),
    percent(row.survival),
  ]);
  return [
    title,
    `  Fitted to ${String(cohorts.length)} acquisition cohorts (accounts by first year: ${sizes});`,
    `  α ${fit.alpha.toFixed(3)}, β ${fit.beta.toFixed(3)}, log-likelihood ${fit.logLikelihood.toFixed(2)}.`,
    '',
    table(['Renewal', 'Observed', 'Projected', 'Still a customer'], rows, [0, 1, 2, 3]),
    '',
    '  Retention rises with tenure because the customers likely to leave leave early.',
    `  At ${percent(discountRate)} a year, a customer facing its first renewal will pay ${yearsOfRevenue.firstRenewal.toFixed(1)} more years of`,
    `  contract value in today's money; one facing its fifth, ${yearsOfRevenue.fifthRenewal.toFixed(1)}.`,
  ];
}

function formatChurnReduction(reduction: ChurnReduction | null): string[] {
  const title = heading('What one point less churn is worth');
  if (reduction === null) return [title, '  needs twelve complete months of MRR'];
  const { impact } = reduction;
  const fifth = impact.byYear.at(-1);
  const rows = impact.byYear
    .slice(1)
    .map((year) => [String(year.year), money(year.arr), money(year.arrWithChange), money(year.difference)]);
  return [
    title,
    `  From ${reduction.from} to ${reduction.to} the book lost ${percent(reduction.monthlyChurn)} of MRR a month to churn and contraction`,
    `  and gained ${percent(reduction.monthlyGrowth)} a month from new, expanding and returning customers. Starting from`,
    `  ${money(reduction.startingArr)} ARR, with a point less churn a year (${percent(-annualChurnDelta / 12)} less a month):`,
    '',
    table(['Year', 'ARR as is', 'ARR with less churn', 'Difference'], rows, [0, 1, 2, 3]),
    '',
    `  After five years: ${money(fifth?.difference ?? 0)} more ARR (${share(impact.relativeDifference)}) and ${money(impact.revenueDifference)} more revenue collected.`,
  ];
}

/** The forecast section as terminal text. */
export function formatForecast(forecast: PortfolioForecast): string {
  return [...formatRenewals(forecast), ...formatChurnReduction(forecast.churnReduction)].join('\n');
}
