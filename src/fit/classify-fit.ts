import {
  fail,
  isCalendarDate,
  kindOf,
  unreadable,
  type CalendarDate,
  type Contribution,
  type Explanation,
} from '../core/internal.js';
import type { RuleContext } from '../rules/index.js';
import type { AccountSnapshot } from '../snapshot/index.js';
import {
  classOfScore,
  compiledFitModel,
  type CompiledCondition,
  type CompiledFitModel,
  type ConditionState,
} from './compiled-fit-model.js';
import { definedFitModel } from './define-fit-model.js';
import type { FitClass } from './fit-class.js';
import type { DefinedFitCriterion, FitModel, FitModelInput, FitThresholds } from './fit-model.js';

/**
 * An unknown criterion or deal-breaker whose answer would narrow the classes
 * still possible: the next card to turn over.
 *
 * @example
 * ```ts
 * import type { DecidingCriterion } from 'successkit/fit';
 *
 * const next: DecidingCriterion = {
 *   id: 'healthy-usage', label: 'Most seats in use', kind: 'criterion', weight: 3,
 *   reason: 'not_yet_known', knownFrom: { tenureDays: 60 },
 *   ifTrue: ['good'], ifFalse: ['bad'], decides: true,
 * };
 * ```
 */
export interface DecidingCriterion {
  readonly id: string;
  readonly label: string;
  /** A weighted criterion, or a deal-breaker (which forces `bad` when it holds). */
  readonly kind: 'criterion' | 'dealBreaker';
  /** The criterion's weight; 0 for a deal-breaker. */
  readonly weight: number;
  /** Why it is unknown: its moment has not come (`knownFrom`), or the data it reads is missing. */
  readonly reason: 'not_yet_known' | 'missing_data';
  /** When it becomes known. */
  readonly knownFrom: DefinedFitCriterion['knownFrom'];
  /** The classes still possible if its rule turns out to hold, best first. */
  readonly ifTrue: readonly FitClass[];
  /** The classes still possible if it turns out not to hold, best first. */
  readonly ifFalse: readonly FitClass[];
  /** Whether either answer settles the class on its own: each of `ifTrue` and `ifFalse` holds one class. */
  readonly decides: boolean;
}

/**
 * The fit of one account on one day, as far as it is known.
 *
 * @example
 * ```ts
 * import type { FitClassification } from 'successkit/fit';
 *
 * const fitClassOf = (result: FitClassification) => (result.provisional ? `${result.fitClass}?` : result.fitClass);
 * ```
 */
export interface FitClassification {
  /** The snapshot's account id; `null` when it has none. */
  readonly accountId: string | null;
  /** The snapshot's day; `null` when it has none. */
  readonly asOf: CalendarDate | null;
  /** The class when final; while provisional, the class the known criteria lean to (that of `knownScore`, or of the interval's middle when nothing is known yet), always one of `possibleClasses`. */
  readonly fitClass: FitClass;
  /** True while more than one class is still possible. */
  readonly provisional: boolean;
  /** The classes still possible, best first; one class exactly when final. */
  readonly possibleClasses: readonly FitClass[];
  /** The fit score if every unknown criterion turns out unmet, and if every one turns out met: weighted shares 0–1. */
  readonly scoreRange: readonly [min: number, max: number];
  /** Weighted share (0–1) of the known criteria that are met; `null` while none is known. */
  readonly knownScore: number | null;
  /** Ids of the criteria met, in model order. */
  readonly met: readonly string[];
  /** Ids of the criteria not met. */
  readonly unmet: readonly string[];
  /** Ids of the criteria not known yet or whose data is missing. */
  readonly unknown: readonly string[];
  /** Ids of the deal-breakers that hold; any one makes the class a final `bad`. */
  readonly dealBreakers: readonly string[];
  /** Ids of the deal-breakers not known yet or whose data is missing. */
  readonly unknownDealBreakers: readonly string[];
  /** The unknown criteria and deal-breakers whose answer would narrow `possibleClasses`, those that settle the class first, then the heaviest; empty when final. */
  readonly decidingCriteria: readonly DecidingCriterion[];
  /** One sentence and a contribution per criterion and deal-breaker: `value` true, false or `null` (unknown), `points` its share of the score. */
  readonly explanation: Explanation;
}

