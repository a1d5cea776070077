import * as z from 'zod/mini';
import { fail, isObjectRecord, quoteText, unreadable, type PathSegment } from '../core/internal.js';
import { blockScores } from './block-scores.js';
import type { HealthColumns } from './compile-scorecard.js';
import { definedScorecard, type Scorecard } from './define-scorecard.js';
import type { ScorecardInput } from './scorecard.js';
import { modelOf, type ScorecardModel } from './scorecard-model.js';

/**
 * Options of {@link scoreColumns}.
 *
 * @example
 * ```ts
 * import type { ScoreColumnsOptions } from 'successkit/health';
 *
 * const options: ScoreColumnsOptions = { ages: { nps: Float64Array.of(12, 400) } };
 * ```
 */
export interface ScoreColumnsOptions {
  /** Per measure with staleness, the age of each value in days (`NaN` for an unknown date); required for those measures. */
  readonly ages?: Readonly<Record<string, Float64Array>>;
  /** Each account's previous band index (255 for none), where hysteresis starts. Default none. */
  readonly previousBands?: Uint8Array;
}

function column(source: unknown, id: string, path: readonly PathSegment[], length: number | undefined): Float64Array {
  if (!isObjectRecord(source) || !Object.hasOwn(source, id))
    fail('invalid_input', [...path, id], 'required: a Float64Array');
  const values: unknown = source[id];
  if (!(values instanceof Float64Array)) fail('invalid_input', [...path, id], 'expected a Float64Array');
  if (length !== undefined && values.length !== length) {
    fail(
      'invalid_input',
      [...path, id],
      `expected ${String(length)} values like the other columns, got ${String(values.length)}`,
    );
  }
  return values;
}

function checkKeys(source: unknown, allowed: ReadonlySet<string>, path: readonly PathSegment[]): void {
  if (!isObjectRecord(source)) fail('invalid_input', path, 'expected an object of Float64Array columns');
  for (const key of Object.keys(source))
    if (!allowed.has(key)) fail('invalid_input', [...path, key], `no measure has the id ${quoteText(key, 60)}`);
}

interface Columns {
  readonly values: readonly Float64Array[];
  readonly ages: readonly (Float64Array | undefined)[];
  readonly length: number;
}

const Options = z.strictObject({ ages: z.optional(z.unknown()), previousBands: z.optional(z.unknown()) });

function columnsOf(model: ScorecardModel, columns: unknown, options: ScoreColumnsOptions): Columns {
  const ids = new Set(model.measures.map((measure) => measure.id));
  checkKeys(columns, ids, ['columns']);
  const first = model.measures[0];
  const length = first === undefined ? 0 : column(columns, first.id, ['columns'], undefined).length;
  const values = model.measures.map((measure) => column(columns, measure.id, ['columns'], length));
  const staleIds = new Set(model.measures.filter((measure) => measure.stale !== null).map((measure) => measure.id));
  if (options.ages !== undefined) checkKeys(options.ages, staleIds, ['options', 'ages']);
  const ages = model.measures.map((measure) =>
    measure.stale === null ? undefined : column(options.ages ?? {}, measure.id, ['options', 'ages'], length),
  );
  return { values, ages, length };
}

/**
 * Scores accounts held as columns, one `Float64Array` per measure id
 * (`NaN` meaning missing; a `bands` measure holds the index of its category
 * in the order the scoring lists them, a `boolean` one 1 or 0). Scores and
 * score bands are identical to {@link scoreAccount}'s `score` and
 * `scoreBand` for the same values; rule and manual overrides, which read
 * whole snapshots, are not applied.
 *
 * @param scorecard - a {@link Scorecard}, or a plain {@link ScorecardInput} checked against `snapshotFields`
 * @param columns - one column per measure id, all of one length
 * @param options - ages for stale checks and previous bands; see {@link ScoreColumnsOptions}
 * @returns the {@link HealthColumns}
 * @throws {@link core!SuccessKitError} `invalid_definition` for a bad scorecard; `invalid_input` for a missing, unknown or short column (path `columns.<id>`), or bad options
 *
 * @example
 * ```ts
 * import { defineScorecard, scoreColumns } from 'successkit/health';
 *
 * const scorecard = defineScorecard({
 *   id: 'seats',
 *   label: 'Seats',
 *   groups: [{ id: 'usage', label: 'Usage', weight: 1, measures: [{ id: 'seats', label: 'Seats in use', field: 'licenseUtilization', weight: 1, scoring: { type: 'linear', min: 0, max: 1 } }] }],
 *   bands: [{ id: 'red', label: 'Red', from: 0 }, { id: 'green', label: 'Green', from: 50 }],
 * });
 * const { scores, bands } = scoreColumns(scorecard, { seats: Float64Array.of(0.25, 0.8, Number.NaN) });
 * [...scores]; // => [25, 80, NaN]
 * [...bands]; // => [0, 1, 255]
 * ```
 */
export function scoreColumns(
  scorecard: Scorecard | ScorecardInput,
  columns: Readonly<Record<string, Float64Array>>,
  options: ScoreColumnsOptions = {},
): HealthColumns {
  const model = modelOf(definedScorecard(scorecard));
  try {
    return scoreColumnsOf(model, columns, options);
  } catch (thrown) {
    throw unreadable(thrown, 'invalid_input', ['columns'], 'the columns');
  }
}

function scoreColumnsOf(model: ScorecardModel, columns: unknown, options: ScoreColumnsOptions): HealthColumns {
  if (!isObjectRecord(options)) fail('invalid_input', ['options'], 'expected an object');
  const checked = Options.safeParse(options);
  if (!checked.success) fail('invalid_input', ['options'], 'expected { ages?, previousBands? }');
  const { values, ages, length } = columnsOf(model, columns, options);
  const previous = options.previousBands;
  if (previous !== undefined && (!(previous instanceof Uint8Array) || previous.length !== length)) {
    fail('invalid_input', ['options', 'previousBands'], `expected a Uint8Array of ${String(length)} band indexes`);
  }
  return blockScores(
    model,
    length,
    {
      fill: (measure, start, count, out) =>
        measure.fillColumn(values[measure.index] ?? new Float64Array(0), start, count, out),
      add: (measure, start, count, sum) =>
        measure.addColumn(values[measure.index] ?? new Float64Array(0), start, count, measure.weight, sum),
      stale: (measure, start, count, out) => {
        const limit = measure.stale?.maxAgeDays ?? Infinity;
        const column = ages[measure.index];
        for (let row = 0; row < count; row++) if (!((column?.[start + row] ?? Number.NaN) <= limit)) out[row] = 1;
      },
    },
    previous,
  );
}
