import { describe, expect, it } from 'vitest';
import { defineFitModel, type FitModelInput } from '../../src/fit/index';
import { extendFields, snapshotFields } from '../../src/snapshot/index';
import { catchSuccessKitError, issuePaths } from '../catch-error';

const usage = { field: 'licenseUtilization', op: 'gte', value: 0.6 } as const;
const valid: FitModelInput = {
  criteria: [
    { id: 'size', label: 'Mid-size', weight: 1, rule: { field: 'employees', op: 'between', value: [50, 5000] } },
    { id: 'usage', label: 'Seats in use', weight: 2, rule: usage, knownFrom: { tenureDays: 60 } },
  ],
  thresholds: { perfect: 0.9, good: 0.5 },
  dealBreakers: [
    { id: 'scope', label: 'Out of scope', rule: { field: 'featureRequestsOutOfScope', op: 'gte', value: 3 } },
  ],
};

describe('defineFitModel', () => {
  it('fills in the id, label and knownFrom defaults and freezes a copy', () => {
    const model = defineFitModel(valid);
    expect(model.id).toBe('fit');
    expect(model.label).toBe('Customer fit');
    expect(model.criteria.map((criterion) => criterion.knownFrom)).toEqual(['signup', { tenureDays: 60 }]);
    expect(model.dealBreakers[0]?.knownFrom).toBe('signup');
    expect(Object.isFrozen(model)).toBe(true);
    expect(Object.isFrozen(model.criteria[1])).toBe(true);
    expect(Object.isFrozen(model.criteria[1]?.rule)).toBe(true);
    expect(Object.isFrozen(model.thresholds)).toBe(true);
    expect(model.criteria[1]?.rule).not.toBe(usage);
  });

  it('does not mutate or freeze its input', () => {
    const input = structuredClone(valid);
    defineFitModel(input);
    expect(input).toEqual(valid);
    expect(Object.isFrozen(input.criteria[0])).toBe(false);
  });

  it('checks rules against snapshotFields, at their path under the criterion', () => {
    const error = catchSuccessKitError(() =>
      defineFitModel({
        ...valid,
        criteria: [{ id: 'seats', label: 'Seats', weight: 1, rule: { field: 'seats', op: 'gt', value: 1 } }],
      }),
    );
    expect(error.code).toBe('invalid_rule');
    expect(issuePaths(error)).toEqual(['criteria[0].rule.field']);
  });

  it('checks a known-from rule and deal-breaker rules too', () => {
    const error = catchSuccessKitError(() =>
      defineFitModel({
        ...valid,
        criteria: [{ ...valid.criteria[0]!, knownFrom: { when: { field: 'stage', op: 'eq', value: 'adoption' } } }],
        dealBreakers: [{ id: 'x', label: 'X', rule: { field: 'arr', op: 'gt', value: 'lots' } }],
      }),
    );
    expect(error.code).toBe('invalid_rule');
    expect(issuePaths(error)).toEqual(['criteria[0].knownFrom.when.field', 'dealBreakers[0].rule.value']);
  });

  it('accepts fields of a host catalog', () => {
    const fields = extendFields(snapshotFields, { 'attributes.hasSso': 'boolean' });
    const model = defineFitModel(
      {
        ...valid,
        criteria: [{ id: 'sso', label: 'SSO', weight: 1, rule: { field: 'attributes.hasSso', op: 'eq', value: true } }],
      },
      { fields },
    );
    expect(model.criteria[0]?.id).toBe('sso');
  });

  it('refuses duplicate ids across criteria and deal-breakers', () => {
    const error = catchSuccessKitError(() =>
      defineFitModel({ ...valid, dealBreakers: [{ id: 'usage', label: 'Dup', rule: usage }] }),
    );
    expect(error.code).toBe('invalid_definition');
    expect(issuePaths(error)).toEqual(['dealBreakers[0].id']);
    expect(error.issues[0]?.message).toBe('duplicate id "usage", first used at criteria.1');
  });

  it('refuses a perfect threshold that is not above the good threshold', () => {
    const error = catchSuccessKitError(() => defineFitModel({ ...valid, thresholds: { perfect: 0.5, good: 0.5 } }));
    expect(error.code).toBe('invalid_definition');
    expect(issuePaths(error)).toEqual(['thresholds.perfect']);
  });

  it('refuses a change operator, which needs a previous snapshot', () => {
    const error = catchSuccessKitError(() =>
      defineFitModel({
        ...valid,
        criteria: [{ id: 'drop', label: 'Drop', weight: 1, rule: { field: 'licenses', op: 'decreasedBy', value: 5 } }],
      }),
    );
    expect(error.code).toBe('invalid_definition');
    expect(issuePaths(error)).toEqual(['criteria[0].rule']);
  });

  it.each([
    ['no criteria', { ...valid, criteria: [] }, 'criteria'],
    ['a weight of 0', { ...valid, criteria: [{ ...valid.criteria[0]!, weight: 0 }] }, 'criteria[0].weight'],
    ['a threshold above 1', { ...valid, thresholds: { perfect: 1.2, good: 0.5 } }, 'thresholds.perfect'],
    [
      'a negative tenure day',
      { ...valid, criteria: [{ ...valid.criteria[0]!, knownFrom: { tenureDays: -1 } }] },
      'criteria[0].knownFrom.tenureDays',
    ],
    ['an unknown key', { ...valid, extra: 1 }, 'extra'],
  ])('refuses %s with invalid_input', (_, input, path) => {
    const error = catchSuccessKitError(() => defineFitModel(input));
    expect(error.code).toBe('invalid_input');
    expect(issuePaths(error)[0]).toBe(path);
  });

  it('refuses options that are not an object, at path options', () => {
    const error = catchSuccessKitError(() => defineFitModel(valid, null as never));
    expect(error.code).toBe('invalid_input');
    expect(issuePaths(error)).toEqual(['options']);
  });
});
