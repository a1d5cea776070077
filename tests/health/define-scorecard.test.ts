import { describe, expect, it } from 'vitest';
import { defaultScorecard, defineScorecard } from '../../src/health/index';
import { extendFields, snapshotFields } from '../../src/snapshot/index';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { mixed } from './scorecards';

const base = {
  id: 'x',
  label: 'X',
  groups: [
    {
      id: 'g',
      label: 'G',
      weight: 1,
      measures: [
        { id: 'm', label: 'M', field: 'licenseUtilization', weight: 1, scoring: { type: 'linear', min: 0, max: 1 } },
      ],
    },
  ],
  bands: [
    { id: 'red', label: 'Red', from: 0 },
    { id: 'green', label: 'Green', from: 60 },
  ],
};

function withMeasure(measure: object): object {
  return { ...base, groups: [{ ...base.groups[0], measures: [measure] }] };
}

describe('defineScorecard', () => {
  it('returns a deep-frozen copy with the defaults filled in', () => {
    const input = structuredClone(base);
    const scorecard = defineScorecard(input);
    expect([scorecard.hysteresis, scorecard.overrides, scorecard.trend]).toEqual([0, [], { flatWithin: 1 }]);
    expect(Object.isFrozen(scorecard.groups[0]?.measures[0]?.scoring)).toBe(true);
    expect(Object.isFrozen(input.groups[0])).toBe(false);
    expect(input).toEqual(base);
  });

  it('accepts the default scorecard again, as plain JSON', () => {
    expect(defineScorecard(JSON.parse(JSON.stringify(defaultScorecard)))).toEqual(defaultScorecard);
  });

  it.each([
    [
      'an unknown field',
      withMeasure({ ...base.groups[0]?.measures[0], field: 'licenseUse' }),
      'groups[0].measures[0].field',
    ],
    [
      'a field of the wrong type',
      withMeasure({ ...base.groups[0]?.measures[0], field: 'segment' }),
      'groups[0].measures[0].field',
    ],
    [
      'a stale date that is no date',
      withMeasure({ ...base.groups[0]?.measures[0], stale: { dateField: 'arr', maxAgeDays: 5 } }),
      'groups[0].measures[0].stale.dateField',
    ],
    ['a negative weight', withMeasure({ ...base.groups[0]?.measures[0], weight: -1 }), 'groups[0].measures[0].weight'],
    [
      'linear max not above min',
      withMeasure({ ...base.groups[0]?.measures[0], scoring: { type: 'linear', min: 1, max: 1 } }),
      'groups[0].measures[0].scoring.max',
    ],
    [
      'overlapping thresholds',
      withMeasure({
        id: 'm',
        label: 'M',
        field: 'escalations',
        weight: 1,
        scoring: {
          type: 'thresholds',
          ranges: [
            { below: 2, points: 100 },
            { from: 1, points: 0 },
          ],
        },
      }),
      'groups[0].measures[0].scoring.ranges[1].from',
    ],
    [
      'a gap between thresholds',
      withMeasure({
        id: 'm',
        label: 'M',
        field: 'escalations',
        weight: 1,
        scoring: {
          type: 'thresholds',
          ranges: [
            { below: 2, points: 100 },
            { from: 3, points: 0 },
          ],
        },
      }),
      'groups[0].measures[0].scoring.ranges[1].from',
    ],
    [
      'a threshold range running backwards',
      withMeasure({
        id: 'm',
        label: 'M',
        field: 'escalations',
        weight: 1,
        scoring: { type: 'thresholds', ranges: [{ from: 3, below: 1, points: 100 }] },
      }),
      'groups[0].measures[0].scoring.ranges[0].below',
    ],
    ['an empty group', { ...base, groups: [{ id: 'g', label: 'G', weight: 1, measures: [] }] }, 'groups[0].measures'],
    [
      'unordered bands',
      {
        ...base,
        bands: [
          { id: 'red', label: 'Red', from: 0 },
          { id: 'green', label: 'Green', from: 60 },
          { id: 'yellow', label: 'Yellow', from: 40 },
        ],
      },
      'bands[2].from',
    ],
    ['bands not starting at 0', { ...base, bands: [{ id: 'red', label: 'Red', from: 10 }] }, 'bands[0].from'],
    [
      'duplicate measure ids',
      { ...base, groups: [base.groups[0], { ...base.groups[0], id: 'h' }] },
      'groups[1].measures[0].id',
    ],
    ['an unknown key', { ...base, colour: 'red' }, 'colour'],
    [
      'an override to an unknown band',
      {
        ...base,
        overrides: [{ id: 'o', label: 'O', when: { field: 'championLeft', op: 'eq', value: true }, band: 'amber' }],
      },
      'overrides[0].band',
    ],
  ])('rejects %s with invalid_definition at its path', (_, input, path) => {
    const error = catchSuccessKitError(() => defineScorecard(input));
    expect(error.code).toBe('invalid_definition');
    expect(issuePaths(error)).toContain(path);
  });

  it('rejects an override rule over an unknown field with invalid_rule at its path', () => {
    const error = catchSuccessKitError(() =>
      defineScorecard({
        ...base,
        overrides: [{ id: 'o', label: 'O', when: { field: 'nope', op: 'eq', value: true }, band: 'red' }],
      }),
    );
    expect([error.code, issuePaths(error)]).toEqual(['invalid_rule', ['overrides[0].when.field']]);
  });

  it('checks measures against a catalog the host passes', () => {
    const fields = extendFields(snapshotFields, { 'custom.reports': { type: 'number', label: 'Reports' } });
    const input = withMeasure({
      id: 'm',
      label: 'M',
      field: 'custom.reports',
      weight: 1,
      scoring: { type: 'linear', min: 0, max: 10 },
    });
    expect(defineScorecard(input, { fields }).groups[0]?.measures[0]?.field).toBe('custom.reports');
    expect(catchSuccessKitError(() => defineScorecard(input)).code).toBe('invalid_definition');
  });

  it('keeps rule overrides in precedence order', () => {
    expect(mixed.overrides.map((override) => override.id)).toEqual(['critical', 'sponsor']);
  });
});
