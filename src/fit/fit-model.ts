import * as z from 'zod/mini';
import type { DefinedRule, RuleInput } from '../rules/index.js';
import { KnownFrom } from './known-from.js';

const Id = z.string().check(z.minLength(1), z.maxLength(200));
const Label = z.string().check(z.minLength(1), z.maxLength(500));
const Share = z.number().check(z.gt(0), z.lte(1));

/**
 * One fit criterion as written: a rule over the account snapshot that a
 * well-fitting customer meets, its weight, and when it becomes known
 * (`knownFrom`, default `'signup'`).
 *
 * @example
 * ```ts
 * import { FitCriterion } from 'successkit/fit';
 *
 * FitCriterion.parse({ id: 'usage', label: 'Seats in use', weight: 2, rule: { field: 'licenseUtilization', op: 'gte', value: 0.6 } }).weight; // => 2
 * ```
 */
export const FitCriterion = z.strictObject({
  /** Stable id, unique among the model's criteria and deal-breakers. */
  id: Id,
  /** What the criterion asks, for people. */
  label: Label,
  /** Its share of the fit score: a number > 0; weights need not sum to 1. */
  weight: z.number().check(z.gt(0), z.lte(1e6)),
  /** The condition a well-fitting customer meets, over `snapshotFields` (or the catalog given). */
  rule: z.custom<RuleInput>((value: unknown) => value !== undefined),
  /** When the answer becomes known; default `'signup'`. */
  knownFrom: z.optional(KnownFrom),
  /** Why the criterion matters, for the playbook. */
  description: z.optional(z.string().check(z.maxLength(2000))),
});

/**
 * One fit criterion as written; see the {@link FitCriterion} schema.
 *
 * @example
 * ```ts
 * import type { FitCriterion } from 'successkit/fit';
 *
 * const champion: FitCriterion = { id: 'champion', label: 'A champion is named', weight: 1, rule: { field: 'championNamed', op: 'eq', value: true } };
 * ```
 */
export type FitCriterion = z.input<typeof FitCriterion>;

/**
 * A deal-breaker as written: a rule that, once it holds, makes the customer a
 * `bad` fit whatever the score says.
 *
 * @example
 * ```ts
 * import { DealBreaker } from 'successkit/fit';
 *
 * DealBreaker.parse({ id: 'scope', label: 'Wants what we do not build', rule: { field: 'featureRequestsOutOfScope', op: 'gte', value: 3 } }).id; // => 'scope'
 * ```
 */
export const DealBreaker = z.strictObject({
  /** Stable id, unique among the model's criteria and deal-breakers. */
  id: Id,
  /** What the deal-breaker is, for people. */
  label: Label,
  /** The condition that forces `bad`. */
  rule: z.custom<RuleInput>((value: unknown) => value !== undefined),
  /** When the answer becomes known; default `'signup'`. */
  knownFrom: z.optional(KnownFrom),
  /** Why it rules a customer out. */
  description: z.optional(z.string().check(z.maxLength(2000))),
});

/**
 * A deal-breaker as written; see the {@link DealBreaker} schema.
 *
 * @example
 * ```ts
 * import type { DealBreaker } from 'successkit/fit';
 *
 * const critical: DealBreaker = { id: 'critical', label: 'Critical escalation', rule: { field: 'highestEscalationSeverity', op: 'eq', value: 'critical' } };
 * ```
 */
export type DealBreaker = z.input<typeof DealBreaker>;

/**
 * The lowest fit score (weighted share of criteria met, 0–1) of a `perfect`
 * and of a `good` fit; below `good` a customer is a `bad` fit. `perfect` must
 * be above `good`.
 *
 * @example
 * ```ts
 * import { FitThresholds } from 'successkit/fit';
 *
 * FitThresholds.parse({ perfect: 0.85, good: 0.55 }); // => { perfect: 0.85, good: 0.55 }
 * ```
 */
export const FitThresholds = z.strictObject({
  /** Lowest score of a perfect fit, a share in (0, 1]. */
  perfect: Share,
  /** Lowest score of a good fit, a share in (0, 1), below `perfect`. */
  good: Share,
});

