import { calibrateBaseline, defaultBaseline, milestoneProgress, stackRank } from 'successkit/baseline';
import { samplePortfolio } from 'successkit/sample';
import { accountSnapshots, type AccountSnapshot } from 'successkit/snapshot';
import { medianMs, report } from './report.js';

// Requirement: progress, pace and stack rank of the 100,000-account sample
// portfolio ≤ 1 s; silent-mode calibration over it ≤ 1 s. Each is set beside
// a hand-written loop doing the same work with no library code and no
// checks: day numbers of the dates, the status rules, the pace index, the
// three pace classes and a sort for the first; days to each milestone,
// sorted, and the Kaplan–Meier product with four percentiles for the second.
// There is no peer library for either. Snapshots are built once, outside the
// timings.
const asOf = '2026-09-30';
const accounts = 100_000;
const { snapshots } = accountSnapshots(samplePortfolio({ accounts, seed: 1, asOf }));

const milestones = defaultBaseline.milestones.map(({ id, dueDay, toleranceDays, valueTarget }) => ({
  id,
  dueDay,
  toleranceDays,
  valueTarget: valueTarget ?? null,
}));

function dayNumber(date: string): number {
  return Math.floor(
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000,
  );
}

interface HandRanked {
  readonly id: string;
  readonly index: number;
  readonly pace: string;
  rank: number;
}

/** Statuses, pace index, pace class and the sorted stack rank, hand-written. */
function handProgressAndRank(all: readonly AccountSnapshot[]): HandRanked[] {
  const ranked: HandRanked[] = [];
  for (const snapshot of all) {
    const startDay = dayNumber(snapshot.startDate);
    const tenure = dayNumber(snapshot.asOf) - startDay;
    let index = 0;
    let early = 0;
    let late = 0;
    let overdue = 0;
    let assessed = 0;
    let target: number | null = null;
    for (const milestone of milestones) {
      const date = snapshot.milestones[milestone.id];
      const reached = date !== undefined && date <= snapshot.asOf;
      const deviation = (reached ? dayNumber(date) - startDay : tenure) - milestone.dueDay;
      if (!reached && deviation <= milestone.toleranceDays) continue;
      assessed++;
      if (!reached) overdue++;
      else if (deviation < -milestone.toleranceDays) early++;
      else if (deviation > milestone.toleranceDays) late++;
      if (milestone.valueTarget !== null) target = milestone.valueTarget;
      index += Math.max(-1, Math.min(1, -deviation / Math.max(1, milestone.dueDay)));
    }
    if (assessed === 0) continue;
    const attainment = target === null || snapshot.valueRealized === null ? null : snapshot.valueRealized / target;
    if (attainment !== null) index += Math.max(-1, Math.min(1, attainment - 1));
    const laggard = overdue > 0 || (late > 0 && late / assessed >= 0.5) || (attainment !== null && attainment < 0.8);
    const champion =
      !laggard && late === 0 && early > 0 && early / assessed >= 0.5 && (target === null || (attainment ?? 0) >= 1);
    ranked.push({
      id: snapshot.id,
      index: Math.round(10_000 * index) / 100,
      pace: laggard ? 'laggard' : champion ? 'champion' : 'cruiser',
      rank: 0,
    });
  }
  ranked.sort((left, right) => right.index - left.index || (left.id < right.id ? -1 : 1));
  ranked.forEach((entry, at) => (entry.rank = at + 1));
  return ranked;
}

/** Kaplan–Meier days to each milestone with four percentiles, hand-written. */
function handCalibration(all: readonly AccountSnapshot[]): (number | null)[][] {
  return milestones.map((milestone) => {
    const codes = new Float64Array(all.length);
    all.forEach((snapshot, at) => {
      const startDay = dayNumber(snapshot.startDate);
      const date = snapshot.milestones[milestone.id];
      const lastSeen = snapshot.churnDate ?? snapshot.asOf;
      codes[at] =
        date === undefined
          ? 2 * Math.max(0, dayNumber(lastSeen) - startDay) + 1
          : 2 * Math.max(0, dayNumber(date) - startDay);
    });
    codes.sort();
    let atRisk = codes.length;
    let survival = 1;
    const percentiles: (number | null)[] = [null, null, null, null];
    const shares = [0.25, 0.5, 0.75, 0.9];
    for (let at = 0; at < codes.length;) {
      const day = Math.floor((codes[at] ?? 0) / 2);
      let events = 0;
      let gone = 0;
      while (at < codes.length && Math.floor((codes[at] ?? 0) / 2) === day) {
        if ((codes[at] ?? 0) % 2 === 0) events++;
        gone++;
        at++;
      }
      if (events > 0) survival *= 1 - events / atRisk;
      atRisk -= gone;
      shares.forEach((share, position) => {
        if (percentiles[position] === null && 1 - survival >= share - 1e-12) percentiles[position] = day;
      });
    }
    return percentiles;
  });
}

function libraryRank() {
  const progresses = snapshots.map((snapshot) => milestoneProgress(defaultBaseline, snapshot));
  return stackRank(progresses);
}

// The two agree before anything is timed: the same order, the same classes, the same medians.
const ours = libraryRank().ranked;
const theirs = handProgressAndRank(snapshots);
const disagreements = ours.filter(
  (entry, at) => entry.accountId !== theirs.at(at)?.id || entry.pace !== theirs.at(at)?.pace,
).length;
if (ours.length !== theirs.length || disagreements > 0)
  throw new Error(`hand-written rank disagrees on ${String(disagreements)} of ${String(ours.length)} accounts`);
const medians = calibrateBaseline(defaultBaseline, snapshots).milestones.map(
  (calibration) => calibration.estimate.median,
);
if (JSON.stringify(medians) !== JSON.stringify(handCalibration(snapshots).map((percentiles) => percentiles[1])))
  throw new Error('hand-written calibration disagrees on the medians');

const rankMs = await medianMs('progress + pace + stack rank', libraryRank, 5);
const handRankMs = await medianMs('hand-written progress + pace + rank', () => handProgressAndRank(snapshots), 5);
report({
  name: `milestoneProgress + classifyPace + stackRank: ${accounts.toLocaleString('en-US')} sample accounts`,
  ms: rankMs,
  ratioToLimit: Math.round((handRankMs / rankMs) * 100) / 100,
  target: '<= 1000 ms',
});
report({ name: `hand-written statuses, pace index, classes and sort, same snapshots`, ms: handRankMs });

const calibrationMs = await medianMs('calibrateBaseline', () => calibrateBaseline(defaultBaseline, snapshots), 5);
const handCalibrationMs = await medianMs('hand-written Kaplan–Meier', () => handCalibration(snapshots), 5);
report({
  name: `calibrateBaseline (Kaplan–Meier, 4 milestones): ${accounts.toLocaleString('en-US')} sample accounts`,
  ms: calibrationMs,
  ratioToLimit: Math.round((handCalibrationMs / calibrationMs) * 100) / 100,
  target: '<= 1000 ms',
});
report({ name: 'hand-written Kaplan–Meier with four percentiles, same snapshots', ms: handCalibrationMs });
const bySegmentMs = await medianMs(
  'calibrateBaseline by segment',
  () => calibrateBaseline(defaultBaseline, snapshots, { by: 'segment' }),
  3,
);
report({ name: `calibrateBaseline by segment: ${accounts.toLocaleString('en-US')} sample accounts`, ms: bySegmentMs });
