import * as z from 'zod/mini';
import { parseWith, type PathSegment, SuccessKitError, type SuccessKitIssue, atPath } from '../core/internal.js';
import { defineRule, FieldCatalog, type DefinedRule } from '../rules/index.js';
import { snapshotFields } from '../snapshot/index.js';
import { FitModelInput, type DefinedDealBreaker, type DefinedFitCriterion, type FitModel } from './fit-model.js';
import { changeOperators, ruleLeaves } from './rule-leaves.js';

/**
 * Options of {@link defineFitModel}.
 *
 * @example
 * ```ts
 * import { extendFields, snapshotFields } from 'successkit/snapshot';
 * import type { DefineFitModelOptions } from 'successkit/fit';
 *
 * const options: DefineFitModelOptions = { fields: extendFields(snapshotFields, { 'attributes.hasSso': 'boolean' }) };
 * ```
 */
export interface DefineFitModelOptions {
  /** The fields criteria may read, with their types; default `snapshotFields`. */
  readonly fields?: FieldCatalog;
}

const Options = z.strictObject({ fields: z.optional(FieldCatalog) });

type ParsedCondition = z.output<typeof FitModelInput>['criteria'][number];
type ParsedDealBreaker = NonNullable<z.output<typeof FitModelInput>['dealBreakers']>[number];
type ParsedKnownFrom = NonNullable<ParsedCondition['knownFrom']>;

interface Collected {
  readonly ruleIssues: SuccessKitIssue[];
  readonly definitionIssues: SuccessKitIssue[];
  readonly fields: FieldCatalog;
}

/** The rule checked against the catalog, or undefined with its issues recorded under `path`. */
function checkRule(rule: unknown, path: readonly PathSegment[], collected: Collected): DefinedRule | undefined {
  try {
    const defined = defineRule(rule, { fields: collected.fields });
    ruleLeaves(defined).forEach((leaf, index) => {
      if (changeOperators.has(leaf.op)) {
        collected.definitionIssues.push({
          path,
          message: `condition ${String(index + 1)} uses ${leaf.op}, which compares with a previous snapshot; a fit criterion reads one snapshot`,
        });
      }
    });
    return defined;
  } catch (error) {
    if (!(error instanceof SuccessKitError)) throw error;
    for (const issue of error.issues)
      collected.ruleIssues.push({ path: [...path, ...issue.path], message: issue.message });
    return undefined;
  }
}

function checkKnownFrom(
  knownFrom: ParsedKnownFrom | undefined,
  path: readonly PathSegment[],
  collected: Collected,
): DefinedFitCriterion['knownFrom'] | undefined {
  if (knownFrom === undefined || knownFrom === 'signup') return 'signup';
  if ('when' in knownFrom) {
    const when = checkRule(knownFrom.when, [...path, 'knownFrom', 'when'], collected);
    return when === undefined ? undefined : Object.freeze({ when });
  }
  return Object.freeze({ ...knownFrom });
}

function checkCondition(
  condition: ParsedCondition | ParsedDealBreaker,
  path: readonly PathSegment[],
  collected: Collected,
): DefinedDealBreaker | undefined {
  const rule = checkRule(condition.rule, [...path, 'rule'], collected);
  const knownFrom = checkKnownFrom(condition.knownFrom, path, collected);
  if (rule === undefined || knownFrom === undefined) return undefined;
  return {
    id: condition.id,
    label: condition.label,
    rule,
    knownFrom,
    ...(condition.description === undefined ? {} : { description: condition.description }),
  };
}

function checkUniqueIds(parsed: z.output<typeof FitModelInput>, collected: Collected): void {
  const seen = new Map<string, string>();
  const note = (id: string, path: readonly PathSegment[]): void => {
    const first = seen.get(id);
    if (first === undefined) seen.set(id, path.join('.'));
    else
      collected.definitionIssues.push({
        path: [...path, 'id'],
        message: `duplicate id ${JSON.stringify(id)}, first used at ${first}`,
      });
  };
  parsed.criteria.forEach((criterion, index) => {
    note(criterion.id, ['criteria', index]);
  });
  (parsed.dealBreakers ?? []).forEach((breaker, index) => {
    note(breaker.id, ['dealBreakers', index]);
  });
}

