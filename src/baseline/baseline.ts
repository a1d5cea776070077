import * as z from 'zod/mini';
import { atPath, fail, isObjectRecord, parseWith, type PathSegment } from '../core/internal.js';
import { defineRule, type DefinedRule, type FieldCatalog } from '../rules/index.js';
import { snapshotFields } from '../snapshot/index.js';
import { defaultToleranceDays, Milestone } from './milestone.js';

/**
 * A milestone baseline as written: what a typical customer achieves and
 * when. `name` names it (`'Enterprise onboarding'`); `milestones` lists
 * them in the order customers reach them, due days not decreasing and value
 * targets not decreasing.
 *
 * @example
 * ```ts
 * import { BaselineInput } from 'successkit/baseline';
 *
 * BaselineInput.shape.milestones.def.type; // => 'array'
 * ```
 */
export const BaselineInput = z.strictObject({
  /** What the baseline is called. */
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  /** The milestones, in the order they are due. */
  milestones: z.array(Milestone).check(z.minLength(1), z.maxLength(1000)),
});

/**
 * A baseline as written; see the {@link BaselineInput} schema.
 *
 * @example
 * ```ts
 * import type { BaselineInput } from 'successkit/baseline';
 *
 * const onboarding: BaselineInput = { name: 'Onboarding', milestones: [{ id: 'first_login', name: 'First login', dueDay: 5 }] };
 * ```
 */
export type BaselineInput = z.infer<typeof BaselineInput>;

/**
 * A milestone of a defined baseline: every default filled in (`evidence`,
 * `toleranceDays`, `weight`), a rule evidence defined against the catalog.
 *
 * @example
 * ```ts
 * import { defaultBaseline, type DefinedMilestone } from 'successkit/baseline';
 *
 * const first: DefinedMilestone | undefined = defaultBaseline.milestones[0];
 * first?.toleranceDays; // => 1
 * ```
 */
export interface DefinedMilestone {
  readonly id: string;
  readonly name: string;
  /** Days from the start date, days. */
  readonly dueDay: number;
  /** Share 0–1 of the target business value expected by the due day; absent when the milestone sets none. */
  readonly valueTarget?: number;
  readonly evidence: { readonly milestoneId: string } | { readonly rule: DefinedRule };
  /** Whole days either side of the due day that count as on time, days. */
  readonly toleranceDays: number;
  /** Weight in the pace index, > 0. */
  readonly weight: number;
}

declare const definedBaselineBrand: unique symbol;

/**
 * A baseline that {@link defineBaseline} validated, completed and froze.
 *
 * @example
 * ```ts
 * import { defaultBaseline, type Baseline } from 'successkit/baseline';
 *
 * const baseline: Baseline = defaultBaseline;
 * baseline.milestones.length; // => 4
 * ```
 */
export interface Baseline {
  readonly name: string;
  readonly milestones: readonly DefinedMilestone[];
  readonly [definedBaselineBrand]: true;
}

/**
 * Options of {@link defineBaseline}.
 *
 * @example
 * ```ts
 * import type { DefineBaselineOptions } from 'successkit/baseline';
 * import { extendFields, snapshotFields } from 'successkit/snapshot';
 *
 * const options: DefineBaselineOptions = { fields: extendFields(snapshotFields, { 'attributes.hasSso': 'boolean' }) };
 * ```
 */
export interface DefineBaselineOptions {
  /** The fields evidence rules may read; default `snapshotFields`. */
  readonly fields?: FieldCatalog;
}

const DefineBaselineOptions = z.strictObject({ fields: z.optional(z.record(z.string(), z.unknown())) });

/** Rule errors inside a milestone, re-based on the milestone's path. */
function ruleAt(rule: unknown, fields: FieldCatalog, path: readonly PathSegment[]): DefinedRule {
  return atPath(path, () => defineRule(rule, { fields }));
}

function completed(milestone: Milestone, index: number, fields: FieldCatalog): DefinedMilestone {
  const evidence = milestone.evidence ?? { milestoneId: milestone.id };
  const frozenEvidence =
    'milestoneId' in evidence
      ? Object.freeze({ milestoneId: evidence.milestoneId })
      : Object.freeze({ rule: ruleAt(evidence.rule, fields, ['milestones', index, 'evidence', 'rule']) });
  return Object.freeze({
    id: milestone.id,
    name: milestone.name,
    dueDay: milestone.dueDay,
    ...(milestone.valueTarget === undefined ? {} : { valueTarget: milestone.valueTarget }),
    evidence: frozenEvidence,
    toleranceDays: milestone.toleranceDays ?? defaultToleranceDays(milestone.dueDay),
    weight: milestone.weight ?? 1,
  });
}

