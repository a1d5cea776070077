import * as z from 'zod/mini';
import { fail, Id, isArray, parseWith, quoteText, atPath } from '../core/internal.js';
import type { DefinedRule, Rule } from '../rules/index.js';
import type { CapacityFinding } from './capacity-findings.js';
import { planFor, talliesOf, type CapacityPlan } from './capacity-plan.js';
import { CapacityPlanInput, CapacityTeam } from './capacity-team.js';
import { defineSegmentation, definedSegmentation } from './define-segmentation.js';
import { segmentAccounts } from './segment-accounts.js';
import type { Segmentation, SegmentInput } from './segmentation.js';
import { ServiceActivity } from './service-model.js';

/**
 * A change to try on a capacity plan: the team (CSMs added or removed, a
 * new head count, hours or cost), a segment's service model, or a tier
 * boundary moved. Moving a boundary re-segments the accounts, so it needs
 * their snapshots.
 *
 * @example
 * ```ts
 * import { CapacityChange } from 'successkit/segments';
 *
 * CapacityChange.parse({ addCsms: 2 }).addCsms; // => 2
 * ```
 */
export const CapacityChange = z.strictObject({
  /** CSMs to add (or, negative, to remove), full-time equivalents, applied after `team`. */
  addCsms: z.optional(z.number().check(z.minimum(-1_000_000), z.maximum(1_000_000))),
  /** Team fields to replace. */
  team: z.optional(z.partial(CapacityTeam)),
  /** New service models, by segment id. */
  activities: z.optional(z.record(Id, z.array(ServiceActivity))),
  /** Tier boundaries to move: the one `gte`, `gt`, `lte` or `lt` condition on `field` (default `'arr'`) in the segment's rule gets `value`. */
  boundaries: z.optional(
    z.array(z.strictObject({ segmentId: Id, field: z.optional(z.string().check(z.minLength(1))), value: z.number() })),
  ),
  /** The snapshots to re-segment, required with `boundaries`. */
  snapshots: z.optional(z.array(z.unknown())),
});

/**
 * A change to try on a capacity plan; see the {@link CapacityChange} schema.
 *
 * @example
 * ```ts
 * import type { CapacityChange } from 'successkit/segments';
 *
 * const change: CapacityChange = { boundaries: [{ segmentId: 'high-touch', value: 80_000 }], snapshots: [] };
 * ```
 */
export type CapacityChange = z.infer<typeof CapacityChange>;

/**
 * One value before and after a change.
 *
 * @example
 * ```ts
 * import type { BeforeAfter } from 'successkit/segments';
 *
 * const csms: BeforeAfter = { before: 3.2, after: 4.1 };
 * ```
 */
export interface BeforeAfter {
  readonly before: number | null;
  readonly after: number | null;
}

/**
 * One segment before and after a change.
 *
 * @example
 * ```ts
 * import type { SegmentComparison } from 'successkit/segments';
 *
 * type Accounts = SegmentComparison['accounts'];
 * ```
 */
export interface SegmentComparison {
  readonly segmentId: string;
  readonly name: string;
  readonly tier: string;
  /** Accounts, a count. */
  readonly accounts: BeforeAfter;
  /** ARR, money per year. */
  readonly arr: BeforeAfter;
  /** CSM hours needed, hours per month. */
  readonly hoursNeeded: BeforeAfter;
  /** CSMs needed, full-time equivalents. */
  readonly csmsNeeded: BeforeAfter;
  /** CSMs serving it, full-time equivalents. */
  readonly csmsAssigned: BeforeAfter;
  /** Accounts per CSM serving it. */
  readonly accountsPerCsm: BeforeAfter;
}

/**
 * A capacity plan and the same plan after a change, side by side.
 *
 * @example
 * ```ts
 * import type { WhatIf } from 'successkit/segments';
 *
 * type Resolved = WhatIf['findingsResolved'];
 * ```
 */
export interface WhatIf {
  readonly before: CapacityPlan;
  readonly after: CapacityPlan;
  /** What changed, a sentence each. */
  readonly changes: readonly string[];
  /** Every segment, in segmentation order. */
  readonly segments: readonly SegmentComparison[];
  readonly totals: {
    /** CSMs needed, full-time equivalents. */
    readonly csmsNeeded: BeforeAfter;
    /** CSMs on the team. */
    readonly csmsAvailable: BeforeAfter;
    /** CSMs short, full-time equivalents. */
    readonly shortfallCsms: BeforeAfter;
    /** Hours needed ÷ hours available, a ratio. */
    readonly load: BeforeAfter;
    /** The team's cost, money per year. */
    readonly teamCost: BeforeAfter;
  };
  /** Findings of the plan that the change makes go away (compared by code, segment and severity). */
  readonly findingsResolved: readonly CapacityFinding[];
  /** Findings the change brings. */
  readonly findingsAdded: readonly CapacityFinding[];
}

