import { describe, expect, it } from 'vitest';
import { defineRule } from '../../src/rules/index';
import { extendFields, snapshotFields } from '../../src/snapshot/index';
import {
  defaultArrBreakpoints,
  defaultSegmentation,
  defaultTouchTiers,
  defineSegmentation,
  monthlyHoursPerAccount,
  type SegmentationInput,
} from '../../src/segments/index';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { deepFreeze } from '../freeze';

const two: SegmentationInput = {
  segments: [
    { id: 'key', name: 'Key', tier: 'high', rule: { field: 'arr', op: 'gte', value: 100_000 }, activities: [] },
    { id: 'rest', name: 'Rest', tier: 'tech', fallback: true, activities: [] },
  ],
};

function failure(input: unknown): [string, string[], string | undefined] {
  const error = catchSuccessKitError(() => defineSegmentation(input as SegmentationInput));
  return [error.code, issuePaths(error), error.issues[0]?.message];
}

describe('defineSegmentation', () => {
  it('returns a frozen copy with the default tiers and fallback filled in', () => {
    const segmentation = defineSegmentation(two);
    expect(segmentation.tiers).toEqual(['high', 'low', 'tech']);
    expect(segmentation.segments.map((segment) => [segment.id, segment.fallback, segment.rule])).toEqual([
      ['key', false, { field: 'arr', op: 'gte', value: 100_000 }],
      ['rest', true, null],
    ]);
    expect([Object.isFrozen(segmentation), Object.isFrozen(segmentation.segments[0]?.activities)]).toEqual([
      true,
      true,
    ]);
    expect(segmentation.segments[0]).not.toBe(two.segments[0]);
  });

  it('accepts what it returned, and a deep-frozen input, unchanged', () => {
    const frozen = deepFreeze(structuredClone(two));
    const once = defineSegmentation(frozen);
    expect(defineSegmentation(once)).toEqual(once);
    expect(frozen).toEqual(two);
  });

  it('rejects two segments with one id', () => {
    const input = { segments: [two.segments[0], { ...two.segments[0] }, two.segments[1]] };
    expect(failure(input)).toEqual(['invalid_definition', ['segments[1].id'], 'segment id "key" is used twice']);
  });

  it('rejects a segmentation without a fallback', () => {
    expect(failure({ segments: [two.segments[0]] })).toEqual([
      'invalid_definition',
      ['segments[0].fallback'],
      'the last segment must be the fallback (fallback: true), which catches every account no earlier segment took',
    ]);
  });

  it('rejects a fallback before the last segment, and a second fallback', () => {
    const early = { segments: [two.segments[1], two.segments[0], { ...two.segments[1], id: 'other' }] };
    expect(failure(early)[0]).toBe('invalid_definition');
    expect(failure(early)[1]).toEqual(['segments[0].fallback']);
  });

  it('rejects a fallback with a rule and a segment without one', () => {
    const ruledFallback = { segments: [{ ...two.segments[1], rule: { field: 'arr', op: 'gte', value: 1 } }] };
    expect(failure(ruledFallback)).toEqual([
      'invalid_definition',
      ['segments[0].rule'],
      'the fallback segment takes every account left, so it has no rule',
    ]);
    const ruleless = { segments: [{ id: 'a', name: 'A', tier: 'high', activities: [] }, two.segments[1]] };
    expect(failure(ruleless)).toEqual([
      'invalid_definition',
      ['segments[0].rule'],
      'a segment other than the fallback needs a rule',
    ]);
  });

  it('rejects a tier it does not list and a tier listed twice', () => {
    expect(failure({ segments: [{ ...two.segments[1], tier: 'platinum' }] })).toEqual([
      'invalid_definition',
      ['segments[0].tier'],
      'unknown tier "platinum": the tiers are "high", "low", "tech"',
    ]);
    expect(failure({ ...two, tiers: ['high', 'tech', 'high'] })).toEqual([
      'invalid_definition',
      ['tiers[2]'],
      'tier "high" is listed twice',
    ]);
  });

  it('takes the tiers a host lists', () => {
    const segmentation = defineSegmentation({
      tiers: ['strategic', 'scale'],
      segments: [{ ...two.segments[0], tier: 'strategic' } as never, { ...two.segments[1], tier: 'scale' } as never],
    });
    expect(segmentation.segments.map((segment) => segment.tier)).toEqual(['strategic', 'scale']);
  });

  it('rejects two activities of a segment with one id', () => {
    const activity = { id: 'qbr', name: 'QBR', delivery: 'csm', perYear: 4, hours: 6 } as const;
    expect(failure({ segments: [{ ...two.segments[1], activities: [activity, activity] }] })).toEqual([
      'invalid_definition',
      ['segments[0].activities[1].id'],
      'activity id "qbr" is used twice',
    ]);
  });

  it('checks rules against the snapshot fields, with the path of the segment', () => {
    const typo = { segments: [{ ...two.segments[0], rule: { field: 'arrr', op: 'gte', value: 1 } }, two.segments[1]] };
    expect(failure(typo)).toEqual([
      'invalid_rule',
      ['segments[0].rule.field'],
      'unknown field "arrr" (did you mean "arr"?)',
    ]);
  });

  it('checks rules against a catalog the host passes', () => {
    const fields = extendFields(snapshotFields, { 'attributes.tier': { type: 'string', label: 'Contract tier' } });
    const input = {
      segments: [{ ...two.segments[0], rule: { field: 'attributes.tier', op: 'eq', value: 'gold' } }, two.segments[1]],
    };
    expect(defineSegmentation(input as SegmentationInput, { fields }).segments[0]?.rule).toEqual(
      defineRule({ field: 'attributes.tier', op: 'eq', value: 'gold' }),
    );
    expect(failure(input)[0]).toBe('invalid_rule');
  });

  it('rejects a rule that compares with a previous snapshot', () => {
    const input = {
      segments: [
        {
          ...two.segments[0],
          rule: {
            any: [{ field: 'arr', op: 'gte', value: 1 }, { not: { field: 'arr', op: 'increasedBy', value: 5 } }],
          },
        },
        two.segments[1],
      ],
    };
    expect(failure(input)).toEqual([
      'invalid_definition',
      ['segments[0].rule.any[1].not.op'],
      'increasedBy compares with a previous snapshot, but a segment is decided on one snapshot; segment on the field itself',
    ]);
  });

  it('rejects a wrong shape and options that are not an object', () => {
    expect(failure({ segments: [] })[0]).toBe('invalid_input');
    expect(failure(null)[0]).toBe('invalid_input');
    const options = catchSuccessKitError(() => defineSegmentation(two, null as never));
    expect([options.code, issuePaths(options)]).toEqual(['invalid_input', ['options']]);
  });
});

