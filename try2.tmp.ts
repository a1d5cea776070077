import { defaultCsJourney, journeyFunnel, journeyTimeline } from './src/journey/index';
import { samplePortfolio } from './src/sample/index';
import { snapshotSeries } from './src/snapshot/index';
const series = snapshotSeries(samplePortfolio({ accounts: 20000, asOf: '2026-06-30' }));
for (let r = 0; r < 3; r++) {
let t = performance.now();
const timeline = journeyTimeline(defaultCsJourney, series);
const t1 = performance.now() - t;
t = performance.now();
const funnel = journeyFunnel(defaultCsJourney, timeline);
console.log('timeline ms', t1.toFixed(0), 'funnel ms', (performance.now() - t).toFixed(0), funnel.totals.accounts);
}
