import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as core from '../../src/core/index';
import { SuccessKitError } from '../../src/core/error';
import { hostileValues } from '../hostile-values';
import { exportedFunctions, hostileOutcomes, outcomeOf } from '../hostile-calls';

// Every public function of core, with arguments it accepts. The test puts each
// hostile value into each argument position (and into each field of a record
// argument) and expects a result or a SuccessKitError with a short message —
// never a TypeError, a RangeError or a stack overflow from inside.
const account = { id: 'a', name: 'Acme', arr: 1_000, startDate: '2024-01-01' };
const validArguments: Record<string, readonly unknown[]> = {
  parseAccount: [account],
  isActiveAccount: [account, '2025-01-01'],
  parseAccountEvent: [{ id: 'e1', accountId: 'a', date: '2025-06-03', type: 'champion_left', contactId: 'c1' }],
  calendarDate: ['2025-01-01'],
  isCalendarDate: ['2025-01-01'],
  parseContact: [{ id: 'c1', accountId: 'a', name: 'Ann', role: 'user' }],
  addDays: ['2024-02-28', 2],
  addMonths: ['2025-01-31', 1],
  daysBetween: ['2025-01-01', '2025-03-01'],
  startOfPeriod: ['2025-08-19', 'quarter'],
  SuccessKitError: ['invalid_input', [{ path: ['a', 0], message: 'required' }]],
  formatPath: [['a', 0, 'b']],
  isSuccessKitError: [new SuccessKitError('invalid_date', [{ path: [], message: 'bad' }])],
  parseWith: [z.int().min(1), 25, { code: 'invalid_input', path: ['seats'] }],
  parsePortfolio: [{ asOf: '2025-06-30', accounts: [account] }],
  parseMrrSnapshot: [{ accountId: 'a', month: '2025-06-01', mrr: 100 }],
  parseSubscription: [{ id: 'sub1', accountId: 'a', mrr: 100, startDate: '2024-01-01' }],
  parseSurveyResponse: [{ id: 's1', accountId: 'a', kind: 'nps', score: 9, date: '2025-06-02' }],
  parseUsageSnapshot: [{ accountId: 'a', periodStart: '2025-06-01', period: 'month', activeUsers: 3 }],
};

function call(name: string, argumentList: readonly unknown[]): unknown {
  const exported = (core as Record<string, unknown>)[name];
  if (exported === SuccessKitError) return Reflect.construct(SuccessKitError, argumentList);
  return (exported as (...values: unknown[]) => unknown)(...argumentList);
}

describe('hostile input to core', () => {
  it('lists every public function of core', () => {
    expect(exportedFunctions(core)).toEqual(Object.keys(validArguments).sort());
  });

  it.each(Object.entries(validArguments))('%s accepts its valid arguments', (name, valid) => {
    expect(outcomeOf(() => call(name, valid))).toBe('returned');
  });

  it.each(Object.entries(validArguments))(
    '%s answers every hostile value in every position with a result or a SuccessKitError',
    (name, valid) => {
      expect(hostileOutcomes((argumentList) => call(name, argumentList), valid)).toEqual([]);
    },
  );

  it('the date functions answer mixes of good and hostile arguments with a result or a SuccessKitError', () => {
    // Arguments are drawn as names and made inside the property: fast-check
    // itself throws when it is handed a revoked proxy as a generated value.
    const named = new Map(hostileValues());
    const maybeHostile = <Value>(typical: fc.Arbitrary<Value>) =>
      fc.oneof(
        { arbitrary: typical.map((value) => ({ typical: value })), weight: 3 },
        { arbitrary: fc.constantFrom(...named.keys()).map((name) => ({ hostile: name })), weight: 1 },
      );
    const make = (drawn: { typical: unknown } | { hostile: string }): unknown =>
      'typical' in drawn ? drawn.typical : new Map(hostileValues()).get(drawn.hostile);
    const date = maybeHostile(fc.constantFrom('0000-02-29', '2024-02-28', '9999-12-31', '2025-13-01'));
    const count = maybeHostile(fc.integer({ min: -4_000_000, max: 4_000_000 }));
    const period = maybeHostile(fc.constantFrom('month', 'quarter', 'year', 'week', '__proto__'));
    fc.assert(
      fc.property(date, date, count, period, (first, second, days, unit) => {
        const calls: [string, unknown[]][] = [
          ['daysBetween', [make(first), make(second)]],
          ['addDays', [make(first), make(days)]],
          ['addMonths', [make(first), make(days)]],
          ['startOfPeriod', [make(first), make(unit)]],
          ['isActiveAccount', [{ startDate: make(first), churnDate: make(second) }, make(second)]],
        ];
        const failures = calls
          .map(([name, argumentList]) => [name, outcomeOf(() => call(name, argumentList))])
          .filter(([, outcome]) => outcome !== 'returned' && outcome !== 'SuccessKitError');
        expect(failures).toEqual([]);
      }),
    );
  });
});
