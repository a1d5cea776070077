import { describe, expect, it } from 'vitest';
import { calibrateBaseline, defaultBaseline } from 'successkit/baseline';
import { samplePortfolio } from 'successkit/sample';
import { accountSnapshots } from 'successkit/snapshot';
import { formatBaseline, portfolioBaseline } from '../../examples/review/baseline.js';

const portfolio = samplePortfolio({ accounts: 300, seed: 3, asOf: '2026-09-30' });
const baseline = portfolioBaseline(portfolio);
const text = formatBaseline(baseline);

describe('the baseline section of the portfolio review', () => {
  it('counts every active account once: champions, cruisers, laggards and too early', () => {
    const active = accountSnapshots(portfolio).snapshots.filter((snapshot) => snapshot.status === 'active').length;
    const { champion, cruiser, laggard } = baseline.counts;
    expect(champion + cruiser + laggard + baseline.counts['too-early']).toBe(active);
    expect([champion > 0, cruiser > champion, laggard > 0]).toEqual([true, true, true]);
  });

  it('shows the top and bottom five of the stack rank, best first and worst first', () => {
    expect(baseline.top.map((line) => line.rank)).toEqual([1, 2, 3, 4, 5]);
    const last = baseline.counts.champion + baseline.counts.cruiser + baseline.counts.laggard;
    expect(baseline.bottom.map((line) => line.rank)).toEqual([last, last - 1, last - 2, last - 3, last - 4]);
    expect(baseline.top[0]?.pace).toBe('champion');
    expect(baseline.bottom[0]?.pace).toBe('laggard');
  });

  it('pairs three cruisers with champions, each with its explanation', () => {
    expect(baseline.pairings).toHaveLength(3);
    expect(baseline.pairings.filter((pairing) => !pairing.explanation.startsWith('same segment'))).toEqual([]);
  });

  it('prints the calibration of every default milestone as calibrateBaseline computes it', () => {
    const expected = calibrateBaseline(defaultBaseline, accountSnapshots(portfolio).snapshots).milestones;
    expect(baseline.calibration.map((row) => [row.milestone, row.median, row.suggestedDueDay])).toEqual(
      expected.map((milestone) => [milestone.name, milestone.estimate.median, milestone.suggestedDueDay]),
    );
    expect(text).toContain('Silent-mode calibration');
  });

  it('says which congratulations it held back and why', () => {
    expect(baseline.heldBackExamples.length).toBe(Math.min(5, baseline.heldBack));
    expect(
      baseline.heldBackExamples.filter((held) => !held.reason.startsWith('reached, but no congratulations')),
    ).toEqual([]);
    expect(text).toContain('congratulations held back');
  });
});
