import type { Portfolio } from 'successkit/core';
import {
  calibrateBaseline,
  classifyPace,
  defaultBaseline,
  milestoneMessage,
  milestoneProgress,
  peerMatches,
  stackRank,
  type MilestoneProgress,
  type PaceClass,
} from 'successkit/baseline';
import { accountSnapshots } from 'successkit/snapshot';
import { count, heading, paragraph, percent, table, whole } from './format.js';

/** How long after a milestone the review still looks for congratulations, days. */
const congratulationDays = 30;

/** One account of the stack rank as the review prints it. */
export interface RankedLine {
  readonly accountId: string;
  readonly name: string;
  readonly segment: string | null;
  readonly rank: number;
  readonly paceIndex: number;
  readonly pace: PaceClass;
  /** The first reason of its class. */
  readonly reason: string;
}

/** A cruiser introduced to a champion. */
export interface Pairing {
  readonly cruiser: string;
  readonly champion: string;
  readonly explanation: string;
}

/** One milestone's silent-mode calibration. */
export interface CalibrationLine {
  readonly milestone: string;
  readonly dueDay: number;
  readonly toleranceDays: number;
  readonly reached: number;
  readonly censored: number;
  readonly median: number | null;
  readonly p75: number | null;
  readonly p90: number | null;
  /** Share 0–1 on time or early under the current baseline; `null` when the follow-up is too short. */
  readonly notLate: number | null;
  readonly suggestedDueDay: number | null;
}

/** A congratulation the guardrail held back. */
export interface HeldBack {
  readonly name: string;
  readonly milestone: string;
  readonly reason: string;
}

/** The baseline section: pace classes, stack rank, pairings, calibration and held-back congratulations. */
export interface PortfolioBaseline {
  readonly baselineName: string;
  /** Active accounts by pace class. */
  readonly counts: Readonly<Record<PaceClass, number>>;
  readonly top: readonly RankedLine[];
  readonly bottom: readonly RankedLine[];
  readonly pairings: readonly Pairing[];
  readonly cruisersWithoutChampion: number;
  readonly calibration: readonly CalibrationLine[];
  readonly findings: readonly string[];
  /** Milestones reached in the last 30 days: congratulated, and held back. */
  readonly congratulated: number;
  readonly heldBack: number;
  readonly heldBackExamples: readonly HeldBack[];
}

/** Runs the default baseline over the active accounts, and calibrates it over every account. */
export function portfolioBaseline(portfolio: Portfolio): PortfolioBaseline {
  const { snapshots } = accountSnapshots(portfolio);
  const names = new Map(portfolio.accounts.map((account) => [account.id, account.name]));
  // Sample names can repeat across accounts: the id goes with the name.
  const nameOf = (id: string): string => `${names.get(id) ?? id} (${id})`;
  const active = snapshots.filter((snapshot) => snapshot.status === 'active');
  const progresses = active.map((snapshot) => milestoneProgress(defaultBaseline, snapshot));
  const byId = new Map<string, MilestoneProgress>(progresses.map((progress) => [progress.accountId, progress]));
  const rank = stackRank(progresses);
  const counts: Record<PaceClass, number> = { champion: 0, cruiser: 0, laggard: 0, 'too-early': rank.unranked.length };
  for (const entry of rank.ranked) counts[entry.pace]++;
  const line = (entry: (typeof rank.ranked)[number]): RankedLine => {
    const progress = byId.get(entry.accountId);
    return {
      accountId: entry.accountId,
      name: nameOf(entry.accountId),
      segment: entry.segment,
      rank: entry.rank,
      paceIndex: entry.paceIndex,
      pace: entry.pace,
      reason: progress === undefined ? '' : (classifyPace(progress).reasons[0] ?? ''),
    };
  };
  const matches = peerMatches(rank);
  const pairings = matches.pairs.slice(0, 3).map((pair) => ({
    cruiser: nameOf(pair.cruiserId),
    champion: nameOf(pair.champions[0]?.championId ?? ''),
    explanation: pair.champions[0]?.explanation ?? '',
  }));
  const calibrated = calibrateBaseline(defaultBaseline, snapshots);
  const calibration = calibrated.milestones.map((milestone) => ({
    milestone: milestone.name,
    dueDay: milestone.dueDay,
    toleranceDays: milestone.toleranceDays,
    reached: milestone.reached,
    censored: milestone.censored,
    median: milestone.estimate.median,
    p75: milestone.estimate.p75,
    p90: milestone.estimate.p90,
    notLate: milestone.shares === null ? null : milestone.shares.early + milestone.shares.onTime,
    suggestedDueDay: milestone.suggestedDueDay,
  }));
  let congratulated = 0;
  const held: HeldBack[] = [];
  for (const progress of progresses) {
    const { messages } = milestoneMessage(progress, { recentDays: congratulationDays });
    messages.forEach((message, position) => {
      if (message.action === 'congratulate') congratulated++;
      if (message.heldBack)
        held.push({
          name: nameOf(progress.accountId),
          milestone: progress.milestones[position]?.name ?? '',
          reason: message.reason,
        });
    });
  }
  return {
    baselineName: defaultBaseline.name,
    counts,
    top: rank.ranked.slice(0, 5).map(line),
    bottom: rank.ranked.slice(-5).reverse().map(line),
    pairings,
    cruisersWithoutChampion: matches.unmatched.length,
    calibration,
    findings: calibrated.findings.map((finding) => finding.message),
    congratulated,
    heldBack: held.length,
    heldBackExamples: held.slice(0, 5),
  };
}