/**
 * Checks a fit model and returns a frozen, branded copy: each criterion a
 * weighted rule over the snapshot with the moment it becomes known, score
 * thresholds for `perfect` and `good` (below `good` is `bad`), and optional
 * deal-breakers that force `bad`. Every rule is checked against
 * `snapshotFields` (or `options.fields`), so a criterion that cannot be
 * evaluated is refused before it runs.
 *
 * @param input - the model as written; see {@link FitModelInput}
 * @param options - the field catalog; see {@link DefineFitModelOptions}
 * @returns the model, deep-frozen and branded as a {@link FitModel}
 * @throws {@link core!SuccessKitError} `invalid_input` for a malformed model or options; `invalid_rule` for a rule that is malformed or names a field the catalog lacks (at its path under `criteria[i].rule`); `invalid_definition` for duplicate ids, `perfect` not above `good`, or a rule comparing with a previous snapshot
 *
 * @example
 * ```ts
 * import { defineFitModel } from 'successkit/fit';
 *
 * const model = defineFitModel({
 *   criteria: [
 *     { id: 'size', label: '50–5,000 employees', weight: 1, rule: { field: 'employees', op: 'between', value: [50, 5000] } },
 *     { id: 'usage', label: 'Most seats in use', weight: 2, rule: { field: 'licenseUtilization', op: 'gte', value: 0.6 }, knownFrom: { tenureDays: 60 } },
 *   ],
 *   thresholds: { perfect: 1, good: 0.6 },
 * });
 * model.criteria[1]?.knownFrom; // => { tenureDays: 60 }
 * Object.isFrozen(model); // => true
 *
 * defineFitModel({ criteria: [{ id: 'a', label: 'A', weight: 1, rule: { field: 'seats', op: 'gt', value: 1 } }], thresholds: { perfect: 1, good: 0.5 } }); // throws invalid_rule
 * defineFitModel({ criteria: [{ id: 'a', label: 'A', weight: 1, rule: { field: 'arr', op: 'gt', value: 1 } }], thresholds: { perfect: 0.5, good: 0.5 } }); // throws invalid_definition
 * ```
 */
export function defineFitModel(input: FitModelInput, options: DefineFitModelOptions = {}): FitModel {
  const { fields = snapshotFields } = parseWith(Options, options, { path: ['options'] });
  const parsed = parseWith(FitModelInput, input);
  const collected: Collected = { ruleIssues: [], definitionIssues: [], fields };
  const criteria = parsed.criteria.map((criterion, index) => {
    const condition = checkCondition(criterion, ['criteria', index], collected);
    return condition === undefined ? undefined : Object.freeze({ ...condition, weight: criterion.weight });
  });
  const dealBreakers = (parsed.dealBreakers ?? []).map((breaker, index) => {
    const condition = checkCondition(breaker, ['dealBreakers', index], collected);
    return condition === undefined ? undefined : Object.freeze(condition);
  });
  checkUniqueIds(parsed, collected);
  if (parsed.thresholds.perfect <= parsed.thresholds.good) {
    collected.definitionIssues.push({
      path: ['thresholds', 'perfect'],
      message: `expected the perfect threshold above the good threshold (${String(parsed.thresholds.good)}), got ${String(parsed.thresholds.perfect)}`,
    });
  }
  if (collected.ruleIssues.length > 0) throw new SuccessKitError('invalid_rule', collected.ruleIssues.slice(0, 100));
  if (collected.definitionIssues.length > 0) {
    throw new SuccessKitError('invalid_definition', collected.definitionIssues.slice(0, 100));
  }
  const model = Object.freeze({
    id: parsed.id ?? 'fit',
    label: parsed.label ?? 'Customer fit',
    criteria: Object.freeze(criteria as DefinedFitCriterion[]),
    thresholds: Object.freeze({ ...parsed.thresholds }),
    dealBreakers: Object.freeze(dealBreakers as DefinedDealBreaker[]),
  }) as FitModel;
  defined.add(model);
  return model;
}

// The brand is compile-time only; this records what defineFitModel returned,
// so a cast or a model read back from storage is checked again.
const defined = new WeakSet<object>();

/** `model` itself when {@link defineFitModel} returned it, otherwise `model` checked against `snapshotFields`. @internal */
export function definedFitModel(model: unknown, path: readonly PathSegment[] = ['model']): FitModel {
  if (typeof model === 'object' && model !== null && defined.has(model)) return model as FitModel;
  return atPath(path, () => defineFitModel(model as FitModelInput));
}
