import { describe, expect, it } from 'vitest';
import { addDays } from 'successkit/core';
import { bandDistribution, defaultScorecard, evaluateScorecard, scoreAccount, scorePortfolio } from 'successkit/health';
import { samplePortfolio } from 'successkit/sample';
import { accountSnapshots } from 'successkit/snapshot';
import { buildReview, formatReview } from '../../examples/portfolio-review.js';
import { formatHealth, portfolioHealth } from '../../examples/review/health.js';

const options = { accounts: 300, seed: 3, asOf: '2026-09-30' } as const;
const portfolio = samplePortfolio(options);
const { health } = buildReview(options);
const active = new Set(
  portfolio.accounts.filter((account) => account.churnDate === undefined).map((account) => account.id),
);

describe('the health section of the portfolio review', () => {
  it('counts the active accounts by band with the default scorecard', () => {
    const lastMonth = scorePortfolio(defaultScorecard, accountSnapshots(portfolio, { asOf: '2026-08-31' }).snapshots);
    const now = scorePortfolio(defaultScorecard, accountSnapshots(portfolio).snapshots, { previous: lastMonth });
    expect(health.distribution).toEqual(
      bandDistribution(
        defaultScorecard,
        now.filter((result) => active.has(result.accountId)),
      ),
    );
    expect(health.distribution.accounts).toBe(active.size);
  });

  it('lists the five biggest drops of the month, largest first, each with the measures that moved it', () => {
    expect(health.drops).toHaveLength(5);
    expect(health.drops.map((drop) => drop.delta)).toEqual(
      [...health.drops.map((drop) => drop.delta)].sort((a, b) => a - b),
    );
    for (const drop of health.drops) {
      expect(drop.delta).toBe(Math.round((drop.after - drop.before) * 10) / 10);
      expect(drop.why.length > 0).toBe(true);
    }
  });

  it('takes the lowest red account to green with a plan that reaches it', () => {
    const section = health.pathToGreen;
    if (!section?.path.reachable) throw new Error('expected a path to green');
    const snapshot = accountSnapshots(portfolio).snapshots.find((entry) => entry.id === section.accountId);
    if (snapshot === undefined) throw new Error('no snapshot');
    const changed = section.path.plan.reduce<object>((state, change) => {
      const next: Record<string, unknown> = { ...state, [change.field]: change.to };
      if (change.refreshes !== null) next[change.refreshes] = snapshot.asOf;
      return next;
    }, snapshot);
    expect(scoreAccount(defaultScorecard, changed).band).toBe('green');
  });

  it('checks the scorecard against the churn of the half year after snapshots of 2026-03-31', () => {
    const snapshotsOn = addDays(portfolio.asOf, -183);
    expect(health.evaluation.snapshotsOn).toBe('2026-03-31');
    expect(health.evaluation.result).toEqual(
      evaluateScorecard(defaultScorecard, {
        snapshots: accountSnapshots(portfolio, { asOf: snapshotsOn }).snapshots,
        outcomes: portfolio.accounts.map((account) => ({
          accountId: account.id,
          churnDate: account.churnDate ?? null,
        })),
        horizonDays: 183,
      }),
    );
    expect((health.evaluation.result.auc?.value ?? 0) > 0.75).toBe(true);
  });

  it('prints the distribution, the drops, the path to green and the AUC', () => {
    const text = formatHealth(health);
    expect(text.split('\n').slice(1, 4)).toEqual([
      'Health (default scorecard)',
      '──────────────────────────',
      '  band    accounts  share',
    ]);
    expect(text).toContain('Biggest drops since 2026-08-31:');
    expect(text).toMatch(/The lowest red account, .+ would take it to [\d.]+ \(green\)/s);
    expect(text).toMatch(/AUC 0\.\d{3} \(95% CI 0\.\d{3}–[01]\.\d{3}\)/);
    expect(formatReview(buildReview(options))).toContain(text);
  });

  it('says so when there is no red account', () => {
    const healthy = { ...portfolioHealth(portfolio), pathToGreen: null };
    expect(formatHealth(healthy)).toContain('  No red account to bring to green.');
  });
});
