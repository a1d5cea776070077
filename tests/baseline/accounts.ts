import type { BaselineSnapshot } from '../../src/baseline/index';

/** A snapshot as the baseline reads it, with defaults for what a test does not care about. */
export function account(fields: Partial<Record<keyof BaselineSnapshot, unknown>> = {}): BaselineSnapshot {
  return {
    id: 'acc-1',
    asOf: '2026-06-30',
    startDate: '2026-01-01',
    churnDate: null,
    segment: 'smb',
    plan: 'growth',
    employees: 40,
    featuresAdopted: 5,
    milestones: {},
    valueRealized: null,
    valueRealizedDate: null,
    ...fields,
  } as BaselineSnapshot;
}