/** The invariants a schema cannot state: unique ids, due days and value targets not decreasing. */
function checkOrder(milestones: readonly Milestone[]): void {
  const seen = new Set<string>();
  let lastDue = 0;
  let lastTarget: { readonly value: number; readonly id: string } | undefined;
  milestones.forEach((milestone, index) => {
    const at = ['milestones', index];
    if (seen.has(milestone.id)) fail('invalid_definition', [...at, 'id'], `duplicate milestone id "${milestone.id}"`);
    seen.add(milestone.id);
    if (milestone.dueDay < lastDue)
      fail(
        'invalid_definition',
        [...at, 'dueDay'],
        `due days must not decrease along the milestones: day ${String(milestone.dueDay)} after day ${String(lastDue)}`,
      );
    lastDue = milestone.dueDay;
    const target = milestone.valueTarget;
    if (target === undefined) return;
    if (lastTarget !== undefined && target < lastTarget.value)
      fail(
        'invalid_definition',
        [...at, 'valueTarget'],
        `value targets must not decrease along the milestones: ${String(target)} after ${String(lastTarget.value)} at "${lastTarget.id}"`,
      );
    lastTarget = { value: target, id: milestone.id };
  });
}

// What defineBaseline returned: the brand alone can be faked by a cast or lost in storage.
const defined = new WeakSet<object>();

/**
 * Validates a milestone baseline and returns it completed (defaults filled
 * in), frozen and branded. Rejected with `invalid_definition` and the path
 * of the offending field: a malformed field, duplicate milestone ids,
 * negative due days, due days that decrease along the milestones, value
 * targets outside 0–1 or decreasing along the milestones. An evidence rule
 * is checked against the catalog (`snapshotFields` by default) and fails
 * with `invalid_rule` at its path. The input is never mutated.
 *
 * @param input - the baseline; see {@link BaselineInput} (a defined {@link Baseline}, stored and read back, passes too)
 * @param options - the field catalog of evidence rules; see {@link DefineBaselineOptions}
 * @returns the defined {@link Baseline}
 * @throws {@link core!SuccessKitError} `invalid_definition` for a baseline that breaks a rule above; `invalid_rule` for a bad evidence rule; `invalid_input` for bad options
 *
 * @example
 * ```ts
 * import { defineBaseline } from 'successkit/baseline';
 *
 * const smb = defineBaseline({
 *   name: 'SMB onboarding',
 *   milestones: [
 *     { id: 'first_login', name: 'First login', dueDay: 3 },
 *     { id: 'ebr_1', name: 'First value review', dueDay: 60, valueTarget: 0.75 },
 *   ],
 * });
 * smb.milestones[1]?.toleranceDays; // => 9
 * defineBaseline({ name: 'Broken', milestones: [{ id: 'a', name: 'A', dueDay: 10 }, { id: 'b', name: 'B', dueDay: 5 }] }); // throws invalid_definition
 * ```
 */
export function defineBaseline(input: BaselineInput | Baseline, options: DefineBaselineOptions = {}): Baseline {
  const { fields = snapshotFields } = parseWith(DefineBaselineOptions, options, { path: ['options'] }) as {
    readonly fields?: FieldCatalog;
  };
  const parsed = parseWith(BaselineInput, input, { code: 'invalid_definition' });
  checkOrder(parsed.milestones);
  const milestones = Object.freeze(parsed.milestones.map((milestone, index) => completed(milestone, index, fields)));
  const baseline = Object.freeze({ name: parsed.name, milestones }) as Baseline;
  defined.add(baseline);
  return baseline;
}

/**
 * `baseline` itself when {@link defineBaseline} returned it, else the input
 * defined first (so a stored baseline fails with its code and path).
 *
 * @internal
 */
export function definedBaseline(baseline: Baseline | BaselineInput, path: readonly PathSegment[] = []): Baseline {
  if (isObjectRecord(baseline) && defined.has(baseline)) return baseline as unknown as Baseline;
  return atPath(path, () => defineBaseline(baseline));
}
