import * as z from 'zod/mini';
import {
  CalendarDate,
  checked,
  fail,
  hasOnlyKeys,
  isAccountEventList,
  isCalendarDate,
  isObjectRecord,
  quoteText,
  toEpochDay,
  type AccountEvent,
  atPath,
} from '../core/internal.js';
import type { AccountPlan, AccountPlanInput, NextStep, PlanContact, SuccessCriterion } from './account-plan.js';
import { orgChartOf, type DefinedAccountPlan, type OrgChart } from './define-account-plan.js';
import { detectRedFlags, PlanSnapshotFields, type DetectedRedFlag } from './detect-red-flags.js';
import { coverageOf, type Coverage } from './org-chart.js';
import { EventList, hasLeft, lastEngagedDays, type ReadonlyPlanData } from './plan-context.js';
import { planSeverityRank, type PlanFindingEvidence, type PlanFindingSeverity } from './plan-finding.js';
import {
  definedPlanReviewPolicy,
  type DefinedPlanReviewPolicy,
  type PlanReviewPolicy,
  type PlanReviewPolicyInput,
} from './plan-review-policy.js';

/**
 * What {@link reviewAccountPlan} reads besides the plan: the day (`asOf`,
 * required), the account's snapshot and events for red flags (optional) and
 * the thresholds (`policy`, default {@link defaultPlanReviewPolicy}).
 *
 * @example
 * ```ts
 * import { ReviewAccountPlanInput } from 'successkit/plans';
 *
 * ReviewAccountPlanInput.parse({ asOf: '2026-06-30' }).asOf; // => '2026-06-30'
 * ```
 */
export const ReviewAccountPlanInput = z.strictObject({
  asOf: CalendarDate,
  snapshot: z.optional(PlanSnapshotFields),
  events: z.optional(EventList),
  /** Checked with {@link definePlanReviewPolicy}, after the rest. */
  policy: z.optional(z.custom<DefinedPlanReviewPolicy | PlanReviewPolicyInput>()),
});

/**
 * The day, evidence and thresholds of an account-plan review.
 *
 * @example
 * ```ts
 * import type { ReviewAccountPlanInput } from 'successkit/plans';
 *
 * const input: ReviewAccountPlanInput = { asOf: '2026-06-30', policy: { criteriaReviewDays: 30 } };
 * ```
 */
export type ReviewAccountPlanInput = z.input<typeof ReviewAccountPlanInput>;

/**
 * Every check {@link reviewAccountPlan} makes, by the code of its finding.
 *
 * @example
 * ```ts
 * import { planFindingCodes } from 'successkit/plans';
 *
 * planFindingCodes.includes('no_champion'); // => true
 * ```
 */
export const planFindingCodes = [
  'no_contacts',
  'no_champion',
  'leadership_gap',
  'single_threaded',
  'champion_not_engaged',
  'no_purchase_reasons',
  'purchase_reason_not_revisited',
  'purchase_reason_struggling',
  'too_few_success_criteria',
  'too_many_success_criteria',
  'criterion_not_reviewed',
  'overdue_next_steps_us',
  'overdue_next_steps_client',
  'no_next_steps',
  'red_flag_staffing_change',
  'red_flag_feature_requests',
  'red_flag_escalation',
  'red_flag_not_raised',
] as const;

/**
 * The code of a plan finding; see {@link planFindingCodes}.
 *
 * @example
 * ```ts
 * import type { PlanFindingCode } from 'successkit/plans';
 *
 * const code: PlanFindingCode = 'leadership_gap';
 * ```
 */
export type PlanFindingCode = (typeof planFindingCodes)[number];

/**
 * Something missing or wrong in an account plan: what, how urgent, how to
 * fix it, the plan entry it is about and the evidence.
 *
 * @example
 * ```ts
 * import type { PlanFinding } from 'successkit/plans';
 *
 * const finding: PlanFinding = { code: 'no_champion', severity: 'critical', message: 'no champion on the org chart', fix: 'name a day-to-day champion', subjectId: null, evidence: [] };
 * ```
 */
