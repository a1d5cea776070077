import * as z from 'zod/mini';

/** The highest confidence level accepted: 1 − 10⁻⁹, a critical value of about 6.1. */
const maximumConfidence = 0.999_999_999;

/**
 * A confidence level above 0 and at most 0.999999999 (1 − 10⁻⁹), such as
 * 0.95 for a 95% interval. The upper bound keeps every critical value finite:
 * closer to 1 the level is indistinguishable from 1 in floating point.
 *
 * @example
 * ```ts
 * import { ConfidenceLevel } from 'successkit/metrics';
 *
 * ConfidenceLevel.parse(0.9); // => 0.9
 * ```
 */
export const ConfidenceLevel = z.number().check(z.gt(0), z.maximum(maximumConfidence));

/**
 * A confidence level; see the {@link ConfidenceLevel} schema.
 *
 * @example
 * ```ts
 * import type { ConfidenceLevel } from 'successkit/metrics';
 *
 * const level: ConfidenceLevel = 0.99;
 * ```
 */
export type ConfidenceLevel = z.infer<typeof ConfidenceLevel>;

/** The default confidence level of every interval: 95%. @internal */
export const defaultConfidence = 0.95;

/** Below this many responses a survey result is flagged `lowSample` unless the caller says otherwise. @internal */
export const defaultMinimumSample = 30;

/** The `minimumSample` option: a whole number of responses. @internal */
export const MinimumSample = z.int().check(z.minimum(0));
