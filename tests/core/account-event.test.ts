import { describe, expect, it } from 'vitest';
import { AccountEvent, parseAccountEvent } from '../../src/core/account-event';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { deepFreeze } from '../freeze';

const base = { id: 'evt-1', accountId: 'acc-1', date: '2025-03-04' };

const examples = [
  { ...base, type: 'login', contactId: 'con-1' },
  { ...base, type: 'milestone_reached', milestoneId: 'first_login' },
  { ...base, type: 'ticket', ticketId: 'T-88', priority: 'high', resolvedDate: '2025-03-06' },
  { ...base, type: 'escalation', severity: 'critical', reason: 'Outage' },
  { ...base, type: 'feature_request', title: 'SAML single sign-on' },
  { ...base, type: 'champion_left', contactId: 'con-4' },
  { ...base, type: 'sponsor_changed', contactId: 'con-9', note: 'new VP' },
  { ...base, type: 'meeting', meetingKind: 'ebr' },
  { ...base, type: 'payment_overdue', amount: 1_200 },
  { ...base, type: 'value_realized', share: 0.75 },
  { ...base, type: 'custom', name: 'webinar_attended', value: true },
];

function pathsOf(input: unknown): string[] {
  return issuePaths(catchSuccessKitError(() => parseAccountEvent(input)));
}

describe('parseAccountEvent', () => {
  it.each(examples)('accepts a $type event unchanged', (example) => {
    expect(parseAccountEvent(deepFreeze({ ...example }))).toEqual(example);
  });

  it('covers every event type in the schema', () => {
    expect(AccountEvent.def.options.map((option) => option.shape.type.def.values[0])).toEqual(
      examples.map((example) => example.type),
    );
  });

  it('rejects an unknown type, naming the known ones', () => {
    const error = catchSuccessKitError(() => parseAccountEvent({ ...base, type: 'logout' }));
    expect(error.issues[0]).toEqual({
      path: ['type'],
      message:
        'expected one of "login", "milestone_reached", "ticket", "escalation", "feature_request", "champion_left", "sponsor_changed", "meeting", "payment_overdue", "value_realized", "custom"',
    });
  });

  it('requires the fields of each type and rejects fields of other types', () => {
    expect(pathsOf({ ...base, type: 'champion_left' })).toEqual(['contactId']);
    expect(pathsOf({ ...base, type: 'ticket', ticketId: 'T-1', priority: 'p0' })).toEqual(['priority']);
    expect(pathsOf({ ...base, type: 'escalation', severity: 'high', milestoneId: 'x' })).toEqual(['milestoneId']);
    expect(pathsOf({ ...base, type: 'payment_overdue', amount: -1 })).toEqual(['amount']);
    expect(pathsOf({ ...base, type: 'value_realized', share: 1.2 })).toEqual(['share']);
    expect(pathsOf({ ...base, type: 'feature_request', title: 'SSO', onRoadmap: 'yes' })).toEqual(['onRoadmap']);
    expect(pathsOf({ ...base, type: 'login', date: '2025-3-4' })).toEqual(['date']);
  });
});
