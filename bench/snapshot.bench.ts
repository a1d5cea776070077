import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Portfolio } from 'successkit/core';
import { samplePortfolio } from 'successkit/sample';
import { accountSnapshots, snapshotSeries } from 'successkit/snapshot';
import { medianMs, report } from './report.js';

// Requirement: snapshots of the 100,000-account sample portfolio (a year of
// usage, surveys and events, two years of MRR) in ≤ 1.5 s on one core, and a
// 12-point monthly snapshotSeries of the same in ≤ 4 s; cost linear in rows
// (10k and 100k side by side); peak heap printed. Each run is set beside a
// hand-written loop over the same rows: group every list by account in a Map
// of arrays, then compute a handful of the fields (MRR, license utilization,
// NPS of the window, tickets opened and open, last meeting) without checking
// anything: the least a host would write for a few fields.
const asOf = '2026-06-30';
const windowDays = 90;

interface Few {
  readonly id: string;
  readonly mrr: number | null;
  readonly licenseUtilization: number | null;
  readonly nps: number | null;
  readonly ticketsOpened: number;
  readonly openTickets: number;
  readonly lastMeetingDate: string | null;
}

function groupBy<Row extends { readonly accountId: string }>(rows: readonly Row[]): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const group = groups.get(row.accountId);
    if (group === undefined) groups.set(row.accountId, [row]);
    else group.push(row);
  }
  return groups;
}

function handWritten(portfolio: Portfolio): Few[] {
  const windowStart = '2026-04-02';
  const mrr = groupBy(portfolio.mrr);
  const usage = groupBy(portfolio.usage);
  const surveys = groupBy(portfolio.surveys);
  const events = groupBy(portfolio.events);
  return portfolio.accounts.map((account) => {
    const months = mrr.get(account.id) ?? [];
    const june = months.find((month) => month.month === '2026-06-01');
    const periods = (usage.get(account.id) ?? []).filter((period) => period.periodStart <= '2026-06-01');
    const latest = periods.at(-1);
    let promoters = 0;
    let detractors = 0;
    let answers = 0;
    for (const survey of surveys.get(account.id) ?? []) {
      if (survey.kind !== 'nps' || survey.date < windowStart || survey.date > asOf) continue;
      answers++;
      if (survey.score >= 9) promoters++;
      else if (survey.score <= 6) detractors++;
    }
    let ticketsOpened = 0;
    let openTickets = 0;
    let lastMeetingDate: string | null = null;
    for (const event of events.get(account.id) ?? []) {
      if (event.date > asOf) continue;
      if (event.type === 'ticket') {
        if (event.date >= windowStart) ticketsOpened++;
        if (event.resolvedDate === undefined || event.resolvedDate > asOf) openTickets++;
      } else if (event.type === 'meeting' && (lastMeetingDate === null || event.date > lastMeetingDate)) {
        lastMeetingDate = event.date;
      }
    }
    return {
      id: account.id,
      mrr: june?.mrr ?? (months.length > 0 ? 0 : null),
      licenseUtilization: latest?.licenses ? latest.activeUsers / latest.licenses : null,
      nps: answers === 0 ? null : (100 * (promoters - detractors)) / answers,
      ticketsOpened,
      openTickets,
      lastMeetingDate,
    };
  });
}

function rowsOf(portfolio: Portfolio): number {
  const { accounts, contacts, usage, surveys, mrr, events } = portfolio;
  return accounts.length + contacts.length + usage.length + surveys.length + mrr.length + events.length;
}

function agrees(portfolio: Portfolio): void {
  const ours = accountSnapshots(portfolio, { asOf, windowDays }).snapshots;
  const theirs = handWritten(portfolio);
  const differing = theirs.filter((few, index) => {
    const snapshot = ours[index];
    return (
      snapshot?.mrr !== few.mrr ||
      snapshot.licenseUtilization !== few.licenseUtilization ||
      snapshot.nps !== few.nps ||
      snapshot.ticketsOpened !== few.ticketsOpened ||
      snapshot.openTickets !== few.openTickets ||
      snapshot.lastMeetingDate !== few.lastMeetingDate
    );
  });
  if (differing.length > 0) throw new Error(`the hand-written loop disagrees on ${String(differing.length)} accounts`);
}

const megabytes = (bytes: number): number => Math.round(bytes / 1_048_576);

// A full collection before and after, so the heap a result holds is measured alone.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/** Bytes of heap held by what `build` returns, measured between two full collections. */
function heapOf(build: () => unknown): number {
  collect();
  const before = process.memoryUsage().heapUsed;
  const result = build();
  collect();
  const held = process.memoryUsage().heapUsed - before;
  if (result === undefined) throw new Error('nothing was built');
  return held;
}

const timings: Record<number, number> = {};

for (const accounts of [10_000, 100_000]) {
  const portfolio = samplePortfolio({ accounts, seed: 1, asOf });
  agrees(portfolio);
  const ours = await medianMs(
    `accountSnapshots ${String(accounts)}`,
    () => accountSnapshots(portfolio),
    accounts > 10_000 ? 5 : 9,
  );
  const theirs = await medianMs(
    `hand-written ${String(accounts)}`,
    () => handWritten(portfolio),
    accounts > 10_000 ? 5 : 9,
  );
  timings[accounts] = ours;
  report({
    name: `accountSnapshots: ${accounts.toLocaleString('en-US')} sample accounts, ${rowsOf(portfolio).toLocaleString('en-US')} rows`,
    ms: ours,
    ratio: Math.round((theirs / ours) * 100) / 100,
    ...(accounts === 100_000 ? { target: '<= 1500 ms' } : {}),
  });
  report({
    name: `hand-written loop for 6 of the 63 fields, same rows (${accounts.toLocaleString('en-US')})`,
    ms: theirs,
  });
  const snapshotsHeap = heapOf(() => accountSnapshots(portfolio));
  report({
    name: `heap held by the snapshots of ${accounts.toLocaleString('en-US')} accounts (MB)`,
    ms: megabytes(snapshotsHeap),
  });
  if (accounts === 100_000) {
    const series = await medianMs('snapshotSeries 12 months', () => snapshotSeries(portfolio, { every: 'month' }), 3);
    report({
      name: `snapshotSeries: 12 monthly points of ${accounts.toLocaleString('en-US')} accounts`,
      ms: series,
      ratio: Math.round(((theirs * 12) / series) * 100) / 100,
      target: '<= 4000 ms',
    });
    const seriesHeap = heapOf(() => snapshotSeries(portfolio, { every: 'month' }));
    report({ name: 'heap held by the 12-point series of 100,000 accounts (MB)', ms: megabytes(seriesHeap) });
  }
}
report({
  name: 'cost per account, 100k over 10k (1 is linear)',
  ratio: Math.round(((timings[100_000] ?? 0) / 10 / (timings[10_000] ?? 1)) * 100) / 100,
});
report({
  name: 'peak memory of the whole run (resident set, sample portfolios included, MB)',
  ms: megabytes(process.resourceUsage().maxRSS * 1024),
});