const perfectBit = 1;
const goodBit = 2;
const badBit = 4;

/** The seven non-empty sets of classes, best first, frozen once, indexed by bit mask. */
const classSets: readonly (readonly FitClass[])[] = Array.from({ length: 8 }, (_, mask) =>
  Object.freeze((['perfect', 'good', 'bad'] as const).filter((_, position) => (mask & (1 << position)) !== 0)),
);

const bitOf: Readonly<Record<FitClass, number>> = { perfect: perfectBit, good: goodBit, bad: badBit };

/** The classes a score between `min` and `max` can have, as a mask; `bad` added when a deal-breaker may hold. */
function classMask(min: number, max: number, thresholds: FitThresholds, badPossible: boolean): number {
  const low = classOfScore(min, thresholds);
  const high = classOfScore(max, thresholds);
  let mask = bitOf[low] | bitOf[high];
  if (low === 'bad' && high === 'perfect') mask |= goodBit;
  return badPossible ? mask | badBit : mask;
}

function bitCount(mask: number): number {
  return (mask & 1) + ((mask >> 1) & 1) + ((mask >> 2) & 1);
}

/** What decidingCriteria needs of a classification in progress. */
interface Tally {
  readonly compiled: CompiledFitModel;
  /** The state of each criterion, then each deal-breaker, in model order (a scratch buffer, read before the next call). */
  readonly states: Uint8Array;
  readonly metWeight: number;
  readonly unknownWeight: number;
  readonly unknownBreakers: number;
  readonly mask: number;
}

function decidingCard(
  condition: CompiledCondition,
  state: number,
  ifTrue: number,
  ifFalse: number,
  mask: number,
): DecidingCriterion | null {
  if (ifTrue === mask && ifFalse === mask) return null;
  return {
    id: condition.id,
    label: condition.label,
    kind: condition.kind,
    weight: condition.weight,
    reason: state === 3 ? 'not_yet_known' : 'missing_data',
    knownFrom: condition.knownFrom,
    ifTrue: classSets[ifTrue] ?? [],
    ifFalse: classSets[ifFalse] ?? [],
    decides: bitCount(ifTrue) === 1 && bitCount(ifFalse) === 1,
  };
}

/** How much a card narrows the classes: those that settle the class first, then by classes removed. */
function narrowing(card: DecidingCriterion, mask: number): number {
  const removed = 2 * bitCount(mask) - card.ifTrue.length - card.ifFalse.length;
  return (card.decides ? 1_000_000 : 0) + removed * 1000;
}

function decidingCriteria(tally: Tally): DecidingCriterion[] {
  const { compiled, states, metWeight, unknownWeight, mask } = tally;
  const total = compiled.totalWeight;
  const min = metWeight / total;
  const max = (metWeight + unknownWeight) / total;
  const cards: DecidingCriterion[] = [];
  const criteria = compiled.criteria;
  const othersUnknown = tally.unknownBreakers > 0;
  for (let index = 0; index < criteria.length; index++) {
    const state = states[index] ?? 0;
    const criterion = criteria[index];
    if (state < 2 || criterion === undefined) continue;
    const weightShare = criterion.weight / total;
    const card = decidingCard(
      criterion,
      state,
      classMask(min + weightShare, max, compiled.thresholds, othersUnknown),
      classMask(min, max - weightShare, compiled.thresholds, othersUnknown),
      mask,
    );
    if (card !== null) cards.push(card);
  }
  const restUnknown = tally.unknownBreakers > 1;
  compiled.dealBreakers.forEach((breaker, index) => {
    const state = states[criteria.length + index] ?? 0;
    if (state < 2) return;
    const card = decidingCard(breaker, state, badBit, classMask(min, max, compiled.thresholds, restUnknown), mask);
    if (card !== null) cards.push(card);
  });
  // A stable sort keeps model order (criteria before deal-breakers) among equals.
  return cards.sort((a, b) => narrowing(b, mask) - narrowing(a, mask) || b.weight - a.weight);
}

