import * as z from 'zod/mini';
import { fail, parseWith, quoteText, type PathSegment, atPath } from '../core/internal.js';
import { defineRule, FieldCatalog, type DefinedRule, type Rule } from '../rules/index.js';
import { snapshotFields } from '../snapshot/index.js';
import { SegmentationInput, type Segment, type SegmentInput, type Segmentation } from './segmentation.js';
import type { ServiceActivity } from './service-model.js';
import { defaultTouchTiers } from './touch-tier.js';

/**
 * Options of {@link defineSegmentation}.
 *
 * @example
 * ```ts
 * import { extendFields, snapshotFields } from 'successkit/snapshot';
 * import type { DefineSegmentationOptions } from 'successkit/segments';
 *
 * const options: DefineSegmentationOptions = {
 *   fields: extendFields(snapshotFields, { 'attributes.tier': { type: 'string', label: 'Contract tier' } }),
 * };
 * ```
 */
export interface DefineSegmentationOptions {
  /** The fields segment rules may read. Default `snapshotFields`, the fields of an account snapshot. */
  readonly fields?: FieldCatalog;
}

const Options = z.strictObject({ fields: z.optional(FieldCatalog) });

/** Operators that compare with a previous snapshot: a segment is decided on one snapshot, so they could never hold. */
const changeOperators: ReadonlySet<string> = new Set([
  'changed',
  'increasedBy',
  'decreasedBy',
  'crossedBelow',
  'crossedAbove',
]);