export interface PlanFinding {
  readonly code: PlanFindingCode;
  readonly severity: PlanFindingSeverity;
  readonly message: string;
  readonly fix: string;
  /** The contact, reason, criterion or flag the finding is about; `null` for the plan as a whole. */
  readonly subjectId: string | null;
  readonly evidence: readonly PlanFindingEvidence[];
}

/**
 * A next step past its due date, with who owes it.
 *
 * @example
 * ```ts
 * import type { OverdueNextStep } from 'successkit/plans';
 *
 * const late: OverdueNextStep = { id: 'n1', action: 'Send the deck', owner: 'us', ownerContactId: null, dueDate: '2026-06-01' as never, daysOverdue: 29 };
 * ```
 */
export interface OverdueNextStep {
  readonly id: string;
  readonly action: string;
  readonly owner: NextStep['owner'];
  readonly ownerContactId: string | null;
  readonly dueDate: CalendarDate;
  /** Whole days from the due date to `asOf`, ≥ 1. */
  readonly daysOverdue: number;
}

/**
 * The building blocks of an account plan: which the plan has and what each is worth.
 *
 * @example
 * ```ts
 * import { completenessBlocks } from 'successkit/plans';
 *
 * completenessBlocks.champion; // => 15
 * ```
 */
export const completenessBlocks = /* @__PURE__ */ Object.freeze({
  champion: 15,
  leadership: 15,
  multiThreaded: 10,
  purchaseReasons: 15,
  successCriteria: 15,
  initiatives: 10,
  nextSteps: 10,
  nothingOverdue: 10,
} as const);

/**
 * One building block's contribution to the completeness score.
 *
 * @example
 * ```ts
 * import type { CompletenessPart } from 'successkit/plans';
 *
 * const part: CompletenessPart = { block: 'champion', met: true, points: 15, maximum: 15 };
 * ```
 */
export interface CompletenessPart {
  readonly block: keyof typeof completenessBlocks;
  readonly met: boolean;
  /** `maximum` when met, else 0. */
  readonly points: number;
  readonly maximum: number;
}

/**
 * The review of one account plan as of a day.
 *
 * @example
 * ```ts
 * import { reviewAccountPlan, type AccountPlanReview } from 'successkit/plans';
 *
 * const review: AccountPlanReview = reviewAccountPlan({ id: 'p1', accountId: 'acme', contacts: [] }, { asOf: '2026-06-30' });
 * review.completeness.score; // => 0
 * ```
 */
export interface AccountPlanReview {
  readonly planId: string;
  readonly accountId: string;
  readonly asOf: CalendarDate;
  /** Most severe first; in the order of {@link planFindingCodes} within a severity. */
  readonly findings: readonly PlanFinding[];
  readonly completeness: {
    /** 0–100: the sum of the points of `parts`. */
    readonly score: number;
    readonly parts: readonly CompletenessPart[];
  };
  readonly orgChartDepth: number;
  readonly coverage: Coverage;
  /** Success criteria added on or before `asOf` and not achieved or dropped by then. */
  readonly activeCriteria: number;
  readonly overdueNextSteps: { readonly us: readonly OverdueNextStep[]; readonly client: readonly OverdueNextStep[] };
  readonly redFlags: readonly DetectedRedFlag[];
}

interface Review {
  readonly plan: DefinedAccountPlan;
  readonly chart: OrgChart;
  readonly asOf: CalendarDate;
  readonly asOfDay: number;
  readonly policy: PlanReviewPolicy;
  readonly findings: PlanFinding[];
}

function add(
  review: Review,
  code: PlanFindingCode,
  severity: PlanFindingSeverity,
  message: string,
  fix: string,
  subjectId: string | null = null,
  evidence: readonly PlanFindingEvidence[] = [],
): void {
  review.findings.push({ code, severity, message, fix, subjectId, evidence });
}

