import { describe, expect, it } from 'vitest';
import { defaultBaseline, defaultToleranceDays, defineBaseline, type BaselineInput } from '../../src/baseline/index';
import { catchSuccessKitError, issuePaths } from '../catch-error';

const two: BaselineInput = {
  name: 'Two steps',
  milestones: [
    { id: 'a', name: 'A', dueDay: 5 },
    { id: 'b', name: 'B', dueDay: 30, valueTarget: 0.5 },
  ],
};

describe('defaultBaseline', () => {
  it('holds the four milestones of the seed: days 5, 10, 90 and 270, value 75% and 100% at the reviews', () => {
    expect(
      defaultBaseline.milestones.map(({ id, name, dueDay, valueTarget }) => ({ id, name, dueDay, valueTarget })),
    ).toEqual([
      { id: 'first_login', name: 'First login', dueDay: 5, valueTarget: undefined },
      { id: 'configuration_complete', name: 'Configuration complete', dueDay: 10, valueTarget: undefined },
      { id: 'ebr_1', name: 'Executive business review 1', dueDay: 90, valueTarget: 0.75 },
      { id: 'ebr_2', name: 'Executive business review 2', dueDay: 270, valueTarget: 1 },
    ]);
  });

  it('reads milestone_reached events of the same ids, with tolerances of 1, 2, 14 and 41 days and weight 1', () => {
    expect(
      defaultBaseline.milestones.map((milestone) => [milestone.evidence, milestone.toleranceDays, milestone.weight]),
    ).toEqual([
      [{ milestoneId: 'first_login' }, 1, 1],
      [{ milestoneId: 'configuration_complete' }, 2, 1],
      [{ milestoneId: 'ebr_1' }, 14, 1],
      [{ milestoneId: 'ebr_2' }, 41, 1],
    ]);
  });

  it('passes its own defineBaseline and is frozen', () => {
    expect(defineBaseline(defaultBaseline)).toEqual(defaultBaseline);
    expect(Object.isFrozen(defaultBaseline)).toBe(true);
    expect(Object.isFrozen(defaultBaseline.milestones[0])).toBe(true);
  });
});

describe('defaultToleranceDays', () => {
  it('is 15% of the due day, rounded, and at least one day', () => {
    expect([0, 1, 5, 10, 30, 90, 270, 365].map(defaultToleranceDays)).toEqual([1, 1, 1, 2, 5, 14, 41, 55]);
  });

  it('rejects a due day that is not a whole number of days >= 0', () => {
    const error = catchSuccessKitError(() => defaultToleranceDays(-1));
    expect([error.code, issuePaths(error)]).toEqual(['invalid_input', ['dueDay']]);
  });
});

describe('defineBaseline', () => {
  it('fills in evidence, tolerance and weight, and keeps what is given', () => {
    const baseline = defineBaseline({
      name: 'Custom',
      milestones: [
        { id: 'a', name: 'A', dueDay: 20, toleranceDays: 0, weight: 2, evidence: { milestoneId: 'kickoff' } },
      ],
    });
    expect(baseline.milestones).toEqual([
      { id: 'a', name: 'A', dueDay: 20, evidence: { milestoneId: 'kickoff' }, toleranceDays: 0, weight: 2 },
    ]);
  });

  it('defines an evidence rule against the snapshot fields', () => {
    const baseline = defineBaseline({
      name: 'Adoption',
      milestones: [
        {
          id: 'adopted',
          name: 'Five features',
          dueDay: 60,
          evidence: { rule: { field: 'featuresAdopted', op: 'gte', value: 5 } },
        },
      ],
    });
    expect(baseline.milestones[0]?.evidence).toEqual({ rule: { field: 'featuresAdopted', op: 'gte', value: 5 } });
  });

  it('rejects an evidence rule over a field snapshots lack, at the rule path', () => {
    const error = catchSuccessKitError(() =>
      defineBaseline({
        name: 'X',
        milestones: [{ id: 'a', name: 'A', dueDay: 1, evidence: { rule: { field: 'seats', op: 'gt', value: 1 } } }],
      }),
    );
    expect([error.code, issuePaths(error)]).toEqual(['invalid_rule', ['milestones[0].evidence.rule.field']]);
  });

  it('does not mutate or keep its input', () => {
    const input = structuredClone(two);
    const baseline = defineBaseline(input);
    expect(input).toEqual(two);
    expect(baseline).not.toBe(input);
    expect(Object.isFrozen(input)).toBe(false);
  });

  it.each([
    [
      'a duplicate id',
      { ...two, milestones: [two.milestones[0], { ...two.milestones[1], id: 'a' }] },
      'milestones[1].id',
      'duplicate milestone id "a"',
    ],
    [
      'a negative due day',
      { ...two, milestones: [{ id: 'a', name: 'A', dueDay: -1 }] },
      'milestones[0].dueDay',
      'expected a number >= 0, got -1',
    ],
    [
      'a fractional due day',
      { ...two, milestones: [{ id: 'a', name: 'A', dueDay: 1.5 }] },
      'milestones[0].dueDay',
      'expected integer, got 1.5',
    ],
    [
      'due days out of order',
      { ...two, milestones: [{ ...two.milestones[1] }, { ...two.milestones[0], valueTarget: 0.6 }] },
      'milestones[1].dueDay',
      'due days must not decrease along the milestones: day 5 after day 30',
    ],
    [
      'a value target above 1',
      { ...two, milestones: [{ id: 'a', name: 'A', dueDay: 1, valueTarget: 1.2 }] },
      'milestones[0].valueTarget',
      'expected a number <= 1, got 1.2',
    ],
    [
      'a negative value target',
      { ...two, milestones: [{ id: 'a', name: 'A', dueDay: 1, valueTarget: -0.1 }] },
      'milestones[0].valueTarget',
      'expected a number >= 0, got -0.1',
    ],
    [
      'value targets decreasing',
      {
        ...two,
        milestones: [
          { id: 'a', name: 'A', dueDay: 1, valueTarget: 0.8 },
          { id: 'b', name: 'B', dueDay: 2 },
          { id: 'c', name: 'C', dueDay: 3, valueTarget: 0.5 },
        ],
      },
      'milestones[2].valueTarget',
      'value targets must not decrease along the milestones: 0.5 after 0.8 at "a"',
    ],
    ['no milestones', { ...two, milestones: [] }, 'milestones', 'expected at least 1 item(s)'],
    ['an unknown field', { ...two, owner: 'me' }, 'owner', 'unknown field'],
  ])('rejects %s with invalid_definition at its path', (_, input, path, message) => {
    const error = catchSuccessKitError(() => defineBaseline(input as BaselineInput));
    expect(error.code).toBe('invalid_definition');
    expect(error.issues.map((issue) => [issuePaths({ issues: [issue] } as never)[0], issue.message])).toEqual([
      [path, message],
    ]);
  });

  it('accepts milestones on the same day and equal value targets', () => {
    const baseline = defineBaseline({
      name: 'Same day',
      milestones: [
        { id: 'a', name: 'A', dueDay: 5, valueTarget: 0.5 },
        { id: 'b', name: 'B', dueDay: 5, valueTarget: 0.5 },
      ],
    });
    expect(baseline.milestones.map((milestone) => milestone.dueDay)).toEqual([5, 5]);
  });

  it('rejects options that are not an object with invalid_input at options', () => {
    const error = catchSuccessKitError(() => defineBaseline(two, null as never));
    expect([error.code, issuePaths(error)]).toEqual(['invalid_input', ['options']]);
  });
});
