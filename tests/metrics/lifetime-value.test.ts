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
      nullReason: null,
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
      nullReason: 'no_churn',
    });
  });

  it('gives a finite value or null with a reason at extreme but valid inputs, never NaN or Infinity', () => {
    expect(simpleLifetimeValue({ arpa: 1e308, grossMargin: 1, churnRate: 5e-324 })).toEqual({
      value: null,
      expectedLifetime: null,
      marginPerPeriod: 1e308,
      nullReason: 'too_large',
    });
    expect(simpleLifetimeValue({ arpa: 1e308, grossMargin: 0.5, churnRate: 0.5 }).value).toBe(1e308);
    // The smallest double is 4.94e-324, so its margin underflows to 0; the value is computed quotient first.
    expect(simpleLifetimeValue({ arpa: 5e-324, grossMargin: 0.5, churnRate: 1e-17 }).value).toBe(
      (5e-324 / 1e-17) * 0.5,
    );
    expect(simpleLifetimeValue({ arpa: 100, grossMargin: 1, churnRate: 1e-17 })).toMatchObject({
      value: 1e19,
      expectedLifetime: 1e17,
    });
    const extremes = [0, 5e-324, 1e-17, 0.5, 1, 1e308];
    const results = extremes.flatMap((arpa) =>
      extremes
        .filter((share) => share <= 1)
        .flatMap((grossMargin) =>
          extremes
            .filter((share) => share <= 1)
            .map((churnRate) => simpleLifetimeValue({ arpa, grossMargin, churnRate })),
        ),
    );
    const numbers = results.flatMap((result) => [result.value, result.expectedLifetime, result.marginPerPeriod]);
    expect(numbers.filter((value) => value !== null && !Number.isFinite(value))).toEqual([]);
    expect(results.filter((result) => (result.value === null) !== (result.nullReason !== null))).toEqual([]);
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
    expect(paybackMonths({ cac: 12_000, arpa: 1_000, grossMargin: 0.75 })).toEqual({
      months: 16,
      marginPerMonth: 750,
      nullReason: null,
    });
  });

  it('gives finite months or null with a reason at extreme but valid inputs, never NaN or Infinity', () => {
    expect(paybackMonths({ cac: 1e308, arpa: 5e-324, grossMargin: 1 })).toEqual({
      months: null,
      marginPerMonth: 5e-324,
      nullReason: 'too_large',
    });
    // The margin underflows to 0, yet it was paid: the months are computed step by step.
    expect(paybackMonths({ cac: 1e-300, arpa: 5e-324, grossMargin: 0.5 })).toMatchObject({
      marginPerMonth: 0,
      nullReason: null,
    });
    expect(paybackMonths({ cac: 1e-300, arpa: 5e-324, grossMargin: 0.5 }).months).toBeGreaterThan(1e23);
    expect(paybackMonths({ cac: 1e308, arpa: 1e308, grossMargin: 1e-17 }).months).toBeCloseTo(1e17, -3);
    const extremes = [0, 5e-324, 1e-17, 0.5, 1, 1e308];
    const results = extremes.flatMap((cac) =>
      extremes.flatMap((arpa) =>
        extremes.filter((share) => share <= 1).map((grossMargin) => paybackMonths({ cac, arpa, grossMargin })),
      ),
    );
    const numbers = results.flatMap((result) => [result.months, result.marginPerMonth]);
    expect(numbers.filter((value) => value !== null && !Number.isFinite(value))).toEqual([]);
  });

  it('is null when the margin is zero, and rejects bad amounts', () => {
    expect(paybackMonths({ cac: 100, arpa: 50, grossMargin: 0 })).toEqual({
      months: null,
      marginPerMonth: 0,
      nullReason: 'no_margin',
    });
    expect(
      issuePaths(
        catchSuccessKitError(() => paybackMonths({ cac: Number.POSITIVE_INFINITY, arpa: 1, grossMargin: 0.5 })),
      ),
    ).toEqual(['cac']);
  });
});
