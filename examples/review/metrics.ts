import { addDays, addMonths, startOfPeriod, type CalendarDate, type Portfolio } from 'successkit/core';
import {
  csat,
  compareNps,
  csatAccumulator,
  groupMetrics,
  mrrMovements,
  mrrMovementsForMonth,
  nps,
  npsAccumulator,
  revenueRetention,
  type CsatResult,
  type MrrMovementTotals,
  type NpsComparison,
  type NpsResult,
  type RevenueRetention,
} from 'successkit/metrics';
import { count, heading, money, nameOfMonth, paragraph, percent, rate, table, whole } from './format.js';

/** NPS and CSAT of one segment, or of the whole portfolio. */
export interface SegmentExperience {
  readonly segment: string;
  readonly nps: NpsResult;
  readonly csat: CsatResult;
}

/** An account that churned or contracted in the month. */
export interface RevenueLoss {
  readonly accountId: string;
  readonly name: string;
  readonly movement: 'churned' | 'contraction';
  /** MRR lost, USD (positive). */
  readonly lost: number;
}

/** Revenue retention over the twelve months to a month: the accounts paying in `from`, followed to `to`. */
export interface TrailingYearRevenue {
  /** The month twelve months before `to`, as its first day. */
  readonly from: CalendarDate;
  /** The month measured, as its first day. */
  readonly to: CalendarDate;
  readonly movements: MrrMovementTotals;
  /** Yearly rates: GRR and NRR of the accounts paying in `from`. */
  readonly retention: RevenueRetention;
}

/** Where the last complete month's MRR came from and went to. */
export interface MonthlyRevenue {
  readonly measured: true;
  readonly month: CalendarDate;
  readonly previousMonth: CalendarDate;
  readonly movements: MrrMovementTotals;
  /** Monthly rates: this month against the month before. */
  readonly retention: RevenueRetention;
  /** `null` without MRR from twelve months before `month`. */
  readonly trailingYear: TrailingYearRevenue | null;
  /** The largest losses, at most five. */
  readonly largestLosses: readonly RevenueLoss[];
}

/** The MRR section: the last complete month, or why it cannot be reported. */
export type RevenueReport =
  | MonthlyRevenue
  | {
      readonly measured: false;
      /** The month the review would report, as its first day. */
      readonly month: CalendarDate;
      readonly reason: string;
    };

/** The segment with the lowest NPS against the rest of the portfolio. */
export interface NpsGap {
  readonly segment: string;
  readonly comparison: NpsComparison;
}

/** The metrics section: customer experience per segment and revenue retention. */
export interface PortfolioMetrics {
  readonly surveys: {
    /** First and last day with a survey answer; `null` without answers. */
    readonly from: CalendarDate | null;
    readonly to: CalendarDate | null;
    readonly bySegment: readonly SegmentExperience[];
    readonly all: SegmentExperience;
    /** `null` with fewer than two segments. */
    readonly lowestNps: NpsGap | null;
  };
  readonly revenue: RevenueReport;
}

interface Answer {
  readonly segment: string;
  readonly kind: 'nps' | 'csat' | 'ces';
  readonly score: number;
  /** The answer's scale: 10 for NPS, 5, 7 or 10 for CSAT and CES. */
  readonly scale: number;
}

const experienceMetrics = {
  nps: { accumulator: npsAccumulator(), value: (answer: Answer) => (answer.kind === 'nps' ? answer.score : undefined) },
  csat: {
    accumulator: csatAccumulator(),
    value: (answer: Answer) => (answer.kind === 'csat' && answer.scale === 5 ? answer.score : undefined),
  },
};

function experience(portfolio: Portfolio): PortfolioMetrics['surveys'] {
  const segmentOf = new Map(portfolio.accounts.map((account) => [account.id, account.segment ?? 'unsegmented']));
  const answers = portfolio.surveys.map((survey) => ({
    segment: segmentOf.get(survey.accountId) ?? 'unsegmented',
    kind: survey.kind,
    score: survey.score,
    scale: survey.kind === 'nps' ? 10 : survey.scale,
  }));
  const bySegment = groupMetrics(answers, { by: 'segment', metrics: experienceMetrics }).map((group) => ({
    segment: group.key,
    nps: group.metrics.nps,
    csat: group.metrics.csat,
  }));
  const dates = portfolio.surveys.map((survey) => survey.date).sort();
  return {
    from: dates[0] ?? null,
    to: dates.at(-1) ?? null,
    bySegment,
    lowestNps: lowestNps(bySegment, answers),
    all: {
      segment: 'all',
      nps: nps(answers.filter((answer) => answer.kind === 'nps').map((answer) => answer.score)),
      csat: csat(
        answers.filter((answer) => answer.kind === 'csat' && answer.scale === 5).map((answer) => answer.score),
      ),
    },
  };
}