function days(count: number): string {
  return `${String(count)} day${count === 1 ? '' : 's'}`;
}

/** Active leaders above the champion, counted up to the policy's levels. */
function leadersAbove(review: Review, championIndex: number): number {
  const { chart, plan, asOf, policy } = review;
  let found = 0;
  let current = chart.managers[championIndex] ?? -1;
  while (current !== -1 && found < policy.leadershipLevels) {
    const manager = plan.contacts[current];
    if (manager !== undefined && !hasLeft(manager, asOf)) found++;
    current = chart.managers[current] ?? -1;
  }
  return found;
}

function checkOrgChart(review: Review, last: ReadonlyMap<string, number>, active: readonly PlanContact[]): boolean {
  const { plan, policy, asOfDay } = review;
  if (active.length === 0) {
    add(
      review,
      'no_contacts',
      'critical',
      'no current contact on the org chart',
      'map the team: the champion, their peers and two levels of leadership above them',
    );
    return false;
  }
  let leadershipMet = true;
  let championFound = false;
  for (let index = 0; index < plan.contacts.length; index++) {
    const contact = plan.contacts[index];
    if (contact?.role !== 'champion' || hasLeft(contact, review.asOf)) continue;
    championFound = true;
    const above = leadersAbove(review, index);
    if (above < policy.leadershipLevels) {
      leadershipMet = false;
      add(
        review,
        'leadership_gap',
        'high',
        `${contact.name} has ${String(above)} of ${String(policy.leadershipLevels)} levels of leadership mapped above them`,
        `find the leaders above ${contact.name} (their manager and their manager's manager) and add them with reportsTo`,
        contact.id,
      );
    }
    const engaged = last.get(contact.id);
    if (engaged === undefined || asOfDay - engaged >= policy.engagementDays)
      add(
        review,
        'champion_not_engaged',
        'high',
        engaged === undefined
          ? `no engagement with champion ${contact.name} on record`
          : `champion ${contact.name} last engaged ${days(asOfDay - engaged)} ago`,
        `book a goal-driven call with ${contact.name}, not a check-in`,
        contact.id,
      );
  }
  if (!championFound) {
    add(
      review,
      'no_champion',
      'critical',
      'no current champion on the org chart',
      'name the main point of contact who advocates for us and mark them as champion',
    );
    leadershipMet = false;
  }
  if (active.length === 1)
    add(
      review,
      'single_threaded',
      'high',
      `the account hangs on one contact, ${active[0]?.name ?? ''}`,
      'meet their peers and leaders: the more contacts and touch points, the better',
      active[0]?.id ?? null,
    );
  return championFound && leadershipMet;
}

function checkPurchaseReasons(review: Review): boolean {
  const { plan, asOf, asOfDay, policy } = review;
  const known = plan.purchaseReasons.filter((reason) => reason.recordedDate <= asOf);
  if (known.length === 0) {
    add(
      review,
      'no_purchase_reasons',
      'medium',
      'no reason for purchase recorded',
      'ask what challenge made them buy and record it with its status',
    );
    return false;
  }
  for (const reason of known) {
    const reviewed =
      reason.lastReviewedDate !== undefined && reason.lastReviewedDate <= asOf ? reason.lastReviewedDate : undefined;
    const since = asOfDay - toEpochDay(reviewed ?? reason.recordedDate);
    if (reason.status !== 'solved' && since > policy.purchaseReasonReviewDays)
      add(
        review,
        'purchase_reason_not_revisited',
        'medium',
        reviewed === undefined
          ? `purchase reason ${quoteText(reason.challenge, 80)} never revisited since ${reason.recordedDate}`
          : `purchase reason ${quoteText(reason.challenge, 80)} last revisited ${days(since)} ago`,
        'revisit the original challenge with the customer: tout it if solved, raise it if they still struggle',
        reason.id,
      );
    if (reason.status === 'struggling')
      add(
        review,
        'purchase_reason_struggling',
        'high',
        `the customer still struggles with ${quoteText(reason.challenge, 80)}, a reason they bought`,
        'raise it as a red flag and agree a plan to solve the original challenge',
        reason.id,
      );
  }
  return true;
}

