import { describe, expect, it } from 'vitest';
import { defaultScorecard, defineScorecard, pathToBand, scoreAccount } from '../../src/health/index';
import { withValue } from '../../src/health/path-to-band';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { fullSnapshot, mixed } from './scorecards';

describe('pathToBand', () => {
  it('gives the value each measure would need alone, and the cheapest as the plan', () => {
    const path = pathToBand(mixed, fullSnapshot, 'green');
    if (!path.reachable) throw new Error(path.message);
    expect(path.alone.map((change) => [change.measureId, change.to])).toEqual([
      ['seats', 0.58],
      ['tickets', 1],
    ]);
    expect(path.plan.map((change) => change.measureId)).toEqual(['seats']);
    expect([path.scoreAfter, path.bandAfter]).toEqual([75.3, 'green']);
  });

  it('needs nothing for an account already in the band or above', () => {
    expect(pathToBand(mixed, { ...fullSnapshot, licenseUtilization: 0.8, ticketsOpened: 0 }, 'yellow')).toMatchObject({
      reachable: true,
      plan: [],
      alone: [],
      bandAfter: 'green',
    });
  });

  it('combines measures greedily when none suffices alone', () => {
    const snapshot = {
      ...fullSnapshot,
      licenseUtilization: 0.2,
      ticketsOpened: 7,
      lastNpsCategory: 'detractor',
      championNamed: false,
    };
    const path = pathToBand(mixed, snapshot, 'green');
    if (!path.reachable) throw new Error(path.message);
    expect(path.alone).toEqual([]);
    expect(path.plan.map((change) => change.measureId)).toEqual(['seats', 'tickets', 'nps']);
    expect(
      scoreAccount(
        mixed,
        path.plan.reduce<object>((state, change) => withValue(state, change.field, change.to), snapshot),
      ).band,
    ).toBe('green');
  });

  it('refreshes the date of a stale measure it changes', () => {
    const scorecard = defineScorecard({
      id: 'voice',
      label: 'Voice',
      groups: [
        {
          id: 'g',
          label: 'G',
          weight: 1,
          measures: [
            {
              id: 'seats',
              label: 'Seats',
              field: 'licenseUtilization',
              weight: 1,
              scoring: { type: 'linear', min: 0.2, max: 0.8 },
            },
            {
              id: 'nps',
              label: 'NPS',
              field: 'lastNpsCategory',
              weight: 1,
              scoring: { type: 'bands', points: { promoter: 100, passive: 50, detractor: 0 } },
              stale: { dateField: 'lastNpsDate', maxAgeDays: 90 },
            },
          ],
        },
      ],
      bands: [
        { id: 'red', label: 'Red', from: 0 },
        { id: 'yellow', label: 'Yellow', from: 50 },
      ],
    });
    const snapshot = {
      id: 'a',
      asOf: '2026-06-30',
      licenseUtilization: 0.2,
      lastNpsCategory: 'detractor',
      lastNpsDate: '2025-01-01',
    };
    const path = pathToBand(scorecard, snapshot, 'yellow');
    if (!path.reachable) throw new Error(path.message);
    expect(path.alone.find((change) => change.measureId === 'nps')).toEqual({
      measureId: 'nps',
      label: 'NPS',
      field: 'lastNpsCategory',
      from: 'detractor',
      to: 'promoter',
      pointsFrom: null,
      pointsTo: 100,
      refreshes: 'lastNpsDate',
    });
  });

  it('is unreachable when an override fixes the band, or when every measure at its best falls short', () => {
    expect(pathToBand(mixed, { ...fullSnapshot, highestEscalationSeverity: 'critical' }, 'green')).toMatchObject({
      reachable: false,
      reason: 'overridden',
    });
    const capped = defineScorecard({
      id: 'capped',
      label: 'Capped',
      groups: [
        {
          id: 'g',
          label: 'G',
          weight: 1,
          measures: [
            { id: 'm', label: 'M', field: 'championNamed', weight: 1, scoring: { type: 'boolean', whenTrue: 60 } },
          ],
        },
      ],
      bands: [
        { id: 'red', label: 'Red', from: 0 },
        { id: 'green', label: 'Green', from: 75 },
      ],
    });
    expect(pathToBand(capped, { id: 'a', asOf: '2026-06-30', championNamed: false }, 'green')).toMatchObject({
      reachable: false,
      reason: 'unreachable',
    });
  });

  it('proposes falling values for an inverted linear measure, and sets a dotted field in a copy', () => {
    const snapshot = {
      id: 'a',
      asOf: '2026-06-30',
      licenseUtilization: 0.2,
      stickiness: 0.05,
      escalations: 0,
      urgentTicketsOpened: 0,
      championNamed: true,
    };
    const path = pathToBand(defaultScorecard, snapshot, 'yellow');
    expect(path.reachable && path.plan[0]?.measureId).toBe('license-utilization');
    const record = { id: 'a', custom: { seats: 1 } };
    expect([withValue(record, 'custom.seats', 5), record]).toEqual([
      { id: 'a', custom: { seats: 5 } },
      { id: 'a', custom: { seats: 1 } },
    ]);
    expect(withValue({ id: 'a' }, 'custom.seats', 5)).toEqual({ id: 'a', custom: { seats: 5 } });
  });

  it('rejects an unknown band at targetBand', () => {
    expect(issuePaths(catchSuccessKitError(() => pathToBand(mixed, fullSnapshot, 'amber')))).toEqual(['targetBand']);
  });
});
