import * as z from 'zod/mini';
import { fail, parseWith } from '../core/internal.js';

const Days = z.int().check(z.minimum(1), z.maximum(36_600));

/**
 * The thresholds {@link reviewAccountPlan} checks a plan against, each with
 * its default: success criteria reviewed within `criteriaReviewDays` (90);
 * purchase reasons revisited within `purchaseReasonReviewDays` (180); a
 * contact engaged within `engagementDays` (60); red flags read from events
 * of the last `eventWindowDays` (90); `featureRequestLimit` feature requests
 * in that window make a red flag (5); `leadershipLevels` levels of
 * leadership above the champion (2); `minimumCriteria`–`maximumCriteria`
 * active success criteria (2–3).
 *
 * @example
 * ```ts
 * import { PlanReviewPolicy } from 'successkit/plans';
 *
 * PlanReviewPolicy.parse({}).criteriaReviewDays; // => 90
 * ```
 */
export const PlanReviewPolicy = z.strictObject({
  criteriaReviewDays: z._default(Days, 90),
  purchaseReasonReviewDays: z._default(Days, 180),
  engagementDays: z._default(Days, 60),
  eventWindowDays: z._default(Days, 90),
  featureRequestLimit: z._default(z.int().check(z.minimum(1), z.maximum(1_000_000)), 5),
  leadershipLevels: z._default(z.int().check(z.minimum(0), z.maximum(20)), 2),
  minimumCriteria: z._default(z.int().check(z.minimum(0), z.maximum(100)), 2),
  maximumCriteria: z._default(z.int().check(z.minimum(1), z.maximum(100)), 3),
});

/**
 * The thresholds of an account-plan review, every one present.
 *
 * @example
 * ```ts
 * import type { PlanReviewPolicy } from 'successkit/plans';
 *
 * const strict: PlanReviewPolicy = { criteriaReviewDays: 30, purchaseReasonReviewDays: 90, engagementDays: 30, eventWindowDays: 90, featureRequestLimit: 3, leadershipLevels: 2, minimumCriteria: 2, maximumCriteria: 3 };
 * ```
 */
export type PlanReviewPolicy = z.infer<typeof PlanReviewPolicy>;

/**
 * A review policy as written: any threshold may be left out for its default.
 *
 * @example
 * ```ts
 * import type { PlanReviewPolicyInput } from 'successkit/plans';
 *
 * const monthly: PlanReviewPolicyInput = { criteriaReviewDays: 30 };
 * ```
 */
export type PlanReviewPolicyInput = z.input<typeof PlanReviewPolicy>;

// Only the type carries the brand; the WeakSet is what the run time trusts.
declare const definedPolicyBrand: unique symbol;

/**
 * A review policy that {@link definePlanReviewPolicy} checked and froze.
 *
 * @example
 * ```ts
 * import { definePlanReviewPolicy, type DefinedPlanReviewPolicy } from 'successkit/plans';
 *
 * const policy: DefinedPlanReviewPolicy = definePlanReviewPolicy({ engagementDays: 45 });
 * ```
 */
export type DefinedPlanReviewPolicy = PlanReviewPolicy & { readonly [definedPolicyBrand]: true };

const defined = new WeakSet<object>();

/**
 * Validates review thresholds and returns them frozen, defaults filled in.
 *
 * @param input - the thresholds to change; see {@link PlanReviewPolicy}
 * @returns the complete policy, frozen
 * @throws {@link core!SuccessKitError} `invalid_input` for a threshold out of range; `invalid_definition` when `minimumCriteria` exceeds `maximumCriteria`
 *
 * @example
 * ```ts
 * import { definePlanReviewPolicy } from 'successkit/plans';
 *
 * definePlanReviewPolicy({ engagementDays: 30 }).engagementDays; // => 30
 * definePlanReviewPolicy({ minimumCriteria: 4, maximumCriteria: 3 }); // throws invalid_definition
 * ```
 */
export function definePlanReviewPolicy(input: PlanReviewPolicyInput = {}): DefinedPlanReviewPolicy {
  const policy = parseWith(PlanReviewPolicy, input);
  if (policy.minimumCriteria > policy.maximumCriteria)
    fail(
      'invalid_definition',
      ['minimumCriteria'],
      `expected at most maximumCriteria (${String(policy.maximumCriteria)}), got ${String(policy.minimumCriteria)}`,
    );
  const frozen = Object.freeze(policy);
  defined.add(frozen);
  return frozen as DefinedPlanReviewPolicy;
}

/**
 * The review policy a CS leader would start from: criteria reviewed every
 * quarter, purchase reasons revisited twice a year, every contact touched
 * within 60 days, red flags from the last 90 days of events, five feature
 * requests a quarter as a flag, two levels of leadership above the
 * champion, and two or three success criteria at a time.
 *
 * @example
 * ```ts
 * import { defaultPlanReviewPolicy } from 'successkit/plans';
 *
 * defaultPlanReviewPolicy.leadershipLevels; // => 2
 * ```
 */
export const defaultPlanReviewPolicy: DefinedPlanReviewPolicy = /* @__PURE__ */ definePlanReviewPolicy();

/**
 * `policy` itself when {@link definePlanReviewPolicy} returned it, otherwise defined first.
 *
 * @internal
 */
export function definedPlanReviewPolicy(policy: unknown): DefinedPlanReviewPolicy {
  if (policy === undefined) return defaultPlanReviewPolicy;
  return typeof policy === 'object' && policy !== null && defined.has(policy)
    ? (policy as DefinedPlanReviewPolicy)
    : definePlanReviewPolicy(policy as PlanReviewPolicyInput);
}
