import type { AccountSnapshot } from 'successkit/snapshot';
import { defaultCsJourney, journeyFunnel, journeyTimeline, stageOf } from 'successkit/journey';
import { samplePortfolio } from 'successkit/sample';
import { accountSnapshots, snapshotSeries } from 'successkit/snapshot';
import { medianMs, report } from './report.js';

// Requirements: stageOf over the 100,000-account sample at ≥ 1,000,000
// accounts/s with compiled rules (explanations off), and journeyFunnel from
// a 12-point monthly timeline of 100,000 accounts in ≤ 2 s. Each runs beside
// a hand-written loop doing the same work with no library code: the default
// journey's rules written as plain conditions on the snapshot fields, the
// days in stage counted by hand, and for the funnel the stage of every
// account on every day, its stays and the counts per stage.
const accounts = 100_000;
const asOf = '2026-06-30';
const day = 86_400_000;

function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / day;
}

/** The default journey's stage of a snapshot, by hand: -2 churned, -1 no stage, else the stage index. */
function handStage(snapshot: AccountSnapshot, asOfDay: number): number {
  if (snapshot.status === 'churned') return -2;
  const { milestones, renewalDate } = snapshot;
  if (renewalDate !== null) {
    const days = dayNumber(renewalDate) - asOfDay;
    if (days >= -30 && days <= 90) return 4;
  }
  if (milestones.expanded !== undefined && !(snapshot.mrrChange90Days !== null && snapshot.mrrChange90Days < 0))
    return 3;
  if (milestones.go_live !== undefined) return 2;
  if (milestones.trial_started === undefined || milestones.trial_converted !== undefined) return 1;
  return 0;
}

/** What stageOf gives by hand: the stage, days in stage from the stage's date field, overdue and the outcome. */
function handPosition(
  snapshot: AccountSnapshot,
  asOfDay: number,
): { stage: number; days: number | null; overdue: boolean; outcome: boolean } {
  const stage = handStage(snapshot, asOfDay);
  const { milestones } = snapshot;
  const since =
    stage === 0
      ? milestones.trial_started
      : stage === 1
        ? (milestones.trial_converted ?? snapshot.startDate)
        : stage === 2
          ? milestones.go_live
          : stage === 3
            ? milestones.expanded
            : undefined;
  const days =
    stage === 4 && snapshot.renewalDate !== null
      ? asOfDay - dayNumber(snapshot.renewalDate) + 90
      : since === undefined
        ? null
        : asOfDay - dayNumber(since);
  const expected = [30, 45, 240, 1095, 120][stage] ?? Infinity;
  const outcome =
    stage === 0
      ? milestones.first_login !== undefined && milestones.configuration_complete !== undefined
      : stage === 1
        ? milestones.configuration_complete !== undefined
        : stage === 2
          ? (snapshot.valueRealized ?? 0) >= 0.75
          : stage === 3
            ? snapshot.lastNpsCategory === 'promoter'
            : (snapshot.valueRealized ?? 0) >= 1;
  return { stage, days, overdue: days !== null && days > expected, outcome };
}

const portfolio = samplePortfolio({ accounts, asOf });
const { snapshots } = accountSnapshots(portfolio);
const asOfDay = dayNumber(asOf);

let sink = 0;
const libraryMs = await medianMs('stageOf', () => {
  for (const snapshot of snapshots) if (stageOf(defaultCsJourney, snapshot, { explain: false }).overdue) sink++;
});
const handMs = await medianMs('hand-written stage', () => {
  for (const snapshot of snapshots) if (handPosition(snapshot, asOfDay).overdue) sink++;
});
const explainedMs = await medianMs(
  'stageOf explained',
  () => {
    for (let index = 0; index < 10_000; index++) {
      const snapshot = snapshots[index];
      if (snapshot !== undefined) stageOf(defaultCsJourney, snapshot);
    }
  },
  3,
);
const perSecond = (count: number, ms: number) => Math.round((count / ms) * 1000);
report({
  name: `stageOf over ${String(snapshots.length)} account snapshots (explain: false), accounts/s`,
  opsPerSec: perSecond(snapshots.length, libraryMs),
  ratioToLimit: Math.round((handMs / libraryMs) * 100) / 100,
  target: '≥ 1,000,000 accounts/s',
});
report({ name: 'hand-written stage placement, accounts/s', opsPerSec: perSecond(snapshots.length, handMs) });
report({ name: 'stageOf with rule explanations, accounts/s', opsPerSec: perSecond(10_000, explainedMs) });

const series = snapshotSeries(portfolio, { every: 'month' });
let timeline = journeyTimeline(defaultCsJourney, series);
const timelineMs = await medianMs('journeyTimeline', () => (timeline = journeyTimeline(defaultCsJourney, series)), 3);
const funnelMs = await medianMs('journeyFunnel', () => journeyFunnel(defaultCsJourney, timeline), 3);
const handFunnelMs = await medianMs(
  'hand-written funnel',
  () => {
    const reached = [0, 0, 0, 0, 0];
    const now = [0, 0, 0, 0, 0];
    const last = new Map<string, number>();
    const seen = new Map<string, number>();
    for (const point of series) {
      const pointDay = dayNumber(point.asOf);
      for (const snapshot of point.snapshots) {
        const stage = handStage(snapshot, pointDay);
        last.set(snapshot.id, stage);
        if (stage >= 0) {
          const mask = seen.get(snapshot.id) ?? 0;
          if ((mask & (1 << stage)) === 0) reached[stage] = (reached[stage] ?? 0) + 1;
          seen.set(snapshot.id, mask | (1 << stage));
        }
      }
    }
    for (const stage of last.values()) if (stage >= 0) now[stage] = (now[stage] ?? 0) + 1;
    sink += reached[0] ?? 0;
  },
  3,
);
report({
  name: `journeyTimeline + journeyFunnel, 12 monthly points of ${String(accounts)} accounts (ms)`,
  ms: Math.round(timelineMs + funnelMs),
  ratioToLimit: Math.round((handFunnelMs / (timelineMs + funnelMs)) * 100) / 100,
  target: 'none of its own: the ≤ 2000 ms target is the funnel’s from the timeline, next line',
});
report({ name: 'journeyFunnel from the timeline alone (ms)', ms: funnelMs, target: '≤ 2000 ms' });
report({ name: 'hand-written stage per day and counts per stage (ms)', ms: handFunnelMs });
if (sink < 0) console.log(sink);
