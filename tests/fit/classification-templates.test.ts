import { describe, expect, it } from 'vitest';
import { classifyFit, defineFitModel } from '../../src/fit/index';

const fields = Object.fromEntries(Array.from({ length: 30 }, (_, index) => [`f${String(index)}`, 'number' as const]));
const criterion = (index: number) => ({
  id: `c${String(index)}`,
  label: `C${String(index)}`,
  weight: 1,
  rule: { field: `f${String(index)}`, op: 'gte', value: 0 } as const,
});

describe('classifications shared between accounts with the same answers', () => {
  const model = defineFitModel(
    {
      criteria: [0, 1, 2].map(criterion),
      thresholds: { perfect: 1, good: 0.5 },
      dealBreakers: [
        { id: 'd1', label: 'D1', rule: { field: 'f28', op: 'gte', value: 0 } },
        { id: 'd2', label: 'D2', rule: { field: 'f29', op: 'gte', value: 0 } },
      ],
    },
    { fields },
  );

  it('gives each account its own id and day, and the same frozen lists for the same answers', () => {
    const first = classifyFit(model, { id: 'a', asOf: '2026-06-30', f0: 1, f1: -1, f2: 1, f28: -1, f29: -1 });
    const second = classifyFit(model, { id: 'b', asOf: '2026-07-31', f0: 5, f1: -3, f2: 2, f28: -1, f29: -1 });
    expect([first.accountId, second.accountId, first.asOf, second.asOf]).toEqual([
      'a',
      'b',
      '2026-06-30',
      '2026-07-31',
    ]);
    expect(second.met).toBe(first.met);
    expect(second.explanation).toBe(first.explanation);
    expect(Object.isFrozen(first.met) && Object.isFrozen(first.explanation.contributions)).toBe(true);
    expect(first.met).toEqual(['c0', 'c2']);
  });

  it('says how many deal-breakers are still unknown', () => {
    const result = classifyFit(model, { f0: 1, f1: 1, f2: 1 });
    expect(result.explanation.summary).toBe(
      'Provisionally perfect fit (score 1.00–1.00; perfect or bad still possible): 3 of 3 criteria met, 0 unknown, 2 deal-breakers unknown; next card: D1',
    );
  });

  it('classifies a model of more than 26 conditions without keeping templates, the same way', () => {
    const large = defineFitModel(
      { criteria: Array.from({ length: 30 }, (_, index) => criterion(index)), thresholds: { perfect: 0.9, good: 0.5 } },
      { fields },
    );
    const snapshot = Object.fromEntries(
      Array.from({ length: 30 }, (_, index) => [`f${String(index)}`, index < 27 ? 1 : -1]),
    );
    const result = classifyFit(large, snapshot);
    expect([result.fitClass, result.provisional, result.met.length]).toEqual(['perfect', false, 27]);
    expect(classifyFit(large, snapshot).met).not.toBe(result.met);
    expect(classifyFit(large, snapshot)).toEqual(result);
  });

  it('keeps classifying correctly once the model holds its most templates', () => {
    const many = defineFitModel(
      { criteria: Array.from({ length: 13 }, (_, index) => criterion(index)), thresholds: { perfect: 0.9, good: 0.5 } },
      { fields },
    );
    // 3^8 = 6,561 distinct answer patterns over eight criteria, more than the 4,096 templates kept.
    let checked = 0;
    for (let pattern = 0; pattern < 6561; pattern++) {
      const snapshot: Record<string, number | null> = {};
      let rest = pattern;
      let met = 0;
      for (let index = 0; index < 13; index++) {
        const answer = index < 8 ? rest % 3 : 1;
        if (index < 8) rest = Math.floor(rest / 3);
        snapshot[`f${String(index)}`] = answer === 0 ? -1 : answer === 1 ? 1 : null;
        if (answer === 1) met++;
      }
      const result = classifyFit(many, snapshot);
      if (result.met.length === met) checked++;
    }
    expect(checked).toBe(6561);
  });
});
