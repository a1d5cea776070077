import type { Contribution } from '../core/internal.js';
import type { RuleContext } from '../rules/index.js';
import type { FitClass } from './fit-class.js';
import type { DefinedFitCriterion, FitModel, FitThresholds } from './fit-model.js';
import { describeKnownFrom } from './known-from.js';
import { asOfOperators, ruleLeaves } from './rule-leaves.js';
import { compileTruth, type TruthTest } from './three-valued-rule.js';

/** A criterion's state on a snapshot: 0 unmet, 1 met, 2 unknown for missing data, 3 not known yet. @internal */
export type ConditionState = 0 | 1 | 2 | 3;

/** A criterion or deal-breaker ready to evaluate, with its contributions for each state made once. @internal */
export interface CompiledCondition {
  readonly id: string;
  readonly label: string;
  readonly kind: 'criterion' | 'dealBreaker';
  readonly weight: number;
  readonly knownFrom: DefinedFitCriterion['knownFrom'];
  readonly state: (snapshot: Readonly<Record<string, unknown>>, context: RuleContext | undefined) => ConditionState;
  /** The explanation's contribution in each state, indexed by state. */
  readonly contributions: readonly [Contribution, Contribution, Contribution, Contribution];
}

/** A fit model compiled once and kept beside it. @internal */
export interface CompiledFitModel {
  readonly thresholds: FitThresholds;
  readonly criteria: readonly CompiledCondition[];
  readonly dealBreakers: readonly CompiledCondition[];
  readonly totalWeight: number;
  readonly usesAsOf: boolean;
  /** Classifications without their account and day, by the states of the conditions (see classifyCompiled). */
  readonly templates: Map<number, unknown>;
}

/** The condition's state: its rule's answer once it is known, else 3 (not known yet). */
function stateTest(knownFrom: DefinedFitCriterion['knownFrom'], truth: TruthTest): CompiledCondition['state'] {
  if (knownFrom === 'signup') return truth;
  if ('tenureDays' in knownFrom) {
    const day = knownFrom.tenureDays;
    return (snapshot, context) => {
      const tenure = snapshot.tenureDays;
      return typeof tenure === 'number' && tenure >= day ? truth(snapshot, context) : 3;
    };
  }
  if ('milestone' in knownFrom) {
    const id = knownFrom.milestone;
    return (snapshot, context) => {
      const milestones = snapshot.milestones;
      const reached =
        typeof milestones === 'object' &&
        milestones !== null &&
        Object.hasOwn(milestones, id) &&
        typeof (milestones as Record<string, unknown>)[id] === 'string';
      return reached ? truth(snapshot, context) : 3;
    };
  }
  const when = compileTruth(knownFrom.when);
  return (snapshot, context) => (when(snapshot, context) === 1 ? truth(snapshot, context) : 3);
}

function compileCondition(
  condition: FitModel['dealBreakers'][number],
  kind: CompiledCondition['kind'],
  weight: number,
  totalWeight: number,
): CompiledCondition {
  const truth: TruthTest = compileTruth(condition.rule);
  const state = stateTest(condition.knownFrom, truth);
  const base = { id: condition.id, label: condition.label, weight };
  const points = kind === 'criterion' ? weight / totalWeight : 0;
  const verb = kind === 'criterion' ? 'met' : 'holds';
  const contributions = [
    Object.freeze({ ...base, value: false, points: 0, note: kind === 'criterion' ? 'not met' : 'does not hold' }),
    Object.freeze({ ...base, value: true, points, note: kind === 'criterion' ? verb : 'holds: forces a bad fit' }),
    Object.freeze({ ...base, value: null, points: 0, note: 'unknown: the data it reads is missing' }),
    Object.freeze({
      ...base,
      value: null,
      points: 0,
      note: `unknown: known ${describeKnownFrom(condition.knownFrom)}`,
    }),
  ] as const;
  return { ...base, kind, knownFrom: condition.knownFrom, state, contributions };
}

function readsAsOf(model: FitModel): boolean {
  const rules = [...model.criteria, ...model.dealBreakers].flatMap((condition) => [
    condition.rule,
    ...(typeof condition.knownFrom === 'object' && 'when' in condition.knownFrom ? [condition.knownFrom.when] : []),
  ]);
  return rules.some((rule) => ruleLeaves(rule).some((leaf) => asOfOperators.has(leaf.op)));
}

const compiled = new WeakMap<FitModel, CompiledFitModel>();

/** The model compiled, once per model. @internal */
export function compiledFitModel(model: FitModel): CompiledFitModel {
  const cached = compiled.get(model);
  if (cached !== undefined) return cached;
  let totalWeight = 0;
  for (const criterion of model.criteria) totalWeight += criterion.weight;
  const result: CompiledFitModel = {
    thresholds: model.thresholds,
    criteria: model.criteria.map((criterion) =>
      compileCondition(criterion, 'criterion', criterion.weight, totalWeight),
    ),
    dealBreakers: model.dealBreakers.map((breaker) => compileCondition(breaker, 'dealBreaker', 0, totalWeight)),
    totalWeight,
    usesAsOf: readsAsOf(model),
    templates: new Map(),
  };
  compiled.set(model, result);
  return result;
}

/** Scores within this of a threshold count as reaching it, forgiving binary rounding of weight sums. */
const tolerance = 1e-9;

/** The class of a score. @internal */
export function classOfScore(score: number, thresholds: FitThresholds): FitClass {
  if (score >= thresholds.perfect - tolerance) return 'perfect';
  if (score >= thresholds.good - tolerance) return 'good';
  return 'bad';
}
