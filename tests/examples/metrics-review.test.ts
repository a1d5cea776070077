import { describe, expect, it } from 'vitest';
import {
  compareNps,
  csat,
  mrrMovements,
  nps,
  revenueRetention,
  type MrrSnapshotInput,
  type NpsComparison,
} from 'successkit/metrics';
import { samplePortfolio } from 'successkit/sample';
import { buildReview, formatReview } from '../../examples/portfolio-review.js';
import { percent, rate } from '../../examples/review/format.js';
import { formatMetrics, mrrMonths, portfolioMetrics, type PortfolioMetrics } from '../../examples/review/metrics.js';

const options = { accounts: 300, seed: 3, asOf: '2026-09-30' } as const;
const portfolio = samplePortfolio(options);
const review = buildReview(options);

/** MRR per account in one month of the portfolio. */
function month(first: string): Record<string, number> {
  return Object.fromEntries(
    portfolio.mrr.filter((snapshot) => snapshot.month === first).map((snapshot) => [snapshot.accountId, snapshot.mrr]),
  );
}

function measured(metrics: PortfolioMetrics) {
  if (!metrics.revenue.measured) throw new Error(`expected a measured month: ${metrics.revenue.reason}`);
  return metrics.revenue;
}

/** The lowest-NPS paragraph of the metrics section, with another comparison, unwrapped. */
function withGap(comparison: NpsComparison): string {
  const { metrics } = review;
  const lines = formatMetrics({
    ...metrics,
    surveys: { ...metrics.surveys, lowestNps: { segment: 'smb', comparison } },
  }).split('\n');
  const start = lines.findIndex((line) => line.startsWith('  Lowest NPS: '));
  const end = lines.indexOf('', start);
  return lines
    .slice(start, end)
    .map((line) => line.trim())
    .join(' ');
}

