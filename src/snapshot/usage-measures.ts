import {
  addMonthsToEpochDay,
  type CalendarDate,
  isCount,
  isNonNegative,
  isRecord,
  type UsageSnapshot,
} from '../core/internal.js';
import { type DayNumbers, remembered } from './day-numbers.js';
import { type GroupedRows, type RowReader, rowOf } from './grouped-rows.js';
import { isId, isOptionalCount } from './row-fields.js';

/**
 * Reads usage periods: the sort key of a period whose fields snapshots read
 * are valid is its last day; `NaN` when a field is not valid.
 *
 * @internal
 */
export function usageReader(dayOf: DayNumbers): RowReader {
  // Monthly periods of a portfolio start on a few dozen days: each one's last day is worked out once.
  // It is the day before the same day next month, or next month's last day.
  const monthEndOf = remembered((start: number): number => addMonthsToEpochDay(start, 1) - 1);
  return (value) => {
    if (!isRecord(value)) return Number.NaN;
    const { activeUsers, averageDailyActiveUsers: daily } = value;
    const valid =
      isId(value.accountId) &&
      isCount(activeUsers) &&
      (daily === undefined || (isNonNegative(daily) && daily <= activeUsers)) &&
      isOptionalCount(value.licenses) &&
      isOptionalCount(value.logins) &&
      isOptionalCount(value.featuresAdopted);
    if (!valid) return Number.NaN;
    const start = dayOf(value.periodStart);
    if (Number.isNaN(start)) return start;
    switch (value.period) {
      case 'day':
        return start;
      case 'week':
        return start + 6;
      case 'month':
        return monthEndOf(start);
      default:
        return Number.NaN;
    }
  };
}

/** The usage fields of a snapshot. @internal */
export interface UsageMeasures {
  readonly usagePeriodStart: CalendarDate | null;
  readonly activeUsers: number | null;
  readonly activeUsersChange: number | null;
  readonly licenses: number | null;
  readonly licenseUtilization: number | null;
  readonly licenseUtilizationChange: number | null;
  readonly stickiness: number | null;
  readonly logins: number | null;
  readonly featuresAdopted: number | null;
}

const noUsage: UsageMeasures = {
  usagePeriodStart: null,
  activeUsers: null,
  activeUsersChange: null,
  licenses: null,
  licenseUtilization: null,
  licenseUtilizationChange: null,
  stickiness: null,
  logins: null,
  featuresAdopted: null,
};

function utilizationOf(usage: UsageSnapshot): number | null {
  return usage.licenses === undefined || usage.licenses === 0 ? null : usage.activeUsers / usage.licenses;
}

/**
 * The usage fields of one account as of a day, from the latest period that
 * ended on or before it and the one before that.
 *
 * @internal
 */
export function usageMeasures(usage: GroupedRows<UsageSnapshot>, account: number, asOfDay: number): UsageMeasures {
  let latest = -1;
  let previous = -1;
  const end = usage.offsets[account + 1] ?? 0;
  for (let index = usage.offsets[account] ?? 0; index < end && (usage.keys[index] ?? 0) <= asOfDay; index++) {
    previous = latest;
    latest = index;
  }
  if (latest < 0) return noUsage;
  const last = rowOf(usage, latest);
  const before = previous < 0 ? undefined : rowOf(usage, previous);
  const utilization = utilizationOf(last);
  const previousUtilization = before === undefined ? null : utilizationOf(before);
  const daily = last.averageDailyActiveUsers;
  return {
    usagePeriodStart: last.periodStart,
    activeUsers: last.activeUsers,
    activeUsersChange: before === undefined ? null : last.activeUsers - before.activeUsers,
    licenses: last.licenses ?? null,
    licenseUtilization: utilization,
    licenseUtilizationChange:
      utilization === null || previousUtilization === null ? null : utilization - previousUtilization,
    stickiness: daily === undefined || last.activeUsers === 0 ? null : daily / last.activeUsers,
    logins: last.logins ?? null,
    featuresAdopted: last.featuresAdopted ?? null,
  };
}
