import { describe, expectTypeOf, it } from 'vitest';
import {
  compileScorecard,
  defaultScorecard,
  defineScorecard,
  scoreAccount,
  scoreColumns,
  type BandPath,
  type HealthColumns,
  type HealthScore,
  type PreviousHealth,
  type Scorecard,
  type ScorecardInput,
} from '../../src/health/index';
import type { AccountSnapshot } from '../../src/snapshot/index';

describe('health types', () => {
  it('brands what defineScorecard returns and accepts plain input where a scorecard goes', () => {
    expectTypeOf(defineScorecard).returns.toEqualTypeOf<Scorecard>();
    expectTypeOf(defaultScorecard).toEqualTypeOf<Scorecard>();
    expectTypeOf<ScorecardInput>().not.toExtend<Scorecard>();
    expectTypeOf(scoreAccount).parameter(0).toEqualTypeOf<Scorecard | ScorecardInput>();
  });

  it('scores account snapshots and lets a result be the next previous', () => {
    expectTypeOf<AccountSnapshot>().toExtend<Parameters<typeof scoreAccount>[1]>();
    expectTypeOf<HealthScore>().toExtend<PreviousHealth>();
    expectTypeOf<HealthScore['score']>().toEqualTypeOf<number | null>();
    expectTypeOf<HealthScore['trend']>().toEqualTypeOf<{
      readonly direction: 'up' | 'down' | 'flat';
      readonly delta: number;
    } | null>();
  });

  it('gives typed arrays from the fast paths and a tagged union from pathToBand', () => {
    expectTypeOf(scoreColumns).returns.toEqualTypeOf<HealthColumns>();
    expectTypeOf(compileScorecard(defaultScorecard).scores).returns.toEqualTypeOf<HealthColumns>();
    expectTypeOf<Extract<BandPath, { reachable: false }>['reason']>().toEqualTypeOf<'overridden' | 'unreachable'>();
  });
});
