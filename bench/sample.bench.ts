import { samplePortfolio } from 'successkit/sample';
import { pairedMs, report } from './report.js';

// Requirement: the sample generator builds 100,000 accounts in under 5 s.
const asOf = '2026-06-30';
const generate = () => samplePortfolio({ accounts: 100_000, seed: 1, asOf });

// The limit: no hand-written loop can make this portfolio without making its objects, so the floor is
// a loop that copies every record of a generated portfolio (accounts with their attributes, contacts,
// usage, surveys, subscriptions, MRR and events) into new objects. ratioToLimit is the share of the
// generator's time that building the output takes; the rest is the simulation.
const portfolio = generate();
function copyRecords(): number {
  let copied = 0;
  for (const account of portfolio.accounts) {
    const copy = { ...account, ...(account.attributes === undefined ? {} : { attributes: { ...account.attributes } }) };
    copied += copy.id.length;
  }
  for (const list of [
    portfolio.contacts,
    portfolio.usage,
    portfolio.surveys,
    portfolio.subscriptions,
    portfolio.mrr,
    portfolio.events,
  ] as readonly (readonly object[])[]) {
    const copies = list.map((record) => ({ ...record }));
    copied += copies.length;
  }
  return copied;
}

const { ms, limitMs, ratioToLimit } = pairedMs(generate, copyRecords, 3);
report({ name: 'samplePortfolio 100,000 accounts (CPU time)', ms, ratioToLimit, target: '< 5000 ms' });
report({ name: 'limit: a loop copying every record of the portfolio into new objects', ms: limitMs });
