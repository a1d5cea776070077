import * as z from 'zod/mini';
import type { CalendarDate, ContributionValue, Explanation } from '../core/internal.js';
import { CalendarDate as CalendarDateSchema, Id } from '../core/internal.js';

/**
 * Whether a measure's value counted as seen (`'ok'`), was absent or could
 * not be scored (`'missing'`), or was older than the measure allows
 * (`'stale'`).
 *
 * @example
 * ```ts
 * import type { MeasureStatus } from 'successkit/health';
 *
 * const status: MeasureStatus = 'stale';
 * ```
 */
export type MeasureStatus = 'ok' | 'missing' | 'stale';

/**
 * What a measure's points came from: its value (`'scored'`), or the policy
 * for missing or stale data that applied instead.
 *
 * @example
 * ```ts
 * import type { AppliedPolicy } from 'successkit/health';
 *
 * const applied: AppliedPolicy = 'redistributed';
 * ```
 */
export type AppliedPolicy = 'scored' | 'redistributed' | 'neutral' | 'zero' | 'failed';

/**
 * One measure's part of a health score. `contributed` values of all
 * measures add up to the score exactly, in tenths of a point.
 *
 * @example
 * ```ts
 * import { defaultScorecard, scoreAccount } from 'successkit/health';
 * import type { MeasureContribution } from 'successkit/health';
 * import { samplePortfolio } from 'successkit/sample';
 * import { accountSnapshots } from 'successkit/snapshot';
 *
 * const [snapshot] = accountSnapshots(samplePortfolio({ accounts: 1, seed: 2, asOf: '2026-06-30' })).snapshots;
 * const seats: MeasureContribution | undefined = snapshot && scoreAccount(defaultScorecard, snapshot).contributions[0];
 * seats?.id; // => 'license-utilization'
 * ```
 */
export interface MeasureContribution {
  readonly id: string;
  readonly label: string;
  /** The id of the measure's group. */
  readonly group: string;
  /** The snapshot field read. */
  readonly field: string;
  /** The value seen; `null` when absent or not of the field's type. */
  readonly value: ContributionValue;
  /** The measure's own points, 0–100, as they counted (after the policy); `null` when redistributed or failed. */
  readonly points: number | null;
  /** The measure's effective share of the score after redistribution, 0–1; the shares of all measures sum to 1. */
  readonly weight: number;
  /** Its share as configured, with every measure present, 0–1. */
  readonly nominalWeight: number;
  /** Points of the 0–100 score it contributed, one decimal. */
  readonly contributed: number;
  readonly status: MeasureStatus;
  readonly policy: AppliedPolicy;
  /** Why it scored as it did, in one sentence. */
  readonly note: string;
}

/**
 * One group's part of a health score: the sum of its measures.
 *
 * @example
 * ```ts
 * import type { GroupContribution } from 'successkit/health';
 *
 * const usage: GroupContribution = { id: 'usage', label: 'Usage', points: 80, weight: 0.4, nominalWeight: 0.35, contributed: 32 };
 * ```
 */
export interface GroupContribution {
  readonly id: string;
  readonly label: string;
  /** The group's own score, 0–100 (the weighted mean of its measures' points); `null` when none counted. */
  readonly points: number | null;
  /** Its effective share of the score, 0–1. */
  readonly weight: number;
  /** Its share as configured, 0–1. */
  readonly nominalWeight: number;
  /** Points of the score it contributed: the sum of its measures', one decimal. */
  readonly contributed: number;
}

/**
 * How the score moved since the previous one: `delta` in points (one
 * decimal), `'flat'` within the scorecard's `trend.flatWithin`.
 *
 * @example
 * ```ts
 * import type { HealthTrend } from 'successkit/health';
 *
 * const trend: HealthTrend = { direction: 'down', delta: -6.5 };
 * ```
 */
export interface HealthTrend {
  readonly direction: 'up' | 'down' | 'flat';
  readonly delta: number;
}

/**
 * The override that set an account's band: a rule of the scorecard or a
 * manual override.
 *
 * @example
 * ```ts
 * import type { AppliedOverride } from 'successkit/health';
 *
 * const applied: AppliedOverride = { kind: 'rule', id: 'critical-escalation', label: 'Open critical escalation', band: 'red' };
 * ```
 */