/** Compares the segment with the lowest NPS with all other segments' answers together. */
function lowestNps(bySegment: readonly SegmentExperience[], answers: readonly Answer[]): NpsGap | null {
  const scored = bySegment.filter((row) => row.nps.score !== null);
  if (scored.length < 2) return null;
  const lowest = scored.reduce((low, row) => ((row.nps.score ?? 0) < (low.nps.score ?? 0) ? row : low));
  const scores = (inSegment: boolean): number[] =>
    answers
      .filter((answer) => answer.kind === 'nps' && (answer.segment === lowest.segment) === inSegment)
      .map((answer) => answer.score);
  return { segment: lowest.segment, comparison: compareNps(scores(false), scores(true)) };
}

/**
 * The months of MRR a review can measure: the calendar month that ended last
 * by `asOf` (the month it reports) and the span of months with MRR recorded.
 */
export interface MrrMonths {
  /** The last calendar month that ended on or before `asOf`, as its first day. */
  readonly month: CalendarDate;
  /** The latest month, ended by `asOf`, with an MRR snapshot; `null` without any. */
  readonly latest: CalendarDate | null;
  /** The earliest month with an MRR snapshot; `null` without any. */
  readonly earliest: CalendarDate | null;
}

/** The month to report and the months the portfolio's MRR covers. */
export function mrrMonths(portfolio: Portfolio): MrrMonths {
  const first = startOfPeriod(portfolio.asOf, 'month');
  const month = addDays(addMonths(first, 1), -1) <= portfolio.asOf ? first : addMonths(first, -1);
  let latest: CalendarDate | null = null;
  let earliest: CalendarDate | null = null;
  for (const snapshot of portfolio.mrr) {
    if (snapshot.month > month) continue;
    if (latest === null || snapshot.month > latest) latest = snapshot.month;
    if (earliest === null || snapshot.month < earliest) earliest = snapshot.month;
  }
  return { month, latest, earliest };
}

/** Why a month's MRR cannot be reported, in words; `null` when it can. */
export function missingMrr(months: MrrMonths): string | null {
  if (months.latest === null) return 'no MRR recorded yet';
  if (months.latest < months.month) {
    return `no MRR recorded for ${nameOfMonth(months.month)} (the latest is from ${nameOfMonth(months.latest)})`;
  }
  return null;
}

/** MRR per account in one month, as `mrrMovements` takes it. */
function mrrIn(portfolio: Portfolio, month: CalendarDate): Map<string, number> {
  return new Map(
    portfolio.mrr.filter((snapshot) => snapshot.month === month).map((snapshot) => [snapshot.accountId, snapshot.mrr]),
  );
}

/** Retention from the MRR of the accounts paying twelve months before `month` to their MRR in `month`. */
function trailingYear(portfolio: Portfolio, months: MrrMonths): TrailingYearRevenue | null {
  const from = addMonths(months.month, -12);
  if (months.earliest === null || months.earliest > from) return null;
  const history = portfolio.mrr
    .filter((snapshot) => snapshot.month < from && snapshot.mrr > 0)
    .map((snapshot) => snapshot.accountId);
  // The report keeps the totals; the lines per account stay out of it.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { byAccount, ...movements } = mrrMovements(mrrIn(portfolio, from), mrrIn(portfolio, months.month), {
    history,
  });
  return { from, to: months.month, movements, retention: revenueRetention(movements) };
}

