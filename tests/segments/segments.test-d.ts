import { describe, expectTypeOf, it } from 'vitest';
import type { DefinedRule } from '../../src/rules/index';
import type { AccountSnapshot } from '../../src/snapshot/index';
import {
  capacityPlan,
  defaultSegmentation,
  defineSegmentation,
  segmentAccounts,
  segmentChanges,
  suggestSegmentation,
  whatIf,
  type CapacityFinding,
  type CapacityPlan,
  type Segment,
  type SegmentableSnapshot,
  type SegmentChanges,
  type SegmentedAccounts,
  type Segmentation,
  type SuggestedSegmentation,
  type WhatIf,
} from '../../src/segments/index';

describe('segments types', () => {
  it('defines a branded segmentation whose rules are defined rules', () => {
    expectTypeOf(defineSegmentation).returns.toEqualTypeOf<Segmentation>();
    expectTypeOf<Segment['rule']>().toEqualTypeOf<DefinedRule | null>();
    expectTypeOf(defaultSegmentation).toEqualTypeOf<Segmentation>();
  });

  it('segments account snapshots and plain records with id, asOf and arr', () => {
    expectTypeOf<AccountSnapshot>().toExtend<SegmentableSnapshot>();
    expectTypeOf(segmentAccounts).returns.toEqualTypeOf<SegmentedAccounts>();
    expectTypeOf(segmentAccounts).toBeCallableWith(defaultSegmentation, [{ id: 'a', asOf: '2026-06-30', arr: null }]);
  });

  it('plans capacity, compares plans and segmentations', () => {
    expectTypeOf(capacityPlan).returns.toEqualTypeOf<CapacityPlan>();
    expectTypeOf(whatIf).returns.toEqualTypeOf<WhatIf>();
    expectTypeOf(segmentChanges).returns.toEqualTypeOf<SegmentChanges>();
    expectTypeOf(suggestSegmentation).returns.toEqualTypeOf<SuggestedSegmentation>();
    expectTypeOf<CapacityFinding['severity']>().toEqualTypeOf<'critical' | 'warning' | 'info'>();
  });

  it('does not take a team without its CSM count', () => {
    const segmented = segmentAccounts(defaultSegmentation, []);
    // @ts-expect-error csmCount is required
    capacityPlan(segmented, { team: { hoursPerCsmPerMonth: 100, costPerCsm: 1 } });
  });
});
