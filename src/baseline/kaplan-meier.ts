import * as z from 'zod/mini';
import { checked, isArray, isObjectRecord, parseWith } from '../core/internal.js';

/**
 * One observation of a time to event: `days` until the event (`reached:
 * true`) or until the account was last seen without it (`reached: false`,
 * censored), whole days ≥ 0.
 *
 * @example
 * ```ts
 * import { TimeToEvent } from 'successkit/baseline';
 *
 * Object.keys(TimeToEvent.shape); // => ['days', 'reached']
 * ```
 */
export const TimeToEvent = z.strictObject({
  days: z.int().check(z.minimum(0), z.maximum(10_000_000)),
  reached: z.boolean(),
});

/**
 * One observation; see the {@link TimeToEvent} schema.
 *
 * @example
 * ```ts
 * import type { TimeToEvent } from 'successkit/baseline';
 *
 * const stillWaiting: TimeToEvent = { days: 40, reached: false };
 * ```
 */
export type TimeToEvent = z.infer<typeof TimeToEvent>;

/**
 * One step of a Kaplan–Meier curve, at a day with at least one event: the
 * accounts at risk that day (not yet reached and not censored before it),
 * the events that day, the observations censored from that day until the
 * next step, and `survival`, the estimated share 0–1 not yet reached after
 * that day (so `1 − survival` have reached it by then).
 *
 * @example
 * ```ts
 * import type { KaplanMeierStep } from 'successkit/baseline';
 *
 * const step: KaplanMeierStep = { day: 6, atRisk: 21, events: 3, censoredAfter: 1, survival: 18 / 21 };
 * ```
 */
export interface KaplanMeierStep {
  readonly day: number;
  readonly atRisk: number;
  readonly events: number;
  readonly censoredAfter: number;
  readonly survival: number;
}

/**
 * A Kaplan–Meier estimate: `n` observations, how many `events` and
 * `censored`, `followUpDays` (the longest observation, days; the curve says
 * nothing past it), the observations censored before the first step
 * (`censoredBeforeFirstEvent`), the `steps`, and the 25th, 50th, 75th and
 * 90th percentiles of the days to the event (the first day by which that
 * share has reached it; `null` when the curve never gets there).
 *
 * @example
 * ```ts
 * import type { KaplanMeier } from 'successkit/baseline';
 *
 * const empty: KaplanMeier = { n: 0, events: 0, censored: 0, followUpDays: 0, censoredBeforeFirstEvent: 0, steps: [], p25: null, median: null, p75: null, p90: null };
 * ```
 */
export interface KaplanMeier {
  readonly n: number;
  readonly events: number;
  readonly censored: number;
  readonly followUpDays: number;
  readonly censoredBeforeFirstEvent: number;
  readonly steps: readonly KaplanMeierStep[];
  readonly p25: number | null;
  readonly median: number | null;
  readonly p75: number | null;
  readonly p90: number | null;
}

// Shares are compared with this slack, so that 1 − 10/20 counts as 0.5 reached.
const slack = 1e-12;

/** The first day by which `share` (0–1) has reached the event, or null. @internal */
export function quantileOf(steps: readonly KaplanMeierStep[], share: number): number | null {
  for (const step of steps) if (1 - step.survival >= share - slack) return step.day;
  return null;
}

/** The share (0–1) that reached the event by `day`, or null past the follow-up with some not reached. @internal */
export function reachedBy(estimate: KaplanMeier, day: number): number | null {
  let survival = 1;
  for (const step of estimate.steps) {
    if (step.day > day) break;
    survival = step.survival;
  }
  if (day > estimate.followUpDays && survival > slack) return null;
  return Math.min(1, Math.max(0, 1 - survival));
}

/**
 * The estimate from observations encoded as `2 × days + (censored ? 1 : 0)`
 * and sorted, so events come before the censored of the same day (the
 * usual convention: those censored on a day were at risk on it).
 *
 * @internal
 */
export function kaplanMeierOfSorted(codes: ArrayLike<number>): KaplanMeier {
  const n = codes.length;
  const steps: KaplanMeierStep[] = [];
  let atRisk = n;
  let survival = 1;
  let events = 0;
  let censoredBeforeFirstEvent = 0;
  let index = 0;
  while (index < n) {
    const day = Math.floor((codes[index] ?? 0) / 2);
    let dayEvents = 0;
    let dayCensored = 0;
    while (index < n && Math.floor((codes[index] ?? 0) / 2) === day) {
      if ((codes[index] ?? 0) % 2 === 0) dayEvents++;
      else dayCensored++;
      index++;
    }
    if (dayEvents > 0) {
      survival *= 1 - dayEvents / atRisk;
      steps.push({ day, atRisk, events: dayEvents, censoredAfter: dayCensored, survival });
      events += dayEvents;
    } else {
      const last = steps.pop();
      if (last === undefined) censoredBeforeFirstEvent += dayCensored;
      else steps.push({ ...last, censoredAfter: last.censoredAfter + dayCensored });
    }
    atRisk -= dayEvents + dayCensored;
  }
  const followUpDays = n === 0 ? 0 : Math.floor((codes[n - 1] ?? 0) / 2);
  return {
    n,
    events,
    censored: n - events,
    followUpDays,
    censoredBeforeFirstEvent,
    steps,
    p25: quantileOf(steps, 0.25),
    median: quantileOf(steps, 0.5),
    p75: quantileOf(steps, 0.75),
    p90: quantileOf(steps, 0.9),
  };
}

function isTimeToEvent(value: unknown): value is TimeToEvent {
  return (
    isObjectRecord(value) &&
    Number.isInteger(value.days) &&
    (value.days as number) >= 0 &&
    (value.days as number) <= 10_000_000 &&
    typeof value.reached === 'boolean' &&
    Object.keys(value).length === 2
  );
}

/**
 * The Kaplan–Meier estimate of the days to an event — here, to reach a
 * milestone — from observations some of which are censored (not reached
 * yet, counted at risk up to the day they were last seen instead of being
 * dropped or counted as late). At each day with events, survival is
 * multiplied by 1 − events ÷ at risk; those censored on a day are at risk on
 * it. Kaplan, E. L., and Meier, P. (1958), "Nonparametric estimation from
 * incomplete observations", JASA 53, 457–481.
 *
 * @param observations - days to the event or to censoring; see {@link TimeToEvent}
 * @returns the {@link KaplanMeier} estimate, its steps and percentiles (days)
 * @throws {@link core!SuccessKitError} `invalid_input` for a list that is not one or an observation that is not a {@link TimeToEvent} (path `['observations', index, …]`)
 *
 * @example
 * ```ts
 * import { kaplanMeier } from 'successkit/baseline';
 *
 * const estimate = kaplanMeier([
 *   { days: 3, reached: true }, { days: 5, reached: false }, { days: 7, reached: true }, { days: 9, reached: true },
 * ]);
 * estimate.steps.map((step) => step.survival); // => [0.75, 0.375, 0]
 * estimate.median; // => 7
 * ```
 */
export function kaplanMeier(observations: readonly TimeToEvent[]): KaplanMeier {
  if (!isArray(observations)) parseWith(z.array(TimeToEvent), observations, { path: ['observations'] });
  const codes = new Float64Array(observations.length);
  for (let index = 0; index < observations.length; index++) {
    const observation = observations[index];
    const valid = checked(TimeToEvent, observation, isTimeToEvent, ['observations', index]);
    codes[index] = 2 * valid.days + (valid.reached ? 0 : 1);
  }
  codes.sort();
  return kaplanMeierOfSorted(codes);
}