function revenue(portfolio: Portfolio): RevenueReport {
  const months = mrrMonths(portfolio);
  const missing = missingMrr(months);
  if (missing !== null) return { measured: false, month: months.month, reason: missing };
  const { byAccount, month, previousMonth, ...movements } = mrrMovementsForMonth(portfolio.mrr, months.month);
  const names = new Map(portfolio.accounts.map((account) => [account.id, account.name]));
  const largestLosses = byAccount
    .filter((line) => line.movement === 'churned' || line.movement === 'contraction')
    .map((line) => ({
      accountId: line.accountId,
      name: names.get(line.accountId) ?? line.accountId,
      movement: line.movement === 'churned' ? ('churned' as const) : ('contraction' as const),
      lost: -line.change,
    }))
    .sort((a, b) => b.lost - a.lost)
    .slice(0, 5);
  return {
    measured: true,
    month,
    previousMonth,
    movements,
    retention: revenueRetention(movements),
    trailingYear: trailingYear(portfolio, months),
    largestLosses,
  };
}

/** NPS and CSAT per segment over the portfolio's surveys, and the MRR bridge of the last complete month. */
export function portfolioMetrics(portfolio: Portfolio): PortfolioMetrics {
  return { surveys: experience(portfolio), revenue: revenue(portfolio) };
}

/** `+23` or `−4`: NPS points with their sign. */
function points(value: number | null): string {
  if (value === null) return '—';
  const rounded = Math.round(value);
  return rounded > 0 ? `+${String(rounded)}` : rounded < 0 ? `−${String(-rounded)}` : '0';
}

function npsInterval(result: NpsResult): string {
  return result.interval === null ? '—' : `${points(result.interval[0])} to ${points(result.interval[1])}`;
}

function csatInterval(result: CsatResult): string {
  return result.interval === null
    ? '—'
    : `${percent(result.interval[0] / 100)} to ${percent(result.interval[1] / 100)}`;
}

const lowSampleMark = '*';

/** The answers a result needs before the review reads it as a measure (the metrics' default `minimumSample`). */
const minimumAnswers = 30;

function marked(text: string, result: { readonly lowSample: boolean; readonly score: number | null }): string {
  return result.score !== null && result.lowSample ? `${text}${lowSampleMark}` : text;
}

function experienceRow(row: SegmentExperience): string[] {
  return [
    row.segment,
    whole(row.nps.n),
    marked(points(row.nps.score), row.nps),
    npsInterval(row.nps),
    whole(row.csat.n),
    row.csat.score === null ? '—' : marked(percent(row.csat.score / 100), row.csat),
    csatInterval(row.csat),
  ];
}

function bridgeTable(movements: MrrMovementTotals): string {
  const accounts = whole;
  return table(
    ['MRR', 'Amount', 'Accounts'],
    [
      ['Starting', money(movements.starting), accounts(movements.accounts.starting)],
      ['+ New', money(movements.new), accounts(movements.accounts.new)],
      ['+ Reactivation', money(movements.reactivation), accounts(movements.accounts.reactivation)],
      ['+ Expansion', money(movements.expansion), accounts(movements.accounts.expansion)],
      ['− Contraction', money(movements.contraction), accounts(movements.accounts.contraction)],
      ['− Churned', money(movements.churned), accounts(movements.accounts.churned)],
      ['= Ending', money(movements.ending), accounts(movements.accounts.ending)],
    ],
    [1, 2],
  );
}

function retentionLines(revenue: MonthlyRevenue): string[] {
  const { retention, trailingYear: year } = revenue;
  const quick =
    retention.quickRatio === null
      ? 'no quick ratio (no MRR lost)'
      : `quick ratio ${retention.quickRatio.toFixed(retention.quickRatio < 1 ? 2 : 1)}`;
  const monthly = [
    `  ${nameOfMonth(revenue.month)} alone (monthly rates, not annualised):`,
    `    gross revenue retention ${rate(retention.grossRevenueRetention)}, net revenue retention ${rate(retention.netRevenueRetention)}, ${quick}`,
  ];
  const window = year === null ? '' : `to ${addDays(addMonths(year.to, 1), -1)}`;
  const yearly =
    year === null
      ? ['  Trailing twelve months: not measured, as the MRR does not reach back twelve months.']
      : year.retention.grossRevenueRetention === null || year.retention.netRevenueRetention === null
        ? [
            `  Trailing twelve months ${window}: no account was paying in ${nameOfMonth(year.from)}, so nothing to retain.`,
          ]
        : [
            `  Trailing twelve months ${window} (${count(year.movements.accounts.starting, 'account')} paying in ${nameOfMonth(year.from)}, a year later):`,
            `    gross revenue retention ${percent(year.retention.grossRevenueRetention)}, net revenue retention ${percent(year.retention.netRevenueRetention)}`,
            '  Annual contracts churn at their renewals, so one month shows only the renewals that fell in it;',
            '  the twelve-month rates are the ones to compare with plans and benchmarks.',
          ];
  return [
    ...monthly,
    ...yearly,
    ...(retention.quickRatio === null
      ? []
      : ['  Quick ratio: new, expansion and reactivation MRR ÷ churned and contracted MRR.']),
  ];
}

