import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  calibrateBaseline,
  classifyPace,
  defaultBaseline,
  milestoneMessage,
  milestoneProgress,
  paceIndex,
  peerMatches,
  stackRank,
  type MilestoneProgress,
  type MilestoneState,
} from '../../src/baseline/index';
import { addDays, calendarDate } from '../../src/core/index';
import { account } from './accounts';

const start = calendarDate('2026-01-01');
const maybeDay = fc.option(fc.integer({ min: -3, max: 400 }), { nil: undefined });

/** An account started on 2026-01-01, seen 0–600 days on, with each default milestone reached on some day or not. */
const snapshotArbitrary = fc
  .record({
    id: fc.stringMatching(/^[a-z]{1,4}$/),
    tenure: fc.integer({ min: 0, max: 600 }),
    days: fc.tuple(maybeDay, maybeDay, maybeDay, maybeDay),
    value: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
    segment: fc.constantFrom('smb', 'enterprise', null),
    employees: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null }),
  })
  .map(({ id, tenure, days, value, segment, employees }) => {
    const milestones: Record<string, string> = {};
    defaultBaseline.milestones.forEach((milestone, index) => {
      const day = days[index];
      if (day !== undefined) milestones[milestone.id] = addDays(start, day);
    });
    return account({
      id,
      startDate: start,
      asOf: addDays(start, tenure),
      milestones,
      valueRealized: value,
      valueRealizedDate: value === null ? null : start,
      segment,
      employees,
    });
  });

const lateMilestone = (dueDay: number, daysLate: number, reached: boolean, toleranceDays: number): MilestoneState => ({
  milestoneId: 'extra_late',
  name: 'Extra',
  dueDay,
  dueDate: addDays(start, dueDay),
  toleranceDays,
  weight: 1,
  valueTarget: null,
  status: reached ? 'achieved-late' : 'overdue',
  achievedDate: reached ? addDays(start, dueDay + daysLate) : null,
  achievedDay: reached ? dueDay + daysLate : null,
  daysEarly: 0,
  daysLate,
});

describe('baseline properties', () => {
  it('stack rank is a permutation: every account ranked or set apart once, ranks 1…n in each group, percentiles 0–100', () => {
    fc.assert(
      fc.property(
        fc.array(snapshotArbitrary, { maxLength: 30 }),
        fc.constantFrom(undefined, 'segment' as const),
        (snapshots, within) => {
          const progresses = snapshots.map((snapshot, index) =>
            milestoneProgress(defaultBaseline, { ...snapshot, id: `${snapshot.id}-${String(index)}` }),
          );
          const { ranked, unranked } = stackRank(progresses, within === undefined ? {} : { within });
          const ids = [...ranked.map((entry) => entry.accountId), ...unranked.map((entry) => entry.accountId)].sort();
          expect(ids).toEqual(progresses.map((progress) => progress.accountId).sort());
          const byGroup = new Map<string | null, number[]>();
          for (const entry of ranked) byGroup.set(entry.group, [...(byGroup.get(entry.group) ?? []), entry.rank]);
          for (const ranks of byGroup.values()) expect(ranks).toEqual(ranks.map((_, index) => index + 1));
          expect(ranked.filter((entry) => !(entry.percentile >= 0 && entry.percentile <= 100))).toEqual([]);
          const order = ranked.map((entry) => entry.accountId);
          expect(
            stackRank([...progresses].reverse(), within === undefined ? {} : { within }).ranked.map(
              (entry) => entry.accountId,
            ),
          ).toEqual(order);
        },
      ),
    );
  });

  it('adding a late milestone never improves the pace index', () => {
    fc.assert(
      fc.property(
        snapshotArbitrary,
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 1, max: 400 }),
        fc.boolean(),
        (snapshot, dueDay, toleranceDays, beyond, reached) => {
          const progress = milestoneProgress(defaultBaseline, snapshot);
          const extended: MilestoneProgress = {
            ...progress,
            milestones: [...progress.milestones, lateMilestone(dueDay, toleranceDays + beyond, reached, toleranceDays)],
          };
          expect(paceIndex(extended)).toBeLessThanOrEqual(paceIndex(progress));
        },
      ),
    );
  });

  it('reports statuses that agree with the days early and late, and no NaN or Infinity', () => {
    fc.assert(
      fc.property(snapshotArbitrary, (snapshot) => {
        const progress = milestoneProgress(defaultBaseline, snapshot);
        for (const state of progress.milestones) {
          const off = state.daysLate - state.daysEarly;
          if (state.status === 'achieved-early') expect(-off).toBeGreaterThan(state.toleranceDays);
          if (state.status === 'achieved-late' || state.status === 'overdue')
            expect(off).toBeGreaterThan(state.toleranceDays);
          if (state.status === 'achieved-on-time' || state.status === 'due')
            expect(Math.abs(off)).toBeLessThanOrEqual(state.toleranceDays);
          expect(state.achievedDate === null).toBe(['due', 'overdue', 'upcoming'].includes(state.status));
        }
        expect(Number.isFinite(paceIndex(progress))).toBe(true);
        const pace = classifyPace(progress).pace;
        if (pace === 'too-early')
          expect(
            progress.milestones.filter((state) => state.achievedDate !== null || state.status === 'overdue'),
          ).toEqual([]);
      }),
    );
  });

  it('never mutates its inputs', () => {
    fc.assert(
      fc.property(fc.array(snapshotArbitrary, { minLength: 1, maxLength: 10 }), (snapshots) => {
        const before = structuredClone(snapshots);
        const progresses = snapshots.map((snapshot) => milestoneProgress(defaultBaseline, snapshot));
        const plain = structuredClone(progresses);
        const rank = stackRank(progresses);
        const rankCopy = structuredClone(rank);
        peerMatches(rank, { maxPerChampion: 1 });
        for (const progress of progresses) milestoneMessage(progress, { healthBand: 'red' });
        calibrateBaseline(defaultBaseline, snapshots, { by: 'segment' });
        expect(snapshots).toEqual(before);
        expect(progresses).toEqual(plain);
        expect(rank).toEqual(rankCopy);
      }),
    );
  });

  it('calibration shares are 0–1 and sum to 1, percentiles in order', () => {
    fc.assert(
      fc.property(fc.array(snapshotArbitrary, { maxLength: 40 }), (snapshots) => {
        for (const calibration of calibrateBaseline(defaultBaseline, snapshots).milestones) {
          const { shares, estimate } = calibration;
          if (shares !== null) {
            for (const share of [shares.early, shares.onTime, shares.late]) expect(share >= 0 && share <= 1).toBe(true);
            expect(Math.abs(shares.early + shares.onTime + shares.late - 1)).toBeLessThan(1e-9);
          }
          const percentiles = [estimate.p25, estimate.median, estimate.p75, estimate.p90].filter((day) => day !== null);
          expect(percentiles).toEqual([...percentiles].sort((left, right) => left - right));
        }
      }),
    );
  });
});
