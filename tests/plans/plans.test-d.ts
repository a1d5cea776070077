import { describe, expectTypeOf, it } from 'vitest';
import type { CalendarDate } from '../../src/core/index';
import {
  advanceRecovery,
  defineAccountPlan,
  defineSuccessGoal,
  openRecovery,
  reviewAccountPlan,
  type AccountPlan,
  type AccountPlanInput,
  type DefinedAccountPlan,
  type DefinedRecoveryCase,
  type DefinedSuccessGoal,
  type PlanFindingCode,
  type RecoveryCase,
  type SuccessGoal,
} from '../../src/plans/index';

describe('plans types', () => {
  it('brands what define returns, and accepts it where the input is expected', () => {
    expectTypeOf(defineAccountPlan).returns.toEqualTypeOf<DefinedAccountPlan>();
    expectTypeOf<DefinedAccountPlan>().toExtend<AccountPlan>();
    expectTypeOf<AccountPlan>().not.toExtend<DefinedAccountPlan>();
    expectTypeOf(defineSuccessGoal).returns.toEqualTypeOf<DefinedSuccessGoal>();
    expectTypeOf<DefinedSuccessGoal>().toExtend<SuccessGoal>();
    expectTypeOf(advanceRecovery).returns.toEqualTypeOf<DefinedRecoveryCase>();
    expectTypeOf(openRecovery).returns.toExtend<RecoveryCase>();
  });

  it('accepts plans written as const', () => {
    const plan = { id: 'p', accountId: 'a', contacts: [{ id: 'ana', name: 'Ana', role: 'champion' }] } as const;
    expectTypeOf(plan).toExtend<AccountPlanInput>();
    expectTypeOf(reviewAccountPlan(plan, { asOf: '2026-06-30' }).asOf).toEqualTypeOf<CalendarDate>();
  });

  it('names findings by a closed set of codes', () => {
    expectTypeOf<PlanFindingCode>().toExtend<string>();
    expectTypeOf<'no_champion'>().toExtend<PlanFindingCode>();
    expectTypeOf<'champion_missing'>().not.toExtend<PlanFindingCode>();
  });
});