/** The criterion's entries known by `asOf`: the last says whether it is active, its date when it was last reviewed. */
function lastKnownEntry(
  criterion: SuccessCriterion,
  asOf: CalendarDate,
): SuccessCriterion['history'][number] | undefined {
  let last: SuccessCriterion['history'][number] | undefined;
  for (const entry of criterion.history) if (entry.date <= asOf) last = entry;
  return last;
}

function checkCriteria(review: Review): { met: boolean; active: number } {
  const { plan, asOf, asOfDay, policy } = review;
  let active = 0;
  for (const criterion of plan.successCriteria) {
    const last = lastKnownEntry(criterion, asOf);
    if (last === undefined || last.change === 'achieved' || last.change === 'dropped') continue;
    active++;
    const since = asOfDay - toEpochDay(last.date);
    if (since > policy.criteriaReviewDays)
      add(
        review,
        'criterion_not_reviewed',
        'medium',
        `success criterion ${quoteText(criterion.area, 80)} not reviewed in ${days(since)}`,
        'review it with the customer: still a priority, changed, achieved or dropped? Record the change',
        criterion.id,
      );
  }
  const range = `${String(policy.minimumCriteria)}–${String(policy.maximumCriteria)}`;
  if (active < policy.minimumCriteria)
    add(
      review,
      'too_few_success_criteria',
      'medium',
      `${String(active)} active success criteria, expected ${range}`,
      'agree with the customer the areas they are trying to improve, so calls are goal-driven, not check-ins',
    );
  if (active > policy.maximumCriteria)
    add(
      review,
      'too_many_success_criteria',
      'low',
      `${String(active)} active success criteria, expected ${range}`,
      'focus on the two or three that matter most; mark the others dropped or achieved',
    );
  return { met: active >= policy.minimumCriteria && active <= policy.maximumCriteria, active };
}

/** The plan's open next steps past due on the day, split by who owes them. @internal */
export function overdueSteps(
  plan: AccountPlan,
  asOfDay: number,
): { us: OverdueNextStep[]; client: OverdueNextStep[]; open: number } {
  const us: OverdueNextStep[] = [];
  const client: OverdueNextStep[] = [];
  let open = 0;
  for (const step of plan.nextSteps) {
    if (step.status !== 'open') continue;
    open++;
    const daysOverdue = asOfDay - toEpochDay(step.dueDate);
    if (daysOverdue < 1) continue;
    const late: OverdueNextStep = {
      id: step.id,
      action: step.action,
      owner: step.owner,
      ownerContactId: step.ownerContactId ?? null,
      dueDate: step.dueDate,
      daysOverdue,
    };
    (step.owner === 'us' ? us : client).push(late);
  }
  return { us, client, open };
}

function stepEvidence(steps: readonly OverdueNextStep[]): PlanFindingEvidence[] {
  return steps.map((step) => ({
    source: 'plan',
    id: step.id,
    date: step.dueDate,
    description: `${step.action}: ${days(step.daysOverdue)} overdue`,
  }));
}

function checkNextSteps(review: Review): ReturnType<typeof overdueSteps> {
  const steps = overdueSteps(review.plan, review.asOfDay);
  if (steps.us.length > 0)
    add(
      review,
      'overdue_next_steps_us',
      'high',
      `we owe ${String(steps.us.length)} overdue next step(s)`,
      'deliver them or agree new dates with the customer this week',
      null,
      stepEvidence(steps.us),
    );
  if (steps.client.length > 0)
    add(
      review,
      'overdue_next_steps_client',
      'medium',
      `the client owes ${String(steps.client.length)} overdue next step(s)`,
      'follow up with the owners and offer help to unblock them',
      null,
      stepEvidence(steps.client),
    );
  if (steps.open === 0)
    add(review, 'no_next_steps', 'low', 'no open next step', 'agree the next action items, who owns each and by when');
  return steps;
}