/**
 * Score thresholds of the fit classes; see the {@link FitThresholds} schema.
 *
 * @example
 * ```ts
 * import type { FitThresholds } from 'successkit/fit';
 *
 * const thresholds: FitThresholds = { perfect: 0.85, good: 0.55 };
 * ```
 */
export type FitThresholds = z.infer<typeof FitThresholds>;

/**
 * A fit model as written: weighted criteria, the score thresholds of the
 * classes and optional deal-breakers. {@link defineFitModel} checks it.
 *
 * @example
 * ```ts
 * import { FitModelInput } from 'successkit/fit';
 *
 * Object.keys(FitModelInput.shape); // => ['id', 'label', 'criteria', 'thresholds', 'dealBreakers']
 * ```
 */
export const FitModelInput = z.strictObject({
  /** Stable id of the model; default `'fit'`. */
  id: z.optional(Id),
  /** Name of the model, for people; default `'Customer fit'`. */
  label: z.optional(Label),
  /** The criteria, at least one and at most 1,000. */
  criteria: z.array(FitCriterion).check(z.minLength(1), z.maxLength(1000)),
  /** Score thresholds of `perfect` and `good`. */
  thresholds: FitThresholds,
  /** Conditions that force `bad`; default none. At most 1,000. */
  dealBreakers: z.optional(z.array(DealBreaker).check(z.maxLength(1000))),
});

/**
 * A fit model as written; see the {@link FitModelInput} schema.
 *
 * @example
 * ```ts
 * import type { FitModelInput } from 'successkit/fit';
 *
 * const model: FitModelInput = {
 *   criteria: [{ id: 'sso', label: 'Uses SSO', weight: 1, rule: { field: 'attributes.hasSso', op: 'eq', value: true } }],
 *   thresholds: { perfect: 1, good: 0.5 },
 * };
 * ```
 */
export type FitModelInput = z.input<typeof FitModelInput>;

/**
 * A deal-breaker of a defined {@link FitModel}.
 *
 * @example
 * ```ts
 * import { defaultFitModel, type DefinedDealBreaker } from 'successkit/fit';
 *
 * const breakers: readonly DefinedDealBreaker[] = defaultFitModel.dealBreakers;
 * breakers.length; // => 2
 * ```
 */
export interface DefinedDealBreaker {
  readonly id: string;
  readonly label: string;
  /** The rule, checked against the catalog. */
  readonly rule: DefinedRule;
  /** When the answer becomes known, filled in (`'signup'` by default), a `when` rule checked. */
  readonly knownFrom:
    'signup' | { readonly tenureDays: number } | { readonly milestone: string } | { readonly when: DefinedRule };
  readonly description?: string;
}

/**
 * A criterion of a defined {@link FitModel}.
 *
 * @example
 * ```ts
 * import { defaultFitModel, type DefinedFitCriterion } from 'successkit/fit';
 *
 * const usage: DefinedFitCriterion | undefined = defaultFitModel.criteria[1];
 * usage?.knownFrom; // => { tenureDays: 60 }
 * ```
 */
export interface DefinedFitCriterion extends DefinedDealBreaker {
  /** Its share of the fit score, > 0. */
  readonly weight: number;
}

declare const fitModelBrand: unique symbol;

/**
 * A fit model that {@link defineFitModel} checked, copied and froze: every
 * rule checked against the snapshot fields, `knownFrom` filled in, ids
 * unique, thresholds ordered.
 *
 * @example
 * ```ts
 * import { defaultFitModel, type FitModel } from 'successkit/fit';
 *
 * const model: FitModel = defaultFitModel;
 * model.thresholds; // => { perfect: 0.9, good: 0.6 }
 * ```
 */
export interface FitModel {
  readonly id: string;
  readonly label: string;
  readonly criteria: readonly DefinedFitCriterion[];
  readonly thresholds: FitThresholds;
  readonly dealBreakers: readonly DefinedDealBreaker[];
  readonly [fitModelBrand]: true;
}