const share = (value: number): string => value.toFixed(2);

function summaryOf(
  fitClass: FitClass,
  provisional: boolean,
  min: number,
  max: number,
  counts: { readonly met: number; readonly criteria: number; readonly unknown: number; readonly breakers: number },
  mask: number,
  next: DecidingCriterion | undefined,
): string {
  const met = `${String(counts.met)} of ${String(counts.criteria)} criteria met`;
  if (!provisional) {
    const score = min === max ? share(min) : `${share(min)}–${share(max)}`;
    const unknown = counts.unknown === 0 ? '' : `, ${String(counts.unknown)} unknown but unable to change it`;
    return `${capitalized(fitClass)} fit (score ${score}): ${met}${unknown}`;
  }
  const breakers =
    counts.breakers === 0 ? '' : `, ${String(counts.breakers)} deal-breaker${counts.breakers === 1 ? '' : 's'} unknown`;
  return `Provisionally ${fitClass} fit (score ${share(min)}–${share(max)}; ${listedSets[mask] ?? ''} still possible): ${met}, ${String(counts.unknown)} unknown${breakers}${next === undefined ? '' : `; next card: ${next.label}`}`;
}

function listed(classes: readonly FitClass[]): string {
  return classes.length <= 2 ? classes.join(' or ') : `${classes.slice(0, -1).join(', ')} or ${classes.at(-1) ?? ''}`;
}

/** The sets of classes as summaries write them, by mask, made once. */
const listedSets: readonly string[] = classSets.map(listed);

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** States of the conditions of the classification in progress, reused from call to call (classifying is synchronous). */
let scratch = new Uint8Array(64);

/** What a classification holds besides the account and the day: it depends on the conditions' states alone. */
type Template = Omit<FitClassification, 'accountId' | 'asOf'>;

/** Past this many conditions the states no longer fit one exact number (4 states each, 2⁵² at most). */
const maximumKeyedConditions = 26;
/** At most this many templates are kept per model; past it, classifications are built afresh. */
const maximumTemplates = 4096;

const frozen = <Value>(value: Value): Readonly<Value> => Object.freeze(value);

