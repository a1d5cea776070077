import { describe, expect, it } from 'vitest';
import { samplePortfolio } from 'successkit/sample';
import { buildReview, formatReview } from '../../examples/portfolio-review.js';
import { formatPlans, portfolioPlans } from '../../examples/review/plans.js';

const options = { accounts: 300, seed: 3, asOf: '2026-09-30' } as const;
const portfolio = samplePortfolio(options);
const plans = portfolioPlans(portfolio);

/** Latest monthly MRR of each account on or before the review day. */
function latestMrr(accountId: string): number {
  const rows = portfolio.mrr.filter((row) => row.accountId === accountId && row.month <= options.asOf);
  return rows.reduce((latest, row) => (row.month > latest.month ? row : latest), { month: '', mrr: 0 }).mrr;
}

describe('the account-plan section of the portfolio review', () => {
  it('reviews the three largest active accounts by ARR, largest first', () => {
    const active = portfolio.accounts.filter(
      (account) => account.churnDate === undefined || account.churnDate > options.asOf,
    );
    const expected = active
      .map((account) => ({ id: account.id, arr: latestMrr(account.id) * 12 }))
      .sort((a, b) => b.arr - a.arr || a.id.localeCompare(b.id))
      .slice(0, 3);
    expect(plans.accounts.map((summary) => [summary.accountId, summary.arr])).toEqual(
      expected.map((row) => [row.id, row.arr]),
    );
  });

  it("builds each plan's org chart from the account's contacts", () => {
    for (const summary of plans.accounts) {
      const contacts = portfolio.contacts.filter((contact) => contact.accountId === summary.accountId);
      const current = contacts.filter((contact) => contact.leftDate === undefined || contact.leftDate > options.asOf);
      expect([summary.accountId, summary.review.coverage.contacts]).toEqual([summary.accountId, current.length]);
    }
  });

  it('says what the sample cannot fill in: purchase reasons, success criteria and next steps', () => {
    for (const summary of plans.accounts) {
      const codes = summary.review.findings.map((finding) => finding.code);
      expect(codes).toEqual(
        expect.arrayContaining(['no_purchase_reasons', 'too_few_success_criteria', 'no_next_steps']),
      );
    }
  });

  it('prints each account with its completeness and every finding with its fix', () => {
    const text = formatPlans(plans);
    for (const summary of plans.accounts) {
      expect(text).toContain(`${summary.name} (`);
      expect(text).toContain(`plan ${String(summary.review.completeness.score)}/100 complete`);
    }
    const fixes = plans.accounts.reduce((total, summary) => total + summary.review.findings.length, 0);
    expect(text.match(/ Fix: /g)?.length).toBe(fixes);
    expect(formatReview(buildReview(options))).toContain('Account plans of the 3 largest accounts, as of 2026-09-30');
  });

  it('says so when no account is active', () => {
    expect(formatPlans({ asOf: plans.asOf, accounts: [] })).toContain('No active account.');
  });
});
