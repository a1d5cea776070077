import fc from 'fast-check';
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { CalendarDate, Money } from '../../src/core/index';
import { compileRule } from '../../src/rules/index';
import {
  capacityPlan,
  defineSegmentation,
  segmentAccounts,
  whatIf,
  type SegmentableSnapshot,
} from '../../src/segments/index';
import { deepFreeze } from '../freeze';

const regions = ['emea', 'amer', 'apac'] as const;
const plans = ['starter', 'pro', 'enterprise'] as const;

const snapshot = fc.record({
  id: fc.string({ minLength: 1, maxLength: 6 }),
  asOf: fc.constantFrom('2026-06-30', '2026-03-31'),
  arr: fc.option(fc.integer({ min: 0, max: 2_000_000 }), { nil: null }),
  region: fc.option(fc.constantFrom(...regions), { nil: null }),
  plan: fc.constantFrom(...plans),
  renewalDate: fc.constantFrom('2026-07-15', '2026-12-31', null),
});

const threshold = fc.integer({ min: 0, max: 1_000_000 });
const activity = fc.record({
  id: fc.constant('work'),
  name: fc.constant('Work'),
  delivery: fc.constantFrom('csm' as const, 'automated' as const),
  perYear: fc.integer({ min: 0, max: 52 }),
  hours: fc.double({ min: 0, max: 20, noNaN: true }),
});

/** A segmentation of 1–4 ruled segments over ARR, region, plan and renewal, plus the fallback. */
const segmentation = fc
  .array(
    fc.oneof(
      threshold.map((value) => ({ field: 'arr', op: 'gte', value })),
      fc.constantFrom(...regions).map((value) => ({ field: 'region', op: 'eq', value })),
      fc.constantFrom(...plans).map((value) => ({ field: 'plan', op: 'ne', value })),
      fc.constant({ field: 'renewalDate', op: 'withinNextDays', value: 30 }),
    ),
    { minLength: 1, maxLength: 4 },
  )
  .chain((rules) =>
    fc.array(activity, { minLength: rules.length + 1, maxLength: rules.length + 1 }).map((activities) =>
      defineSegmentation({
        segments: [
          ...rules.map((rule, index) => ({
            id: `s${String(index)}`,
            name: `Segment ${String(index)}`,
            tier: (['high', 'low', 'tech'] as const)[index % 3] ?? 'high',
            rule: rule as never,
            activities: [activities[index] ?? { id: 'w', name: 'W', delivery: 'csm' as const, perYear: 1, hours: 1 }],
          })),
          {
            id: 'rest',
            name: 'Rest',
            tier: 'tech',
            fallback: true,
            activities: [
              activities[rules.length] ?? { id: 'w', name: 'W', delivery: 'csm' as const, perYear: 1, hours: 1 },
            ],
          },
        ],
      }),
    ),
  );

const team = fc.record({
  csmCount: fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 50, noNaN: true })),
  hoursPerCsmPerMonth: fc.oneof(fc.constant(0), fc.double({ min: 1, max: 200, noNaN: true })),
  costPerCsm: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 300_000 })),
});

/** Numbers in a value that are not finite. */
function nonFinite(value: unknown): string[] {
  const found: string[] = [];
  JSON.stringify(value, (key, inner: unknown) => {
    if (typeof inner === 'number' && !Number.isFinite(inner)) found.push(key);
    return inner;
  });
  return found;
}

