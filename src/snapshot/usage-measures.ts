import {
  addMonthsToEpochDay,
  at,
  type CalendarDate,
  isCount,
  isNonNegative,
  isRecord,
  type UsageSnapshot,
} from '../core/internal.js';
import type { DayLabels, DayNumbers } from './day-numbers.js';
import type { GroupedRows, RowReader } from './grouped-rows.js';
import { isId, isOptionalCount } from './row-fields.js';

/**
 * What walks read of each usage period, in grouped order: the day it
 * starts, and its figures, `NaN` for one it does not give.
 *
 * @internal
 */
export interface UsageColumns {
  readonly startDays: Int32Array;
  readonly activeUsers: Float64Array;
  readonly licenses: Float64Array;
  readonly dailyActiveUsers: Float64Array;
  readonly logins: Float64Array;
  readonly featuresAdopted: Float64Array;
}

/** A checked optional figure as a column holds it: `NaN` when absent. */
function absentAsNaN(value: number | undefined): number {
  return value ?? Number.NaN;
}

/** A column's figure as a snapshot gives it: `null` for `NaN`. */
function nanAsNull(value: number): number | null {
  return Number.isNaN(value) ? null : value;
}

/**
 * Reads usage periods: the sort key of a period whose fields snapshots read
 * are valid is its last day; `NaN` when a field is not valid.
 *
 * @internal
 */
export function usageReader(count: number, dayOf: DayNumbers): RowReader<UsageColumns> {
  const columns: UsageColumns = {
    startDays: new Int32Array(count),
    activeUsers: new Float64Array(count),
    licenses: new Float64Array(count),
    dailyActiveUsers: new Float64Array(count),
    logins: new Float64Array(count),
    featuresAdopted: new Float64Array(count),
  };
  // Monthly periods of a portfolio start on a few dozen days: each one's last day is worked out once.
  const monthEnds = new Map<number, number>();
  const monthEndOf = (start: number): number => {
    let last = monthEnds.get(start);
    if (last === undefined) {
      // The day before the same day next month, or next month's last day.
      last = addMonthsToEpochDay(start, 1) - 1;
      monthEnds.set(start, last);
    }
    return last;
  };
  const keyOf = (value: unknown, index: number): number => {
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
    columns.startDays[index] = start;
    columns.activeUsers[index] = activeUsers;
    columns.licenses[index] = absentAsNaN(value.licenses as number | undefined);
    columns.dailyActiveUsers[index] = absentAsNaN(daily);
    columns.logins[index] = absentAsNaN(value.logins as number | undefined);
    columns.featuresAdopted[index] = absentAsNaN(value.featuresAdopted as number | undefined);
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
  return { keyOf, columns };
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

/** Active users over licenses of a period, `null` without licenses or with none. */
function utilizationAt(columns: UsageColumns, k: number): number | null {
  const licenses = at(columns.licenses, k);
  return Number.isNaN(licenses) || licenses === 0 ? null : at(columns.activeUsers, k) / licenses;
}

/**
 * The usage fields of one account as of a day, from the latest period that
 * ended on or before it and the one before that.
 *
 * @internal
 */
export function usageMeasures(
  usage: GroupedRows<UsageSnapshot>,
  columns: UsageColumns,
  labelOf: DayLabels,
  account: number,
  asOfDay: number,
): UsageMeasures {
  let latest = -1;
  let previous = -1;
  const end = at(usage.offsets, account + 1);
  for (let index = at(usage.offsets, account); index < end && at(usage.keys, index) <= asOfDay; index++) {
    previous = latest;
    latest = index;
  }
  if (latest < 0) return noUsage;
  const activeUsers = at(columns.activeUsers, latest);
  const utilization = utilizationAt(columns, latest);
  const previousUtilization = previous < 0 ? null : utilizationAt(columns, previous);
  const daily = at(columns.dailyActiveUsers, latest);
  return {
    usagePeriodStart: labelOf(at(columns.startDays, latest)),
    activeUsers,
    activeUsersChange: previous < 0 ? null : activeUsers - at(columns.activeUsers, previous),
    licenses: nanAsNull(at(columns.licenses, latest)),
    licenseUtilization: utilization,
    licenseUtilizationChange:
      utilization === null || previousUtilization === null ? null : utilization - previousUtilization,
    stickiness: Number.isNaN(daily) || activeUsers === 0 ? null : daily / activeUsers,
    logins: nanAsNull(at(columns.logins, latest)),
    featuresAdopted: nanAsNull(at(columns.featuresAdopted, latest)),
  };
}