/** Builds the classification of the given condition states, frozen to be shared. */
function templateOf(compiled: CompiledFitModel, states: Uint8Array): Template {
  const { criteria, dealBreakers } = compiled;
  const contributions: Contribution[] = [];
  const met: string[] = [];
  const unmet: string[] = [];
  const unknown: string[] = [];
  let metWeight = 0;
  let unknownWeight = 0;
  for (let index = 0; index < criteria.length; index++) {
    const criterion = criteria[index];
    if (criterion === undefined) continue;
    const state = (states[index] ?? 0) as ConditionState;
    contributions.push(criterion.contributions[state]);
    if (state === 1) {
      met.push(criterion.id);
      metWeight += criterion.weight;
    } else if (state === 0) {
      unmet.push(criterion.id);
    } else {
      unknown.push(criterion.id);
      unknownWeight += criterion.weight;
    }
  }
  const hit: string[] = [];
  const unknownDealBreakers: string[] = [];
  let breakerLabel: string | null = null;
  for (let index = 0; index < dealBreakers.length; index++) {
    const breaker = dealBreakers[index];
    if (breaker === undefined) continue;
    const state = (states[criteria.length + index] ?? 0) as ConditionState;
    contributions.push(breaker.contributions[state]);
    if (state === 1) {
      hit.push(breaker.id);
      breakerLabel ??= breaker.label;
    } else if (state !== 0) {
      unknownDealBreakers.push(breaker.id);
    }
  }
  const total = compiled.totalWeight;
  const min = metWeight / total;
  const max = Math.min(1, (metWeight + unknownWeight) / total);
  const knownWeight = total - unknownWeight;
  const knownScore = knownWeight > 0 ? metWeight / knownWeight : null;
  const mask =
    breakerLabel !== null ? badBit : classMask(min, max, compiled.thresholds, unknownDealBreakers.length > 0);
  const provisional = bitCount(mask) > 1;
  const possibleClasses = classSets[mask] ?? [];
  let fitClass: FitClass = possibleClasses[0] ?? 'bad';
  if (provisional) {
    const leaning = classOfScore(knownScore ?? (min + max) / 2, compiled.thresholds);
    if ((mask & bitOf[leaning]) !== 0) fitClass = leaning;
  }
  const deciding = provisional
    ? decidingCriteria({
        compiled,
        states,
        metWeight,
        unknownWeight,
        unknownBreakers: unknownDealBreakers.length,
        mask,
      })
    : [];
  const summary =
    breakerLabel !== null
      ? `Bad fit: deal-breaker "${breakerLabel}" holds`
      : summaryOf(
          fitClass,
          provisional,
          min,
          max,
          { met: met.length, criteria: criteria.length, unknown: unknown.length, breakers: unknownDealBreakers.length },
          mask,
          deciding[0],
        );
  return frozen({
    fitClass,
    provisional,
    possibleClasses,
    scoreRange: frozen([min, max] as const),
    knownScore,
    met: frozen(met),
    unmet: frozen(unmet),
    unknown: frozen(unknown),
    dealBreakers: frozen(hit),
    unknownDealBreakers: frozen(unknownDealBreakers),
    decidingCriteria: frozen(deciding.map(frozen)),
    explanation: frozen({ summary, contributions: frozen(contributions) }),
  });
}

/**
 * Classifies a snapshot already known to be an object, with a compiled
 * model. A classification depends on the snapshot only through the states of
 * the model's conditions (and the account id and day it names), so the model
 * keeps each one it built, frozen, by those states: a book of accounts has
 * only so many patterns, and a portfolio scan evaluates rules and little else.
 *
 * @internal
 */
export function classifyCompiled(
  compiled: CompiledFitModel,
  snapshot: Readonly<Record<string, unknown>>,
): FitClassification {
  const context: RuleContext | undefined = compiled.usesAsOf ? { asOf: snapshot.asOf as CalendarDate } : undefined;
  const { criteria, dealBreakers } = compiled;
  const conditions = criteria.length + dealBreakers.length;
  if (scratch.length < conditions) scratch = new Uint8Array(2 * conditions);
  const states = scratch;
  let key = 0;
  for (let index = 0; index < criteria.length; index++) {
    const state = criteria[index]?.state(snapshot, context) ?? 0;
    states[index] = state;
    key = key * 4 + state;
  }
  for (let index = 0; index < dealBreakers.length; index++) {
    const state = dealBreakers[index]?.state(snapshot, context) ?? 0;
    states[criteria.length + index] = state;
    key = key * 4 + state;
  }
  let template: Template;
  if (conditions > maximumKeyedConditions) {
    template = templateOf(compiled, states);
  } else {
    const kept = compiled.templates.get(key) as Template | undefined;
    if (kept === undefined) {
      template = templateOf(compiled, states);
      if (compiled.templates.size < maximumTemplates) compiled.templates.set(key, template);
    } else {
      template = kept;
    }
  }
  const { id, asOf } = snapshot;
  return {
    accountId: typeof id === 'string' ? id : null,
    asOf: typeof asOf === 'string' && isCalendarDate(asOf) ? asOf : null,
    fitClass: template.fitClass,
    provisional: template.provisional,
    possibleClasses: template.possibleClasses,
    scoreRange: template.scoreRange,
    knownScore: template.knownScore,
    met: template.met,
    unmet: template.unmet,
    unknown: template.unknown,
    dealBreakers: template.dealBreakers,
    unknownDealBreakers: template.unknownDealBreakers,
    decidingCriteria: template.decidingCriteria,
    explanation: template.explanation,
  };
}

