import * as z from 'zod/mini';
import { parseWith, type PathSegment, SuccessKitError, type SuccessKitIssue } from '../core/internal.js';
import { defineRule, type DefinedRule, FieldCatalog } from '../rules/index.js';
import { extendFields, snapshotFields } from '../snapshot/index.js';
import type {
  ExperienceTargets,
  Journey,
  JourneyInput,
  JourneyMilestone,
  JourneyStage,
  JourneyTouchpoint,
  StageSince,
} from './journey.js';
import { JourneyInput as JourneyInputSchema } from './journey.js';
import { parseOptions } from './parse-options.js';

/**
 * Options of {@link defineJourney}.
 *
 * @example
 * ```ts
 * import { snapshotFields, extendFields } from 'successkit/snapshot';
 * import type { DefineJourneyOptions } from 'successkit/journey';
 *
 * const options: DefineJourneyOptions = { fields: extendFields(snapshotFields, { 'custom.seats_added': 'number' }) };
 * ```
 */
export interface DefineJourneyOptions {
  /**
   * The fields the journey's rules may read. Default: `snapshotFields`.
   * Either way, `milestones.<id>` of every milestone the journey declares is
   * added as a date field when the catalog lacks it.
   */
  readonly fields?: FieldCatalog;
}

const DefineJourneyOptionsSchema = z.strictObject({ fields: z.optional(FieldCatalog) });

type Parsed = z.output<typeof JourneyInputSchema>;
type ParsedStage = Parsed['stages'][number];

/** The churn rule when a journey gives none. */
const defaultChurned = { field: 'status', op: 'eq', value: 'churned' } as const;

// What defineJourney returned, as the run time knows it: a cast or a
// journey read back from storage has the type's brand but not this record.
const defined = new WeakSet<object>();
const catalogs = new WeakMap<object, FieldCatalog>();

function sinceList(since: ParsedStage['since']): { readonly sources: StageSince[]; readonly listed: boolean } {
  if (since === undefined) return { sources: [], listed: true };
  const list = Array.isArray(since) ? since : [since];
  return {
    sources: list.map((source) => (typeof source === 'string' ? { field: source, offsetDays: 0 } : source)),
    listed: Array.isArray(since),
  };
}

/** Reports a second use of an id at `path`. */
function checkUnique(
  seen: Map<string, readonly PathSegment[]>,
  id: string,
  path: readonly PathSegment[],
  what: string,
  issues: SuccessKitIssue[],
): void {
  const first = seen.get(id);
  if (first === undefined) seen.set(id, path);
  else issues.push({ path, message: `duplicate ${what} id "${id}", first used at ${first.join('.')}` });
}

function checkTouchpoint(
  touchpoint: ParsedStage['touchpoints'][number],
  milestoneIds: readonly string[],
  path: readonly PathSegment[],
  issues: SuccessKitIssue[],
): void {
  const byDay = touchpoint.day !== undefined;
  const byMilestone = touchpoint.after !== undefined;
  if (byDay === byMilestone) {
    issues.push({
      path,
      message: byDay
        ? 'a touchpoint is planned by day or after a milestone, not both'
        : 'a touchpoint needs a day or a milestone it follows (after)',
    });
  }
  if (touchpoint.daysAfter !== undefined && !byMilestone)
    issues.push({ path: [...path, 'daysAfter'], message: 'daysAfter needs the milestone it counts from (after)' });
  if (byMilestone && !milestoneIds.includes(touchpoint.after ?? '')) {
    const known =
      milestoneIds.length === 0 ? 'the stage has no milestones' : `the stage's milestones: ${milestoneIds.join(', ')}`;
    issues.push({
      path: [...path, 'after'],
      message: `unknown milestone "${touchpoint.after ?? ''}" (${known})`,
    });
  }
}

