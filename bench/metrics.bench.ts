import { deepStrictEqual } from 'node:assert/strict';
import * as aq from 'arquero';
import { csatAccumulator, groupMetrics, npsAccumulator } from 'successkit/metrics';
import { samplePortfolio } from 'successkit/sample';
import { medianMs, report } from './report.js';

// Requirement: NPS and CSAT by segment over 1,000,000 survey response row
// objects at ≥ 30,000,000 rows per second on one core, and ≥ 5× arquero 7
// doing the same group-by in the same run, with both giving the same numbers.
const rowCount = 1_000_000;

interface ResponseRow {
  readonly accountId: string;
  readonly segment: string;
  readonly kind: 'nps' | 'csat' | 'ces';
  readonly score: number;
}

// The NPS, CSAT and CES answers of 20,000 sample accounts, joined to their
// segment and copied into one million separate row objects, as a survey
// table read from a database would arrive.
const portfolio = samplePortfolio({ accounts: 20_000, seed: 1, asOf: '2026-06-30' });
const segmentOf = new Map(portfolio.accounts.map((account) => [account.id, account.segment ?? 'unsegmented']));
const answers = portfolio.surveys.map((survey): ResponseRow => ({
  accountId: survey.accountId,
  segment: segmentOf.get(survey.accountId) ?? 'unsegmented',
  kind: survey.kind,
  score: survey.score,
}));
const rows: ResponseRow[] = Array.from({ length: rowCount }, (_, index) => {
  const answer = answers[index % answers.length];
  if (answer === undefined) throw new Error('the sample portfolio has no survey answers');
  return { ...answer };
});

const options = {
  by: 'segment',
  metrics: {
    nps: { accumulator: npsAccumulator(), value: (row: ResponseRow) => (row.kind === 'nps' ? row.score : undefined) },
    csat: {
      accumulator: csatAccumulator(),
      value: (row: ResponseRow) => (row.kind === 'csat' ? row.score : undefined),
    },
  },
} as const;

/** The numbers both tools must agree on, per segment. */
interface Summary {
  readonly segment: string;
  readonly npsAnswers: number;
  readonly promoters: number;
  readonly detractors: number;
  readonly nps: number | null;
  readonly csatAnswers: number;
  readonly satisfied: number;
  readonly csat: number | null;
  readonly csatMean: number | null;
}

function successkit(): Summary[] {
  return groupMetrics(rows, options).map(({ key, metrics: { nps, csat } }) => ({
    segment: key,
    npsAnswers: nps.n,
    promoters: nps.promoters,
    detractors: nps.detractors,
    nps: nps.score,
    csatAnswers: csat.n,
    satisfied: csat.satisfied,
    csat: csat.score,
    csatMean: csat.mean,
  }));
}

// arquero's fastest formulation we found: one grouped rollup with conditional sums (two filtered
// tables and two rollups are slower). Scores are computed from its sums with the same formulas.
const rollup = {
  npsAnswers: (d: ResponseRow) => aq.op.sum(d.kind === 'nps' ? 1 : 0),
  promoters: (d: ResponseRow) => aq.op.sum(d.kind === 'nps' && d.score >= 9 ? 1 : 0),
  detractors: (d: ResponseRow) => aq.op.sum(d.kind === 'nps' && d.score <= 6 ? 1 : 0),
  csatAnswers: (d: ResponseRow) => aq.op.sum(d.kind === 'csat' ? 1 : 0),
  satisfied: (d: ResponseRow) => aq.op.sum(d.kind === 'csat' && d.score >= 4 ? 1 : 0),
  csatSum: (d: ResponseRow) => aq.op.sum(d.kind === 'csat' ? d.score : 0),
};

interface ArqueroRow {
  segment: string;
  npsAnswers: number;
  promoters: number;
  detractors: number;
  csatAnswers: number;
  satisfied: number;
  csatSum: number;
}

function summarize(table: aq.ColumnTable): Summary[] {
  return (table.groupby('segment').rollup(rollup).orderby('segment').objects() as ArqueroRow[]).map((group) => ({
    segment: group.segment,
    npsAnswers: group.npsAnswers,
    promoters: group.promoters,
    detractors: group.detractors,
    nps: group.npsAnswers === 0 ? null : (100 * (group.promoters - group.detractors)) / group.npsAnswers,
    csatAnswers: group.csatAnswers,
    satisfied: group.satisfied,
    csat: group.csatAnswers === 0 ? null : (100 * group.satisfied) / group.csatAnswers,
    csatMean: group.csatAnswers === 0 ? null : group.csatSum / group.csatAnswers,
  }));
}

function arquero(): Summary[] {
  return summarize(aq.from(rows));
}

const prebuilt = aq.from(rows);

deepStrictEqual(successkit(), arquero(), 'successkit and arquero disagree');
deepStrictEqual(summarize(prebuilt), arquero());

const ours = await medianMs('successkit groupMetrics', successkit, 15);
const theirs = await medianMs('arquero from row objects', arquero, 7);
const theirsPrebuilt = await medianMs('arquero on a prebuilt table', () => summarize(prebuilt), 7);
const rowsPerSecond = (ms: number): number => Math.round(rowCount / (ms / 1000));

report({
  name: 'groupMetrics: NPS + CSAT by segment, 1,000,000 response rows',
  opsPerSec: rowsPerSecond(ours),
  ratio: Math.round((theirs / ours) * 10) / 10,
  target: '>= 30,000,000 rows/s and >= 5x arquero',
});
report({ name: 'arquero 7: same group-by from the row objects', opsPerSec: rowsPerSecond(theirs) });
report({
  name: 'arquero 7: same rollup on a table built beforehand (columns ready, for reference)',
  opsPerSec: rowsPerSecond(theirsPrebuilt),
  ratio: Math.round((theirsPrebuilt / ours) * 10) / 10,
});
