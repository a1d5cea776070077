import { type CalendarDate, fail, isCalendarDate, notADate, toEpochDay } from '../core/internal.js';

/**
 * What a rule is evaluated against besides the record itself.
 *
 * @example
 * ```ts
 * import { calendarDate } from 'successkit/core';
 * import type { RuleContext } from 'successkit/rules';
 *
 * const context: RuleContext = {
 *   asOf: calendarDate('2026-06-30'),
 *   previous: { healthBand: 'green', licenses: 120 },
 * };
 * ```
 */
export interface RuleContext {
  /** The day `daysSinceGt`, `daysSinceLt`, `withinNextDays` and `withinLastDays` count from; required when the rule uses them. */
  readonly asOf?: CalendarDate;
  /**
   * The same record as it was in the previous snapshot (last week's, last
   * month's), which the change operators compare with. Without it every
   * change condition is false.
   */
  readonly previous?: object;
}

/**
 * The evaluation day of the days-since conditions, as an epoch day, kept
 * from one call to the next so a new `asOf` string is parsed once, not once
 * per record.
 *
 * @internal
 */
export interface AsOfClock {
  /** The `asOf` last seen; `undefined` before the first call. */
  asOf: string | undefined;
  /** Days since 1970-01-01 of `asOf`. */
  day: number;
}

/** A clock that has not seen an `asOf` yet. @internal */
export function createAsOfClock(): AsOfClock {
  return { asOf: undefined, day: Number.NaN };
}

/**
 * Moves the clock to the context's `asOf`.
 *
 * @throws {@link SuccessKitError} `invalid_input` without an `asOf`, `invalid_date` when it is not a real date
 * @internal
 */
export function setAsOf(clock: AsOfClock, context: RuleContext | undefined): void {
  const asOf = context?.asOf;
  if (asOf === clock.asOf && asOf !== undefined) return;
  if (asOf === undefined)
    fail(
      'invalid_input',
      ['asOf'],
      'required: the rule counts days from asOf (daysSinceGt, daysSinceLt, withinNextDays or withinLastDays)',
    );
  if (!isCalendarDate(asOf)) fail('invalid_date', ['asOf'], notADate(asOf));
  clock.asOf = asOf;
  clock.day = toEpochDay(asOf);
}
