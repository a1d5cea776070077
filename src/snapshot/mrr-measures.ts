import { isNonNegative, isRecord, monthIndexOf, type MrrSnapshot } from '../core/internal.js';
import { type DayNumbers, monthIndexOfDate, remembered } from './day-numbers.js';
import type { Column, GroupedRows, ReadColumns, RowReader } from './grouped-rows.js';
import { isId } from './row-fields.js';

/**
 * Reads MRR snapshots: the sort key of a snapshot whose fields snapshots
 * read are valid is the month index of its month (a first of the month);
 * `NaN` when a field is not valid. Its number is its amount.
 *
 * @internal
 */
export function mrrReader(dayOf: DayNumbers, columns: ReadColumns): RowReader {
  // A portfolio's snapshots fall in a few dozen months: each month's text is checked once.
  const monthOf = remembered((month: unknown): number =>
    typeof month === 'string' && month.endsWith('-01') && !Number.isNaN(dayOf(month))
      ? monthIndexOfDate(month)
      : Number.NaN,
  );
  return (value, index) => {
    if (!isRecord(value) || !isId(value.accountId) || !isNonNegative(value.mrr)) return Number.NaN;
    columns.numbers[index] = value.mrr;
    return monthOf(value.month);
  };
}

/**
 * The month index of the latest calendar month that has ended on or before
 * a day: billing reports a month's MRR at its end, so a month counts from
 * its last day on.
 *
 * @internal
 */
export function lastEndedMonth(day: number): number {
  return monthIndexOf(day + 1) - 1;
}

/** The money fields of a snapshot. @internal */
export interface MrrMeasures {
  readonly mrr: number | null;
  readonly arr: number | null;
  readonly mrrChange30Days: number | null;
  readonly mrrChange90Days: number | null;
}

function change(now: number | null, before: number | null): number | null {
  return now === null || before === null ? null : now - before;
}

/** The months whose MRR a snapshot as of a day reads: as of the day, 30 and 90 days before. @internal */
export interface MrrMonths {
  readonly now: number;
  readonly before30: number;
  readonly before90: number;
}

/** The {@link MrrMonths} of a day. @internal */
export function mrrMonthsOf(asOfDay: number): MrrMonths {
  return {
    now: lastEndedMonth(asOfDay),
    before30: lastEndedMonth(asOfDay - 30),
    before90: lastEndedMonth(asOfDay - 90),
  };
}

/**
 * The money fields of one account as of a day, in one walk over its months:
 * the MRR in a month is its snapshot's, 0 when earlier months have one and
 * it has none, `null` before the first.
 *
 * @internal
 */
export function mrrMeasures(
  mrr: GroupedRows<MrrSnapshot>,
  amounts: Column,
  account: number,
  months: MrrMonths,
): MrrMeasures {
  let now: number | null = null;
  let before30: number | null = null;
  let before90: number | null = null;
  const end = mrr.offsets[account + 1] ?? 0;
  for (let index = mrr.offsets[account] ?? 0; index < end; index++) {
    const month = mrr.keys[index] ?? 0;
    if (month > months.now) break;
    const value = amounts[index] ?? 0;
    now = month === months.now ? value : 0;
    if (month <= months.before30) before30 = month === months.before30 ? value : 0;
    if (month <= months.before90) before90 = month === months.before90 ? value : 0;
  }
  return {
    mrr: now,
    arr: now === null ? null : now * 12,
    mrrChange30Days: change(now, before30),
    mrrChange90Days: change(now, before90),
  };
}