const redFlagFindings = {
  staffing_change: [
    'red_flag_staffing_change',
    'high',
    'staffing change at the account',
    'find the new owner of the relationship, re-map the org chart and raise it to management',
  ],
  feature_requests: [
    'red_flag_feature_requests',
    'medium',
    'a high volume of feature requests',
    'review the requests with product and the customer: a fit or expectation problem?',
  ],
  escalation: [
    'red_flag_escalation',
    'high',
    'escalated support issues',
    'own the escalation with support and run the 5-A recovery until it is amended',
  ],
} as const;

function checkRedFlags(review: Review, detected: readonly DetectedRedFlag[]): void {
  for (const flag of detected) {
    const [code, severity, what, fix] = redFlagFindings[flag.kind];
    add(
      review,
      code,
      severity,
      `${what}: ${flag.evidence.map((item) => item.description).join('; ')}${flag.recorded ? '' : ' (not on the plan)'}`,
      flag.recorded ? fix : `record it on the plan's red flags; ${fix}`,
      null,
      flag.evidence,
    );
  }
  for (const flag of review.plan.redFlags) {
    const open = flag.raisedDate <= review.asOf && (flag.resolvedDate === undefined || flag.resolvedDate > review.asOf);
    if (open && flag.raisedToManagement !== true)
      add(
        review,
        'red_flag_not_raised',
        'medium',
        `open red flag ${quoteText(flag.description, 80)} not raised to management`,
        'raise it to your management: you should not be solely responsible for solving it',
        flag.id,
      );
  }
}

function part(block: keyof typeof completenessBlocks, met: boolean): CompletenessPart {
  const maximum = completenessBlocks[block];
  return { block, met, points: met ? maximum : 0, maximum };
}

function byCode(code: PlanFindingCode): number {
  return planFindingCodes.indexOf(code);
}

/** The review of a defined plan with checked input. @internal */
export function reviewDefinedPlan(
  plan: DefinedAccountPlan,
  chart: OrgChart,
  asOf: CalendarDate,
  events: readonly AccountEvent[],
  snapshot: PlanSnapshotFields | undefined,
  policy: PlanReviewPolicy,
): AccountPlanReview {
  const review: Review = { plan, chart, asOf, asOfDay: toEpochDay(asOf), policy, findings: [] };
  const active = plan.contacts.filter((contact) => !hasLeft(contact, asOf));
  const last = lastEngagedDays(plan.contacts, events, review.asOfDay);
  const orgChartMet = checkOrgChart(review, last, active);
  const reasonsMet = checkPurchaseReasons(review);
  const criteria = checkCriteria(review);
  const steps = checkNextSteps(review);
  const redFlags = detectRedFlags(plan, events, snapshot, asOf, policy);
  checkRedFlags(review, redFlags);
  const hasChampion = !review.findings.some(
    (finding) => finding.code === 'no_champion' || finding.code === 'no_contacts',
  );
  const parts = [
    part('champion', hasChampion),
    part('leadership', orgChartMet),
    part('multiThreaded', active.length >= 3),
    part('purchaseReasons', reasonsMet),
    part('successCriteria', criteria.met),
    part(
      'initiatives',
      plan.initiatives.some((initiative) => initiative.status === 'open'),
    ),
    part('nextSteps', steps.open > 0),
    part('nothingOverdue', steps.open > 0 && steps.us.length === 0 && steps.client.length === 0),
  ];
  const findings = review.findings
    .map((finding, order) => ({ finding, order }))
    .sort(
      (a, b) =>
        planSeverityRank[a.finding.severity] - planSeverityRank[b.finding.severity] ||
        byCode(a.finding.code) - byCode(b.finding.code) ||
        a.order - b.order,
    )
    .map(({ finding }) => finding);
  return {
    planId: plan.id,
    accountId: plan.accountId,
    asOf,
    findings,
    completeness: { score: parts.reduce((sum, item) => sum + item.points, 0), parts },
    orgChartDepth: chart.depth,
    coverage: coverageOf(plan, chart, asOf, policy.engagementDays, last),
    activeCriteria: criteria.active,
    overdueNextSteps: { us: steps.us, client: steps.client },
    redFlags,
  };
}