const day = (value: number | null): string => (value === null ? '—' : whole(value));

function rankTable(lines: readonly RankedLine[]): string {
  return table(
    ['rank', 'account', 'segment', 'pace index', 'class', 'why'],
    lines.map((entry) => [
      whole(entry.rank),
      entry.name,
      entry.segment ?? '—',
      entry.paceIndex.toFixed(1),
      entry.pace,
      entry.reason,
    ]),
    [0, 3],
  );
}

/** The baseline section as terminal text. */
export function formatBaseline(baseline: PortfolioBaseline): string {
  const { counts } = baseline;
  const ranked = counts.champion + counts.cruiser + counts.laggard;
  const lines = [
    heading(`Milestone baseline (${baseline.baselineName}: first login day 5, configured day 10, EBRs day 90 and 270)`),
    `  ${count(counts.champion, 'champion')}, ${count(counts.cruiser, 'cruiser')}, ${count(counts.laggard, 'laggard')} among ${count(ranked, 'active account')} with a pace; ${whole(counts['too-early'])} too early to judge`,
  ];
  if (baseline.top.length > 0) {
    lines.push(
      '',
      '  Top of the stack rank',
      rankTable(baseline.top),
      '',
      '  Bottom of the stack rank',
      rankTable(baseline.bottom),
    );
  }
  lines.push('', '  Cruisers introduced to a like-minded champion');
  if (baseline.pairings.length === 0) lines.push('  No cruiser shares segment, size band and plan with a champion.');
  for (const pairing of baseline.pairings)
    lines.push(...paragraph(`${pairing.cruiser} → ${pairing.champion}: ${pairing.explanation}`));
  lines.push(`  (${count(baseline.cruisersWithoutChampion, 'cruiser')} without a matching champion)`);
  lines.push(
    '',
    '  Silent-mode calibration (Kaplan–Meier, days from start; customers not there yet count as censored)',
    table(
      ['milestone', 'due', '±', 'reached', 'censored', 'median', 'p75', 'p90', 'not late', 'suggested due'],
      baseline.calibration.map((row) => [
        row.milestone,
        whole(row.dueDay),
        whole(row.toleranceDays),
        whole(row.reached),
        whole(row.censored),
        day(row.median),
        day(row.p75),
        day(row.p90),
        row.notLate === null ? '—' : percent(row.notLate),
        day(row.suggestedDueDay),
      ]),
      [1, 2, 3, 4, 5, 6, 7, 8, 9],
    ),
  );
  if (baseline.findings.length === 0) lines.push('  The real timings match the baseline within its tolerances.');
  for (const finding of baseline.findings) lines.push(...paragraph(finding));
  lines.push(
    '',
    `  Milestones reached in the last ${String(congratulationDays)} days: ${whole(baseline.congratulated)} congratulated, ${whole(baseline.heldBack)} congratulations held back`,
  );
  for (const held of baseline.heldBackExamples)
    lines.push(...paragraph(`${held.name}, ${held.milestone}: ${held.reason}`));
  return lines.join('\n');
}
