import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { AccountEvent } from '../../src/core/index';
import { isAccountEvent, isAccountEventList } from '../../src/core/account-event-guard';
import { hostileValues } from '../hostile-values';

const typical: Record<string, unknown>[] = [
  { id: 'e1', accountId: 'a', date: '2026-06-01', type: 'login' },
  { id: 'e2', accountId: 'a', date: '2026-06-01', type: 'milestone_reached', milestoneId: 'm1' },
  {
    id: 'e3',
    accountId: 'a',
    date: '2026-06-01',
    type: 'ticket',
    ticketId: 't',
    priority: 'urgent',
    resolvedDate: '2026-06-02',
  },
  {
    id: 'e4',
    accountId: 'a',
    date: '2026-06-01',
    type: 'escalation',
    severity: 'high',
    reason: 'outage',
    contactId: 'c1',
  },
  { id: 'e5', accountId: 'a', date: '2026-06-01', type: 'feature_request', title: 'SSO' },
  {
    id: 'e5b',
    accountId: 'a',
    date: '2026-06-01',
    type: 'feature_request',
    title: 'SSO',
    onRoadmap: false,
    outOfScope: true,
  },
  { id: 'e5c', accountId: 'a', date: '2026-06-01', type: 'value_realized', share: 0.75 },
  { id: 'e6', accountId: 'a', date: '2026-06-01', type: 'champion_left', contactId: 'c1' },
  { id: 'e7', accountId: 'a', date: '2026-06-01', type: 'sponsor_changed', note: '' },
  { id: 'e8', accountId: 'a', date: '2026-06-01', type: 'meeting', meetingKind: 'ebr' },
  { id: 'e9', accountId: 'a', date: '2026-06-01', type: 'payment_overdue', amount: 120 },
  { id: 'e10', accountId: 'a', date: '2026-06-01', type: 'custom', name: 'nps_note', value: 3 },
];

const fieldValues: unknown[] = [
  undefined,
  null,
  '',
  'x',
  'a'.repeat(257),
  '2026-02-30',
  '2026-06-01',
  0,
  -1,
  Number.NaN,
  Infinity,
  true,
  'urgent',
  'high',
  'ebr',
  'c1',
  [],
  {},
  ...hostileValues().map(([, value]) => value),
];

function accepted(value: unknown): boolean {
  try {
    return z.safeParse(AccountEvent, value).success;
  } catch {
    return false;
  }
}

describe('the AccountEvent guard of plan reviews', () => {
  it('accepts an event of every type the schema accepts', () => {
    expect(typical.filter((event) => !isAccountEvent(event))).toEqual([]);
    expect(typical.every(accepted)).toBe(true);
  });

  it('accepts nothing the schema rejects, for any field of any event set to any value', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...typical),
        fc.constantFrom(
          'id',
          'accountId',
          'date',
          'type',
          'contactId',
          'note',
          'milestoneId',
          'ticketId',
          'priority',
          'resolvedDate',
          'severity',
          'reason',
          'title',
          'meetingKind',
          'amount',
          'name',
          'value',
          'extra',
        ),
        // An index, not the value: fast-check probes generated objects, which a revoked proxy refuses.
        fc.nat({ max: fieldValues.length - 1 }),
        (event, key, at) => {
          const changed = { ...event, [key]: fieldValues[at] };
          // checked() treats a guard that throws on a hostile value as a rejection.
          let guarded = false;
          try {
            guarded = isAccountEvent(changed);
          } catch {
            guarded = false;
          }
          if (guarded) expect(accepted(changed)).toBe(true);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('rejects hostile values and lists holding them', () => {
    for (const [name, value] of hostileValues()) {
      let guarded = false;
      try {
        guarded = isAccountEvent(value) || isAccountEventList([value]);
      } catch {
        guarded = false;
      }
      expect([name, guarded && !accepted(value)]).toEqual([name, false]);
    }
    expect(isAccountEventList(new Array(1))).toBe(false);
  });
});
