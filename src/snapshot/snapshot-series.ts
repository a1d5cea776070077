import * as z from 'zod/mini';
import { addDays, addMonths, CalendarDate, type CalendarDate as Day, fail } from '../core/internal.js';
import { type AccountSnapshots, parseOptions, resolveAsOf, snapshotsOnDays, WindowDays } from './account-snapshots.js';
import { indexPortfolio } from './portfolio-index.js';
import type { SnapshotPortfolio } from './snapshot-portfolio.js';

/** A series has at most this many days: ten years of weeks. */
const maximumPoints = 520;

/**
 * Options of {@link snapshotSeries}.
 *
 * | option | meaning | default |
 * |---|---|---|
 * | `to` | the last day of the series | the portfolio's `asOf` |
 * | `every` | `'week'` (7 days apart) or `'month'` (the same day each month, or the month's last day) | `'month'` |
 * | `from` | the first day; the series steps from it while on or before `to` | 11 steps before `to`, so 12 days (month ends when `to` is one) |
 * | `windowDays` | days in the window of each snapshot | 90 |
 *
 * @example
 * ```ts
 * import { SnapshotSeriesOptions } from 'successkit/snapshot';
 *
 * SnapshotSeriesOptions.parse({ every: 'week' }); // => { every: 'week', windowDays: 90 }
 * ```
 */
export const SnapshotSeriesOptions = z.strictObject({
  from: z.optional(CalendarDate),
  to: z.optional(CalendarDate),
  every: z._default(z.enum(['week', 'month']), 'month'),
  windowDays: WindowDays,
});

/**
 * Options of {@link snapshotSeries} as callers write them; see the
 * {@link SnapshotSeriesOptions} schema.
 *
 * @example
 * ```ts
 * import type { SnapshotSeriesOptions } from 'successkit/snapshot';
 *
 * const quarterOfWeeks: SnapshotSeriesOptions = { from: '2026-04-06', to: '2026-06-29', every: 'week' };
 * ```
 */
export type SnapshotSeriesOptions = z.input<typeof SnapshotSeriesOptions>;

function stepFrom(from: Day, every: 'week' | 'month', steps: number): Day {
  return every === 'week' ? addDays(from, 7 * steps) : addMonths(from, steps);
}

/** 11 steps before `to`, so 12 days; a month end when `to` is one, so that every monthly day is a month end. */
function defaultFrom(to: Day, every: 'week' | 'month'): Day {
  const next = addDays(to, 1);
  const monthEnd = every === 'month' && next.endsWith('-01');
  return monthEnd ? addDays(addMonths(next, -11), -1) : stepFrom(to, every, -11);
}

/** The days of a series, oldest first. */
function seriesDays(from: Day, to: Day, every: 'week' | 'month'): Day[] {
  if (from > to) fail('invalid_input', ['options', 'from'], `expected a day on or before ${to}, got ${from}`);
  const days: Day[] = [];
  for (let day = from; day <= to; day = stepFrom(from, every, days.length)) {
    if (days.length === maximumPoints) {
      fail(
        'invalid_input',
        ['options', 'from'],
        `expected at most ${String(maximumPoints)} days from ${from} to ${to}`,
      );
    }
    days.push(day);
  }
  return days;
}

/**
 * Builds the snapshots of every account on a series of days, a week or a
 * month apart — for backtests of a health score against later churn, and
 * for simulations of playbook triggers over time. The portfolio is read and
 * indexed once for all days, and each day's snapshots are exactly those
 * {@link accountSnapshots} gives for that `asOf`.
 *
 * @param portfolio - a core `Portfolio`, or the parts of it a host has; see {@link SnapshotPortfolio}
 * @param options - see {@link SnapshotSeriesOptions}
 * @returns the snapshots of each day, oldest first
 * @throws {@link core!SuccessKitError} as {@link accountSnapshots}; `invalid_input` at `['options', 'from']` when `from` is after `to` or the series would pass 520 days
 *
 * @example
 * ```ts
 * import { samplePortfolio } from 'successkit/sample';
 * import { snapshotSeries } from 'successkit/snapshot';
 *
 * const series = snapshotSeries(samplePortfolio({ accounts: 20, asOf: '2026-06-30' }), { from: '2026-01-31' });
 * series.map((day) => day.asOf); // => ['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30']
 * snapshotSeries(samplePortfolio({ accounts: 20, asOf: '2026-06-30' })).map((day) => day.asOf).slice(0, 3); // => ['2025-07-31', '2025-08-31', '2025-09-30']
 * snapshotSeries(samplePortfolio({ accounts: 20, asOf: '2026-06-30' }), { every: 'week' }).length; // => 12
 * ```
 */
export function snapshotSeries(portfolio: SnapshotPortfolio, options?: SnapshotSeriesOptions): AccountSnapshots[] {
  const settings = parseOptions(SnapshotSeriesOptions, options);
  const index = indexPortfolio(portfolio);
  const to = resolveAsOf(settings.to, index, 'to');
  const from = settings.from ?? defaultFrom(to, settings.every);
  return snapshotsOnDays(index, seriesDays(from, to, settings.every), settings.windowDays);
}
