import { runAdderOf, runLength, type RunAdder, type ScoredField } from './field-readers.js';
import type { MeasureModel, ScorecardModel } from './scorecard-model.js';

/** How the compiled object path adds a block's whole groups: runs of measures scored in one visit of each snapshot. @internal */
export interface ObjectRuns {
  /** By measure index: the adder of the run that starts at the measure, or null. */
  readonly startingAt: readonly (RunAdder | null)[];
  /** By measure index: 1 when the run of an earlier measure adds it. */
  readonly added: Uint8Array;
}

/**
 * Splits each group into runs of up to {@link runLength} measures one after
 * another whose field the readers read (one property, numbers or yes/no);
 * other measures are added one by one through their scorer.
 *
 * @internal
 */
export function objectRuns(model: ScorecardModel): ObjectRuns {
  const startingAt: (RunAdder | null)[] = model.measures.map(() => null);
  const added = new Uint8Array(model.measures.length);
  let slot = 0;
  for (const group of model.groups) {
    let run: MeasureModel[] = [];
    const close = (): void => {
      const first = run[0];
      const adder = first === undefined ? null : runAdderOf(slot, run.map(scoredField));
      if (first !== undefined && adder !== null) {
        slot++;
        startingAt[first.index] = adder;
        for (const measure of run.slice(1)) added[measure.index] = 1;
      }
      run = [];
    };
    for (const index of group.measures) {
      const measure = model.measures[index];
      if (measure === undefined) continue;
      if (measure.readField === null) close();
      else {
        run.push(measure);
        if (run.length === runLength) close();
      }
    }
    close();
  }
  return { startingAt, added };
}

function scoredField(measure: MeasureModel): ScoredField {
  return {
    field: measure.field,
    isYesNo: measure.scoring.type === 'boolean',
    points: measure.numberPoints,
    weight: measure.weight,
  };
}
