import { fail, unreadable, type CalendarDate } from '../core/internal.js';
import type { AccountSnapshot } from '../snapshot/index.js';
import { classifyCompiled, snapshotRecord, type FitClassification } from './classify-fit.js';
import { compiledFitModel, type CompiledFitModel } from './compiled-fit-model.js';
import { definedFitModel } from './define-fit-model.js';
import type { FitClass } from './fit-class.js';
import type { FitModel, FitModelInput } from './fit-model.js';

/**
 * The fit of an account on one day of its history, and what changed since
 * the day before it in the series.
 *
 * @example
 * ```ts
 * import type { FitHistoryPoint } from 'successkit/fit';
 *
 * const label = (point: FitHistoryPoint) => `${point.asOf ?? '?'}: ${point.possibleClasses.join('/')}`;
 * ```
 */
export interface FitHistoryPoint {
  /** The snapshot's day. */
  readonly asOf: CalendarDate | null;
  readonly fitClass: FitClass;
  readonly provisional: boolean;
  readonly possibleClasses: readonly FitClass[];
  /** Weighted shares 0–1, as in {@link FitClassification}. */
  readonly scoreRange: readonly [min: number, max: number];
  /** Criteria and deal-breakers unknown on the point before and known on this one: the cards turned over. */
  readonly revealed: readonly string[];
  /** Known on the point before and unknown again on this one (data that aged out of the window). */
  readonly hidden: readonly string[];
  /** Whether `fitClass` or `provisional` differs from the point before; false on the first point. */
  readonly changed: boolean;
}

/**
 * How an account's fit narrowed over a series of its snapshots, for a
 * timeline.
 *
 * @example
 * ```ts
 * import type { FitHistory } from 'successkit/fit';
 *
 * const settledOn = (history: FitHistory) => history.firstFinal?.asOf ?? 'not yet';
 * ```
 */
export interface FitHistory {
  /** The account's id; `null` for an empty series or snapshots without one. */
  readonly accountId: string | null;
  /** One point per snapshot, in the series' order. */
  readonly points: readonly FitHistoryPoint[];
  /** The first point whose class was final, with that class; `null` while it never was. */
  readonly firstFinal: { readonly asOf: CalendarDate | null; readonly fitClass: FitClass } | null;
  /** The classification on the last snapshot, in full; `null` for an empty series. */
  readonly latest: FitClassification | null;
}

function knownIds(result: FitClassification): Set<string> {
  const unknown = new Set([...result.unknown, ...result.unknownDealBreakers]);
  return new Set(result.explanation.contributions.map((part) => part.id).filter((id) => !unknown.has(id)));
}

/**
 * Classifies each snapshot of one account's series (oldest first, e.g. its
 * snapshot on each month end from `snapshotSeries`) and says how the class
 * and the score interval narrowed: which criteria were revealed on each day,
 * when the class changed, and when it first became final.
 *
 * @param model - a model from {@link defineFitModel}, or one as written
 * @param series - one account's snapshots, oldest first, each `asOf` after the one before
 * @returns the timeline; see {@link FitHistory}
 * @throws {@link core!SuccessKitError} `invalid_input` for a series that is not an array, a snapshot that is not an object, snapshots of different accounts (at `series[i].id`) or out of order (at `series[i].asOf`)
 *
 * @example
 * ```ts
 * import { defineFitModel, fitHistory } from 'successkit/fit';
 *
 * const model = defineFitModel({
 *   criteria: [
 *     { id: 'size', label: '50+ employees', weight: 1, rule: { field: 'employees', op: 'gte', value: 50 } },
 *     { id: 'usage', label: 'Most seats in use', weight: 3, rule: { field: 'licenseUtilization', op: 'gte', value: 0.6 }, knownFrom: { tenureDays: 60 } },
 *   ],
 *   thresholds: { perfect: 1, good: 0.7 },
 * });
 * const history = fitHistory(model, [
 *   { id: 'a', asOf: '2026-01-31', employees: 400, tenureDays: 30, licenseUtilization: 0.3 },
 *   { id: 'a', asOf: '2026-02-28', employees: 400, tenureDays: 58, licenseUtilization: 0.5 },
 *   { id: 'a', asOf: '2026-03-31', employees: 400, tenureDays: 89, licenseUtilization: 0.7 },
 * ]);
 * history.points.map((point) => point.possibleClasses.length); // => [3, 3, 1]
 * history.points[2]?.revealed; // => ['usage']
 * history.firstFinal; // => { asOf: '2026-03-31', fitClass: 'perfect' }
 * ```
 */
export function fitHistory(model: FitModel | FitModelInput, series: readonly (AccountSnapshot | object)[]): FitHistory {
  const compiled = compiledFitModel(definedFitModel(model));
  try {
    return historyOf(compiled, series);
  } catch (thrown) {
    throw unreadable(thrown, 'invalid_input', ['series'], 'the series');
  }
}

function historyOf(compiled: CompiledFitModel, series: readonly unknown[]): FitHistory {
  if (!Array.isArray(series))
    fail('invalid_input', ['series'], "expected an array of one account's snapshots, oldest first");
  const points: FitHistoryPoint[] = [];
  let previous: FitClassification | null = null;
  let previousKnown = new Set<string>();
  let firstFinal: FitHistory['firstFinal'] = null;
  for (let index = 0; index < series.length; index++) {
    const snapshot = snapshotRecord(series[index], ['series', index]);
    const result = classifyCompiled(compiled, snapshot);
    if (previous !== null) {
      if (result.accountId !== previous.accountId) {
        fail(
          'invalid_input',
          ['series', index, 'id'],
          `expected snapshots of one account (${JSON.stringify(previous.accountId)}), got another`,
        );
      }
      if (result.asOf !== null && previous.asOf !== null && result.asOf <= previous.asOf) {
        fail('invalid_input', ['series', index, 'asOf'], `expected a day after ${previous.asOf}, got ${result.asOf}`);
      }
    }
    const known = knownIds(result);
    points.push({
      asOf: result.asOf,
      fitClass: result.fitClass,
      provisional: result.provisional,
      possibleClasses: result.possibleClasses,
      scoreRange: result.scoreRange,
      revealed: previous === null ? [] : [...known].filter((id) => !previousKnown.has(id)),
      hidden: previous === null ? [] : [...previousKnown].filter((id) => !known.has(id)),
      changed:
        previous !== null && (previous.fitClass !== result.fitClass || previous.provisional !== result.provisional),
    });
    if (firstFinal === null && !result.provisional) firstFinal = { asOf: result.asOf, fitClass: result.fitClass };
    previous = result;
    previousKnown = known;
  }
  return { accountId: previous?.accountId ?? null, points, firstFinal, latest: previous };
}
