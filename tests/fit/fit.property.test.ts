import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyFit, defineFitModel, type FitClassification, type FitModel } from '../../src/fit/index';

// Models over fields c0…c5 (criteria) and d0, d1 (deal-breakers); a field holds 1 (its rule holds),
// -1 (it does not) or null (unknown). Revealing a field turns a null into 1 or -1.
const fields = Object.fromEntries(
  [...Array.from({ length: 6 }, (_, index) => `c${String(index)}`), 'd0', 'd1'].map((name) => [
    name,
    'number' as const,
  ]),
);

const modelArbitrary = fc
  .record({
    weights: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 6 }),
    breakers: fc.integer({ min: 0, max: 2 }),
    good: fc.double({ min: 0.05, max: 0.85, noNaN: true }),
    gap: fc.double({ min: 0.05, max: 0.5, noNaN: true }),
  })
  .map(({ weights, breakers, good, gap }) =>
    defineFitModel(
      {
        criteria: weights.map((weight, index) => ({
          id: `c${String(index)}`,
          label: `C${String(index)}`,
          weight,
          rule: { field: `c${String(index)}`, op: 'gte', value: 0 },
        })),
        thresholds: { perfect: Math.min(1, good + gap), good },
        dealBreakers: Array.from({ length: breakers }, (_, index) => ({
          id: `d${String(index)}`,
          label: `D${String(index)}`,
          rule: { field: `d${String(index)}`, op: 'gte', value: 0 },
        })),
      },
      { fields },
    ),
  );

const answer = fc.constantFrom(1, -1);
const cell = fc.constantFrom<number | null>(1, -1, null);

/** A model, a snapshot with unknowns, and the order and answers in which they are revealed. */
const scenario = modelArbitrary.chain((model) =>
  fc.record({
    model: fc.constant(model),
    cells: fc.array(cell, { minLength: 8, maxLength: 8 }),
    answers: fc.array(answer, { minLength: 8, maxLength: 8 }),
    order: fc.shuffledSubarray([0, 1, 2, 3, 4, 5, 6, 7], { minLength: 8, maxLength: 8 }),
  }),
);

const names = ['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'd0', 'd1'];
const snapshotOf = (cells: readonly (number | null)[]) =>
  Object.fromEntries(names.map((name, index) => [name, cells[index] ?? null]));

/** The classifications as the unknown cells are revealed one by one, in `order`. */
function reveal(
  model: FitModel,
  cells: readonly (number | null)[],
  answers: readonly number[],
  order: readonly number[],
): FitClassification[] {
  const current = [...cells];
  const steps = [classifyFit(model, snapshotOf(current))];
  for (const index of order) {
    if (current[index] !== null) continue;
    current[index] = answers[index] ?? 1;
    steps.push(classifyFit(model, snapshotOf(current)));
  }
  return steps;
}

const tolerance = 1e-12;

describe('classifyFit properties', () => {
  it('revealing a criterion never widens the score interval or the classes still possible', () => {
    fc.assert(
      fc.property(scenario, ({ model, cells, answers, order }) => {
        const steps = reveal(model, cells, answers, order);
        const widened: string[] = [];
        for (let step = 1; step < steps.length; step++) {
          const before = steps[step - 1]!;
          const after = steps[step]!;
          if (
            after.scoreRange[0] < before.scoreRange[0] - tolerance ||
            after.scoreRange[1] > before.scoreRange[1] + tolerance
          ) {
            widened.push(
              `step ${String(step)}: ${JSON.stringify(before.scoreRange)} → ${JSON.stringify(after.scoreRange)}`,
            );
          }
          const extra = after.possibleClasses.filter((fitClass) => !before.possibleClasses.includes(fitClass));
          if (extra.length > 0) widened.push(`step ${String(step)}: ${extra.join(', ')} became possible`);
        }
        expect(widened).toEqual([]);
      }),
    );
  });

  it('the final class is one of the classes possible at every earlier step', () => {
    fc.assert(
      fc.property(scenario, ({ model, cells, answers, order }) => {
        const steps = reveal(model, cells, answers, order);
        const last = steps.at(-1)!;
        expect(last.provisional).toBe(false);
        expect(steps.filter((step) => !step.possibleClasses.includes(last.fitClass))).toEqual([]);
      }),
    );
  });

  it('fitClass is always possible, the interval is in 0–1, and each card’s answers leave exactly the classes it names', () => {
    fc.assert(
      fc.property(scenario, ({ model, cells }) => {
        const result = classifyFit(model, snapshotOf(cells));
        expect(result.possibleClasses).toContain(result.fitClass);
        expect(result.provisional).toBe(result.possibleClasses.length > 1);
        const [min, max] = result.scoreRange;
        expect(0 <= min && min <= max && max <= 1).toBe(true);
        for (const card of result.decidingCriteria) {
          const index = names.indexOf(card.id);
          for (const [value, expected] of [
            [1, card.ifTrue],
            [-1, card.ifFalse],
          ] as const) {
            const revealed = [...cells];
            revealed[index] = value;
            expect(classifyFit(model, snapshotOf(revealed)).possibleClasses).toEqual(expected);
          }
          expect(card.decides).toBe(card.ifTrue.length === 1 && card.ifFalse.length === 1);
        }
      }),
    );
  });

  it('never mutates the model or the snapshot', () => {
    fc.assert(
      fc.property(scenario, ({ model, cells }) => {
        const snapshot = snapshotOf(cells);
        const copy = structuredClone(snapshot);
        const modelCopy = JSON.stringify(model);
        classifyFit(model, snapshot);
        expect(snapshot).toEqual(copy);
        expect(JSON.stringify(model)).toBe(modelCopy);
      }),
    );
  });
});
