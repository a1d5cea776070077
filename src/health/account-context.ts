import * as z from 'zod/mini';
import {
  fail,
  isCalendarDate,
  isObjectRecord,
  kindOf,
  notADate,
  parseWith,
  quoteText,
  toEpochDay,
  type CalendarDate,
  type PathSegment,
} from '../core/internal.js';
import type { AccountContext } from './explain-account.js';
import { ManualOverride, PreviousHealth } from './health-score.js';
import type { ScorecardModel } from './scorecard-model.js';

/** A snapshot's id and day, checked. @internal */
export interface SnapshotIdentity {
  readonly id: string;
  readonly asOf: CalendarDate;
  readonly asOfDay: number;
}

/** Checks that `snapshot` is a record with a text `id` and a real `asOf` day. @internal */
export function snapshotIdentity(snapshot: unknown, path: readonly PathSegment[]): SnapshotIdentity {
  if (!isObjectRecord(snapshot)) fail('invalid_input', path, `expected an account snapshot, got ${kindOf(snapshot)}`);
  const { id, asOf } = snapshot as { id?: unknown; asOf?: unknown };
  if (typeof id !== 'string') fail('invalid_input', [...path, 'id'], `expected string, got ${kindOf(id)}`);
  if (!isCalendarDate(asOf)) fail('invalid_input', [...path, 'asOf'], notADate(asOf));
  return { id, asOf, asOfDay: toEpochDay(asOf) };
}

/**
 * {@link snapshotIdentity} for the snapshots of one portfolio, which usually
 * share one `asOf`: a day already seen is not parsed again.
 *
 * @internal
 */
export function identityReader(): (snapshot: unknown, path: readonly PathSegment[]) => SnapshotIdentity {
  let lastAsOf: CalendarDate | undefined;
  let lastDay = 0;
  return (snapshot, path) => {
    if (!isObjectRecord(snapshot)) fail('invalid_input', path, `expected an account snapshot, got ${kindOf(snapshot)}`);
    const { id, asOf } = snapshot as { id?: unknown; asOf?: unknown };
    if (typeof id !== 'string') fail('invalid_input', [...path, 'id'], `expected string, got ${kindOf(id)}`);
    if (lastAsOf === undefined || asOf !== lastAsOf) {
      if (!isCalendarDate(asOf)) fail('invalid_input', [...path, 'asOf'], notADate(asOf));
      lastAsOf = asOf;
      lastDay = toEpochDay(asOf);
    }
    return { id, asOf: lastAsOf, asOfDay: lastDay };
  };
}

/** The index of a previous result's band, checked against the scorecard's bands. @internal */
export function previousBandIndex(
  model: ScorecardModel,
  previous: PreviousHealth | undefined,
  path: readonly PathSegment[],
): number {
  if (previous === undefined) return -1;
  for (const key of ['band', 'scoreBand'] as const) {
    const band = previous[key];
    if (typeof band === 'string' && !model.bandIndex.has(band)) {
      fail(
        'invalid_input',
        [...path, key],
        `unknown band ${quoteText(band, 60)}; the scorecard has ${model.bandIds.join(', ')}`,
      );
    }
  }
  const band = previous.scoreBand === undefined ? previous.band : previous.scoreBand;
  return band === null ? -1 : (model.bandIndex.get(band) ?? -1);
}

/** Checks that every manual override names a band of the scorecard. @internal */
export function checkManualBands(
  model: ScorecardModel,
  overrides: readonly ManualOverride[],
  path: readonly PathSegment[],
): void {
  overrides.forEach((override, index) => {
    if (!model.bandIndex.has(override.band)) {
      fail(
        'invalid_input',
        [...path, index, 'band'],
        `unknown band ${quoteText(override.band, 60)}; the scorecard has ${model.bandIds.join(', ')}`,
      );
    }
  });
}

/**
 * Options of {@link scoreAccount}.
 *
 * @example
 * ```ts
 * import { ScoreAccountOptions } from 'successkit/health';
 *
 * ScoreAccountOptions.parse({ previous: { score: 80, band: 'green' } }).previous?.band; // => 'green'
 * ```
 */
export const ScoreAccountOptions = z.strictObject({
  /** The account's previous result (last week's, last month's): the band hysteresis starts from and the trend's base. Default none. */
  previous: z.optional(PreviousHealth),
  /** The account's previous snapshot, for override rules that use change operators. Default none. */
  previousSnapshot: z.optional(z.looseObject({})),
  /** Manual overrides; those of other accounts are ignored. Default none. */
  manualOverrides: z.optional(z.array(ManualOverride)),
});

/**
 * Options of {@link scoreAccount}; see the {@link ScoreAccountOptions} schema.
 *
 * @example
 * ```ts
 * import type { ScoreAccountOptions } from 'successkit/health';
 *
 * const options: ScoreAccountOptions = { manualOverrides: [{ accountId: 'acc-1', band: 'red', reason: 'Budget cut announced', expiresOn: '2026-09-01' }] };
 * ```
 */
export type ScoreAccountOptions = z.input<typeof ScoreAccountOptions>;

/** The context of one account from validated options. @internal */
export function accountContext(
  model: ScorecardModel,
  identity: SnapshotIdentity,
  options: z.output<typeof ScoreAccountOptions>,
): AccountContext {
  const manual = (options.manualOverrides ?? []).filter((override) => override.accountId === identity.id);
  checkManualBands(model, options.manualOverrides ?? [], ['options', 'manualOverrides']);
  return {
    asOfDay: identity.asOfDay,
    previousScore: options.previous?.score ?? null,
    previousBand: options.previous?.band ?? null,
    previousBandIndex: previousBandIndex(model, options.previous, ['options', 'previous']),
    previousSnapshot: options.previousSnapshot,
    manual,
  };
}

/** Validates the options of {@link scoreAccount}. @internal */
export function parseScoreAccountOptions(options: unknown): z.output<typeof ScoreAccountOptions> {
  return parseWith(ScoreAccountOptions, options, { path: ['options'] });
}
