import { describe, expectTypeOf, it } from 'vitest';
import {
  classifyPace,
  defaultBaseline,
  milestoneProgress,
  stackRank,
  type Baseline,
  type BaselineInput,
  type BaselineSnapshotInput,
  type MilestoneProgress,
  type MilestoneStatus,
  type PaceClass,
} from '../../src/baseline/index';
import type { AccountSnapshot } from '../../src/snapshot/index';

describe('baseline types', () => {
  it('takes whole account snapshots and plain-string snapshots alike', () => {
    expectTypeOf<AccountSnapshot>().toExtend<BaselineSnapshotInput>();
    expectTypeOf(milestoneProgress).parameter(1).toEqualTypeOf<BaselineSnapshotInput>();
  });

  it('brands defined baselines: plain input is not a Baseline, and defineBaseline takes both', () => {
    expectTypeOf<BaselineInput>().not.toExtend<Baseline>();
    expectTypeOf(defaultBaseline).toEqualTypeOf<Baseline>();
    expectTypeOf(milestoneProgress).parameter(0).toEqualTypeOf<Baseline | BaselineInput>();
  });

  it('names every status and pace class as a union of literals', () => {
    expectTypeOf<MilestoneStatus>().toEqualTypeOf<
      'achieved-early' | 'achieved-on-time' | 'achieved-late' | 'due' | 'overdue' | 'upcoming'
    >();
    expectTypeOf(classifyPace).returns.toHaveProperty('pace').toEqualTypeOf<PaceClass>();
    expectTypeOf(stackRank).parameter(0).toEqualTypeOf<readonly MilestoneProgress[]>();
  });
});
