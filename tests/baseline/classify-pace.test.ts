import { describe, expect, it } from 'vitest';
import { classifyPace, defaultBaseline, milestoneProgress } from '../../src/baseline/index';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { account } from './accounts';

const progressOf = (fields: Parameters<typeof account>[0]) => milestoneProgress(defaultBaseline, account(fields));

/** Reached early at every step and past the value target: login day 2, configuration day 5, EBR 1 day 60. */
const champion = {
  asOf: '2026-04-30',
  milestones: { first_login: '2026-01-03', configuration_complete: '2026-01-06', ebr_1: '2026-03-02' },
  valueRealized: 0.85,
  valueRealizedDate: '2026-03-02',
};

describe('classifyPace', () => {
  it('calls an account too early when no milestone is reached or overdue, never guessing', () => {
    const result = classifyPace(progressOf({ asOf: '2026-01-03' }));
    expect(result).toEqual({
      pace: 'too-early',
      early: [],
      onTime: [],
      late: [],
      overdue: [],
      valueAttainment: null,
      featuresAdopted: 5,
      reasons: [
        'no milestone is reached or overdue yet: the first, First login, is due on day 5 and the account is on day 2',
      ],
    });
  });

  it('judges an account that reached its first milestone before it was due', () => {
    expect(classifyPace(progressOf({ asOf: '2026-01-03', milestones: { first_login: '2026-01-02' } })).pace).toBe(
      'champion',
    );
  });

  it('calls an account early at every step and past its value target a champion, with the reasons', () => {
    const result = classifyPace(progressOf(champion));
    expect(result.pace).toBe('champion');
    expect(result.early).toEqual(['first_login', 'configuration_complete', 'ebr_1']);
    expect(result.reasons).toEqual([
      'early: first_login, configuration_complete, ebr_1',
      'value 85% against 75% due: 113% of target',
      '5 features adopted',
    ]);
  });

  it('calls the same account a cruiser when its value falls short of the target, saying so', () => {
    const result = classifyPace(progressOf({ ...champion, valueRealized: 0.7 }));
    expect([result.pace, result.reasons]).toEqual(['cruiser', ['value 93% of target, champions from 100%']]);
  });

  it('holds a champion to the features threshold when the host sets one', () => {
    const result = classifyPace(progressOf(champion), { championFeaturesAdopted: 8 });
    expect([result.pace, result.reasons]).toEqual(['cruiser', ['5 features adopted, champions from 8']]);
    expect(
      classifyPace(progressOf({ ...champion, featuresAdopted: null }), { championFeaturesAdopted: 8 }).reasons,
    ).toEqual(['features adopted unknown, champions from 8']);
  });

  it('does not make a champion of an account without a value recorded against a target due', () => {
    const result = classifyPace(progressOf({ ...champion, valueRealized: null, valueRealizedDate: null }));
    expect([result.pace, result.reasons]).toEqual(['cruiser', ['no value recorded against the 75% target due']]);
  });

  it('calls an account on time at every step a cruiser, saying what a champion would need', () => {
    const result = classifyPace(
      progressOf({
        asOf: '2026-02-01',
        milestones: { first_login: '2026-01-06', configuration_complete: '2026-01-11' },
      }),
    );
    expect([result.pace, result.onTime, result.reasons]).toEqual([
      'cruiser',
      ['first_login', 'configuration_complete'],
      ['0% of the milestones so far early, champions from 50%'],
    ]);
  });

  it('calls an account with a milestone overdue a laggard', () => {
    const result = classifyPace(progressOf({ asOf: '2026-02-01', milestones: { first_login: '2026-01-06' } }));
    expect([result.pace, result.overdue, result.reasons]).toEqual([
      'laggard',
      ['configuration_complete'],
      ['overdue: configuration_complete'],
    ]);
  });

  it('calls an account late on half its milestones a laggard', () => {
    const result = classifyPace(
      progressOf({
        asOf: '2026-02-01',
        milestones: { first_login: '2026-01-06', configuration_complete: '2026-01-20' },
      }),
    );
    expect([result.pace, result.reasons]).toEqual([
      'laggard',
      ['50% of the milestones so far late or overdue (configuration_complete), laggards from 50%'],
    ]);
  });

  it('keeps one late milestone in three a cruiser, and a laggard with laggardLateShare 0.3', () => {
    const fields = {
      asOf: '2026-05-01',
      milestones: { first_login: '2026-01-06', configuration_complete: '2026-01-20', ebr_1: '2026-04-01' },
      valueRealized: 0.75,
      valueRealizedDate: '2026-04-01',
    };
    expect(classifyPace(progressOf(fields)).pace).toBe('cruiser');
    expect(classifyPace(progressOf(fields), { laggardLateShare: 0.3 }).pace).toBe('laggard');
  });

  it('calls an account on time but a fifth short of its value target a laggard', () => {
    const result = classifyPace(progressOf({ ...champion, valueRealized: 0.55 }));
    expect([result.pace, result.reasons]).toEqual([
      'laggard',
      ['value 55% of the target value against 75% due: 73% of target, below 80%'],
    ]);
  });

  it('rejects bad options and progress that is not progress, at their paths', () => {
    const bad = catchSuccessKitError(() => classifyPace(progressOf(champion), { championEarlyShare: 2 }));
    expect([bad.code, issuePaths(bad)]).toEqual(['invalid_input', ['options.championEarlyShare']]);
    const notProgress = catchSuccessKitError(() => classifyPace({ accountId: 'x' } as never));
    expect(notProgress.code).toBe('invalid_input');
    expect(issuePaths(notProgress)).toContain('progress.milestones');
  });

  it('accepts progress stored as JSON and read back', () => {
    const stored = JSON.parse(JSON.stringify(progressOf(champion))) as ReturnType<typeof progressOf>;
    expect(classifyPace(stored).pace).toBe('champion');
  });
});