export type AppliedOverride =
  | { readonly kind: 'rule'; readonly id: string; readonly label: string; readonly band: string }
  | {
      readonly kind: 'manual';
      readonly id: string;
      readonly label: string;
      readonly band: string;
      readonly setBy: string | null;
      readonly expiresOn: CalendarDate;
    };

/**
 * Why a score is `null`: a measure with the `fail` policy had no usable
 * value, or no measure had data at all.
 *
 * @example
 * ```ts
 * import type { HealthNullReason } from 'successkit/health';
 *
 * const reason: HealthNullReason = 'no_data';
 * ```
 */
export type HealthNullReason = 'measure_failed' | 'no_data';

/**
 * The health of one account on one day, with everything behind it.
 *
 * @example
 * ```ts
 * import { defaultScorecard, scoreAccount, type HealthScore } from 'successkit/health';
 * import { samplePortfolio } from 'successkit/sample';
 * import { accountSnapshots } from 'successkit/snapshot';
 *
 * const [snapshot] = accountSnapshots(samplePortfolio({ accounts: 1, seed: 2, asOf: '2026-06-30' })).snapshots;
 * const health: HealthScore | undefined = snapshot && scoreAccount(defaultScorecard, snapshot);
 * health?.band === health?.scoreBand; // => true
 * ```
 */
export interface HealthScore {
  readonly accountId: string;
  readonly asOf: CalendarDate;
  /** 0–100, one decimal; `null` with `nullReason`. */
  readonly score: number | null;
  readonly nullReason: HealthNullReason | null;
  /** The band shown: the override's band when one applied, else {@link HealthScore.scoreBand}. */
  readonly band: string | null;
  /** The band the score earns (with hysteresis against the previous one), before overrides. */
  readonly scoreBand: string | null;
  /** The band of the previous result given, if any. */
  readonly previousBand: string | null;
  readonly trend: HealthTrend | null;
  readonly contributions: readonly MeasureContribution[];
  readonly groups: readonly GroupContribution[];
  /** Ids of the measures whose value was missing. */
  readonly missing: readonly string[];
  /** Ids of the measures whose value was stale. */
  readonly stale: readonly string[];
  readonly overriddenBy: AppliedOverride | null;
  readonly explanation: Explanation;
}

/**
 * A manual band override set by a person, for one account, until the day
 * before `expiresOn`.
 *
 * @example
 * ```ts
 * import { ManualOverride } from 'successkit/health';
 *
 * ManualOverride.parse({ accountId: 'acc-1', band: 'yellow', reason: 'Exec sponsor re-engaged', expiresOn: '2026-08-01' }).band; // => 'yellow'
 * ```
 */
export const ManualOverride = z.strictObject({
  accountId: Id,
  band: Id,
  reason: z.string().check(z.minLength(1), z.maxLength(500)),
  setBy: z.optional(z.string()),
  expiresOn: CalendarDateSchema,
});

/**
 * A manual override; see the {@link ManualOverride} schema.
 *
 * @example
 * ```ts
 * import { ManualOverride } from 'successkit/health';
 *
 * const hold: ManualOverride = ManualOverride.parse({ accountId: 'acc-1', band: 'green', reason: 'Migration planned', setBy: 'csm-4', expiresOn: '2026-07-15' });
 * ```
 */
export type ManualOverride = z.infer<typeof ManualOverride>;

/**
 * What of a previous result the next one reads: its score, band and
 * score band. A {@link HealthScore} is one.
 *
 * @example
 * ```ts
 * import { PreviousHealth } from 'successkit/health';
 *
 * PreviousHealth.parse({ score: 76, band: 'green' }).score; // => 76
 * ```
 */
export const PreviousHealth = z.object({
  score: z.nullable(z.number().check(z.minimum(0), z.maximum(100))),
  band: z.nullable(z.string()),
  scoreBand: z.optional(z.nullable(z.string())),
});

/**
 * A previous result; see the {@link PreviousHealth} schema.
 *
 * @example
 * ```ts
 * import type { PreviousHealth } from 'successkit/health';
 *
 * const last: PreviousHealth = { score: 71.5, band: 'yellow' };
 * ```
 */
export type PreviousHealth = z.infer<typeof PreviousHealth>;