function formatRevenue(revenue: RevenueReport): string {
  if (!revenue.measured) {
    return [
      heading(`MRR movements, ${nameOfMonth(revenue.month)}`),
      ...paragraph(`Not reported: ${revenue.reason}.`),
    ].join('\n');
  }
  const losses = revenue.largestLosses.map(
    (loss) =>
      `    ${loss.name} (${loss.accountId}) ${loss.movement === 'churned' ? 'churned' : 'contracted'}: −${money(loss.lost)} MRR`,
  );
  return [
    heading(`MRR movements, ${nameOfMonth(revenue.month)} (against ${nameOfMonth(revenue.previousMonth)})`),
    bridgeTable(revenue.movements),
    '',
    ...retentionLines(revenue),
    ...(losses.length === 0 ? [] : ['', `  Largest losses in ${nameOfMonth(revenue.month)}:`, ...losses]),
  ].join('\n');
}

function pValue(value: number | null): string {
  if (value === null) return '—';
  return value < 0.001 ? 'p < 0.001' : `p = ${value.toFixed(3)}`;
}

/**
 * Whether the gap is more than sampling noise. `compareNps` gives no verdict
 * with fewer answers than its minimum sample (30) on either side.
 */
function verdict(comparison: NpsComparison): string {
  const { a, b } = comparison;
  const gap = `the gap of ${points(comparison.difference)}`;
  if (comparison.status === 'insufficient') {
    return `with ${count(b.n, 'answer')} there and ${whole(a.n)} in the other segments, ${gap} cannot be told from sampling noise (a verdict needs ${String(minimumAnswers)} answers on each side).`;
  }
  return comparison.significant
    ? `${gap} is more than sampling noise at ${String(Math.round(comparison.confidence * 100))}% confidence (${pValue(comparison.pValue)}).`
    : `${gap} is within sampling noise (${pValue(comparison.pValue)}).`;
}

function formatGap(gap: NpsGap): string[] {
  const { comparison } = gap;
  return paragraph(
    `Lowest NPS: ${gap.segment}, ${points(comparison.b.score)} against ${points(comparison.a.score)} for the other segments; ${verdict(comparison)}`,
  );
}

function formatExperience(surveys: PortfolioMetrics['surveys']): string[] {
  if (surveys.from === null || surveys.to === null) {
    return [heading('Customer experience'), '  No survey answers yet.'];
  }
  const rows = [...surveys.bySegment, surveys.all];
  const experienceTable = table(
    ['Segment', 'NPS answers', 'NPS', '95% interval', 'CSAT answers', 'CSAT', '95% interval'],
    rows.map(experienceRow),
    [1, 2, 4, 5],
  );
  const lowSample = rows.some(
    (row) => (row.nps.lowSample && row.nps.score !== null) || (row.csat.lowSample && row.csat.score !== null),
  );
  return [
    heading(`Customer experience (answers from ${surveys.from} to ${surveys.to})`),
    experienceTable,
    ...(lowSample
      ? [`  ${lowSampleMark} fewer than ${String(minimumAnswers)} answers: read as a hint, not a measure`]
      : []),
    '  NPS runs from −100 to +100; CSAT is the share of 4s and 5s on a 1–5 scale.',
    ...(surveys.lowestNps === null ? [] : formatGap(surveys.lowestNps)),
  ];
}

/** The metrics section as terminal text. */
export function formatMetrics(metrics: PortfolioMetrics): string {
  return [...formatExperience(metrics.surveys), formatRevenue(metrics.revenue)].join('\n');
}