const PlanShape = z.looseObject({ segmentation: z.unknown(), input: CapacityPlanInput, tallies: z.unknown() });

const orderOperators: ReadonlySet<string> = new Set(['gte', 'gt', 'lte', 'lt']);

/** The rule with the one order condition on `field` given `value`; counts how many such conditions there are. */
function moveBoundary(rule: Rule, field: string, value: number, found: { count: number }): Rule {
  if ('all' in rule) return { all: rule.all.map((child) => moveBoundary(child, field, value, found)) };
  if ('any' in rule) return { any: rule.any.map((child) => moveBoundary(child, field, value, found)) };
  if ('not' in rule) return { not: moveBoundary(rule.not, field, value, found) };
  if (rule.field !== field || !orderOperators.has(rule.op)) return rule;
  found.count++;
  return { ...rule, value } as Rule;
}

function changedSegmentation(segmentation: Segmentation, change: CapacityChange, sentences: string[]): Segmentation {
  const segments: SegmentInput[] = segmentation.segments.map((segment) => ({
    ...segment,
    activities: [...segment.activities],
  }));
  const position = (id: string, path: readonly (string | number)[]): [number, SegmentInput] => {
    const index = segments.findIndex((segment) => segment.id === id);
    const segment = segments[index];
    if (segment === undefined) fail('invalid_input', path, `no segment has the id ${quoteText(id, 64)}`);
    return [index, segment];
  };
  for (const [id, activities] of Object.entries(change.activities ?? {})) {
    const [index, segment] = position(id, ['change', 'activities', id]);
    segments[index] = { ...segment, activities };
    sentences.push(`${segment.name} gets a new service model of ${String(activities.length)} activities`);
  }
  (change.boundaries ?? []).forEach((boundary, at) => {
    const path = ['change', 'boundaries', at];
    const [index, segment] = position(boundary.segmentId, [...path, 'segmentId']);
    const field = boundary.field ?? 'arr';
    const found = { count: 0 };
    const rule =
      segment.rule === undefined || segment.rule === null
        ? undefined
        : moveBoundary(segment.rule as DefinedRule, field, boundary.value, found);
    if (found.count !== 1) {
      fail(
        'invalid_input',
        path,
        `expected the rule of segment ${quoteText(boundary.segmentId, 64)} to hold one gte, gt, lte or lt condition on ${quoteText(field, 64)}, got ${String(found.count)}`,
      );
    }
    segments[index] = { ...segment, rule };
    sentences.push(`${segment.name} starts at ${field} ${String(boundary.value)}`);
  });
  return atPath(['change'], () =>
    defineSegmentation({ ...segmentation, tiers: [...segmentation.tiers], segments: segments }),
  );
}

function changedTeam(plan: CapacityPlanInput, change: CapacityChange, sentences: string[]): CapacityPlanInput {
  const team: CapacityTeam = { ...plan.team, ...stripUndefined(change.team ?? {}) } as CapacityTeam;
  if (change.team !== undefined)
    sentences.push(`the team changes: ${Object.keys(stripUndefined(change.team)).join(', ')}`);
  if (change.addCsms !== undefined) {
    const csmCount = team.csmCount + change.addCsms;
    if (csmCount < 0) {
      fail(
        'invalid_input',
        ['change', 'addCsms'],
        `removes ${String(-change.addCsms)} CSMs from a team of ${String(team.csmCount)}`,
      );
    }
    team.csmCount = csmCount;
    sentences.push(
      `${change.addCsms >= 0 ? 'add' : 'remove'} ${String(Math.abs(change.addCsms))} CSMs, ${String(csmCount)} in all`,
    );
  }
  return parseWith(CapacityPlanInput, { ...plan, team }, { path: ['change'] });
}

function stripUndefined<Value extends object>(value: Value): Partial<Value> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<Value>;
}

function sameFinding(left: CapacityFinding, right: CapacityFinding): boolean {
  return left.code === right.code && left.segmentId === right.segmentId && left.severity === right.severity;
}

