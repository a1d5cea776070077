import { at, fail, isArray, isCalendarDate, notADate, toEpochDay, unreadable } from '../core/internal.js';
import {
  accountContext,
  parseScoreAccountOptions,
  snapshotIdentity,
  type ScoreAccountOptions,
} from './account-context.js';
import { definedScorecard, type Scorecard } from './define-scorecard.js';
import { explainAccount } from './explain-account.js';
import type { HealthScore } from './health-score.js';
import { measurePoints, scoreMeasures } from './measure-points.js';
import type { ScorecardInput } from './scorecard.js';
import { objectRuns, type ObjectRuns } from './object-runs.js';
import { blockScores, blockSize, noBand } from './block-scores.js';
import { combinePoints, isStaleDate, modelOf, roundScore, type ScorecardModel } from './scorecard-model.js';

/**
 * Scores and bands of many accounts, one entry per account in input order:
 * `scores` 0–100 with one decimal (`NaN` where the score is `null`) and
 * `bands` as indexes into the scorecard's bands (255 where there is none).
 * Bands are the score's bands, before overrides.
 *
 * @example
 * ```ts
 * import type { HealthColumns } from 'successkit/health';
 *
 * const columns: HealthColumns = { scores: Float64Array.of(81.5, Number.NaN), bands: Uint8Array.of(2, 255) };
 * ```
 */
export interface HealthColumns {
  readonly scores: Float64Array;
  readonly bands: Uint8Array;
}

/**
 * A scorecard compiled for many snapshots; see {@link compileScorecard}.
 *
 * @example
 * ```ts
 * import { compileScorecard, defaultScorecard, type CompiledScorecard } from 'successkit/health';
 *
 * const compiled: CompiledScorecard = compileScorecard(defaultScorecard);
 * compiled.scorecard.id; // => 'default'
 * ```
 */
export interface CompiledScorecard {
  readonly scorecard: Scorecard;
  /** The score of one snapshot, 0–100 with one decimal, or `null`; the same number {@link scoreAccount} gives. */
  readonly score: (snapshot: object) => number | null;
  /** Scores and score bands of many snapshots; `previousBands` (band indexes, 255 for none) start the hysteresis. */
  readonly scores: (snapshots: readonly object[], previousBands?: Uint8Array) => HealthColumns;
  /** The full result of one snapshot, as {@link scoreAccount} gives it. */
  readonly explain: (snapshot: object, options?: ScoreAccountOptions) => HealthScore;
}

/** Reads snapshot days, parsing each new `asOf` once: a portfolio's snapshots usually share one. */
function dayReader(): (snapshot: object, index: number) => number {
  let lastText = '';
  let lastDay = 0;
  return (snapshot, index) => {
    const asOf = (snapshot as { asOf?: unknown }).asOf;
    if (asOf === lastText) return lastDay;
    if (!isCalendarDate(asOf)) fail('invalid_input', ['snapshots', index, 'asOf'], notADate(asOf));
    lastText = asOf;
    lastDay = toEpochDay(asOf);
    return lastDay;
  };
}

function checkPreviousBands(model: ScorecardModel, previousBands: unknown, count: number): Uint8Array | undefined {
  if (previousBands === undefined) return undefined;
  if (!(previousBands instanceof Uint8Array) || previousBands.length !== count) {
    fail('invalid_input', ['previousBands'], `expected a Uint8Array of ${String(count)} band indexes`);
  }
  for (let index = 0; index < previousBands.length; index++) {
    const band = previousBands[index] ?? noBand;
    if (band !== noBand && band >= model.bandIds.length) {
      fail(
        'invalid_input',
        ['previousBands', index],
        `expected a band index below ${String(model.bandIds.length)} or 255, got ${String(band)}`,
      );
    }
  }
  return previousBands;
}

/** Checks that snapshots `start … start + length)` are objects with a valid `asOf`, and keeps their days in `days` when given. */
function checkSnapshots(
  snapshots: readonly unknown[],
  start: number,
  length: number,
  dayOf: (snapshot: object, index: number) => number,
  days: Int32Array | undefined,
): void {
  for (let index = start; index < start + length; index++) {
    const snapshot: unknown = snapshots[index];
    if (typeof snapshot !== 'object' || snapshot === null)
      fail('invalid_input', ['snapshots', index], 'expected an account snapshot');
    try {
      const day = dayOf(snapshot, index);
      if (days !== undefined) days[index] = day;
    } catch (thrown) {
      throw unreadable(thrown, 'invalid_input', ['snapshots', index], 'the snapshot');
    }
  }
}

