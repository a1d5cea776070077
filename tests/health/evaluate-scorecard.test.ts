import { describe, expect, it } from 'vitest';
import { defaultScorecard, defineScorecard, evaluateScorecard, suggestWeights } from '../../src/health/index';
import { samplePortfolio } from '../../src/sample/index';
import { accountSnapshots } from '../../src/snapshot/index';
import { catchSuccessKitError, issuePaths } from '../catch-error';

const seats = defineScorecard({
  id: 'seats',
  label: 'Seats',
  groups: [
    {
      id: 'usage',
      label: 'Usage',
      weight: 1,
      measures: [
        {
          id: 'seats',
          label: 'Seats',
          field: 'licenseUtilization',
          weight: 1,
          scoring: { type: 'linear', min: 0, max: 1 },
        },
      ],
    },
  ],
  bands: [
    { id: 'red', label: 'Red', from: 0 },
    { id: 'green', label: 'Green', from: 50 },
  ],
});

const asOf = '2026-01-31';
const handInput = {
  snapshots: [0.2, 0.4, 0.6, 0.9, 0.7].map((licenseUtilization, index) => ({
    id: `a${String(index)}`,
    asOf,
    licenseUtilization,
  })),
  outcomes: [
    { accountId: 'a0', churnDate: '2026-03-31' },
    { accountId: 'a1', churnDate: null },
    { accountId: 'a2', churnDate: '2026-05-31' },
    { accountId: 'a3', churnDate: '2026-12-31' },
  ],
  horizonDays: 180,
};

// Churn in the sample is drawn from each account's hidden health, which also drives its usage,
// surveys and support: six months of outcomes after a snapshot on 2026-03-31.
const portfolio = samplePortfolio({ accounts: 600, seed: 1, asOf: '2026-09-30' });
const sample = {
  snapshots: accountSnapshots(portfolio, { asOf: '2026-03-31' }).snapshots,
  outcomes: portfolio.accounts.map((account) => ({ accountId: account.id, churnDate: account.churnDate ?? null })),
  horizonDays: 183,
};

describe('evaluateScorecard', () => {
  it('computes AUC, churn per band and lift on a hand-checked example', () => {
    const evaluation = evaluateScorecard(seats, handInput);
    // Churned within 180 days: a0 (20) and a2 (60); a3 churns later, so it counts as retained; a4 has no outcome.
    // Retained 40, 90 against churned 20, 60: 40>20, 90>20, 90>60 of four pairs.
    expect(evaluation.auc?.value).toBe(0.75);
    expect([evaluation.accounts, evaluation.churned, evaluation.churnRate, evaluation.dropped]).toEqual([
      4,
      2,
      0.5,
      { noOutcome: 1, unscored: 0, alreadyChurned: 0 },
    ]);
    expect(evaluation.bands).toEqual([
      { band: 'red', accounts: 2, churned: 1, churnRate: 0.5 },
      { band: 'green', accounts: 2, churned: 1, churnRate: 0.5 },
    ]);
    expect(evaluation.lift).toEqual({ value: 1, nullReason: null, lowBand: 'red', highBand: 'green' });
    expect(evaluation.measures.map((measure) => [measure.id, measure.accounts, measure.auc?.value])).toEqual([
      ['seats', 4, 0.75],
    ]);
  });

  it('leaves out accounts already churned and unscored ones, and says why a lift is missing', () => {
    const evaluation = evaluateScorecard(seats, {
      ...handInput,
      snapshots: [
        ...handInput.snapshots,
        { id: 'a1', asOf, status: 'churned' },
        { id: 'a0', asOf: '2026-04-30', licenseUtilization: 0.1 },
        { id: 'a3', asOf },
      ],
    });
    expect(evaluation.dropped).toEqual({ noOutcome: 1, unscored: 1, alreadyChurned: 2 });
    const noGreenChurn = evaluateScorecard(seats, {
      ...handInput,
      outcomes: handInput.outcomes.map((outcome) =>
        outcome.accountId === 'a2' ? { ...outcome, churnDate: null } : outcome,
      ),
    });
    expect(noGreenChurn.lift).toMatchObject({ value: null, nullReason: 'no_churn_in_high_band' });
    expect(evaluateScorecard(seats, { ...handInput, snapshots: [] })).toMatchObject({
      accounts: 0,
      churnRate: null,
      auc: null,
      lift: { nullReason: 'empty_band' },
    });
  });

  it('shows the default scorecard predicts sample churn well but not perfectly', () => {
    const evaluation = evaluateScorecard(defaultScorecard, sample);
    const auc = evaluation.auc?.value ?? 0;
    // The sample's churn follows its usage, surveys and support only in part: well above chance, short of certain.
    expect([auc > 0.8, auc < 0.95]).toEqual([true, true]);
    expect(evaluation.bands.map((band) => band.churned > 0)).toEqual([true, true, true]);
    expect(evaluation.lift.value).toBeGreaterThan(5);
    const usage = evaluation.measures.find((measure) => measure.id === 'license-utilization')?.auc?.value ?? 0;
    expect([usage > 0.8, usage < 0.95]).toEqual([true, true]);
  });

  it('rejects a horizon of 0 days at input.horizonDays', () => {
    expect(issuePaths(catchSuccessKitError(() => evaluateScorecard(seats, { ...handInput, horizonDays: 0 })))).toEqual([
      'input.horizonDays',
    ]);
  });
});

describe('suggestWeights', () => {
  it('proposes weights summing to 100 from the protective measures, deterministically for a seed', () => {
    const suggestion = suggestWeights(defaultScorecard, { ...sample, seed: 3 });
    expect(suggestion).toEqual(suggestWeights(defaultScorecard, { ...sample, seed: 3 }));
    expect(Math.round(suggestion.weights.reduce((sum, entry) => sum + entry.weight, 0))).toBe(100);
    expect(suggestion.weights.filter((entry) => entry.coefficient >= 0).map((entry) => entry.weight)).toEqual(
      suggestion.weights.filter((entry) => entry.coefficient >= 0).map(() => 0),
    );
    expect(suggestion.trainAccounts + suggestion.holdoutAccounts).toBe(
      evaluateScorecard(defaultScorecard, sample).accounts,
    );
    expect(suggestion.scorecard?.id).toBe('default-suggested');
    expect(suggestion.auc.before?.churned).toBe(suggestion.auc.after?.churned);
  });

  it('fails with fit_failed when the training accounts hold one class only', () => {
    const error = catchSuccessKitError(() =>
      suggestWeights(seats, {
        ...handInput,
        outcomes: handInput.outcomes.map((outcome) => ({ ...outcome, churnDate: null })),
      }),
    );
    expect(error.code).toBe('fit_failed');
  });
});