function compare(before: CapacityPlan, after: CapacityPlan): Pick<WhatIf, 'segments' | 'totals'> {
  const pair = (left: number | null | undefined, right: number | null | undefined): BeforeAfter => ({
    before: left ?? null,
    after: right ?? null,
  });
  return {
    segments: after.segments.map((segment, index) => {
      const old = before.segments[index];
      return {
        segmentId: segment.segmentId,
        name: segment.name,
        tier: segment.tier,
        accounts: pair(old?.accounts, segment.accounts),
        arr: pair(old?.arr, segment.arr),
        hoursNeeded: pair(old?.hoursNeeded, segment.hoursNeeded),
        csmsNeeded: pair(old?.csmsNeeded, segment.csmsNeeded),
        csmsAssigned: pair(old?.csmsAssigned, segment.csmsAssigned),
        accountsPerCsm: pair(old?.accountsPerCsm.value, segment.accountsPerCsm.value),
      };
    }),
    totals: {
      csmsNeeded: pair(before.totals.csmsNeeded, after.totals.csmsNeeded),
      csmsAvailable: pair(before.totals.csmsAvailable, after.totals.csmsAvailable),
      shortfallCsms: pair(before.totals.shortfallCsms, after.totals.shortfallCsms),
      load: pair(before.totals.load, after.totals.load),
      teamCost: pair(before.totals.teamCost, after.totals.teamCost),
    },
  };
}

/**
 * Tries a change on a capacity plan and sets the new plan beside the old:
 * add or remove CSMs, change their hours or cost, give a segment a new
 * service model, or move a tier boundary (which re-segments the snapshots
 * given with the change). The old plan is not changed.
 *
 * @param plan - what {@link capacityPlan} returned
 * @param change - see {@link CapacityChange}
 * @returns both plans, the differences per segment and in all, and the findings resolved and added
 * @throws {@link core!SuccessKitError} `invalid_input` for a bad change (at `change…`): an unknown segment id, a boundary whose rule has not exactly one order condition on the field, boundaries without snapshots, a team left with fewer than 0 CSMs
 *
 * @example
 * ```ts
 * import { capacityPlan, defaultSegmentation, segmentAccounts, whatIf } from 'successkit/segments';
 *
 * const accounts = Array.from({ length: 24 }, (_, index) => ({ id: `acc-${String(index)}`, asOf: '2026-06-30', arr: 120_000 }));
 * const plan = capacityPlan(segmentAccounts(defaultSegmentation, accounts), {
 *   team: { csmCount: 1, hoursPerCsmPerMonth: 70, costPerCsm: 140_000 },
 * });
 * plan.totals.csmsNeeded; // => 2
 * plan.findings[0]?.code; // => 'over_capacity'
 * const hired = whatIf(plan, { addCsms: 1 });
 * hired.totals.shortfallCsms; // => { before: 1, after: 0 }
 * hired.findingsResolved.map((finding) => finding.code); // => ['over_capacity', 'under_served']
 * ```
 */
export function whatIf(plan: CapacityPlan, change: CapacityChange): WhatIf {
  const record = parseWith(PlanShape, plan, { path: ['plan'] });
  const parsed = parseWith(CapacityChange, change, { path: ['change'] });
  const segmentation = definedSegmentation(record.segmentation, ['plan', 'segmentation']);
  const before = planFor(segmentation, talliesOf(segmentation, record.tallies, ['plan', 'tallies']), record.input);
  const sentences: string[] = [];
  const changesRules = parsed.activities !== undefined || parsed.boundaries !== undefined;
  const nextSegmentation = changesRules ? changedSegmentation(segmentation, parsed, sentences) : segmentation;
  let tallies = before.tallies;
  if (parsed.boundaries !== undefined && parsed.boundaries.length > 0) {
    if (parsed.snapshots === undefined || !isArray(parsed.snapshots)) {
      fail(
        'invalid_input',
        ['change', 'snapshots'],
        'moving a tier boundary re-segments the accounts: give their snapshots',
      );
    }
    const resegmented = atPath(['change'], () => segmentAccounts(nextSegmentation, parsed.snapshots as never));
    tallies = resegmented.segments;
  }
  const after = planFor(nextSegmentation, tallies, changedTeam(record.input, parsed, sentences));
  return {
    before,
    after,
    changes: sentences,
    ...compare(before, after),
    findingsResolved: before.findings.filter((finding) => !after.findings.some((other) => sameFinding(finding, other))),
    findingsAdded: after.findings.filter((finding) => !before.findings.some((other) => sameFinding(finding, other))),
  };
}
