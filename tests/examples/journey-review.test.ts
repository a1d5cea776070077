import { describe, expect, it } from 'vitest';
import { defaultCsJourney, journeyFunnel, journeyTimeline } from 'successkit/journey';
import { samplePortfolio } from 'successkit/sample';
import { snapshotSeries } from 'successkit/snapshot';
import { formatJourney, portfolioJourney } from '../../examples/review/journey.js';

const portfolio = samplePortfolio({ accounts: 300, seed: 3, asOf: '2026-09-30' });
const journey = portfolioJourney(portfolio);
const text = formatJourney(journey);

describe('the journey section of the portfolio review', () => {
  it('follows the book over the twelve month ends up to the portfolio day', () => {
    expect([journey.from, journey.to, journey.funnel.totals.accounts]).toEqual(['2025-10-31', '2026-09-30', 300]);
    expect(journey.funnel).toEqual(
      journeyFunnel(defaultCsJourney, journeyTimeline(defaultCsJourney, snapshotSeries(portfolio))),
    );
  });

  it('prints the funnel with conversion and time in stage, the stuck accounts, NPS and CSAT per stage and the gaps', () => {
    const lines = text.split('\n');
    expect(lines[1]).toBe('Customer journey (month ends 2025-10-31 to 2026-09-30, 300 accounts)');
    expect(lines[3]).toBe('  Stage       Now  Ever  Moved on  Median days  90th pct  Expected  Stuck');
    for (const stage of journey.funnel.stages) expect(text).toContain(`  ${stage.name}`);
    const stuck = journey.funnel.stages.find((stage) => stage.stuck.length > 0);
    expect(text).toContain(`${stuck?.name ?? ''}: ${stuck?.stuck[0]?.accountId ?? ''} (`);
    expect(text).toMatch(/ {2}Stage +NPS answers +NPS +95% interval +CSAT answers +CSAT +Churn +Do reached\n/);
    expect(text).toContain(`  Think–feel–do gaps (${String(journey.gaps.length)}):`);
    for (const gap of journey.gaps) expect(text.replace(/\n\s+/g, ' ')).toContain(gap.sentence);
  });
});
