import { describe, expect, it } from 'vitest';
import { addDays, calendarDate } from '../../src/core/index';
import { calibrateBaseline, defaultBaseline, defineBaseline } from '../../src/baseline/index';
import { onboardingMilestones } from '../../src/sample/activity';
import { samplePortfolio } from '../../src/sample/index';
import { accountSnapshots } from '../../src/snapshot/index';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { account } from './accounts';

const login = defineBaseline({
  name: 'Login',
  milestones: [{ id: 'first_login', name: 'First login', dueDay: 10, toleranceDays: 2 }],
});
const start = '2026-01-01';
/** An account started on 2026-01-01 that logged in on `day`, or had not by asOf `tenure` days on. */
const dayOf = (days: number) => addDays(calendarDate(start), days);
const reachedOn = (id: string, day: number) =>
  account({ id, startDate: start, asOf: '2026-06-30', milestones: { first_login: dayOf(day) } });
const notYet = (id: string, tenure: number) => account({ id, startDate: start, asOf: dayOf(tenure) });

describe('calibrateBaseline', () => {
  it('counts customers who have not reached a milestone as censored at their tenure, not as late', () => {
    // Reached on days 6, 9, 10, 11, 14; two not yet, seen on days 12 and 20.
    const snapshots = [
      reachedOn('a', 6),
      reachedOn('b', 9),
      reachedOn('c', 10),
      reachedOn('d', 11),
      reachedOn('e', 14),
      notYet('f', 12),
      notYet('g', 20),
    ];
    const [calibration] = calibrateBaseline(login, snapshots).milestones;
    expect([calibration?.accounts, calibration?.reached, calibration?.censored]).toEqual([7, 5, 2]);
    expect(
      calibration?.estimate.steps.map((step) => [step.day, step.atRisk, Math.round(step.survival * 10_000) / 10_000]),
    ).toEqual([
      [6, 7, 0.8571],
      [9, 6, 0.7143],
      [10, 5, 0.5714],
      [11, 4, 0.4286],
      [14, 2, 0.2143],
    ]);
    expect(calibration?.estimate.median).toBe(11);
    // Early before day 8, on time 8–12, late after: by the curve 1/7 early, 3/7 on time, 3/7 late.
    const shares = calibration?.shares;
    expect(
      [shares?.early, shares?.onTime, shares?.late].map((share) => Math.round((share ?? NaN) * 1e9) / 1e9),
    ).toEqual([1 / 7, 3 / 7, 3 / 7].map((share) => Math.round(share * 1e9) / 1e9));
    expect(calibrateBaseline(login, snapshots).findings).toEqual([]);
  });

  it('censors a churned customer at its churn day, not at asOf', () => {
    const churned = account({ id: 'x', startDate: start, asOf: '2026-06-30', churnDate: '2026-01-04' });
    const [calibration] = calibrateBaseline(login, [churned, reachedOn('a', 9)]).milestones;
    expect(calibration?.estimate.steps).toEqual([{ day: 9, atRisk: 1, events: 1, censoredAfter: 0, survival: 0 }]);
    expect(calibration?.estimate.censoredBeforeFirstEvent).toBe(1);
  });

  it('suggests the due day by whose window’s end targetOnTimeShare reached it, and finds a milestone reached later than its tolerance', () => {
    const slow = [20, 21, 22, 24, 25, 26, 28, 30, 31, 33].map((day, index) => reachedOn(`s${String(index)}`, day));
    const result = calibrateBaseline(login, slow);
    const [calibration] = result.milestones;
    // 70% reached by day 28; minus the 2 days of tolerance.
    expect([calibration?.estimate.median, calibration?.suggestedDueDay, calibration?.shares?.late]).toEqual([
      25, 26, 1,
    ]);
    expect(result.findings).toEqual([
      {
        group: null,
        milestoneId: 'first_login',
        kind: 'later',
        dueDay: 10,
        medianDay: 25,
        suggestedDueDay: 26,
        message:
          'First login: half the customers reach it by day 25, 15 days after the due day 10 (tolerance 2); consider day 26',
      },
    ]);
    expect(calibrateBaseline(login, slow, { targetOnTimeShare: 0.9 }).milestones[0]?.suggestedDueDay).toBe(29);
  });

  it('finds a milestone reached earlier than its tolerance', () => {
    const fast = [1, 2, 2, 3].map((day, index) => reachedOn(`f${String(index)}`, day));
    expect(calibrateBaseline(login, fast).findings.map((finding) => [finding.kind, finding.medianDay])).toEqual([
      ['earlier', 2],
    ]);
  });

  it('says when fewer than half reached a milestone, and gives no shares past the follow-up', () => {
    const result = calibrateBaseline(login, [reachedOn('a', 3), notYet('b', 5), notYet('c', 6)]);
    expect(result.milestones[0]?.shares).toBeNull();
    expect(result.milestones[0]?.sharesNullReason).toBe('short_follow_up');
    expect(result.findings[0]?.kind).toBe('not_estimable');
    expect(result.findings[0]?.message).toBe(
      'First login: fewer than half of 3 customers reached it within 6 days, so its typical day is unknown; keep the program silent for it',
    );
  });

  it('calibrates nothing from no snapshots', () => {
    const result = calibrateBaseline(login, []);
    expect([result.milestones[0]?.accounts, result.milestones[0]?.sharesNullReason, result.findings]).toEqual([
      0,
      'no_accounts',
      [],
    ]);
  });

  it('calibrates each segment with by, groups in name order', () => {
    const snapshots = [
      reachedOn('a', 9),
      { ...reachedOn('b', 30), segment: 'enterprise' },
      { ...reachedOn('c', 32), segment: 'enterprise' },
    ];
    const result = calibrateBaseline(login, snapshots, { by: 'segment' });
    expect(result.groups.map((group) => [group.group, group.milestones[0]?.estimate.median])).toEqual([
      ['enterprise', 30],
      ['smb', 9],
    ]);
    expect(result.findings.map((finding) => [finding.group, finding.kind])).toEqual([
      [null, 'later'],
      ['enterprise', 'later'],
    ]);
  });

  it('rejects bad options, snapshots and baselines at their paths', () => {
    expect(issuePaths(catchSuccessKitError(() => calibrateBaseline(login, [], { targetOnTimeShare: 0 })))).toEqual([
      'options.targetOnTimeShare',
    ]);
    expect(issuePaths(catchSuccessKitError(() => calibrateBaseline(login, 'x' as never)))).toEqual(['snapshots']);
    expect(issuePaths(catchSuccessKitError(() => calibrateBaseline(login, [account({ startDate: 5 })])))).toEqual([
      'snapshots[0].startDate',
    ]);
    expect(catchSuccessKitError(() => calibrateBaseline({ name: 'x', milestones: [] }, [])).code).toBe(
      'invalid_definition',
    );
  });
});

