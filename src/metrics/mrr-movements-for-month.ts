import {
  type CalendarDate,
  describeValue,
  fail,
  firstDayOfMonthIndex,
  fromEpochDay,
  isCalendarDate,
  monthIndexOf,
  notADate,
  parseWith,
  toEpochDay,
  readingInput,
} from '../core/internal.js';
import { minorUnitsPerMajor, toMinorUnits } from './money.js';
import { checkAccountId, type MrrSnapshotInput } from './mrr-input.js';
import { bridge, MrrMovementsOptions, type MrrMovements } from './mrr-movements.js';
import { checkObject } from './object-checks.js';

/** The first month of the calendar. */
const firstMonth = '0000-01-01';

/**
 * The MRR bridge of one calendar month and its months. `month` and
 * `previousMonth` are first days of months.
 *
 * @example
 * ```ts
 * import { mrrMovementsForMonth, type MonthlyMrrMovements } from 'successkit/metrics';
 *
 * const june: MonthlyMrrMovements = mrrMovementsForMonth([{ accountId: 'a', month: '2026-06-01', mrr: 10 }], '2026-06-01');
 * june.previousMonth; // => '2026-05-01'
 * ```
 */
export interface MonthlyMrrMovements extends MrrMovements {
  /** The month measured: its first day. */
  readonly month: CalendarDate;
  /** The month before: its first day. */
  readonly previousMonth: CalendarDate;
}

/**
 * The MRR bridge of one month from a history of monthly MRR snapshots (the
 * portfolio's `mrr` list): previous is the month before `month`, and any
 * account with MRR in an earlier month counts as returning. Snapshots after
 * `month` are ignored. Reactivations are only as good as the history given:
 * an account whose earlier payments are older than the snapshots counts as
 * new.
 *
 * @param snapshots - monthly MRR snapshots, any order, at most one per account and month
 * @param month - the month to measure, as its first day (`'2026-09-01'`)
 * @param options - the currency's fraction digits; see {@link MrrMovementsOptions}
 * @returns the bridge of that month; see {@link MonthlyMrrMovements}
 * @throws {@link core!SuccessKitError} `invalid_date` when `month` is not a real date or is `'0000-01-01'` (no month before it in the calendar); `invalid_input` when it is not the first day of a month, for a bad snapshot (path `[index, …]`) or two snapshots for one account and month
 *
 * @example
 * ```ts
 * import { mrrMovementsForMonth } from 'successkit/metrics';
 *
 * const history = [
 *   { accountId: 'a', month: '2026-04-01', mrr: 100 },
 *   { accountId: 'b', month: '2026-05-01', mrr: 200 },
 *   { accountId: 'a', month: '2026-06-01', mrr: 90 },
 *   { accountId: 'b', month: '2026-06-01', mrr: 250 },
 * ];
 * const june = mrrMovementsForMonth(history, '2026-06-01');
 * [june.starting, june.reactivation, june.expansion, june.ending]; // => [200, 90, 50, 340]
 * ```
 */
export function mrrMovementsForMonth(
  snapshots: readonly MrrSnapshotInput[],
  month: string,
  options?: MrrMovementsOptions,
): MonthlyMrrMovements {
  return readingInput(() => movementsForMonth(snapshots, month, options));
}

function movementsForMonth(
  snapshots: readonly MrrSnapshotInput[],
  month: string,
  options: MrrMovementsOptions | undefined,
): MonthlyMrrMovements {
  if (!isCalendarDate(month)) fail('invalid_date', ['month'], notADate(month));
  if (!month.endsWith('-01'))
    fail('invalid_input', ['month'], `expected the first day of a month, got ${JSON.stringify(month)}`);
  const { fractionDigits } = parseWith(MrrMovementsOptions, options ?? {});
  const perMajor = minorUnitsPerMajor(fractionDigits);
  // The calendar runs from 0000-01-01 to 9999-12-31: January of year 0 has no month before it.
  if (month === firstMonth)
    fail('invalid_date', ['month'], `expected a month after ${firstMonth}: it has no month before it`);
  const previousMonth = fromEpochDay(firstDayOfMonthIndex(monthIndexOf(toEpochDay(month)) - 1)) as CalendarDate;
  if (!Array.isArray(snapshots)) fail('invalid_input', [], `expected MRR snapshots, got ${describeValue(snapshots)}`);
  const previous = new Map<string, number>();
  const current = new Map<string, number>();
  const history = new Set<string>();
  snapshots.forEach((snapshot: unknown, index) => {
    checkObject(snapshot, [index]);
    const { accountId, month: snapshotMonth } = snapshot;
    checkAccountId(accountId, [index, 'accountId']);
    if (!isCalendarDate(snapshotMonth) || !snapshotMonth.endsWith('-01')) {
      fail('invalid_input', [index, 'month'], `expected the first day of a month, got ${describeValue(snapshotMonth)}`);
    }
    const minor = toMinorUnits(snapshot.mrr, perMajor, [index, 'mrr']);
    const period = snapshotMonth === month ? current : snapshotMonth === previousMonth ? previous : undefined;
    if (period !== undefined) {
      if (period.has(accountId)) fail('invalid_input', [index], `second snapshot for ${accountId} in ${snapshotMonth}`);
      period.set(accountId, minor);
    } else if (snapshotMonth < previousMonth && minor > 0) {
      history.add(accountId);
    }
  });
  return { ...bridge(previous, current, history, fractionDigits), month, previousMonth };
}
