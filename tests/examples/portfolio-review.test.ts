import { describe, expect, it } from 'vitest';
import { buildReview, formatReview } from '../../examples/portfolio-review.js';

const review = buildReview({ accounts: 300, seed: 3, asOf: '2026-09-30' });

describe('the portfolio review demo', () => {
  it('adds segments up to the portfolio', () => {
    const { basics } = review;
    expect(basics.activeAccounts + basics.churnedAccounts).toBe(300);
    expect(basics.bySegment.reduce((sum, row) => sum + row.accounts, 0)).toBe(basics.activeAccounts);
    expect(basics.bySegment.reduce((sum, row) => sum + row.arr, 0)).toBe(basics.arr);
    expect(basics.bySegment.reduce((sum, row) => sum + row.arrShare, 0)).toBeCloseTo(1, 10);
  });

  it('lists renewals inside the next 90 days, largest first', () => {
    const { renewals } = review.basics;
    expect(renewals.until).toBe('2026-12-29');
    expect(renewals.largest.length).toBeLessThanOrEqual(10);
    expect(renewals.largest.every((row) => row.daysLeft >= 1 && row.daysLeft <= 90)).toBe(true);
    expect(renewals.largest.map((row) => row.arr)).toEqual(
      [...renewals.largest.map((row) => row.arr)].sort((a, b) => b - a),
    );
  });

  it('prints the sections it computed', () => {
    const text = formatReview(review);
    expect(text).toContain('as of 2026-09-30');
    expect(text).toContain('Renewals in the next 90 days (to 2026-12-29)');
    for (const row of review.basics.bySegment) expect(text).toContain(row.segment);
  });
});