function checkStage(
  stage: ParsedStage,
  index: number,
  catalog: FieldCatalog,
  ids: {
    stages: Map<string, readonly PathSegment[]>;
    milestones: Map<string, readonly PathSegment[]>;
    touchpoints: Map<string, readonly PathSegment[]>;
  },
  issues: SuccessKitIssue[],
): void {
  const path = ['stages', index];
  checkUnique(ids.stages, stage.id, [...path, 'id'], 'stage', issues);
  stage.milestones.forEach((milestone, at) => {
    const milestonePath = [...path, 'milestones', at];
    checkUnique(ids.milestones, milestone.id, [...milestonePath, 'id'], 'milestone', issues);
    if (milestone.dueDay > stage.expectedDays) {
      issues.push({
        path: [...milestonePath, 'dueDay'],
        message: `due on day ${String(milestone.dueDay)}, after the stage's expected end on day ${String(stage.expectedDays)}`,
      });
    }
  });
  const milestoneIds = stage.milestones.map((milestone) => milestone.id);
  stage.touchpoints.forEach((touchpoint, at) => {
    const touchpointPath = [...path, 'touchpoints', at];
    checkUnique(ids.touchpoints, touchpoint.id, [...touchpointPath, 'id'], 'touchpoint', issues);
    checkTouchpoint(touchpoint, milestoneIds, touchpointPath, issues);
  });
  const { sources, listed } = sinceList(stage.since);
  sources.forEach((source, at) => {
    const sincePath = listed ? [...path, 'since', at] : [...path, 'since'];
    const entry = Object.hasOwn(catalog, source.field) ? catalog[source.field] : undefined;
    const type = typeof entry === 'string' ? entry : entry?.type;
    if (type !== 'date') {
      issues.push({
        path: sincePath,
        message:
          type === undefined
            ? `unknown date field "${source.field}"`
            : `expected a date field, "${source.field}" is a ${type} field`,
      });
    }
  });
}

/** The catalog with `milestones.<id>` added for every milestone the journey declares and the catalog lacks. */
function withMilestoneFields(catalog: FieldCatalog, journey: Parsed): FieldCatalog {
  const more: Record<string, { type: 'date'; label: string }> = {};
  for (const stage of journey.stages) {
    for (const milestone of stage.milestones) {
      const field = `milestones.${milestone.id}`;
      if (!Object.hasOwn(catalog, field) && !Object.hasOwn(more, field))
        Object.defineProperty(more, field, { value: { type: 'date', label: milestone.name }, enumerable: true });
    }
  }
  return Object.keys(more).length === 0 ? catalog : extendFields(catalog, more);
}

interface RuleCheck {
  readonly fields: FieldCatalog;
  readonly issues: SuccessKitIssue[];
}

/** The rule checked against the catalog; its issues, prefixed with `path`, are collected instead of thrown. */
function ruleAt(value: unknown, path: readonly PathSegment[], check: RuleCheck): DefinedRule {
  try {
    return defineRule(value, { fields: check.fields });
  } catch (error) {
    if (!(error instanceof SuccessKitError)) throw error;
    for (const issue of error.issues) check.issues.push({ path: [...path, ...issue.path], message: issue.message });
    return defaultChurnedRule;
  }
}

const defaultChurnedRule = /* @__PURE__ */ defineRule(defaultChurned);

function buildMilestone(
  milestone: ParsedStage['milestones'][number],
  path: readonly PathSegment[],
  check: RuleCheck,
): JourneyMilestone {
  return Object.freeze({
    id: milestone.id,
    name: milestone.name,
    dueDay: milestone.dueDay,
    evidence: ruleAt(milestone.evidence, [...path, 'evidence'], check),
    ...(milestone.celebration === undefined ? {} : { celebration: milestone.celebration }),
  });
}

function buildTouchpoint(touchpoint: ParsedStage['touchpoints'][number]): JourneyTouchpoint {
  return Object.freeze({
    id: touchpoint.id,
    name: touchpoint.name,
    channel: touchpoint.channel,
    owner: touchpoint.owner,
    ...(touchpoint.day === undefined ? {} : { day: touchpoint.day }),
    ...(touchpoint.after === undefined ? {} : { after: touchpoint.after, daysAfter: touchpoint.daysAfter ?? 0 }),
  });
}

/** The targets given, without keys for those left out. */
function targetsOf(targets: NonNullable<ParsedStage['targets']>): ExperienceTargets {
  const copy: { minimumNps?: number; minimumCsatShare?: number; minimumOutcomeShare?: number } = {};
  if (targets.minimumNps !== undefined) copy.minimumNps = targets.minimumNps;
  if (targets.minimumCsatShare !== undefined) copy.minimumCsatShare = targets.minimumCsatShare;
  if (targets.minimumOutcomeShare !== undefined) copy.minimumOutcomeShare = targets.minimumOutcomeShare;
  return Object.freeze(copy);
}

function buildStage(stage: ParsedStage, index: number, check: RuleCheck): JourneyStage {
  const path = ['stages', index];
  return Object.freeze({
    id: stage.id,
    name: stage.name,
    think: stage.think,
    feel: stage.feel,
    do: stage.do,
    outcome: ruleAt(stage.outcome, [...path, 'outcome'], check),
    entry: ruleAt(stage.entry, [...path, 'entry'], check),
    ...(stage.exit === undefined ? {} : { exit: ruleAt(stage.exit, [...path, 'exit'], check) }),
    since: Object.freeze(sinceList(stage.since).sources.map((source) => Object.freeze({ ...source }))),
    expectedDays: stage.expectedDays,
    recurring: stage.recurring ?? false,
    milestones: Object.freeze(
      stage.milestones.map((milestone, at) => buildMilestone(milestone, [...path, 'milestones', at], check)),
    ),
    touchpoints: Object.freeze(stage.touchpoints.map(buildTouchpoint)),
    ...(stage.targets === undefined ? {} : { targets: targetsOf(stage.targets) }),
  });
}

