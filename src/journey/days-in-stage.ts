import { element } from './element.js';

/**
 * Time in a stage estimated from stays of which some are still running:
 * the Kaplan–Meier product-limit estimate, where a stay still in the stage
 * is censored (it lasted at least its days) rather than counted as
 * finished. Days are whole days.
 *
 * @example
 * ```ts
 * import type { DaysInStage } from 'successkit/journey';
 *
 * const median = (days: DaysInStage): number | null => days.median;
 * ```
 */
export interface DaysInStage {
  /** Stays counted. */
  readonly n: number;
  /** Stays that ended (the account left the stage). */
  readonly finished: number;
  /** Stays still running at the end of the series. */
  readonly censored: number;
  /** Median days in stage: the first day on which at most half the stays are still running; `null` with `nullReason`. */
  readonly median: number | null;
  /** 90th percentile: the first day on which at most a tenth are still running; `null` with `nullReason`. */
  readonly p90: number | null;
  /** Why a number is `null`: `'no_stays'`, or `'censored'` (too many stays still running to reach that share). */
  readonly nullReason: 'no_stays' | 'censored' | null;
}

/**
 * The product-limit estimate of `days` (finished when `finished[i]` is 1):
 * median and 90th percentile, reading S(t) ≤ 0.5 and ≤ 0.1.
 *
 * @internal
 */
export function daysInStage(days: readonly number[], finished: readonly boolean[]): DaysInStage {
  const n = days.length;
  if (n === 0) return { n, finished: 0, censored: 0, median: null, p90: null, nullReason: 'no_stays' };
  const order = Array.from({ length: n }, (_, index) => index).sort((a, b) => element(days, a) - element(days, b));
  let atRisk = n;
  let survival = 1;
  let median: number | null = null;
  let p90: number | null = null;
  let ended = 0;
  for (let position = 0; position < n;) {
    const day = element(days, element(order, position));
    let events = 0;
    let leaving = 0;
    while (position < n && element(days, element(order, position)) === day) {
      if (element(finished, element(order, position))) events++;
      leaving++;
      position++;
    }
    if (events > 0) {
      survival *= 1 - events / atRisk;
      ended += events;
      // A tiny tolerance: 1 − 1/2 computed in steps may land a hair above 0.5.
      if (median === null && survival <= 0.5 + 1e-12) median = day;
      if (p90 === null && survival <= 0.1 + 1e-12) p90 = day;
    }
    atRisk -= leaving;
  }
  return {
    n,
    finished: ended,
    censored: n - ended,
    median,
    p90,
    nullReason: median === null || p90 === null ? 'censored' : null,
  };
}
