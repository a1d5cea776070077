import { addDays, addMonths, type CalendarDate, type Portfolio } from 'successkit/core';
import {
  csat,
  compareNps,
  csatAccumulator,
  groupMetrics,
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
import { heading, money, percent, table } from './format.js';

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

/** Where the last complete month's MRR came from and went to. */
export interface MonthlyRevenue {
  readonly month: CalendarDate;
  readonly previousMonth: CalendarDate;
  readonly movements: MrrMovementTotals;
  readonly retention: RevenueRetention;
  /** The largest losses, at most five. */
  readonly largestLosses: readonly RevenueLoss[];
}

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
  /** `null` when the portfolio has no complete month of MRR. */
  readonly revenue: MonthlyRevenue | null;
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

/** The latest month of MRR snapshots that ended on or before `asOf`. */
export function lastCompleteMonth(portfolio: Portfolio): CalendarDate | null {
  let last: CalendarDate | null = null;
  for (const snapshot of portfolio.mrr) {
    const monthEnd = addDays(addMonths(snapshot.month, 1), -1);
    if (monthEnd <= portfolio.asOf && (last === null || snapshot.month > last)) last = snapshot.month;
  }
  return last;
}

function revenue(portfolio: Portfolio): MonthlyRevenue | null {
  const month = lastCompleteMonth(portfolio);
  if (month === null) return null;
  const { byAccount, month: measured, previousMonth, ...movements } = mrrMovementsForMonth(portfolio.mrr, month);
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
  return { month: measured, previousMonth, movements, retention: revenueRetention(movements), largestLosses };
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

function experienceRow(row: SegmentExperience): string[] {
  return [
    row.segment,
    String(row.nps.n),
    `${points(row.nps.score)}${row.nps.lowSample ? lowSampleMark : ''}`,
    npsInterval(row.nps),
    String(row.csat.n),
    row.csat.score === null ? '—' : `${percent(row.csat.score / 100)}${row.csat.lowSample ? lowSampleMark : ''}`,
    csatInterval(row.csat),
  ];
}

const monthName = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });

function nameOfMonth(month: CalendarDate): string {
  return monthName.format(new Date(`${month}T00:00:00Z`));
}

function accounts(count: number): string {
  return `${String(count)} ${count === 1 ? 'account' : 'accounts'}`;
}

/** A retention rate with two decimals, so 99.95% does not read as 100%. */
function rate(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(2)}%`;
}

function formatRevenue(revenue: MonthlyRevenue): string {
  const { movements, retention } = revenue;
  const bridge = table(
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
  const quick = retention.quickRatio === null ? '— (no losses)' : retention.quickRatio.toFixed(1);
  const losses = revenue.largestLosses.map(
    (loss) =>
      `    ${loss.name} (${loss.accountId}) ${loss.movement === 'churned' ? 'churned' : 'contracted'}: −${money(loss.lost)} MRR`,
  );
  return [
    heading(`MRR movements, ${nameOfMonth(revenue.month)} (against ${nameOfMonth(revenue.previousMonth)})`),
    bridge,
    '',
    `  Gross revenue retention ${rate(retention.grossRevenueRetention)}, net revenue retention ${rate(retention.netRevenueRetention)}`,
    `  Quick ratio ${quick}: (new + expansion + reactivation) ÷ (churned + contraction)`,
    ...(losses.length === 0 ? [] : ['', '  Largest losses:', ...losses]),
  ].join('\n');
}

function formatGap(gap: NpsGap): string {
  const { comparison } = gap;
  const verdict = comparison.significant
    ? `significant at ${String(Math.round(comparison.confidence * 100))}% confidence (p = ${comparison.pValue?.toFixed(3) ?? '—'})`
    : `within sampling noise (p = ${comparison.pValue?.toFixed(2) ?? '—'})`;
  return `  Lowest NPS: ${gap.segment}, ${points(comparison.b.score)} against ${points(comparison.a.score)} for the other segments; the gap of ${points(comparison.difference)} is ${verdict}.`;
}

/** The metrics section as terminal text. */
export function formatMetrics(metrics: PortfolioMetrics): string {
  const { surveys } = metrics;
  const rows = [...surveys.bySegment, surveys.all];
  const experienceTable = table(
    ['Segment', 'NPS answers', 'NPS', '95% interval', 'CSAT answers', 'CSAT', '95% interval'],
    rows.map(experienceRow),
    [1, 2, 4, 5],
  );
  const lowSample = rows.some((row) => row.nps.lowSample || row.csat.lowSample);
  const period =
    surveys.from === null || surveys.to === null ? 'no answers yet' : `answers ${surveys.from} to ${surveys.to}`;
  return [
    heading(`Customer experience (${period})`),
    experienceTable,
    ...(lowSample ? [`  ${lowSampleMark} fewer than 30 answers: read as a hint, not a measure`] : []),
    '  NPS runs from −100 to +100; CSAT is the share of 4s and 5s on a 1–5 scale.',
    ...(surveys.lowestNps === null ? [] : [formatGap(surveys.lowestNps)]),
    ...(metrics.revenue === null
      ? [heading('MRR movements'), '  no complete month of MRR yet']
      : [formatRevenue(metrics.revenue)]),
  ].join('\n');
}
