import * as z from 'zod/mini';
import { fail, parseWith } from '../core/internal.js';
import { ConfidenceLevel, defaultConfidence } from './confidence-level.js';
import { criticalValue } from './normal-distribution.js';
import { checkCount } from './count-checks.js';

/**
 * Options of {@link wilsonInterval}.
 *
 * | option | meaning | default |
 * |---|---|---|
 * | `confidence` | the confidence level, strictly between 0 and 1 | 0.95 |
 *
 * @example
 * ```ts
 * import { WilsonIntervalOptions } from 'successkit/metrics';
 *
 * WilsonIntervalOptions.parse({}); // => { confidence: 0.95 }
 * ```
 */
export const WilsonIntervalOptions = z.strictObject({ confidence: z._default(ConfidenceLevel, defaultConfidence) });

/**
 * Options of {@link wilsonInterval} as callers write them; see the {@link WilsonIntervalOptions} schema.
 *
 * @example
 * ```ts
 * import type { WilsonIntervalOptions } from 'successkit/metrics';
 *
 * const options: WilsonIntervalOptions = { confidence: 0.9 };
 * ```
 */
export type WilsonIntervalOptions = z.input<typeof WilsonIntervalOptions>;

/**
 * The Wilson score interval of a proportion, for checked counts and a critical value.
 *
 * @internal
 */
export function wilsonBounds(successes: number, trials: number, z: number): [number, number] {
  const share = successes / trials;
  const zSquared = z * z;
  const denominator = 1 + zSquared / trials;
  const center = (share + zSquared / (2 * trials)) / denominator;
  const halfWidth = (z / denominator) * Math.sqrt((share * (1 - share)) / trials + zSquared / (4 * trials * trials));
  // Rounding can leave an end a hair outside [0, 1] or past the observed share; the interval always holds it.
  return [Math.max(0, Math.min(share, center - halfWidth)), Math.min(1, Math.max(share, center + halfWidth))];
}

/**
 * The Wilson score interval of a proportion: the range of true shares
 * consistent with `successes` out of `trials` at a confidence level. Unlike
 * the textbook p ± z·√(p(1−p)/n), it stays inside 0–1 and keeps its coverage
 * for small samples and shares near 0 or 1 (E. B. Wilson, "Probable
 * inference, the law of succession, and statistical inference", JASA 22,
 * 1927; R. G. Newcombe, Statistics in Medicine 17, 1998, compares it with six
 * other methods). successkit uses it for CSAT, low-effort and active shares.
 *
 * @param successes - how many trials succeeded (satisfied customers, say)
 * @param trials - how many trials there were
 * @param options - the confidence level; see {@link WilsonIntervalOptions}
 * @returns `[low, high]` as shares 0–1, or `null` for zero trials
 * @throws {@link core!SuccessKitError} `invalid_input` for counts that are not whole numbers, more successes than trials, or a bad confidence level
 *
 * @example
 * ```ts
 * import { wilsonInterval } from 'successkit/metrics';
 *
 * const [low, high] = wilsonInterval(81, 263) ?? [0, 0];
 * [low.toFixed(4), high.toFixed(4)]; // => ['0.2553', '0.3662']
 * wilsonInterval(0, 0); // => null
 * ```
 */
export function wilsonInterval(
  successes: number,
  trials: number,
  options: WilsonIntervalOptions = {},
): readonly [number, number] | null {
  const { confidence } = parseWith(WilsonIntervalOptions, options);
  checkCount(successes, ['successes']);
  checkCount(trials, ['trials']);
  if (successes > trials) {
    fail('invalid_input', ['successes'], `expected at most ${String(trials)} successes, got ${String(successes)}`);
  }
  return trials === 0 ? null : wilsonBounds(successes, trials, criticalValue(confidence));
}