describe('calibrateBaseline on the sample portfolio', () => {
  const { snapshots } = accountSnapshots(samplePortfolio({ accounts: 1500, seed: 11, asOf: '2026-09-30' }));
  const result = calibrateBaseline(defaultBaseline, snapshots);

  it('recovers the baseline days the sample was generated with: every median within its tolerance, no finding', () => {
    expect(result.milestones.map((calibration) => calibration.dueDay)).toEqual(
      onboardingMilestones.map(([, day]) => day),
    );
    const off = result.milestones.filter(
      (calibration) =>
        Math.abs((calibration.estimate.median ?? Infinity) - calibration.dueDay) > calibration.toleranceDays,
    );
    expect(off).toEqual([]);
    expect(result.findings).toEqual([]);
  });

  it('suggests due days within tolerance of the generator’s', () => {
    expect(
      result.milestones.map(
        (calibration) =>
          Math.abs((calibration.suggestedDueDay ?? Infinity) - calibration.dueDay) <= calibration.toleranceDays,
      ),
    ).toEqual([true, true, true, true]);
  });

  it('finds an EBR 1 due day of 60 too early for these customers, and suggests one near 90', () => {
    const hurried = defineBaseline({ name: 'Hurried', milestones: [{ id: 'ebr_1', name: 'EBR 1', dueDay: 60 }] });
    const [finding] = calibrateBaseline(hurried, snapshots).findings;
    expect(finding?.kind).toBe('later');
    expect(Math.abs((finding?.suggestedDueDay ?? 0) - 90)).toBeLessThanOrEqual(14);
  });
});