describe('the metrics section of the portfolio review', () => {
  it('computes NPS and CSAT per segment from the segment’s own answers', () => {
    const segmentOf = new Map(portfolio.accounts.map((account) => [account.id, account.segment ?? 'unsegmented']));
    for (const row of review.metrics.surveys.bySegment) {
      const answers = portfolio.surveys.filter((survey) => segmentOf.get(survey.accountId) === row.segment);
      expect(row.nps).toEqual(nps(answers.filter((answer) => answer.kind === 'nps').map((answer) => answer.score)));
      expect(row.csat).toEqual(csat(answers.filter((answer) => answer.kind === 'csat').map((answer) => answer.score)));
    }
    const all = review.metrics.surveys.all;
    expect(all.nps.n).toBe(review.metrics.surveys.bySegment.reduce((sum, row) => sum + row.nps.n, 0));
    expect(all.csat.n).toBe(review.metrics.surveys.bySegment.reduce((sum, row) => sum + row.csat.n, 0));
  });

  it('compares the lowest-NPS segment with the rest', () => {
    const gap = review.metrics.surveys.lowestNps;
    expect(gap).not.toBeNull();
    const lowest = Math.min(...review.metrics.surveys.bySegment.map((row) => row.nps.score ?? 100));
    expect(gap?.comparison.b.score).toBe(lowest);
    expect(gap?.comparison.a.n).toBe(review.metrics.surveys.all.nps.n - (gap?.comparison.b.n ?? 0));
    expect(gap?.comparison).toEqual(compareNps(gap?.comparison.a ?? [], gap?.comparison.b ?? []));
  });

  it('reports the month that ended last by asOf, whatever month the MRR data stop in', () => {
    expect(mrrMonths(portfolio)).toMatchObject({ month: '2026-09-01', latest: '2026-09-01' });
    expect(mrrMonths({ ...portfolio, asOf: '2026-09-29' as typeof portfolio.asOf }).month).toBe('2026-08-01');
    const stale = { ...portfolio, mrr: portfolio.mrr.filter((snapshot) => snapshot.month < '2025-09-01') };
    expect(mrrMonths(stale)).toMatchObject({ month: '2026-09-01', latest: '2025-08-01' });
  });

  it('bridges the MRR of the last complete month exactly and derives its monthly retention', () => {
    const revenue = measured(review.metrics);
    expect([revenue.month, revenue.previousMonth]).toEqual(['2026-09-01', '2026-08-01']);
    const { minor } = revenue.movements;
    expect(minor.starting + minor.new + minor.reactivation + minor.expansion - minor.contraction - minor.churned).toBe(
      minor.ending,
    );
    const earlier = portfolio.mrr
      .filter((snapshot) => snapshot.month < '2026-08-01' && snapshot.mrr > 0)
      .map((snapshot) => snapshot.accountId);
    const { byAccount, ...expected } = mrrMovements(month('2026-08-01'), month('2026-09-01'), { history: earlier });
    expect(revenue.movements).toEqual(expected);
    expect(revenue.retention).toEqual(revenueRetention(expected));
    expect(revenue.largestLosses.length).toBeLessThanOrEqual(5);
    const unmatched = revenue.largestLosses.filter(
      (loss) => !byAccount.some((line) => line.accountId === loss.accountId && -line.change === loss.lost),
    );
    expect(unmatched).toEqual([]);
  });

  it('measures trailing-twelve-month GRR and NRR on the accounts paying twelve months earlier', () => {
    const year = measured(review.metrics).trailingYear;
    expect([year?.from, year?.to]).toEqual(['2025-09-01', '2026-09-01']);
    const earlier = portfolio.mrr
      .filter((snapshot) => snapshot.month < '2025-09-01' && snapshot.mrr > 0)
      .map((snapshot) => snapshot.accountId);
    const { byAccount, ...expected } = mrrMovements(month('2025-09-01'), month('2026-09-01'), { history: earlier });
    expect(byAccount.length).toBeGreaterThan(0);
    expect(year?.movements).toEqual(expected);
    expect(year?.retention).toEqual(revenueRetention(expected));
  });

  it('labels the month’s rates as monthly beside the trailing twelve months, so the two do not seem to contradict', () => {
    const revenue = measured(review.metrics);
    const year = revenue.trailingYear;
    const lines = formatReview(review).split('\n');
    const start = lines.indexOf('  September 2026 alone (monthly rates, not annualised):');
    expect(lines.slice(start, start + 6)).toEqual([
      '  September 2026 alone (monthly rates, not annualised):',
      `    gross revenue retention ${rate(revenue.retention.grossRevenueRetention)}, net revenue retention ${rate(revenue.retention.netRevenueRetention)}, quick ratio ${revenue.retention.quickRatio?.toFixed(2) ?? ''}`,
      `  Trailing twelve months to 2026-09-30 (${String(year?.movements.accounts.starting)} accounts paying in September 2025, a year later):`,
      `    gross revenue retention ${percent(year?.retention.grossRevenueRetention ?? 0)}, net revenue retention ${percent(year?.retention.netRevenueRetention ?? 0)}`,
      '  Annual contracts churn at their renewals, so one month shows only the renewals that fell in it;',
      '  the twelve-month rates are the ones to compare with plans and benchmarks.',
    ]);
    expect(lines).toContain('MRR movements, September 2026 (against August 2026)');
  });

  it('says so instead of bridging a stale month, and without MRR from a year back skips the twelve months', () => {
    const stale = { ...portfolio, mrr: portfolio.mrr.filter((snapshot) => snapshot.month < '2025-09-01') };
    const metrics = portfolioMetrics(stale);
    expect(metrics.revenue).toEqual({
      measured: false,
      month: '2026-09-01',
      reason: 'no MRR recorded for September 2026 (the latest is from August 2025)',
    });
    expect(formatMetrics(metrics).split('\n').slice(-3)).toEqual([
      'MRR movements, September 2026',
      '─────────────────────────────',
      '  Not reported: no MRR recorded for September 2026 (the latest is from August 2025).',
    ]);
    const young = { ...portfolio, mrr: portfolio.mrr.filter((snapshot) => snapshot.month >= '2026-01-01') };
    const youngRevenue = measured(portfolioMetrics(young));
    expect(youngRevenue.trailingYear).toBeNull();
    expect(formatMetrics(portfolioMetrics(young))).toContain(
      '  Trailing twelve months: not measured, as the MRR does not reach back twelve months.',
    );
  });

  it('gives a twelve-month window with no paying account at its start no rates', () => {
    const mrr: MrrSnapshotInput[] = ['2025-08-01', '2025-09-01', '2026-08-01', '2026-09-01'].map((first, index) => ({
      accountId: index < 2 ? 'old' : 'new',
      month: first,
      mrr: index === 1 ? 0 : 100,
    }));
    const metrics = portfolioMetrics({ ...portfolio, mrr: mrr as typeof portfolio.mrr });
    expect(formatMetrics(metrics)).toContain(
      '  Trailing twelve months to 2026-09-30: no account was paying in September 2025, so nothing to retain.',
    );
  });

  it('gives no significance verdict with fewer than 30 answers on a side, even where compareNps finds one', () => {
    const tiny = compareNps([10], [10, 9, 8, 7]);
    expect(withGap(tiny)).toBe(
      'Lowest NPS: smb, +50 against +100 for the other segments; with 4 answers there and 1 in the other segments, the gap of −50 cannot be told from sampling noise (a verdict needs 30 answers on each side).',
    );
    const small = samplePortfolio({ accounts: 20, seed: 3, asOf: '2026-09-30' });
    const text = formatMetrics(portfolioMetrics(small));
    expect(text).toContain('* fewer than 30 answers');
    expect(text).not.toMatch(/more than sampling noise|within sampling noise/);
  });

  it('gives no verdict on a comparison that compareNps marks insufficient', () => {
    const small = compareNps(
      { promoters: 8, passives: 2, detractors: 2 },
      { promoters: 5, passives: 5, detractors: 30 },
    );
    expect(small.status).toBe('insufficient');
    expect(withGap(small)).toContain('cannot be told from sampling noise');
  });

  it('gives the verdict with its p-value when both sides have 30 answers or more', () => {
    const big = compareNps(
      { promoters: 30, passives: 5, detractors: 5 },
      { promoters: 5, passives: 5, detractors: 30 },
    );
    expect(big.significant).toBe(true);
    expect(withGap(big)).toContain('the gap of −125 is more than sampling noise at 95% confidence (p < 0.001).');
    const same = compareNps(
      { promoters: 20, passives: 10, detractors: 10 },
      { promoters: 19, passives: 11, detractors: 10 },
    );
    expect(withGap(same)).toContain(`is within sampling noise (p = ${same.pValue?.toFixed(3) ?? ''}).`);
  });

  it('copes with a portfolio without surveys or MRR', () => {
    const empty = { ...portfolio, surveys: [], mrr: [] };
    const metrics = portfolioMetrics(empty);
    expect(metrics.surveys).toMatchObject({ from: null, to: null, bySegment: [], lowestNps: null });
    expect(metrics.surveys.all.nps.score).toBeNull();
    expect(metrics.revenue).toEqual({ measured: false, month: '2026-09-01', reason: 'no MRR recorded yet' });
    expect(formatMetrics(metrics).split('\n')).toEqual([
      '',
      'Customer experience',
      '───────────────────',
      '  No survey answers yet.',
      '',
      'MRR movements, September 2026',
      '─────────────────────────────',
      '  Not reported: no MRR recorded yet.',
    ]);
  });
});
