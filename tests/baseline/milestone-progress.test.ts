import { describe, expect, it } from 'vitest';
import { defaultBaseline, defineBaseline, milestoneProgress } from '../../src/baseline/index';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { account } from './accounts';

// One milestone due on day 10 with 2 days' tolerance: on time from day 8 to day 12.
const one = defineBaseline({ name: 'One', milestones: [{ id: 'setup', name: 'Setup', dueDay: 10, toleranceDays: 2 }] });
const start = '2026-01-01';

function stateOn(asOf: string, reached?: string) {
  const progress = milestoneProgress(
    one,
    account({ startDate: start, asOf, milestones: reached === undefined ? {} : { setup: reached } }),
  );
  const [state] = progress.milestones;
  return [state?.status, state?.achievedDay, state?.daysEarly, state?.daysLate];
}

describe('milestoneProgress statuses of a milestone due on day 10 with 2 days of tolerance', () => {
  it.each([
    ['reached on day 7, one day before the window', '2026-01-08', ['achieved-early', 7, 3, 0]],
    ['reached on day 8, the window’s first day', '2026-01-09', ['achieved-on-time', 8, 2, 0]],
    ['reached exactly on the due day', '2026-01-11', ['achieved-on-time', 10, 0, 0]],
    ['reached on day 12, the window’s last day', '2026-01-13', ['achieved-on-time', 12, 0, 2]],
    ['reached on day 13, past the window', '2026-01-14', ['achieved-late', 13, 0, 3]],
  ])('is %s', (_, reached, expected) => {
    expect(stateOn('2026-02-28', reached)).toEqual(expected);
  });

  it.each([
    ['upcoming on day 7', '2026-01-08', ['upcoming', null, 0, 0]],
    ['due on day 8', '2026-01-09', ['due', null, 0, 0]],
    ['due on the due day', '2026-01-11', ['due', null, 0, 0]],
    ['due on day 12, two days late but within tolerance', '2026-01-13', ['due', null, 0, 2]],
    ['overdue on day 13', '2026-01-14', ['overdue', null, 0, 3]],
  ])('not reached, is %s', (_, asOf, expected) => {
    expect(stateOn(asOf)).toEqual(expected);
  });

  it('counts a zero tolerance strictly: on time only on the due day', () => {
    const strict = defineBaseline({
      name: 'Strict',
      milestones: [{ id: 'setup', name: 'Setup', dueDay: 10, toleranceDays: 0 }],
    });
    const statusOf = (reached: string) =>
      milestoneProgress(strict, account({ startDate: start, milestones: { setup: reached } })).milestones[0]?.status;
    expect(['2026-01-10', '2026-01-11', '2026-01-12'].map(statusOf)).toEqual([
      'achieved-early',
      'achieved-on-time',
      'achieved-late',
    ]);
  });
});

describe('milestoneProgress on the calendar', () => {
  it('gives an account that started on asOf day 0 and every milestone upcoming', () => {
    const progress = milestoneProgress(defaultBaseline, account({ startDate: '2026-06-30', asOf: '2026-06-30' }));
    expect(progress.tenureDays).toBe(0);
    expect(progress.milestones.map((state) => state.status)).toEqual(['upcoming', 'upcoming', 'upcoming', 'upcoming']);
    expect(progress.milestones.map((state) => state.dueDate)).toEqual([
      '2026-07-05',
      '2026-07-10',
      '2026-09-28',
      '2027-03-27',
    ]);
  });

  it('counts the leap day: a start on 2028-02-25 has its day-5 login due on 2028-03-01', () => {
    const progress = milestoneProgress(
      defaultBaseline,
      account({ startDate: '2028-02-25', asOf: '2028-03-01', milestones: { first_login: '2028-02-29' } }),
    );
    expect(progress.milestones[0]).toMatchObject({
      dueDate: '2028-03-01',
      achievedDay: 4,
      status: 'achieved-on-time',
      daysEarly: 1,
    });
    expect(progress.tenureDays).toBe(5);
  });

  it('counts a year across a leap day as 366 days', () => {
    const progress = milestoneProgress(defaultBaseline, account({ startDate: '2027-06-01', asOf: '2028-06-01' }));
    expect(progress.tenureDays).toBe(366);
  });

  it('ignores a milestone dated after asOf: it is not known yet', () => {
    const progress = milestoneProgress(
      one,
      account({ startDate: start, asOf: '2026-01-05', milestones: { setup: '2026-01-08' } }),
    );
    expect(progress.milestones[0]?.status).toBe('upcoming');
    expect(progress.milestones[0]?.achievedDate).toBeNull();
  });

  it('counts a milestone reached before the start date as early, with a negative day', () => {
    const progress = milestoneProgress(one, account({ startDate: start, milestones: { setup: '2025-12-30' } }));
    expect(progress.milestones[0]).toMatchObject({ status: 'achieved-early', achievedDay: -2, daysEarly: 12 });
  });
});

