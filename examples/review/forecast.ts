import { addDays, addMonths, isSuccessKitError, type CalendarDate, type Portfolio } from 'successkit/core';
import {
  fitShiftedBetaGeometricCohorts,
  renewalCountsFromCohorts,
  retentionImpact,
  sbgDerl,
  sbgRetention,
  sbgSurvival,
  type RetentionImpact,
  type SbgFit,
} from 'successkit/forecast';
import { cohortRetention, mrrMovementsForMonth } from 'successkit/metrics';
import { count, heading, listing, money, nameOfMonth, paragraph, percent, rate, table, whole } from './format.js';
import { missingMrr, mrrMonths } from './metrics.js';

/** How many renewals ahead the projection reaches. */
const horizon = 10;

/** The discount rate for a customer's remaining value: 10% a year. */
const discountRate = 0.1;

/** The churn change the review prices: one point of annual churn less, spread over the months. */
const annualChurnDelta = -0.01;

/** How far the ARR projection reaches, in years. */
const projectionYears = 5;

/** One acquisition year: its accounts and how many were still customers after each renewal. */
export interface AcquisitionCohort {
  readonly year: string;
  readonly accounts: number;
  /** Customers after 0, 1, 2, … renewals; a customer that left and came back does not count again. */
  readonly activeAfterRenewals: readonly number[];
}

