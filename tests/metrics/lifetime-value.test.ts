import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paybackMonths, simpleLifetimeValue } from '../../src/metrics/lifetime-value';
import { catchSuccessKitError, issuePaths } from '../catch-error';

describe('simpleLifetimeValue', () => {
  // D. Skok, "SaaS Metrics 2.0": LTV = ARPA × gross margin % / churn rate, with lifetime = 1 / churn.
  it('is ARPA × gross margin ÷ churn: $500 at 80% margin and 2% monthly churn is $20,000 over 50 months', () => {
    expect(simpleLifetimeValue({ arpa: 500, grossMargin: 0.8, churnRate: 0.02 })).toEqual({
      value: 20_000,
      expectedLifetime: 50,
      marginPerPeriod: 400,
    });
  });

  it('grows as churn falls and is null without churn', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 0.5, noNaN: true }), (churnRate) => {
        const faster = simpleLifetimeValue({ arpa: 100, grossMargin: 0.7, churnRate: Math.min(1, churnRate * 2) });
        const slower = simpleLifetimeValue({ arpa: 100, grossMargin: 0.7, churnRate });
        expect(slower.value).toBeGreaterThan(faster.value ?? Number.POSITIVE_INFINITY);
        expect(slower.value).toBeCloseTo((100 * 0.7) / churnRate, 8);
      }),
    );
    expect(simpleLifetimeValue({ arpa: 100, grossMargin: 0.7, churnRate: 0 })).toEqual({
      value: null,
      expectedLifetime: null,
      marginPerPeriod: 70,
    });
  });

  it('rejects a negative ARPA and shares outside 0–1', () => {
    expect(
      issuePaths(catchSuccessKitError(() => simpleLifetimeValue({ arpa: -1, grossMargin: 0.5, churnRate: 0.1 }))),
    ).toEqual(['arpa']);
    expect(
      issuePaths(catchSuccessKitError(() => simpleLifetimeValue({ arpa: 1, grossMargin: 80, churnRate: 0.1 }))),
    ).toEqual(['grossMargin']);
    expect(
      issuePaths(catchSuccessKitError(() => simpleLifetimeValue({ arpa: 1, grossMargin: 0.8, churnRate: Number.NaN }))),
    ).toEqual(['churnRate']);
    expect(catchSuccessKitError(() => simpleLifetimeValue(undefined as never)).code).toBe('invalid_input');
  });
});

describe('paybackMonths', () => {
  // D. Skok, "SaaS Metrics 2.0": months to recover CAC = CAC / (MRR × gross margin %).
  it('is CAC ÷ monthly gross margin: $12,000 at $1,000 × 75% is 16 months', () => {
    expect(paybackMonths({ cac: 12_000, arpa: 1_000, grossMargin: 0.75 })).toEqual({ months: 16, marginPerMonth: 750 });
  });

  it('is null when the margin is zero, and rejects bad amounts', () => {
    expect(paybackMonths({ cac: 100, arpa: 50, grossMargin: 0 }).months).toBeNull();
    expect(
      issuePaths(
        catchSuccessKitError(() => paybackMonths({ cac: Number.POSITIVE_INFINITY, arpa: 1, grossMargin: 0.5 })),
      ),
    ).toEqual(['cac']);
  });
});
