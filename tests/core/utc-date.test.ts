import { afterEach, describe, expect, it } from 'vitest';
import { UtcDate } from '../../src/core/utc-date';

const originalZone = process.env.TZ;
afterEach(() => {
  if (originalZone === undefined) delete process.env.TZ;
  else process.env.TZ = originalZone;
});

describe('UtcDate', () => {
  it('reads and writes every local-time field as UTC, whatever the host zone', () => {
    process.env.TZ = 'Pacific/Kiritimati';
    const date = new UtcDate(Date.UTC(2025, 2, 9, 1, 2, 3, 4));
    expect([date.getFullYear(), date.getMonth(), date.getDate(), date.getDay()]).toEqual([2025, 2, 9, 0]);
    expect([date.getHours(), date.getMinutes(), date.getSeconds(), date.getMilliseconds()]).toEqual([1, 2, 3, 4]);
    expect(date.getTimezoneOffset()).toBe(0);
    date.setFullYear(2024, 1, 29);
    date.setHours(23);
    date.setMinutes(59);
    date.setSeconds(58);
    date.setMilliseconds(57);
    expect(date.toISOString()).toBe('2024-02-29T23:59:58.057Z');
    date.setMonth(0);
    date.setDate(31);
    expect(date.toISOString()).toBe('2024-01-31T23:59:58.057Z');
  });
});
