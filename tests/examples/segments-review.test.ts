import { describe, expect, it } from 'vitest';
import { buildReview, formatReview } from '../../examples/portfolio-review.js';
import { formatSegments, reviewTeam } from '../../examples/review/segments.js';

const options = { accounts: 300, seed: 3, asOf: '2026-09-30' } as const;
const { segments } = buildReview(options);

describe('the segment section of the portfolio review', () => {
  it('plans one CSM per 100 active accounts, at least one', () => {
    expect([reviewTeam(0).csmCount, reviewTeam(149).csmCount, reviewTeam(151).csmCount]).toEqual([1, 1, 2]);
    expect(segments.plan.totals.csmsAvailable).toBe(reviewTeam(segments.plan.totals.accounts).csmCount);
  });

  it('shows every segment with its tier, accounts, ARR and CSMs needed and serving, and a total row', () => {
    const text = formatSegments(segments);
    for (const segment of segments.plan.segments)
      expect(text).toMatch(new RegExp(`${segment.name}\\s+${segment.tier}\\s+`));
    expect(text).toMatch(/\n {2}All\s+\d/);
    expect(text).toContain('CSMs needed');
  });

  it('lists every finding and the what-if of a raised high-touch boundary', () => {
    const text = formatSegments(segments);
    for (const finding of segments.plan.findings) expect(text).toContain(finding.message.slice(0, 40));
    expect(text).toContain('What if high touch started at $150.0K ARR');
    expect(segments.raisedBoundary.after.segmentation.segments[0]?.rule).toEqual({
      field: 'arr',
      op: 'gte',
      value: 150_000,
    });
  });

  it('says so when a plan has no findings', () => {
    const quiet = { ...segments, plan: { ...segments.plan, findings: [] } };
    expect(formatSegments(quiet)).toContain('No findings: the team can serve the segmentation.');
  });

  it('is part of the printed review', () => {
    expect(formatReview(buildReview(options))).toContain('Touch tiers and CSM capacity');
  });
});
