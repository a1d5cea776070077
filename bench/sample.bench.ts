import { samplePortfolio } from 'successkit/sample';
import { medianMs, report } from './report.js';

// Requirement: the sample generator builds 100,000 accounts in under 5 s.
const asOf = '2026-06-30';
const ms = await medianMs('samplePortfolio', () => samplePortfolio({ accounts: 100_000, seed: 1, asOf }), 3);
report({ name: 'samplePortfolio 100,000 accounts', ms, target: '< 5000 ms' });