/** An acquisition year left out of the fit, and why. */
export interface CohortLeftOut {
  readonly year: string;
  readonly accounts: number;
  readonly reason: 'no_renewal_yet' | 'no_customers';
  readonly message: string;
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
  | {
      readonly fitted: false;
      /** Why, in words for the reader. */
      readonly reason: string;
      /** The fit's own error message, when it failed; `null` otherwise. */
      readonly detail: string | null;
    };

/** The twelve months measured for the churn projection: their first and last day. */
export interface MeasuredYear {
  readonly from: CalendarDate;
  readonly to: CalendarDate;
}

/** What one point less annual churn is worth, from the book's last twelve months, or why it is not projected. */
export type ChurnReduction =
  | (MeasuredYear & {
      readonly projected: true;
      /** ARR at the end of the last month: 12 × its ending MRR. */
      readonly startingArr: number;
      /** Churned and contracted MRR ÷ starting MRR, over the twelve months together. */
      readonly monthlyChurn: number;
      /** New, expansion and reactivation MRR ÷ starting MRR, over the twelve months together. */
      readonly monthlyGrowth: number;
      /** The monthly churn change priced: −1/12 of a point. */
      readonly churnDelta: number;
      readonly impact: RetentionImpact;
    })
  | {
      readonly projected: false;
      /** The twelve months it would measure. */
      readonly measured: MeasuredYear;
      /** Why not, in words for the reader. */
      readonly reason: string;
    };

/** The forecast section: renewals projected with sBG and the value of less churn. */
export interface PortfolioForecast {
  readonly cohorts: readonly AcquisitionCohort[];
  readonly leftOut: readonly CohortLeftOut[];
  readonly renewals: RenewalModel;
  readonly churnReduction: ChurnReduction;
}

/**
 * Acquisition cohorts by calendar year. Contracts are annual and customers
 * leave only at a renewal, so a cohort still has all its customers at the end
 * of its first calendar year, and at the end of year k it holds those who
 * renewed k times: the reading `renewalCountsFromCohorts` makes.
 */
function acquisitionCohorts(portfolio: Portfolio): Pick<PortfolioForecast, 'cohorts' | 'leftOut'> {
  const table = cohortRetention(portfolio.subscriptions, { period: 'year', asOf: portfolio.asOf });
  const counts = renewalCountsFromCohorts(table);
  return {
    cohorts: counts.cohorts.map((cohort) => ({
      year: cohort.cohort.slice(0, 4),
      accounts: cohort.accounts,
      activeAfterRenewals: cohort.activeCounts,
    })),
    leftOut: counts.dropped.map((cohort) => ({
      year: cohort.cohort.slice(0, 4),
      accounts: cohort.accounts,
      reason: cohort.reason,
      message: cohort.message,
    })),
  };
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
  if (cohorts.length === 0) {
    return { fitted: false, reason: 'no acquisition year has reached its first renewal yet', detail: null };
  }
  let fit: SbgFit;
  try {
    fit = fitShiftedBetaGeometricCohorts(cohorts.map((cohort) => cohort.activeAfterRenewals));
  } catch (error) {
    if (!isSuccessKitError(error) || error.code !== 'fit_failed') throw error;
    return {
      fitted: false,
      reason:
        'the renewals so far cannot fit the model, which needs both customers who renewed and customers who left, over enough accounts',
      detail: error.message,
    };
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

function notProjected(measured: MeasuredYear, reason: string): ChurnReduction {
  return { projected: false, measured, reason };
}

function churnReduction(portfolio: Portfolio): ChurnReduction {
  const months = mrrMonths(portfolio);
  const firstMonth = addMonths(months.month, -11);
  const measured = { from: firstMonth, to: addDays(addMonths(months.month, 1), -1) };
  const missing = missingMrr(months);
  if (missing !== null) return notProjected(measured, missing);
  if (months.earliest === null || months.earliest > addMonths(firstMonth, -1)) {
    return notProjected(measured, 'it needs MRR for the twelve months and the month before them');
  }
  const bridges = Array.from({ length: 12 }, (_, index) =>
    mrrMovementsForMonth(portfolio.mrr, addMonths(firstMonth, index)),
  );
  const ending = bridges.at(-1)?.ending ?? 0;
  if (ending === 0) return notProjected(measured, `no account pays at the end of ${nameOfMonth(months.month)}`);
  const starting = bridges.reduce((sum, bridge) => sum + bridge.starting, 0);
  const lost = bridges.reduce((sum, bridge) => sum + bridge.churned + bridge.contraction, 0);
  const gained = bridges.reduce((sum, bridge) => sum + bridge.new + bridge.expansion + bridge.reactivation, 0);
  if (starting === 0) {
    return notProjected(
      measured,
      `all of the book's MRR is new in ${nameOfMonth(months.month)}: no history to project from`,
    );
  }
  const monthlyChurn = lost / starting;
  const monthlyGrowth = gained / starting;
  const churnDelta = annualChurnDelta / 12;
  if (monthlyChurn >= 1) return notProjected(measured, 'the book lost all of its MRR every month');
  if (monthlyChurn + churnDelta < 0) {
    return notProjected(
      measured,
      `the book lost ${rate(monthlyChurn)} of its MRR a month to churn and contraction, less than the point a year (${rate(-churnDelta)} a month) this would take off, so there is no point of churn to remove`,
    );
  }
  if (monthlyGrowth > 1) {
    return notProjected(
      measured,
      `new, expanding and returning customers added ${percent(monthlyGrowth)} of the book's MRR a month, more than the book itself, too fast a growth to project as steady`,
    );
  }
  const startingArr = 12 * ending;
  const impact = retentionImpact({
    startingArr,
    monthlyChurn,
    churnDelta,
    growth: monthlyGrowth,
    years: projectionYears,
  });
  return { projected: true, ...measured, startingArr, monthlyChurn, monthlyGrowth, churnDelta, impact };
}

/** Renewal retention projected with sBG from the acquisition cohorts, and what one point less churn is worth. */
export function portfolioForecast(portfolio: Portfolio): PortfolioForecast {
  const { cohorts, leftOut } = acquisitionCohorts(portfolio);
  return { cohorts, leftOut, renewals: renewalModel(cohorts), churnReduction: churnReduction(portfolio) };
}

function share(value: number | null): string {
  return value === null ? '—' : percent(value);
}

/** `2021 (18), 2022 (83) and 2023 (91)`: years won and their accounts. */
function cohortList(cohorts: readonly { readonly year: string; readonly accounts: number }[]): string {
  return listing(cohorts.map((cohort) => `${cohort.year} (${whole(cohort.accounts)})`));
}

function leftOutLines(leftOut: readonly CohortLeftOut[]): string[] {
  const young = leftOut.filter((cohort) => cohort.reason === 'no_renewal_yet');
  const empty = leftOut.filter((cohort) => cohort.reason === 'no_customers');
  return [
    ...(young.length === 0 ? [] : [`  Left out, as not renewed yet: the accounts won in ${cohortList(young)}.`]),
    ...(empty.length === 0
      ? []
      : [`  Left out, as none was a customer at the end of its first year: the accounts won in ${cohortList(empty)}.`]),
  ];
}

function formatRenewals(forecast: PortfolioForecast): string[] {
  const { renewals, cohorts, leftOut } = forecast;
  const title = heading('Renewal forecast (shifted-beta-geometric model, annual contracts)');
  if (!renewals.fitted) return [title, ...paragraph(`No projection: ${renewals.reason}.`), ...leftOutLines(leftOut)];
  const { fit, byRenewal, yearsOfRevenue } = renewals;
  const rows = byRenewal.map((row) => [
    String(row.renewal),
    share(row.observed),
    percent(row.projected),
    percent(row.survival),
  ]);
  return [
    title,
    `  Fitted to the accounts won in ${cohortList(cohorts)}: α ${fit.alpha.toFixed(3)}, β ${fit.beta.toFixed(3)}.`,
    ...leftOutLines(leftOut),
    '',
    '  Renewal rate: customers who renew ÷ customers facing that renewal. Still a customer: share of a',
    '  newly won cohort left after that renewal.',
    '',
    table(['Renewal', 'Observed rate', 'Projected rate', 'Still a customer'], rows, [0, 1, 2, 3]),
    '',
    '  Renewal rates rise with tenure because the customers likely to leave leave early.',
    `  Discounting at ${percent(discountRate)} a year, a customer about to face its first renewal is expected to pay`,
    `  ${yearsOfRevenue.firstRenewal.toFixed(1)} more years of its contract value in today's money; one about to face its fifth, ${yearsOfRevenue.fifthRenewal.toFixed(1)}.`,
  ];
}

function formatChurnReduction(reduction: ChurnReduction): string[] {
  const title = heading('What one point less churn is worth');
  if (!reduction.projected) {
    const { from, to } = reduction.measured;
    return [title, ...paragraph(`No projection from ${from} to ${to}: ${reduction.reason}.`)];
  }
  const { impact } = reduction;
  const last = impact.byYear.at(-1);
  const rows = impact.byYear
    .slice(1)
    .map((year) => [String(year.year), money(year.arr), money(year.arrWithChange), money(year.difference)]);
  return [
    title,
    `  From ${reduction.from} to ${reduction.to} the book lost ${rate(reduction.monthlyChurn)} of its MRR a month to churn and contraction`,
    `  and gained ${rate(reduction.monthlyGrowth)} a month from new, expanding and returning customers.`,
    `  The projection starts from ${money(reduction.startingArr)} ARR (12 × the MRR at the end of ${nameOfMonth(reduction.to)}) and assumes both`,
    `  rates hold: new bookings stay in proportion to the book, ${rate(reduction.monthlyGrowth)} of its size each month, so they grow`,
    `  as it grows. One point less churn a year takes monthly churn from ${rate(reduction.monthlyChurn)} to ${rate(reduction.monthlyChurn + reduction.churnDelta)}.`,
    '',
    table(['Year', 'ARR, churn as is', 'ARR, a point less churn', 'Difference'], rows, [0, 1, 2, 3]),
    '',
    `  After ${count(projectionYears, 'year')}: ${money(last?.difference ?? 0)} more ARR (${share(impact.relativeDifference)}) and ${money(impact.revenueDifference)} more revenue collected.`,
  ];
}

/** The forecast section as terminal text. */
export function formatForecast(forecast: PortfolioForecast): string {
  return [...formatRenewals(forecast), ...formatChurnReduction(forecast.churnReduction)].join('\n');
}