describe('defaultSegmentation', () => {
  it('holds three tiers by ARR at the documented breakpoints', () => {
    expect(defaultTouchTiers).toEqual(['high', 'low', 'tech']);
    expect(defaultSegmentation.segments.map((segment) => [segment.id, segment.tier, segment.rule])).toEqual([
      ['high-touch', 'high', { field: 'arr', op: 'gte', value: defaultArrBreakpoints.high }],
      ['low-touch', 'low', { field: 'arr', op: 'gte', value: defaultArrBreakpoints.low }],
      ['tech-touch', 'tech', null],
    ]);
  });

  it('takes 70, 14 and 0.5 CSM hours a year per account in its three tiers', () => {
    const monthly = defaultSegmentation.segments.map((segment) => monthlyHoursPerAccount(segment.activities));
    expect(monthly.map((hours) => Math.round(hours * 12 * 1000) / 1000)).toEqual([70, 14, 0.5]);
  });

  it('passes its own definition', () => {
    expect(defineSegmentation(JSON.parse(JSON.stringify(defaultSegmentation)) as SegmentationInput)).toEqual(
      defaultSegmentation,
    );
  });
});

describe('monthlyHoursPerAccount', () => {
  it('is the yearly hours of the activities over 12', () => {
    expect(
      monthlyHoursPerAccount([
        { id: 'a', name: 'A', delivery: 'csm', perYear: 4, hours: 6 },
        { id: 'b', name: 'B', delivery: 'automated', perYear: 52, hours: 0 },
      ]),
    ).toBe(2);
  });

  it('rejects an activity of negative hours with its path', () => {
    const error = catchSuccessKitError(() =>
      monthlyHoursPerAccount([{ id: 'a', name: 'A', delivery: 'csm', perYear: 4, hours: -1 }]),
    );
    expect([error.code, issuePaths(error)]).toEqual(['invalid_input', ['activities[0].hours']]);
  });
});