function scoresOf(model: ScorecardModel, snapshots: unknown, previousBands: unknown, runs: ObjectRuns): HealthColumns {
  if (!isArray(snapshots)) fail('invalid_input', ['snapshots'], 'expected an array of snapshots');
  const count = snapshots.length;
  const previous = checkPreviousBands(model, previousBands, count);
  const dayOf = dayReader();
  const days = model.measures.some((measure) => measure.stale !== null) ? new Int32Array(count) : undefined;
  const rows = snapshots as readonly object[];
  // A block's values of a measure read by its field reader, for its column filler.
  const values = new Float64Array(blockSize);
  // A block's points of a measure read through its scorer.
  const points = new Float64Array(blockSize);
  try {
    return blockScores(
      model,
      count,
      {
        // Checking a block's snapshots just before scoring them, rather than checking all of them first, reads
        // each snapshot from memory once: a million of them do not stay in the cache between passes.
        prepare: (start, length) => {
          checkSnapshots(rows, start, length, dayOf, days);
        },
        fill: (measure, start, length, out) => {
          if (measure.readField === null) return measure.fillObjects(rows, start, length, out);
          measure.readField(rows, start, length, values);
          return measure.fillColumn(values, 0, length, out);
        },
        add: (measure, start, length, sum) => {
          // A run adds its later measures with its first, which the group adds before them.
          if (runs.added[measure.index] === 1) return true;
          const run = runs.startingAt[measure.index] ?? null;
          if (run !== null) return run(rows, start, length, sum);
          if (measure.fillObjects(rows, start, length, points) > 0) return false;
          for (let row = 0; row < length; row++) sum[row] = (sum[row] ?? 0) + measure.weight * (points[row] ?? 0);
          return true;
        },
        stale: (measure, start, length, out) => {
          const check = measure.stale;
          if (check === null || days === undefined) return;
          for (let row = 0; row < length; row++) {
            if (isStaleDate(check.read(rows[start + row] ?? {}), at(days, start + row), check.maxAgeDays)) out[row] = 1;
          }
        },
      },
      previous,
    );
  } catch (thrown) {
    // As when every snapshot was checked before any was scored: a value that is not a snapshot, or has no valid
    // asOf, is reported before a field of an earlier snapshot that could not be read.
    checkSnapshots(rows, 0, count, dayReader(), undefined);
    throw unreadable(thrown, 'invalid_input', ['snapshots'], 'a snapshot');
  }
}

/**
 * Compiles a scorecard for scoring many snapshots: `score` and `scores`
 * skip the explanation (for dashboards and backtests over millions of
 * snapshots), `explain` gives the full {@link HealthScore}. All three give
 * the same numbers as {@link scoreAccount}.
 *
 * @param scorecard - a {@link Scorecard}, or a plain {@link ScorecardInput} checked against `snapshotFields`
 * @returns the {@link CompiledScorecard}
 * @throws {@link core!SuccessKitError} `invalid_definition` for a bad scorecard; its functions throw `invalid_input` for a bad snapshot (path `snapshots[i]…`) or `previousBands`
 *
 * @example
 * ```ts
 * import { compileScorecard, defaultScorecard } from 'successkit/health';
 *
 * const health = compileScorecard(defaultScorecard);
 * const snapshot = { id: 'acc-1', asOf: '2026-06-30', licenseUtilization: 0.9, stickiness: 0.4 };
 * health.score(snapshot); // => 100
 * health.scores([snapshot, { id: 'acc-2', asOf: '2026-06-30' }]).bands; // => Uint8Array.of(2, 2)
 * ```
 */
export function compileScorecard(scorecard: Scorecard | ScorecardInput): CompiledScorecard {
  const model = modelOf(definedScorecard(scorecard));
  const points = measurePoints(model);
  const dayOf = dayReader();
  const runs = objectRuns(model);
  return {
    scorecard: model.scorecard,
    score: (snapshot) => {
      snapshotIdentity(snapshot, ['snapshot']);
      try {
        scoreMeasures(model, snapshot, dayOf(snapshot, 0), points);
      } catch (thrown) {
        throw unreadable(thrown, 'invalid_input', ['snapshot'], 'the snapshot');
      }
      const raw = points.failed >= 0 ? Number.NaN : combinePoints(model, points.effective);
      return raw === raw ? roundScore(raw) : null;
    },
    scores: (snapshots, previousBands) => scoresOf(model, snapshots, previousBands, runs),
    explain: (snapshot, options = {}) => {
      const parsed = parseScoreAccountOptions(options);
      try {
        const identity = snapshotIdentity(snapshot, ['snapshot']);
        return explainAccount(model, snapshot, points, accountContext(model, identity, parsed));
      } catch (thrown) {
        throw unreadable(thrown, 'invalid_input', ['snapshot'], 'the snapshot');
      }
    },
  };
}