const reviewInputKeys = new Set(['asOf', 'snapshot', 'events', 'policy']);

/** The review input the schema accepts as it is, without a snapshot (which the schema copies): the fast path. */
function isPlainReviewInput(value: unknown): value is z.output<typeof ReviewAccountPlanInput> {
  return (
    isObjectRecord(value) &&
    hasOnlyKeys(value, reviewInputKeys) &&
    isCalendarDate(value.asOf) &&
    value.snapshot === undefined &&
    (value.events === undefined || isAccountEventList(value.events))
  );
}

/**
 * Reviews an account plan as of a day for what is missing: no champion; fewer
 * than two levels of leadership mapped above the champion (walking
 * `reportsTo`); a single-threaded account; a champion not engaged lately;
 * purchase reasons missing, never revisited or still a struggle; fewer than
 * two or more than three active success criteria, or criteria not reviewed in
 * 90 days; overdue next steps, split by who owes them; red flags — staffing
 * changes, a high volume of feature requests, escalations — found in the
 * account's events (or its snapshot), with the evidence; open red flags not
 * raised to management. Each finding has a severity and a fix; the
 * completeness score (0–100) adds up the building blocks the plan has.
 * Entries dated after `asOf` are not read: a review is point-in-time.
 *
 * @param plan - a plan from {@link defineAccountPlan} or its JSON
 * @param input - the day, the account's events and snapshot, the thresholds; see {@link ReviewAccountPlanInput}
 * @returns the findings, most severe first, the completeness score, coverage and the evidence
 * @throws {@link core!SuccessKitError} as {@link defineAccountPlan}; `invalid_input` at `['options', …]` for a bad day, event, snapshot or policy
 *
 * @example
 * ```ts
 * import { reviewAccountPlan } from 'successkit/plans';
 *
 * const plan = {
 *   id: 'p1',
 *   accountId: 'acme',
 *   contacts: [
 *     { id: 'ana', name: 'Ana Ruiz', role: 'champion', reportsTo: 'bo', lastEngagedDate: '2026-06-20' },
 *     { id: 'bo', name: 'Bo Chen', role: 'leader' },
 *   ],
 *   nextSteps: [{ id: 'n1', action: 'Send the EBR deck', owner: 'us', dueDate: '2026-06-10', status: 'open' }],
 * } as const;
 * const review = reviewAccountPlan(plan, { asOf: '2026-06-30' });
 * review.findings.map((finding) => finding.code); // => ['leadership_gap', 'overdue_next_steps_us', 'no_purchase_reasons', 'too_few_success_criteria']
 * review.findings[0]?.message; // => 'Ana Ruiz has 1 of 2 levels of leadership mapped above them'
 * review.completeness.score; // => 25
 * ```
 */
export function reviewAccountPlan(
  plan: DefinedAccountPlan | AccountPlanInput,
  input: ReadonlyPlanData<ReviewAccountPlanInput>,
): AccountPlanReview {
  const { plan: defined, chart } = orgChartOf(plan);
  const options = checked(ReviewAccountPlanInput, input, isPlainReviewInput, ['options']);
  const policy = atPath(['options', 'policy'], () => definedPlanReviewPolicy(options.policy));
  const events = (options.events ?? []).filter((event) => event.accountId === defined.accountId);
  if (options.snapshot !== undefined && options.snapshot.id !== defined.accountId)
    fail(
      'invalid_reference',
      ['options', 'snapshot', 'id'],
      `expected the snapshot of account ${quoteText(defined.accountId, 80)}, got ${quoteText(options.snapshot.id, 80)}`,
    );
  return reviewDefinedPlan(defined, chart, options.asOf, events, options.snapshot, policy);
}