describe('segments properties', () => {
  it('puts every account in exactly one segment: the first whose rule holds, else the fallback', () => {
    fc.assert(
      fc.property(segmentation, fc.array(snapshot, { maxLength: 40 }), (defined, snapshots) => {
        const segmented = segmentAccounts(defined, snapshots);
        const predicates = defined.segments.map((segment) =>
          segment.rule === null ? () => true : compileRule(segment.rule),
        );
        const expected = snapshots.map((record) => {
          const index = predicates.findIndex((holds) => holds(record, { asOf: record.asOf as CalendarDate }));
          return defined.segments[index]?.id;
        });
        expect(segmented.accounts.map((assignment) => assignment.segmentId)).toEqual(expected);
        expect(segmented.accounts.map((assignment) => assignment.accountId)).toEqual(
          snapshots.map((record) => record.id),
        );
      }),
    );
  });

  it('counts accounts and ARR that sum to the totals, with shares from 0 to 1', () => {
    fc.assert(
      fc.property(segmentation, fc.array(snapshot, { maxLength: 40 }), (defined, snapshots) => {
        const segmented = segmentAccounts(defined, snapshots);
        const arr = snapshots.reduce((sum, record) => sum + (record.arr ?? 0), 0);
        const sums = (list: readonly { accounts: number; arr: number }[]): [number, number] => [
          list.reduce((sum, item) => sum + item.accounts, 0),
          list.reduce((sum, item) => sum + item.arr, 0),
        ];
        expect(sums(segmented.segments)).toEqual([snapshots.length, arr]);
        expect(sums(segmented.tiers)).toEqual([snapshots.length, arr]);
        expect(segmented.totals).toEqual({
          accounts: snapshots.length,
          arr,
          accountsWithoutArr: snapshots.filter((record) => record.arr === null).length,
        });
        const shares = segmented.segments.flatMap((segment) => [segment.accountShare ?? 0, segment.arrShare ?? 0]);
        expect(shares.filter((share) => share < 0 || share > 1 + 1e-12)).toEqual([]);
      }),
    );
  });

  it('never mutates the segmentation, the snapshots or the plan', () => {
    fc.assert(
      fc.property(segmentation, fc.array(snapshot, { maxLength: 20 }), team, (defined, snapshots, members) => {
        const copy = structuredClone(snapshots);
        const frozen = deepFreeze(structuredClone(snapshots)) as SegmentableSnapshot[];
        const segmented = segmentAccounts(defined, frozen, { explain: true });
        const plan = capacityPlan(segmented, deepFreeze({ team: members }));
        whatIf(deepFreeze(plan), { addCsms: 1 });
        expect(frozen).toEqual(copy);
      }),
      { numRuns: 50 },
    );
  });

  it('plans without NaN or Infinity, with coverage and shares from 0 to 1, for any team', () => {
    fc.assert(
      fc.property(segmentation, fc.array(snapshot, { maxLength: 40 }), team, (defined, snapshots, members) => {
        const plan = capacityPlan(segmentAccounts(defined, snapshots), { team: members });
        expect(nonFinite(plan)).toEqual([]);
        const shares = plan.segments.flatMap((segment) => [segment.coverage ?? 0, segment.arrShare.value ?? 0]);
        expect(shares.filter((share) => share < 0 || share > 1 + 1e-12)).toEqual([]);
        const assigned = plan.segments.reduce((sum, segment) => sum + segment.csmsAssigned, 0);
        expect(assigned).toBeLessThanOrEqual(members.csmCount + 1e-9);
      }),
    );
  });

  it('accepts exactly the snapshots whose id, asOf and arr the schema accepts', () => {
    const Read = z.looseObject({ id: z.string(), asOf: CalendarDate, arr: z.nullable(Money) });
    const loose = fc.record({
      id: fc.oneof(fc.string({ maxLength: 3 }), fc.integer(), fc.constant(undefined)),
      asOf: fc.oneof(fc.constantFrom('2026-06-30', '2026-02-30', '2026-6-30', ''), fc.integer()),
      arr: fc.oneof(fc.constant(null), fc.double(), fc.string(), fc.constant(undefined)),
    });
    fc.assert(
      fc.property(loose, (record) => {
        let accepted = true;
        try {
          segmentAccounts(
            defineSegmentation({
              segments: [{ id: 'all', name: 'All', tier: 'tech', fallback: true, activities: [] }],
            }),
            [record as never],
          );
        } catch {
          accepted = false;
        }
        expect(accepted).toBe(z.safeParse(Read, record).success);
      }),
    );
  });
});
