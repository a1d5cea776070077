import { describe, expect, it } from 'vitest';
import { classifyFit, defaultFitModel, defineFitModel } from '../../src/fit/index';
import { samplePortfolio } from '../../src/sample/index';
import { accountSnapshots } from '../../src/snapshot/index';

describe('defaultFitModel', () => {
  it('passes defineFitModel as written, with 15 points of weight over 9 criteria and 2 deal-breakers', () => {
    const again = defineFitModel(JSON.parse(JSON.stringify(defaultFitModel)) as never);
    expect(again).toEqual(defaultFitModel);
    expect(defaultFitModel.criteria.reduce((sum, criterion) => sum + criterion.weight, 0)).toBe(15);
    expect(defaultFitModel.dealBreakers.map((breaker) => breaker.id)).toEqual([
      'out-of-scope-demands',
      'seats-abandoned',
    ]);
  });

  it('knows nothing about fit on the first day but the deal-breaker counts', () => {
    const result = classifyFit(defaultFitModel, {
      tenureDays: 0,
      milestones: {},
      featureRequestsOutOfScope: 0,
      csatSatisfiedShare: null,
      lastNpsCategory: null,
    });
    expect(result.met).toEqual([]);
    expect(result.unknown).toHaveLength(9);
    expect(result.unknownDealBreakers).toEqual(['seats-abandoned']);
    expect(result.possibleClasses).toEqual(['perfect', 'good', 'bad']);
  });

  it('finds every class, final and provisional, in the sample book, and folds accounts demanding out-of-scope work', () => {
    const { snapshots } = accountSnapshots(samplePortfolio({ accounts: 1000, seed: 1, asOf: '2026-06-30' }));
    const results = snapshots.map((snapshot) => classifyFit(defaultFitModel, snapshot));
    const kinds = new Set(results.map((result) => `${result.fitClass}${result.provisional ? '?' : ''}`));
    expect([...kinds].sort()).toEqual(['bad', 'bad?', 'good', 'good?', 'perfect', 'perfect?']);
    const demanding = results.filter((_, index) => (snapshots[index]?.featureRequestsOutOfScope ?? 0) >= 2);
    expect(demanding.filter((result) => result.fitClass !== 'bad' || result.provisional)).toEqual([]);
  });
});