describe('milestoneProgress value against target', () => {
  it('compares the latest value with the target of the latest milestone reached or overdue', () => {
    const base = { startDate: '2025-01-01', asOf: '2025-06-30', valueRealized: 0.6, valueRealizedDate: '2025-04-01' };
    const reached = milestoneProgress(
      defaultBaseline,
      account({ ...base, milestones: { first_login: '2025-01-05', ebr_1: '2025-04-01' } }),
    );
    expect(reached.value).toEqual({
      realized: 0.6,
      realizedDate: '2025-04-01',
      target: 0.75,
      targetMilestoneId: 'ebr_1',
      attainment: 0.6 / 0.75,
    });
    const overdue = milestoneProgress(defaultBaseline, account({ ...base, milestones: {} }));
    expect(overdue.value.targetMilestoneId).toBe('ebr_1');
  });

  it('has no target before any value milestone comes due, and no attainment without a value', () => {
    const early = milestoneProgress(
      defaultBaseline,
      account({ asOf: '2026-02-01', valueRealized: 0.2, valueRealizedDate: '2026-01-20' }),
    );
    expect(early.value).toEqual({
      realized: 0.2,
      realizedDate: '2026-01-20',
      target: null,
      targetMilestoneId: null,
      attainment: null,
    });
    const none = milestoneProgress(defaultBaseline, account({ asOf: '2026-06-01' }));
    expect([none.value.target, none.value.attainment]).toEqual([0.75, null]);
  });

  it('has no attainment against a target of 0', () => {
    const zero = defineBaseline({ name: 'Zero', milestones: [{ id: 'a', name: 'A', dueDay: 1, valueTarget: 0 }] });
    expect(
      milestoneProgress(
        zero,
        account({ valueRealized: 0.5, valueRealizedDate: '2026-02-01', milestones: { a: '2026-01-02' } }),
      ).value.attainment,
    ).toBeNull();
  });
});

describe('milestoneProgress with rule evidence', () => {
  const adoption = defineBaseline({
    name: 'Adoption',
    milestones: [
      {
        id: 'adopted',
        name: 'Five features',
        dueDay: 30,
        evidence: { rule: { field: 'featuresAdopted', op: 'gte', value: 5 } },
      },
    ],
  });

  it('dates a milestone asOf when its rule holds and no event dates it', () => {
    const progress = milestoneProgress(adoption, account({ asOf: '2026-01-20', featuresAdopted: 6 }));
    expect(progress.milestones[0]).toMatchObject({
      achievedDate: '2026-01-20',
      status: 'achieved-early',
      daysEarly: 11,
    });
  });

  it('prefers the recorded date of the milestone’s own id', () => {
    const progress = milestoneProgress(
      adoption,
      account({ asOf: '2026-03-20', featuresAdopted: 6, milestones: { adopted: '2026-01-25' } }),
    );
    expect(progress.milestones[0]?.achievedDate).toBe('2026-01-25');
  });

  it('leaves it unreached while the rule does not hold', () => {
    expect(milestoneProgress(adoption, account({ asOf: '2026-01-20', featuresAdopted: 2 })).milestones[0]?.status).toBe(
      'upcoming',
    );
  });
});

describe('milestoneProgress input', () => {
  it('copies the fields pace and pairing read, and returns progress with its list frozen', () => {
    const progress = milestoneProgress(
      defaultBaseline,
      account({ id: 'x', segment: 'enterprise', plan: 'pro', employees: 900, featuresAdopted: 11 }),
    );
    expect([
      progress.accountId,
      progress.baselineName,
      progress.segment,
      progress.plan,
      progress.employees,
      progress.featuresAdopted,
    ]).toEqual(['x', 'Typical customer', 'enterprise', 'pro', 900, 11]);
    expect([Object.isFrozen(progress), Object.isFrozen(progress.milestones)]).toEqual([true, true]);
  });

  it('takes a plain baseline, defining it first', () => {
    const progress = milestoneProgress(
      { name: 'Plain', milestones: [{ id: 'setup', name: 'Setup', dueDay: 3 }] },
      account(),
    );
    expect(progress.milestones[0]?.toleranceDays).toBe(1);
  });

  it('rejects a snapshot that starts after asOf', () => {
    const error = catchSuccessKitError(() => milestoneProgress(defaultBaseline, account({ startDate: '2026-07-01' })));
    expect([error.code, issuePaths(error)]).toEqual(['invalid_input', ['snapshot.startDate']]);
  });

  it('rejects a bad snapshot field at its path', () => {
    const error = catchSuccessKitError(() =>
      milestoneProgress(defaultBaseline, account({ milestones: { first_login: '2026-02-30' } })),
    );
    expect([error.code, issuePaths(error)]).toEqual(['invalid_input', ['snapshot.milestones.first_login']]);
  });

  it('rejects a broken baseline with invalid_definition under baseline', () => {
    const error = catchSuccessKitError(() => milestoneProgress({ name: '', milestones: [] }, account()));
    expect([error.code, issuePaths(error)]).toEqual(['invalid_definition', ['baseline.name', 'baseline.milestones']]);
  });

  it('reads a whole snapshot from accountSnapshots', async () => {
    const { samplePortfolio } = await import('../../src/sample/index');
    const { accountSnapshots } = await import('../../src/snapshot/index');
    const [snapshot] = accountSnapshots(samplePortfolio({ accounts: 1, seed: 4, asOf: '2026-06-30' })).snapshots;
    expect(milestoneProgress(defaultBaseline, snapshot!).milestones).toHaveLength(4);
  });
});
