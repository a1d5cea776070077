import { describe, expect, it } from 'vitest';
import { defineFitModel, fitHistory } from '../../src/fit/index';
import { catchSuccessKitError, issuePaths } from '../catch-error';

const model = defineFitModel({
  criteria: [
    { id: 'size', label: '50+ employees', weight: 1, rule: { field: 'employees', op: 'gte', value: 50 } },
    { id: 'csat', label: 'Satisfied', weight: 1, rule: { field: 'csatSatisfiedShare', op: 'gte', value: 0.8 } },
    {
      id: 'usage',
      label: 'Seats in use',
      weight: 2,
      rule: { field: 'licenseUtilization', op: 'gte', value: 0.6 },
      knownFrom: { tenureDays: 60 },
    },
  ],
  thresholds: { perfect: 0.75, good: 0.5 },
});

const day = (asOf: string, tenureDays: number, more: object) => ({
  id: 'acc-1',
  asOf,
  employees: 400,
  tenureDays,
  ...more,
});

describe('fitHistory', () => {
  it('shows the interval narrowing as cards are turned over, and when the class became final', () => {
    const history = fitHistory(model, [
      day('2026-01-31', 20, { csatSatisfiedShare: null, licenseUtilization: 0.3 }),
      day('2026-02-28', 48, { csatSatisfiedShare: 0.6, licenseUtilization: 0.5 }),
      day('2026-03-31', 79, { csatSatisfiedShare: 0.6, licenseUtilization: 0.7 }),
      day('2026-04-30', 109, { csatSatisfiedShare: null, licenseUtilization: 0.7 }),
    ]);
    expect(history.accountId).toBe('acc-1');
    expect(
      history.points.map((point) => [
        point.scoreRange,
        point.possibleClasses,
        point.revealed,
        point.hidden,
        point.changed,
      ]),
    ).toEqual([
      [[0.25, 1], ['perfect', 'good', 'bad'], [], [], false],
      [[0.25, 0.75], ['perfect', 'good', 'bad'], ['csat'], [], true],
      [[0.75, 0.75], ['perfect'], ['usage'], [], true],
      [[0.75, 1], ['perfect'], [], ['csat'], false],
    ]);
    expect(history.points.map((point) => point.fitClass)).toEqual(['perfect', 'good', 'perfect', 'perfect']);
    expect(history.firstFinal).toEqual({ asOf: '2026-03-31', fitClass: 'perfect' });
    expect(history.latest?.asOf).toBe('2026-04-30');
  });

  it('is empty for an empty series', () => {
    expect(fitHistory(model, [])).toEqual({ accountId: null, points: [], firstFinal: null, latest: null });
  });

  it('refuses snapshots of two accounts, or out of order', () => {
    const other = catchSuccessKitError(() =>
      fitHistory(model, [day('2026-01-31', 1, {}), { ...day('2026-02-28', 2, {}), id: 'acc-2' }]),
    );
    expect([other.code, issuePaths(other)]).toEqual(['invalid_input', ['series[1].id']]);
    const order = catchSuccessKitError(() => fitHistory(model, [day('2026-02-28', 2, {}), day('2026-01-31', 1, {})]));
    expect([order.code, issuePaths(order)]).toEqual(['invalid_input', ['series[1].asOf']]);
    const notList = catchSuccessKitError(() => fitHistory(model, {} as never));
    expect([notList.code, issuePaths(notList)]).toEqual(['invalid_input', ['series']]);
    const notSnapshot = catchSuccessKitError(() => fitHistory(model, [day('2026-02-28', 2, {}), 7] as never));
    expect([notSnapshot.code, issuePaths(notSnapshot)]).toEqual(['invalid_input', ['series[1]']]);
  });
});
