import { describe, expect, it } from 'vitest';
import { defaultBaseline, milestoneMessage, milestoneProgress } from '../../src/baseline/index';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { account } from './accounts';

const messagesOf = (fields: Parameters<typeof account>[0], options?: Parameters<typeof milestoneMessage>[1]) =>
  milestoneMessage(milestoneProgress(defaultBaseline, account(fields)), options).messages;

describe('milestoneMessage', () => {
  it('congratulates a milestone reached this week by an account that is not struggling', () => {
    const [login] = messagesOf({ asOf: '2026-01-07', milestones: { first_login: '2026-01-05' } });
    expect(login).toEqual({
      milestoneId: 'first_login',
      action: 'congratulate',
      heldBack: false,
      reason: 'reached on time 2 day(s) ago, and the account is not struggling',
    });
  });

  it('holds the congratulation back when an earlier milestone is overdue, saying so', () => {
    const messages = messagesOf({ asOf: '2026-04-10', milestones: { ebr_1: '2026-04-05' } });
    expect(messages[2]).toEqual({
      milestoneId: 'ebr_1',
      action: 'none',
      heldBack: true,
      reason:
        'reached, but no congratulations: an earlier milestone is overdue (First login, Configuration complete); the account is a laggard',
    });
  });

  it('holds it back for a laggard and for a red account', () => {
    const late = messagesOf({
      asOf: '2026-01-25',
      milestones: { first_login: '2026-01-15', configuration_complete: '2026-01-24' },
    });
    expect(late[1]).toMatchObject({
      action: 'none',
      heldBack: true,
      reason: 'reached, but no congratulations: the account is a laggard',
    });
    const red = messagesOf({ asOf: '2026-01-07', milestones: { first_login: '2026-01-05' } }, { healthBand: 'red' });
    expect(red[0]).toMatchObject({
      action: 'none',
      heldBack: true,
      reason: 'reached, but no congratulations: health is red',
    });
    expect(
      messagesOf({ asOf: '2026-01-07', milestones: { first_login: '2026-01-05' } }, { healthBand: 'yellow' })[0]
        ?.action,
    ).toBe('congratulate');
  });

  it('does not congratulate a milestone reached longer ago than recentDays', () => {
    const milestones = { first_login: '2026-01-05', configuration_complete: '2026-01-11' };
    const [login] = messagesOf({ asOf: '2026-01-20', milestones });
    expect(login).toEqual({
      milestoneId: 'first_login',
      action: 'none',
      heldBack: false,
      reason: 'reached 15 days ago, more than 7: too late to congratulate',
    });
    expect(messagesOf({ asOf: '2026-01-20', milestones }, { recentDays: 30 })[0]?.action).toBe('congratulate');
  });

  it('congratulates on the day itself', () => {
    expect(messagesOf({ asOf: '2026-01-05', milestones: { first_login: '2026-01-05' } })[0]?.reason).toBe(
      'reached on time today, and the account is not struggling',
    );
  });

  it('nudges a milestone due now or within nudgeDays of its window, offers help when overdue, and stays quiet otherwise', () => {
    const messages = messagesOf({ asOf: '2026-01-07', milestones: { first_login: '2026-01-05' } });
    expect(messages.slice(1).map((message) => [message.action, message.reason])).toEqual([
      ['nudge', 'due in 4 days (day 10)'],
      ['none', 'upcoming: due on day 90, the account is on day 6'],
      ['none', 'upcoming: due on day 270, the account is on day 6'],
    ]);
    expect(messagesOf({ asOf: '2026-01-05' })[0]).toMatchObject({
      action: 'nudge',
      reason: 'due now: day 5 ± 1, the account is on day 4',
    });
    expect(messagesOf({ asOf: '2026-01-10' })[0]).toMatchObject({
      action: 'offer-help',
      reason: 'overdue: due on day 5, 4 days ago, tolerance 1',
    });
    expect(messagesOf({ asOf: '2026-01-02' }, { nudgeDays: 0 })[0]?.action).toBe('none');
  });

  it('returns the pace class it judged by', () => {
    expect(milestoneMessage(milestoneProgress(defaultBaseline, account({ asOf: '2026-01-02' }))).pace).toBe(
      'too-early',
    );
  });

  it('rejects bad options and progress at their paths', () => {
    const progress = milestoneProgress(defaultBaseline, account());
    expect(
      issuePaths(catchSuccessKitError(() => milestoneMessage(progress, { healthBand: 'amber' as never }))),
    ).toEqual(['options.healthBand']);
    expect(
      issuePaths(catchSuccessKitError(() => milestoneMessage(progress, { pace: { championEarlyShare: -1 } }))),
    ).toEqual(['options.pace.championEarlyShare']);
    expect(catchSuccessKitError(() => milestoneMessage(null as never)).code).toBe('invalid_input');
  });
});