/** The path of the first condition in `rule` that compares with a previous snapshot, if any. */
function changeCondition(rule: Rule, path: readonly PathSegment[]): { path: PathSegment[]; op: string } | undefined {
  if ('all' in rule || 'any' in rule) {
    const key = 'all' in rule ? 'all' : 'any';
    const children: readonly Rule[] = 'all' in rule ? rule.all : rule.any;
    for (let index = 0; index < children.length; index++) {
      const child = children[index];
      const found = child === undefined ? undefined : changeCondition(child, [...path, key, index]);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if ('not' in rule) return changeCondition(rule.not, [...path, 'not']);
  return changeOperators.has(rule.op) ? { path: [...path, 'op'], op: rule.op } : undefined;
}

function checkTiers(tiers: readonly string[]): void {
  const seen = new Set<string>();
  tiers.forEach((tier, index) => {
    if (seen.has(tier)) fail('invalid_definition', ['tiers', index], `tier ${quoteText(tier, 64)} is listed twice`);
    seen.add(tier);
  });
}

function checkActivities(activities: readonly ServiceActivity[], path: readonly PathSegment[]): void {
  const seen = new Set<string>();
  activities.forEach((activity, index) => {
    if (seen.has(activity.id)) {
      fail('invalid_definition', [...path, index, 'id'], `activity id ${quoteText(activity.id, 64)} is used twice`);
    }
    seen.add(activity.id);
  });
}

function defineSegmentRule(
  segment: SegmentInput,
  index: number,
  count: number,
  fields: FieldCatalog,
): DefinedRule | null {
  const path = ['segments', index];
  const fallback = segment.fallback === true;
  const hasRule = segment.rule !== undefined && segment.rule !== null;
  if (fallback && index !== count - 1) {
    fail(
      'invalid_definition',
      [...path, 'fallback'],
      'the fallback segment must come last: no segment after it could be reached',
    );
  }
  if (fallback && hasRule)
    fail('invalid_definition', [...path, 'rule'], 'the fallback segment takes every account left, so it has no rule');
  if (!fallback && index === count - 1) {
    fail(
      'invalid_definition',
      [...path, 'fallback'],
      'the last segment must be the fallback (fallback: true), which catches every account no earlier segment took',
    );
  }
  if (!fallback && !hasRule)
    fail('invalid_definition', [...path, 'rule'], 'a segment other than the fallback needs a rule');
  if (!hasRule) return null;
  const rule = atPath([...path, 'rule'], () => defineRule(segment.rule, { fields }));
  const change = changeCondition(rule, [...path, 'rule']);
  if (change !== undefined) {
    fail(
      'invalid_definition',
      change.path,
      `${change.op} compares with a previous snapshot, but a segment is decided on one snapshot; segment on the field itself`,
    );
  }
  return rule;
}

function freezeSegment(segment: SegmentInput, rule: DefinedRule | null): Segment {
  const activities = Object.freeze(segment.activities.map((activity) => Object.freeze({ ...activity })));
  return Object.freeze({
    id: segment.id,
    name: segment.name,
    ...(segment.description === undefined ? {} : { description: segment.description }),
    tier: segment.tier,
    rule,
    fallback: segment.fallback === true,
    activities,
  });
}

/**
 * Validates a segmentation and returns it frozen and branded: segments in
 * the order they are tried, each with a rule checked against the snapshot
 * fields, a touch tier and a service model; the fallback last.
 *
 * Rejected with `invalid_definition`: two segments with one id, two
 * activities of a segment with one id, a tier listed twice, a segment whose
 * tier is not listed, no fallback (the last segment must be it), a fallback
 * before the last segment or with a rule, a segment without a rule, and a
 * rule that compares with a previous snapshot (`changed`, `increasedBy`, …).
 *
 * @param input - the segmentation as plain JSON (see {@link SegmentationInput}), or one it returned
 * @param options - the field catalog; see {@link DefineSegmentationOptions}
 * @returns the segmentation, deep-frozen, a copy of `input`
 * @throws {@link core!SuccessKitError} `invalid_input` for a wrong shape, `invalid_rule` for a bad rule (at `segments[i].rule…`), `invalid_definition` as above
 *
 * @example
 * ```ts
 * import { defineSegmentation } from 'successkit/segments';
 *
 * const segmentation = defineSegmentation({
 *   segments: [
 *     { id: 'key', name: 'Key accounts', tier: 'high', rule: { field: 'arr', op: 'gte', value: 250_000 }, activities: [] },
 *     { id: 'rest', name: 'Everyone else', tier: 'tech', fallback: true, activities: [] },
 *   ],
 * });
 * segmentation.segments.map((segment) => segment.id); // => ['key', 'rest']
 * segmentation.tiers; // => ['high', 'low', 'tech']
 *
 * defineSegmentation({ segments: [{ id: 'key', name: 'Key', tier: 'high', rule: { field: 'arr', op: 'gte', value: 1 }, activities: [] }] }); // throws invalid_definition
 * defineSegmentation({ segments: [{ id: 'all', name: 'All', tier: 'platinum', fallback: true, activities: [] }] }); // throws invalid_definition
 * ```
 */
export function defineSegmentation(
  input: Segmentation | SegmentationInput,
  options: DefineSegmentationOptions = {},
): Segmentation {
  const fields = parseWith(Options, options, { path: ['options'] }).fields ?? snapshotFields;
  const parsed = parseWith(SegmentationInput, input);
  const tiers = parsed.tiers ?? defaultTouchTiers;
  checkTiers(tiers);
  const known = new Set(tiers);
  const ids = new Set<string>();
  const segments = parsed.segments.map((segment, index) => {
    if (ids.has(segment.id)) {
      fail('invalid_definition', ['segments', index, 'id'], `segment id ${quoteText(segment.id, 64)} is used twice`);
    }
    ids.add(segment.id);
    if (!known.has(segment.tier)) {
      fail(
        'invalid_definition',
        ['segments', index, 'tier'],
        `unknown tier ${quoteText(segment.tier, 64)}: the tiers are ${tiers.map((tier) => quoteText(tier, 64)).join(', ')}`,
      );
    }
    checkActivities(segment.activities, ['segments', index, 'activities']);
    return freezeSegment(segment, defineSegmentRule(segment, index, parsed.segments.length, fields));
  });
  const segmentation = Object.freeze({
    ...(parsed.id === undefined ? {} : { id: parsed.id }),
    ...(parsed.name === undefined ? {} : { name: parsed.name }),
    tiers: Object.freeze([...tiers]),
    segments: Object.freeze(segments),
  }) as Segmentation;
  defined.add(segmentation);
  return segmentation;
}

// The brand exists only in the type; the run time keeps its own record of
// what defineSegmentation returned, which a cast or a reload cannot fake.
const defined = /* @__PURE__ */ new WeakSet<object>();

/**
 * `segmentation` itself when {@link defineSegmentation} returned it, else
 * checked as `defineSegmentation` checks it with the snapshot fields, with
 * every issue's path under `path`.
 *
 * @internal
 */
export function definedSegmentation(segmentation: unknown, path: readonly PathSegment[]): Segmentation {
  if (typeof segmentation === 'object' && segmentation !== null && defined.has(segmentation)) {
    return segmentation as Segmentation;
  }
  return atPath(path, () => defineSegmentation(segmentation as SegmentationInput));
}
