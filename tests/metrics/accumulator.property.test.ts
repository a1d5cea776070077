import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accumulate } from '../../src/metrics/accumulator';
import { cesAccumulator } from '../../src/metrics/ces';
import { logoChurnAccumulator } from '../../src/metrics/churn';
import { cohortRetentionAccumulator, type SubscriptionInput } from '../../src/metrics/cohort-retention';
import { csatAccumulator } from '../../src/metrics/csat';
import { groupAccumulator } from '../../src/metrics/group-metrics';
import { mrrMovementsAccumulator } from '../../src/metrics/mrr-movements';
import { npsAccumulator } from '../../src/metrics/nps';
import { activeShareAccumulator, licenseUtilizationAccumulator, stickinessAccumulator } from '../../src/metrics/usage';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { assertMergeIsConcat } from './merge-laws';

const amount = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 1, max: 10_000_000 }).map((cents) => cents / 100),
);
const day = fc
  .integer({ min: 0, max: 900 })
  .map((offset) => new Date(Date.UTC(2024, 0, 1 + offset)).toISOString().slice(0, 10));

const subscriptionsOfOneAccount = fc.integer({ min: 0, max: 10_000 }).chain((account) =>
  fc
    .array(fc.record({ start: day, length: fc.option(fc.integer({ min: 0, max: 500 })), mrr: amount }), {
      minLength: 1,
      maxLength: 3,
    })
    .map((lines) =>
      lines.map((line, index): SubscriptionInput => {
        const endDate =
          line.length === null
            ? undefined
            : new Date(Date.parse(line.start) + line.length * 86_400_000).toISOString().slice(0, 10);
        return {
          id: `s${String(account)}-${String(index)}`,
          accountId: `a${String(account)}`,
          mrr: line.mrr,
          startDate: line.start,
          ...(endDate === undefined ? {} : { endDate }),
        };
      }),
    ),
);

describe('every accumulator merges exactly: result(merge(add*(A), add*(B))) = result(add*(A ∪ B))', () => {
  it('npsAccumulator', () => {
    assertMergeIsConcat(
      npsAccumulator({ method: 'adjusted-wald' }),
      fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 80 }),
    );
  });

  it('csatAccumulator on 5-, 7- and 10-point scales', () => {
    for (const scale of [5, 7, 10] as const) {
      assertMergeIsConcat(
        csatAccumulator({ scale }),
        fc.array(fc.integer({ min: 1, max: scale }), { maxLength: 80 }),
        40,
      );
    }
  });

  it('cesAccumulator', () => {
    assertMergeIsConcat(cesAccumulator(), fc.array(fc.integer({ min: 1, max: 7 }), { maxLength: 80 }));
  });

  it('mrrMovementsAccumulator', () => {
    const row = fc.record({ accountId: fc.string(), previous: amount, current: amount, returning: fc.boolean() });
    assertMergeIsConcat(mrrMovementsAccumulator(), fc.array(row, { maxLength: 60 }));
  });

  it('logoChurnAccumulator', () => {
    const row = fc.record({ payingAtStart: fc.boolean(), payingAtEnd: fc.boolean() });
    assertMergeIsConcat(logoChurnAccumulator({ method: 'average' }), fc.array(row, { maxLength: 60 }));
  });

  it('cohortRetentionAccumulator', () => {
    assertMergeIsConcat(
      cohortRetentionAccumulator({ period: 'month', asOf: '2026-06-30' }),
      fc.array(subscriptionsOfOneAccount, { maxLength: 12 }),
      60,
    );
  });

  it('licenseUtilizationAccumulator, stickinessAccumulator and activeShareAccumulator', () => {
    const seats = fc.record({
      activeUsers: fc.nat({ max: 500 }),
      licenses: fc.option(fc.nat({ max: 800 }), { nil: undefined }),
    });
    assertMergeIsConcat(licenseUtilizationAccumulator(), fc.array(seats, { maxLength: 50 }));
    const actives = fc.nat({ max: 500 }).chain((monthly) =>
      fc.record({
        activeUsers: fc.constant(monthly),
        averageDailyActiveUsers: fc.option(fc.double({ min: 0, max: monthly, noNaN: true }), { nil: undefined }),
      }),
    );
    assertMergeIsConcat(stickinessAccumulator(), fc.array(actives, { maxLength: 50 }));
    assertMergeIsConcat(activeShareAccumulator(), fc.array(fc.boolean(), { maxLength: 50 }));
  });

  it('groupAccumulator with NPS and CSAT per segment', () => {
    interface Answer {
      segment: string;
      kind: 'nps' | 'csat';
      score: number;
    }
    const answer = fc.oneof(
      fc.record({
        segment: fc.constantFrom('smb', 'mid-market', 'enterprise', '__proto__'),
        kind: fc.constant('nps' as const),
        score: fc.integer({ min: 0, max: 10 }),
      }),
      fc.record({
        segment: fc.constantFrom('smb', 'mid-market', 'enterprise', 'constructor'),
        kind: fc.constant('csat' as const),
        score: fc.integer({ min: 1, max: 5 }),
      }),
    );
    const metric = groupAccumulator({
      by: 'segment',
      metrics: {
        nps: { accumulator: npsAccumulator(), value: (row: Answer) => (row.kind === 'nps' ? row.score : undefined) },
        csat: { accumulator: csatAccumulator(), value: (row: Answer) => (row.kind === 'csat' ? row.score : undefined) },
      },
    });
    assertMergeIsConcat(metric, fc.array(answer, { maxLength: 80 }));
  });
});

describe('accumulate', () => {
  it('adds to a given state and names the index of a bad row', () => {
    const metric = npsAccumulator();
    const state = metric.init();
    expect(accumulate(metric, new Set([9, 10]), state)).toBe(state);
    expect(state.promoters).toBe(2);
    const error = catchSuccessKitError(() => accumulate(metric, [9, 9, 'x' as unknown as number]));
    expect([error.code, ...issuePaths(error)]).toEqual(['invalid_score', '[2]']);
  });

  it('passes other errors through untouched', () => {
    const failing = {
      ...npsAccumulator(),
      add: () => {
        throw new RangeError('boom');
      },
    };
    expect(() => accumulate(failing, [1])).toThrow(RangeError);
  });
});
