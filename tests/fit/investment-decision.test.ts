import { describe, expect, it } from 'vitest';
import { enhancementWorth, investmentDecision } from '../../src/fit/index';
import { catchSuccessKitError, issuePaths } from '../catch-error';

describe('investmentDecision', () => {
  it('invests in a good fit: 0.8 × 120,000 − 20,000 against 0.5 × 120,000 gains 16,000; break-even 0.5 + 20/120', () => {
    const decision = investmentDecision({
      fit: 'good',
      lifetimeValue: 120_000,
      retentionProbability: 0.8,
      retentionWithoutInvestment: 0.5,
      investmentCost: 20_000,
    });
    expect(decision).toMatchObject({
      decision: 'invest',
      fitClass: 'good',
      expectedValue: 16_000,
      expectedValueIfInvesting: 76_000,
      expectedValueIfNot: 60_000,
      discountedLifetimeValue: 120_000,
      breakEvenNullReason: null,
    });
    expect(decision.breakEvenProbability).toBeCloseTo(2 / 3, 12);
    expect(decision.reasons[0]).toBe(
      'Investing 20,000 to keep 120,000 of lifetime value: expected value 76,000 at 80% retention, against 60,000 at 50% without it',
    );
  });

  it('folds the sixes: a bad fit at 30% for 40,000 costing 15,000 loses 3,000; pot odds 37.5%', () => {
    const decision = investmentDecision({
      fit: 'bad',
      lifetimeValue: 40_000,
      retentionProbability: 0.3,
      investmentCost: 15_000,
    });
    expect(decision).toMatchObject({ decision: 'fold', expectedValue: -3000, breakEvenProbability: 0.375 });
    expect(decision.reasons[1]).toBe('Break-even at 37.5% retention (the pot odds); the estimate is 30%');
  });

  it('holds a bad fit at maintenance when the gain is positive but not strong, and invests when it is', () => {
    const base = { fit: 'bad', lifetimeValue: 100_000, investmentCost: 20_000 } as const;
    // 0.3 × 100,000 − 20,000 = 10,000 > 0 but < 1 × 20,000.
    expect(investmentDecision({ ...base, retentionProbability: 0.3 }).decision).toBe('hold');
    // 0.5 × 100,000 − 20,000 = 30,000 ≥ 20,000.
    expect(investmentDecision({ ...base, retentionProbability: 0.5 }).decision).toBe('invest');
    expect(investmentDecision({ ...base, retentionProbability: 0.5, strongReturn: 2 }).decision).toBe('hold');
  });

  it('holds a perfect fit the investment does not pay for, and folds a good fit that costs more to serve than it brings', () => {
    expect(
      investmentDecision({ fit: 'perfect', lifetimeValue: 10_000, retentionProbability: 0.9, investmentCost: 50_000 })
        .decision,
    ).toBe('hold');
    const losing = investmentDecision({
      fit: 'good',
      lifetimeValue: 12_000,
      costToServe: 1_500,
      retentionProbability: 0.9,
      investmentCost: 5_000,
    });
    // 12,000 / 12 − 1,500 = −500 a month, −6,000 over the year.
    expect(losing).toMatchObject({
      decision: 'fold',
      discountedLifetimeValue: -6000,
      breakEvenProbability: null,
      breakEvenNullReason: 'no_value',
    });
  });

  it('discounts month by month at a yearly rate', () => {
    const decision = investmentDecision({
      fit: 'good',
      lifetimeValue: 24_000,
      horizonMonths: 24,
      discountRate: 0.1,
      retentionProbability: 1,
      investmentCost: 0,
    });
    let expected = 0;
    for (let month = 1; month <= 24; month++) expected += 1000 * 1.1 ** (-month / 12);
    expect(decision.discountedLifetimeValue).toBeCloseTo(expected, 9);
    expect(decision.discountedLifetimeValue).toBeLessThan(24_000);
  });

  it('reads a classification and says when it is provisional; says when no retention pays', () => {
    const decision = investmentDecision({
      fit: { fitClass: 'good', provisional: true },
      lifetimeValue: 10_000,
      retentionProbability: 0.9,
      investmentCost: 50_000,
    });
    expect(decision.breakEvenNullReason).toBe('unreachable');
    expect(decision.reasons).toContain('The fit is still provisional; the decision uses the class it leans to, good');
  });

  it('refuses a probability above 1, at its path', () => {
    const error = catchSuccessKitError(() =>
      investmentDecision({ fit: 'good', lifetimeValue: 1, retentionProbability: 1.5, investmentCost: 0 }),
    );
    expect([error.code, issuePaths(error)]).toEqual(['invalid_input', ['retentionProbability']]);
  });
});

describe('enhancementWorth', () => {
  it('builds SSO for 12 accounts: 600,000 ARR × 10% lift × 2 years − 90,000 = 30,000; break-even lift 7.5%', () => {
    const worth = enhancementWorth({
      requestingAccounts: 12,
      arrAtStake: 600_000,
      buildCost: 90_000,
      retentionLift: 0.1,
      horizonYears: 2,
      baseAccounts: 400,
    });
    expect(worth).toMatchObject({
      worthBuilding: true,
      expectedValue: 30_000,
      retainedArrPerYear: 60_000,
      retainedValue: 120_000,
      breakEvenLift: 0.075,
      costPerAccount: 7500,
      shareOfBase: 0.03,
    });
    expect(worth.reasons[0]).toBe(
      '12 accounts (3% of the base) with 600,000 ARR ask for it; a 10% retention lift keeps 60,000 ARR a year',
    );
  });

  it('declines a one-off that no lift can pay for, and counts margin and maintenance', () => {
    expect(
      enhancementWorth({ requestingAccounts: 1, arrAtStake: 40_000, buildCost: 150_000, retentionLift: 0.3 }),
    ).toMatchObject({
      worthBuilding: false,
      expectedValue: -138_000,
      breakEvenNullReason: 'unreachable',
      breakEvenLift: null,
    });
    // 500,000 × 0.8 margin × 0.2 lift = 80,000 a year; − 20,000 maintenance − 50,000 build = 10,000.
    const withMargin = enhancementWorth({
      requestingAccounts: 5,
      arrAtStake: 500_000,
      buildCost: 50_000,
      retentionLift: 0.2,
      grossMargin: 0.8,
      maintenanceCostPerYear: 20_000,
    });
    expect(withMargin.expectedValue).toBeCloseTo(10_000, 9);
    expect(withMargin.breakEvenLift).toBeCloseTo(70_000 / 400_000, 12);
    expect(enhancementWorth({ requestingAccounts: 0, arrAtStake: 0, buildCost: 1, retentionLift: 0.1 })).toMatchObject({
      breakEvenNullReason: 'no_revenue',
      costPerAccount: null,
    });
  });

  it('refuses a negative build cost, at its path', () => {
    const error = catchSuccessKitError(() =>
      enhancementWorth({ requestingAccounts: 1, arrAtStake: 1, buildCost: -1, retentionLift: 0.1 }),
    );
    expect([error.code, issuePaths(error)]).toEqual(['invalid_input', ['buildCost']]);
  });
});
