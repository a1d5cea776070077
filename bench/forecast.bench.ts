import {
  bgNbdConditionalExpectedPurchases,
  bgNbdProbabilityAlive,
  fitBgNbd,
  fitGammaGamma,
  type BgNbdCustomer,
} from 'successkit/forecast';
import { cdnowSummary } from '../tests/fixtures/published.js';
import { medianMs, report } from './report.js';

// The 2,357 CDNOW customers of Fader, Hardie & Lee (2005); see tests/fixtures/README.md.
const summary = cdnowSummary();
const customers: BgNbdCustomer[] = summary.map(({ x, tx, T }) => ({ x, tx, T }));
const buyers = summary.filter(({ x }) => x > 0).map(({ x, zbar }) => ({ x, meanSpend: zbar }));

// Requirement: BG/NBD fit on the CDNOW customers ≤ 50 ms (Python's lifetimes: about 75 ms on these machines).
const fit = fitBgNbd(customers);
report({
  name: 'fitBgNbd CDNOW 2,357 customers',
  ms: await medianMs('fitBgNbd', () => fitBgNbd(customers), 15),
  target: '<= 50 ms',
});

// Requirement: Gamma-Gamma fit on the 946 repeat buyers ≤ 20 ms.
report({
  name: 'fitGammaGamma CDNOW 946 customers',
  ms: await medianMs('fitGammaGamma', () => fitGammaGamma(buyers), 15),
  target: '<= 20 ms',
});

// Requirement: P(alive) + expected purchases in the next 39 weeks for 1,000,000 customers ≤ 1 s.
const million = Array.from(
  { length: 1_000_000 },
  (_, index) => customers[index % customers.length] ?? { x: 0, tx: 0, T: 1 },
);
let checksum = 0;
const ms = await medianMs(
  'score 1,000,000',
  () => {
    checksum = 0;
    for (const customer of million) {
      checksum += bgNbdProbabilityAlive(fit, customer) + bgNbdConditionalExpectedPurchases(fit, { customer, t: 39 });
    }
  },
  3,
);
if (!Number.isFinite(checksum)) throw new Error('scores are not finite');
report({ name: 'P(alive) + conditional expected purchases, 1,000,000 customers', ms, target: '<= 1000 ms' });
