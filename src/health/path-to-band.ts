import { at, fail, quoteText, unreadable, type ContributionValue } from '../core/internal.js';
import {
  accountContext,
  parseScoreAccountOptions,
  snapshotIdentity,
  type ScoreAccountOptions,
} from './account-context.js';
import { definedScorecard, type Scorecard } from './define-scorecard.js';
import { explainAccount, type AccountContext } from './explain-account.js';
import { measurePoints, ok, scoreMeasures } from './measure-points.js';
import type { ScorecardInput, ThresholdRange } from './scorecard.js';
import {
  bandIndexOf,
  combinePoints,
  roundScore,
  modelOf,
  type MeasureModel,
  type ScorecardModel,
} from './scorecard-model.js';

/**
 * One change of one measure's value that a plan proposes.
 *
 * @example
 * ```ts
 * import type { ProposedChange } from 'successkit/health';
 *
 * const seats: ProposedChange = {
 *   measureId: 'seats', label: 'Seats in use', field: 'licenseUtilization', from: 0.4, to: 0.62,
 *   pointsFrom: 40, pointsTo: 62, refreshes: null,
 * };
 * ```
 */
export interface ProposedChange {
  readonly measureId: string;
  readonly label: string;
  readonly field: string;
  /** The value now; `null` when missing. */
  readonly from: ContributionValue;
  /** The value the change needs (at least this for a rising scale, at most for a falling one). */
  readonly to: number | string | boolean;
  /** The measure's points now (0–100; `null` when it does not count) and after the change. */
  readonly pointsFrom: number | null;
  readonly pointsTo: number;
  /** The date field the change also brings up to the snapshot's day, for a stale measure; else `null`. */
  readonly refreshes: string | null;
}

/**
 * The smallest changes that move an account into a band, or why none can:
 * `alone` lists, for each measure that could do it by itself, the value it
 * would need; `plan` is the cheapest of those (the fewest of the measure's
 * points to gain), or a greedy combination when no measure suffices alone.
 *
 * @example
 * ```ts
 * import type { BandPath } from 'successkit/health';
 *
 * const there: BandPath = { reachable: true, target: 'green', score: 80, band: 'green', alone: [], plan: [], scoreAfter: 80, bandAfter: 'green' };
 * ```
 */
export type BandPath =
  | {
      readonly reachable: true;
      readonly target: string;
      readonly score: number | null;
      readonly band: string | null;
      readonly alone: readonly ProposedChange[];
      readonly plan: readonly ProposedChange[];
      /** The score and band after the plan. */
      readonly scoreAfter: number;
      readonly bandAfter: string;
    }
  | {
      readonly reachable: false;
      readonly target: string;
      readonly score: number | null;
      readonly band: string | null;
      readonly reason: 'overridden' | 'unreachable';
      readonly message: string;
    };

type Value = number | string | boolean;

interface Candidate {
  readonly value: Value;
  readonly points: number;
}

/** A copy of the snapshot with the field set, copying the records on a dotted path. @internal */
export function withValue(snapshot: object, field: string, value: unknown): object {
  const [head, ...rest] = field.split('.');
  const key = head ?? field;
  if (rest.length === 0) return { ...snapshot, [key]: value };
  const inner = (snapshot as Record<string, unknown>)[key];
  return {
    ...snapshot,
    [key]: withValue(typeof inner === 'object' && inner !== null ? inner : {}, rest.join('.'), value),
  };
}

function nearestInRange(range: ThresholdRange, current: number): number {
  const { from, below } = range;
  if (from !== undefined && !(current >= from)) return from;
  if (below === undefined) return from ?? current;
  if (from === undefined || below - 1 >= from)
    return Number.isInteger(below) ? below - 1 : from === undefined ? below - 1 : (from + below) / 2;
  return (from + below) / 2;
}

/** The values worth trying for a measure, with their points, nearest the current value first. */
function candidatesOf(measure: MeasureModel, current: unknown): Candidate[] {
  const { scoring } = measure;
  const number = typeof current === 'number' && Number.isFinite(current) ? current : Number.NaN;
  switch (scoring.type) {
    case 'linear': {
      const best = scoring.invert === true ? scoring.min : scoring.max;
      return [{ value: best, points: 100 }];
    }
    case 'thresholds':
      return scoring.ranges
        .map((range) => ({ value: nearestInRange(range, number), points: range.points }))
        .sort((a, b) =>
          number === number ? Math.abs(a.value - number) - Math.abs(b.value - number) : a.points - b.points,
        );
    case 'bands':
      return Object.entries(scoring.points)
        .map(([value, points]) => ({ value, points }))
        .sort((a, b) => a.points - b.points);
    case 'boolean':
      return [
        { value: true, points: scoring.whenTrue ?? 100 },
        { value: false, points: scoring.whenFalse ?? 0 },
      ];
  }
}