/** `Array.isArray`, false for a value that cannot tell (a revoked proxy), which then fails when read. */
function isArray(value: object): boolean {
  try {
    return Array.isArray(value);
  } catch {
    return false;
  }
}

/** The snapshot as a record to read, or invalid_input at `path`. @internal */
export function snapshotRecord(
  snapshot: unknown,
  path: readonly (string | number)[],
): Readonly<Record<string, unknown>> {
  if (typeof snapshot !== 'object' || snapshot === null || isArray(snapshot)) {
    fail('invalid_input', path, `expected an account snapshot (an object), got ${kindOf(snapshot)}`);
  }
  return snapshot as Readonly<Record<string, unknown>>;
}

// The model of the last call and its compilation: a portfolio scan calls with
// one model, so the WeakSet and WeakMap lookups are skipped after the first.
// Only a model defineFitModel returned is kept (a frozen one cannot change).
let lastModel: unknown = null;
let lastCompiled: CompiledFitModel | null = null;

/**
 * Classifies one account as a `perfect`, `good` or `bad` fit as far as its
 * snapshot reveals: criteria whose `knownFrom` has not come, or whose fields
 * are missing, are unknown and turn the score into an interval (all unknown
 * unmet … all met). The class is final only when every class in the
 * interval agrees; otherwise `provisional` is true, `possibleClasses` lists
 * the classes still open and `decidingCriteria` the unknown criteria whose
 * answer would narrow them — the next card. A deal-breaker that holds makes
 * the class a final `bad`; one still unknown keeps `bad` possible.
 *
 * The result's lists and explanation are frozen and shared by every account
 * whose criteria came out the same way: the model keeps each classification
 * it built (up to 4,096 patterns), so a portfolio scan mostly evaluates rules.
 *
 * @param model - a model from {@link defineFitModel}, or one as written (checked first)
 * @param snapshot - the account's snapshot (from `accountSnapshots`), or any record with the fields the rules read
 * @returns the class, the interval and why; see {@link FitClassification}
 * @throws {@link core!SuccessKitError} `invalid_input` when the snapshot is not an object; the model's codes (see {@link defineFitModel}) at path `model` for a model as written that is not valid
 *
 * @example
 * ```ts
 * import { classifyFit, defineFitModel } from 'successkit/fit';
 *
 * const model = defineFitModel({
 *   criteria: [
 *     { id: 'size', label: '50+ employees', weight: 1, rule: { field: 'employees', op: 'gte', value: 50 } },
 *     { id: 'usage', label: 'Most seats in use', weight: 3, rule: { field: 'licenseUtilization', op: 'gte', value: 0.6 }, knownFrom: { tenureDays: 60 } },
 *   ],
 *   thresholds: { perfect: 1, good: 0.7 },
 * });
 * const week = classifyFit(model, { employees: 400, tenureDays: 7, licenseUtilization: 0.2 });
 * week.provisional; // => true
 * week.possibleClasses; // => ['perfect', 'good', 'bad']
 * week.scoreRange; // => [0.25, 1]
 * week.decidingCriteria[0]?.id; // => 'usage'
 *
 * const later = classifyFit(model, { employees: 400, tenureDays: 90, licenseUtilization: 0.2 });
 * later.fitClass; // => 'bad'
 * later.provisional; // => false
 * ```
 */
export function classifyFit(model: FitModel | FitModelInput, snapshot: AccountSnapshot | object): FitClassification {
  let compiled = lastCompiled;
  if (model !== lastModel || compiled === null) {
    const defined = definedFitModel(model);
    compiled = compiledFitModel(defined);
    if (defined === model) {
      lastModel = model;
      lastCompiled = compiled;
    }
  }
  try {
    return classifyCompiled(compiled, snapshotRecord(snapshot, ['snapshot']));
  } catch (thrown) {
    throw unreadable(thrown, 'invalid_input', ['snapshot'], 'the snapshot');
  }
}
