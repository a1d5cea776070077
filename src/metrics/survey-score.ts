/**
 * Checks of survey scores at the edge: every bad score is reported with its
 * index, so a host can point at the answers to fix.
 *
 * @internal
 */
import { describeValue, fail, type PathSegment, SuccessKitError, type SuccessKitIssue } from '../core/internal.js';

/** At most this many bad scores are listed; past it the input is broken wholesale. */
const maximumIssues = 100;

/** True for a whole number from `low` to `high`. */
export function isScore(value: unknown, low: number, high: number): value is number {
  return Number.isInteger(value) && (value as number) >= low && (value as number) <= high;
}

/** The message for a value that is not a whole number from `low` to `high`. */
function scoreMessage(kind: string, value: unknown, low: number, high: number): string {
  return `expected ${kind} score, a whole number from ${String(low)} to ${String(high)}, got ${describeValue(value)}`;
}

/** Throws `invalid_score` with a path of `[]` for one bad score added to an accumulator. */
export function failScore(kind: string, value: unknown, low: number, high: number): never {
  return fail('invalid_score', [], scoreMessage(kind, value, low, high));
}

/**
 * Checks a list of scores and throws one `invalid_score` error listing every
 * bad one (up to 100) at `[...prefix, index]`; a value that is not a list is
 * an `invalid_input`.
 */
export function checkScores(
  scores: unknown,
  kind: string,
  low: number,
  high: number,
  prefix: readonly PathSegment[] = [],
): asserts scores is readonly number[] {
  if (!Array.isArray(scores))
    fail('invalid_input', prefix, `expected an array of scores, got ${describeValue(scores)}`);
  const issues: SuccessKitIssue[] = [];
  for (let index = 0; index < scores.length && issues.length < maximumIssues; index++) {
    const score: unknown = scores[index];
    if (!isScore(score, low, high)) {
      issues.push({ path: [...prefix, index], message: scoreMessage(kind, score, low, high) });
    }
  }
  if (issues.length > 0) throw new SuccessKitError('invalid_score', issues);
}
