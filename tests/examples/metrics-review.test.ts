import { describe, expect, it } from 'vitest';
import { compareNps, csat, mrrMovements, nps, revenueRetention } from 'successkit/metrics';
import { samplePortfolio } from 'successkit/sample';
import { buildReview, formatReview } from '../../examples/portfolio-review.js';
import { formatMetrics, portfolioMetrics } from '../../examples/review/metrics.js';

const options = { accounts: 300, seed: 3, asOf: '2026-09-30' } as const;
const portfolio = samplePortfolio(options);
const review = buildReview(options);

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

  it('bridges the MRR of the last complete month exactly and derives retention from it', () => {
    const revenue = review.metrics.revenue;
    expect(revenue?.month).toBe('2026-09-01');
    expect(revenue?.previousMonth).toBe('2026-08-01');
    const minor = revenue?.movements.minor;
    expect(
      minor && minor.starting + minor.new + minor.reactivation + minor.expansion - minor.contraction - minor.churned,
    ).toBe(minor?.ending);
    const month = (first: string) =>
      Object.fromEntries(
        portfolio.mrr
          .filter((snapshot) => snapshot.month === first)
          .map((snapshot) => [snapshot.accountId, snapshot.mrr]),
      );
    const earlier = portfolio.mrr
      .filter((snapshot) => snapshot.month < '2026-08-01' && snapshot.mrr > 0)
      .map((snapshot) => snapshot.accountId);
    const { byAccount, ...expected } = mrrMovements(month('2026-08-01'), month('2026-09-01'), { history: earlier });
    expect(revenue?.movements).toEqual(expected);
    expect(revenue?.retention).toEqual(revenueRetention(expected));
    expect(revenue?.retention.grossRevenueRetention).toBeLessThanOrEqual(1);
    expect(revenue?.largestLosses.length).toBeLessThanOrEqual(5);
    expect(
      revenue?.largestLosses.every((loss) =>
        byAccount.some((line) => line.accountId === loss.accountId && -line.change === loss.lost),
      ),
    ).toBe(true);
  });

  it('prints the tables it computed', () => {
    const text = formatReview(review);
    expect(text).toContain('Customer experience (answers ');
    expect(text).toContain('MRR movements, September 2026 (against August 2026)');
    expect(text).toContain('Gross revenue retention');
    for (const row of review.metrics.surveys.bySegment) expect(text).toContain(row.segment);
  });

  it('copes with a portfolio without surveys or MRR', () => {
    const empty = { ...portfolio, surveys: [], mrr: [] };
    const metrics = portfolioMetrics(empty);
    expect(metrics.surveys).toMatchObject({ from: null, to: null, bySegment: [], lowestNps: null });
    expect(metrics.surveys.all.nps.score).toBeNull();
    expect(metrics.revenue).toBeNull();
    const text = formatMetrics(metrics);
    expect(text).toContain('no answers yet');
    expect(text).toContain('no complete month of MRR yet');
  });

  it('marks small samples', () => {
    const small = samplePortfolio({ accounts: 20, seed: 3, asOf: '2026-09-30' });
    expect(formatMetrics(portfolioMetrics(small))).toContain('* fewer than 30 answers');
  });
});