interface Search {
  readonly model: ScorecardModel;
  readonly context: AccountContext;
  readonly target: number;
  readonly asOf: string;
}

function evaluate(search: Search, snapshot: object): { score: number | null; band: number } {
  const points = measurePoints(search.model);
  scoreMeasures(search.model, snapshot, search.context.asOfDay, points);
  const raw = points.failed >= 0 ? Number.NaN : combinePoints(search.model, points.effective);
  if (raw !== raw) return { score: null, band: -1 };
  const score = roundScore(raw);
  return {
    score,
    band: bandIndexOf(
      search.model.bandFrom,
      search.model.scorecard.hysteresis,
      score,
      search.context.previousBandIndex,
    ),
  };
}

function applied(search: Search, snapshot: object, measure: MeasureModel, value: Value): object {
  const changed = withValue(snapshot, measure.field, value);
  return measure.stale === null ? changed : withValue(changed, measure.stale.dateField, search.asOf);
}

function reaches(search: Search, snapshot: object): boolean {
  return evaluate(search, snapshot).band >= search.target;
}

/** The smallest linear value from the worst end towards `best` that reaches the band, or undefined. */
function linearValue(search: Search, snapshot: object, measure: MeasureModel, current: unknown): number | undefined {
  if (measure.scoring.type !== 'linear') return undefined;
  const { min, max } = measure.scoring;
  const rising = measure.scoring.invert !== true;
  const best = rising ? max : min;
  if (!reaches(search, applied(search, snapshot, measure, best))) return undefined;
  const worst = rising ? min : max;
  let far =
    typeof current === 'number' && Number.isFinite(current) && (rising ? current > worst : current < worst)
      ? current
      : worst;
  far = rising ? Math.min(far, best) : Math.max(far, best);
  let near = best;
  for (let step = 0; step < 60; step++) {
    const middle = (far + near) / 2;
    if (reaches(search, applied(search, snapshot, measure, middle))) near = middle;
    else far = middle;
  }
  for (const digits of [2, 3, 4, 6]) {
    const scale = 10 ** digits;
    const rounded = rising ? Math.ceil(near * scale) / scale : Math.floor(near * scale) / scale;
    if (reaches(search, applied(search, snapshot, measure, rounded))) return rounded;
  }
  return near;
}

function proposal(measure: MeasureModel, from: unknown, fromPoints: number | null, value: Value): ProposedChange {
  return {
    measureId: measure.id,
    label: measure.label,
    field: measure.field,
    from:
      (typeof from === 'number' && Number.isFinite(from)) || typeof from === 'string' || typeof from === 'boolean'
        ? from
        : null,
    to: value,
    pointsFrom: fromPoints,
    pointsTo: roundScore(measure.points(value)),
    refreshes: measure.stale?.dateField ?? null,
  };
}

/** The change of this measure alone, nearest first, that reaches the band from `snapshot`. */
function aloneChange(
  search: Search,
  snapshot: object,
  measure: MeasureModel,
  currentPoints: number,
): Value | undefined {
  const current = measure.read(snapshot);
  if (measure.scoring.type === 'linear') return linearValue(search, snapshot, measure, current);
  for (const candidate of candidatesOf(measure, current)) {
    if (candidate.points <= currentPoints) continue;
    if (reaches(search, applied(search, snapshot, measure, candidate.value))) return candidate.value;
  }
  return undefined;
}

function currentPointsOf(search: Search, snapshot: object): Float64Array {
  const points = measurePoints(search.model);
  scoreMeasures(search.model, snapshot, search.context.asOfDay, points);
  return points.scored.map((value, index) => (points.status[index] === ok && value === value ? value : -1));
}

function greedy(search: Search, snapshot: object): { plan: ProposedChange[]; after: object } | undefined {
  let state = snapshot;
  const plan: ProposedChange[] = [];
  const used = new Set<number>();
  const start = currentPointsOf(search, snapshot);
  for (;;) {
    let best: { measure: MeasureModel; value: Value; score: number } | undefined;
    const now = evaluate(search, state).score ?? -1;
    for (const measure of search.model.measures) {
      if (used.has(measure.index)) continue;
      const top = candidatesOf(measure, measure.read(state)).reduce((a, b) => (b.points > a.points ? b : a));
      if (top.points <= (start[measure.index] ?? -1)) continue;
      const score = evaluate(search, applied(search, state, measure, top.value)).score ?? -1;
      if (score > now && (best === undefined || score > best.score)) best = { measure, value: top.value, score };
    }
    if (best === undefined) return undefined;
    used.add(best.measure.index);
    const { measure } = best;
    const smallest = aloneChange(search, state, measure, start[measure.index] ?? -1);
    const value = smallest ?? best.value;
    plan.push(
      proposal(
        measure,
        measure.read(snapshot),
        start[measure.index] === -1 ? null : roundScore(at(start, measure.index)),
        value,
      ),
    );
    state = applied(search, state, measure, value);
    if (smallest !== undefined) return { plan, after: state };
  }
}