/**
 * Validates a journey — ordered stages with think/feel/do goals, outcome,
 * entry and exit rules, milestones and touchpoints — and returns it
 * branded, copied and deep-frozen. Rules are checked against
 * `snapshotFields` (or the catalog in `options.fields`), with
 * `milestones.<id>` of each declared milestone added as a date field.
 *
 * Rejected with `invalid_definition` and the path: duplicate stage,
 * milestone or touchpoint ids (ids are unique across the journey), a
 * milestone due after the stage's expected end, a touchpoint with neither
 * or both of `day` and `after`, a touchpoint after a milestone its stage
 * does not have, and a `since` field that is not a date field of the
 * catalog. Input is never mutated.
 *
 * @param input - the journey as plain JSON; see {@link JourneyInput}
 * @param options - the field catalog; see {@link DefineJourneyOptions}
 * @returns the journey, branded as a {@link Journey}
 * @throws {@link core!SuccessKitError} `invalid_input` for a malformed shape (an empty stage list among them, path `['stages']`) or options; `invalid_definition` for a broken invariant; `invalid_rule` for a rule that is malformed or names a field the catalog lacks, at the rule's path
 *
 * @example
 * ```ts
 * import { defineJourney } from 'successkit/journey';
 *
 * const journey = defineJourney({
 *   id: 'smb',
 *   name: 'SMB journey',
 *   stages: [
 *     {
 *       id: 'onboarding',
 *       name: 'Onboarding',
 *       think: 'Setting this up was easy',
 *       feel: 'Confident',
 *       do: 'Go live',
 *       entry: { field: 'tenureDays', op: 'gte', value: 0 },
 *       outcome: { field: 'milestones.go_live', op: 'exists' },
 *       expectedDays: 30,
 *       milestones: [{ id: 'go_live', name: 'Go-live', dueDay: 30, evidence: { field: 'milestones.go_live', op: 'exists' }, celebration: 'referral' }],
 *     },
 *   ],
 * });
 * Object.isFrozen(journey.stages[0]); // => true
 * defineJourney({ ...journey, stages: [] }); // throws invalid_input
 * defineJourney({ ...journey, stages: [journey.stages[0], journey.stages[0]] }); // throws invalid_definition
 * ```
 */
export function defineJourney(input: unknown, options?: DefineJourneyOptions): Journey {
  const { fields } = parseOptions(DefineJourneyOptionsSchema, options);
  const parsed = parseWith(JourneyInputSchema, input);
  const catalog = withMilestoneFields(fields ?? snapshotFields, parsed);
  const issues: SuccessKitIssue[] = [];
  const ids = { stages: new Map(), milestones: new Map(), touchpoints: new Map() };
  parsed.stages.forEach((stage, index) => {
    checkStage(stage, index, catalog, ids, issues);
  });
  if (issues.length > 0) throw new SuccessKitError('invalid_definition', issues.slice(0, 100));
  const check: RuleCheck = { fields: catalog, issues: [] };
  const stages = parsed.stages.map((stage, index) => buildStage(stage, index, check));
  const churned = ruleAt(parsed.churned ?? defaultChurned, ['churned'], check);
  if (check.issues.length > 0) throw new SuccessKitError('invalid_rule', check.issues.slice(0, 100));
  const journey = Object.freeze({
    id: parsed.id,
    name: parsed.name,
    ...(parsed.description === undefined ? {} : { description: parsed.description }),
    stages: Object.freeze(stages),
    churned,
  }) as unknown as Journey;
  defined.add(journey);
  catalogs.set(journey, catalog);
  return journey;
}

/**
 * `journey` itself when {@link defineJourney} returned it, else `journey`
 * checked by it against `snapshotFields`.
 *
 * @internal
 */
export function definedJourney(journey: Journey | JourneyInput): Journey {
  return typeof journey === 'object' && (journey as unknown) !== null && defined.has(journey)
    ? (journey as Journey)
    : defineJourney(journey);
}

/** The catalog a defined journey's rules were checked against, for the labels of explanations. @internal */
export function catalogOf(journey: Journey): FieldCatalog {
  return catalogs.get(journey) ?? snapshotFields;
}