/**
 * Finds the smallest changes that move an account into a band at least
 * as good as `targetBand`, against the snapshot's current score (and the
 * hysteresis of `options.previous`, when given): for each measure, the
 * value it would need alone; and when no measure suffices alone, a greedy
 * combination that takes the measure adding most to the score first and
 * the least the last one needs. A stale measure's change also refreshes
 * its date. `reachable: false` says why: an override fixes the band, or
 * even every measure at its best does not reach it.
 *
 * @param scorecard - a {@link Scorecard}, or a plain {@link ScorecardInput} checked against `snapshotFields`
 * @param snapshot - the account as of a day
 * @param targetBand - the id of a band of the scorecard
 * @param options - as for {@link scoreAccount}
 * @returns the {@link BandPath}
 * @throws {@link core!SuccessKitError} `invalid_input` for an unknown band (path `targetBand`), a bad snapshot or options
 *
 * @example
 * ```ts
 * import { defaultScorecard, pathToBand } from 'successkit/health';
 *
 * const snapshot = { id: 'acc-1', asOf: '2026-06-30', licenseUtilization: 0.3, stickiness: 0.1, escalations: 0, urgentTicketsOpened: 0 };
 * const path = pathToBand(defaultScorecard, snapshot, 'green');
 * path.reachable && path.plan.map((change) => `${change.field} → ${String(change.to)}`); // => ['licenseUtilization → 0.85']
 * path.reachable && path.bandAfter; // => 'green'
 * ```
 */
export function pathToBand(
  scorecard: Scorecard | ScorecardInput,
  snapshot: object,
  targetBand: string,
  options: ScoreAccountOptions = {},
): BandPath {
  const model = modelOf(definedScorecard(scorecard));
  const target = typeof targetBand === 'string' ? model.bandIndex.get(targetBand) : undefined;
  if (target === undefined)
    fail(
      'invalid_input',
      ['targetBand'],
      `expected one of ${model.bandIds.join(', ')}, got ${typeof targetBand === 'string' ? quoteText(targetBand, 60) : 'no text'}`,
    );
  const parsed = parseScoreAccountOptions(options);
  try {
    const identity = snapshotIdentity(snapshot, ['snapshot']);
    const context = accountContext(model, identity, parsed);
    const current = explainAccount(model, snapshot, measurePoints(model), context);
    const base = { target: targetBand, score: current.score, band: current.band };
    if (current.overriddenBy !== null) {
      return {
        ...base,
        reachable: false,
        reason: 'overridden',
        message: `the band is set to ${current.overriddenBy.band} by "${current.overriddenBy.label}", whatever the score`,
      };
    }
    const search: Search = { model, context, target, asOf: identity.asOf };
    const now = evaluate(search, snapshot);
    if (now.band >= target && now.score !== null) {
      return {
        ...base,
        reachable: true,
        alone: [],
        plan: [],
        scoreAfter: now.score,
        bandAfter: model.bandIds[now.band] ?? targetBand,
      };
    }
    const start = currentPointsOf(search, snapshot);
    const alone: ProposedChange[] = [];
    for (const measure of model.measures) {
      const value = aloneChange(search, snapshot, measure, start[measure.index] ?? -1);
      const from = start[measure.index] ?? -1;
      if (value !== undefined)
        alone.push(proposal(measure, measure.read(snapshot), from < 0 ? null : roundScore(from), value));
    }
    const cheapest = [...alone].sort(
      (a, b) => a.pointsTo - (a.pointsFrom ?? 0) - (b.pointsTo - (b.pointsFrom ?? 0)),
    )[0];
    const combined = cheapest === undefined ? greedy(search, snapshot) : undefined;
    const plan = cheapest !== undefined ? [cheapest] : combined?.plan;
    if (plan === undefined) {
      return {
        ...base,
        reachable: false,
        reason: 'unreachable',
        message: `even every measure at its best does not reach ${targetBand}`,
      };
    }
    let after = snapshot;
    for (const change of plan) {
      const measure = model.measures.find((entry) => entry.id === change.measureId);
      if (measure !== undefined) after = applied(search, after, measure, change.to);
    }
    const result = evaluate(search, after);
    return {
      ...base,
      reachable: true,
      alone,
      plan,
      scoreAfter: result.score ?? 0,
      bandAfter: model.bandIds[result.band] ?? targetBand,
    };
  } catch (thrown) {
    throw unreadable(thrown, 'invalid_input', ['snapshot'], 'the snapshot');
  }
}
