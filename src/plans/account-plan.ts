import * as z from 'zod/mini';
import type { ReadonlyPlanData } from './plan-context.js';
import { CalendarDate, Id } from '../core/internal.js';

const Text = z.string().check(z.minLength(1), z.maxLength(10_000));

/**
 * The part a contact plays in the account, in the words of an account plan:
 * the champion (main point of contact), their peers, the leaders above them,
 * the executive sponsor, and users.
 *
 * @example
 * ```ts
 * import { PlanContactRole } from 'successkit/plans';
 *
 * PlanContactRole.options.includes('champion'); // => true
 * ```
 */
export const PlanContactRole = z.enum(['champion', 'peer', 'leader', 'executive_sponsor', 'user']);

/**
 * One of {@link PlanContactRole}'s roles.
 *
 * @example
 * ```ts
 * import type { PlanContactRole } from 'successkit/plans';
 *
 * const role: PlanContactRole = 'executive_sponsor';
 * ```
 */
export type PlanContactRole = z.infer<typeof PlanContactRole>;

/**
 * Who owes a next step or an initiative, or owns a goal's data: our team or the client.
 *
 * @example
 * ```ts
 * import { PlanOwner } from 'successkit/plans';
 *
 * PlanOwner.options; // => ['us', 'client']
 * ```
 */
export const PlanOwner = z.enum(['us', 'client']);

/**
 * `'us'` or `'client'`.
 *
 * @example
 * ```ts
 * import type { PlanOwner } from 'successkit/plans';
 *
 * const owner: PlanOwner = 'client';
 * ```
 */
export type PlanOwner = z.infer<typeof PlanOwner>;

/**
 * A person on the account's org chart: title, role, whom they report to,
 * when we last engaged them and, once they leave, the day they left.
 *
 * @example
 * ```ts
 * import { PlanContact } from 'successkit/plans';
 *
 * PlanContact.parse({ id: 'c1', name: 'Ana Ruiz', title: 'Support Manager', role: 'champion', reportsTo: 'c2' }).role; // => 'champion'
 * ```
 */
export const PlanContact = z.strictObject({
  id: Id,
  name: Text,
  title: z.optional(Text),
  role: PlanContactRole,
  /** The id of the contact's manager on the chart; absent at the top. */
  reportsTo: z.optional(Id),
  /** The last day we met, called or emailed the contact. */
  lastEngagedDate: z.optional(CalendarDate),
  /** The day the contact left the company or the account. */
  leftDate: z.optional(CalendarDate),
});

/**
 * A contact on an account plan's org chart.
 *
 * @example
 * ```ts
 * import type { PlanContact } from 'successkit/plans';
 *
 * const sponsor: PlanContact = { id: 'c3', name: 'Lee Park', role: 'executive_sponsor' };
 * ```
 */
export type PlanContact = z.infer<typeof PlanContact>;

/**
 * Where the customer stands on an original reason for purchase: still `open`,
 * `improving`, `solved` (a story to tout) or `struggling` (a red flag to tackle).
 *
 * @example
 * ```ts
 * import { PurchaseReasonStatus } from 'successkit/plans';
 *
 * PurchaseReasonStatus.options.length; // => 4
 * ```
 */
export const PurchaseReasonStatus = z.enum(['open', 'improving', 'solved', 'struggling']);

/**
 * One of {@link PurchaseReasonStatus}'s statuses.
 *
 * @example
 * ```ts
 * import type { PurchaseReasonStatus } from 'successkit/plans';
 *
 * const status: PurchaseReasonStatus = 'solved';
 * ```
 */
export type PurchaseReasonStatus = z.infer<typeof PurchaseReasonStatus>;

/**
 * Why the customer bought: the original challenge, its status, when it was
 * recorded and when it was last revisited with the customer.
 *
 * @example
 * ```ts
 * import { PurchaseReason } from 'successkit/plans';
 *
 * PurchaseReason.parse({ id: 'r1', challenge: 'Tickets take 3 days to close', status: 'improving', recordedDate: '2026-01-15' }).status; // => 'improving'
 * ```
 */
export const PurchaseReason = z.strictObject({
  id: Id,
  challenge: Text,
  status: PurchaseReasonStatus,
  recordedDate: CalendarDate,
  lastReviewedDate: z.optional(CalendarDate),
});

/**
 * A reason for purchase on an account plan.
 *
 * @example
 * ```ts
 * import type { PurchaseReason } from 'successkit/plans';
 *
 * const reason: PurchaseReason = { id: 'r1', challenge: 'Churn hidden in spreadsheets', status: 'open', recordedDate: '2026-01-15' as never };
 * ```
 */
export type PurchaseReason = z.infer<typeof PurchaseReason>;

/**
 * What happened to a success criterion on a day: `added`, `changed`
 * (reworded or re-aimed), `reviewed` with the customer, `achieved` or `dropped`.
 *
 * @example
 * ```ts
 * import { CriterionChange } from 'successkit/plans';
 *
 * CriterionChange.options; // => ['added', 'changed', 'reviewed', 'achieved', 'dropped']
 * ```
 */
export const CriterionChange = z.enum(['added', 'changed', 'reviewed', 'achieved', 'dropped']);

/**
 * One of {@link CriterionChange}'s changes.
 *
 * @example
 * ```ts
 * import type { CriterionChange } from 'successkit/plans';
 *
 * const change: CriterionChange = 'achieved';
 * ```
 */
export type CriterionChange = z.infer<typeof CriterionChange>;

/**
 * One dated entry in a success criterion's history.
 *
 * @example
 * ```ts
 * import { CriterionHistoryEntry } from 'successkit/plans';
 *
 * CriterionHistoryEntry.parse({ date: '2026-02-01', change: 'added' }).change; // => 'added'
 * ```
 */
export const CriterionHistoryEntry = z.strictObject({
  date: CalendarDate,
  change: CriterionChange,
  note: z.optional(Text),
});

/**
 * A dated change of a success criterion.
 *
 * @example
 * ```ts
 * import type { CriterionHistoryEntry } from 'successkit/plans';
 *
 * const entry: CriterionHistoryEntry = { date: '2026-02-01' as never, change: 'reviewed', note: 'still the top priority' };
 * ```
 */
export type CriterionHistoryEntry = z.infer<typeof CriterionHistoryEntry>;

/**
 * An area the customer is trying to improve, with its history as it evolves;
 * the history starts with `added` and is in date order. The criterion is
 * active until it is `achieved` or `dropped`.
 *
 * @example
 * ```ts
 * import { SuccessCriterion } from 'successkit/plans';
 *
 * SuccessCriterion.parse({ id: 's1', area: 'First-response time', history: [{ date: '2026-02-01', change: 'added' }] }).area; // => 'First-response time'
 * ```
 */
export const SuccessCriterion = z.strictObject({
  id: Id,
  area: Text,
  history: z.array(CriterionHistoryEntry).check(z.minLength(1)),
});

/**
 * A success criterion on an account plan.
 *
 * @example
 * ```ts
 * import type { SuccessCriterion } from 'successkit/plans';
 *
 * const criterion: SuccessCriterion = { id: 's1', area: 'Self-serve deflection', history: [{ date: '2026-02-01' as never, change: 'added' }] };
 * ```
 */
export type SuccessCriterion = z.infer<typeof SuccessCriterion>;

/**
 * The kind of a red flag: the three the seed names to monitor — staffing
 * changes, a high volume of feature requests, escalated support issues — and `other`.
 *
 * @example
 * ```ts
 * import { RedFlagKind } from 'successkit/plans';
 *
 * RedFlagKind.options; // => ['staffing_change', 'feature_requests', 'escalation', 'other']
 * ```
 */
export const RedFlagKind = z.enum(['staffing_change', 'feature_requests', 'escalation', 'other']);

/**
 * One of {@link RedFlagKind}'s kinds.
 *
 * @example
 * ```ts
 * import type { RedFlagKind } from 'successkit/plans';
 *
 * const kind: RedFlagKind = 'escalation';
 * ```
 */
export type RedFlagKind = z.infer<typeof RedFlagKind>;

/**
 * A red flag recorded on the plan, open until it has a `resolvedDate`, and
 * whether it was raised to management.
 *
 * @example
 * ```ts
 * import { RedFlag } from 'successkit/plans';
 *
 * RedFlag.parse({ id: 'f1', kind: 'staffing_change', description: 'Champion moving to another team', raisedDate: '2026-05-02' }).kind; // => 'staffing_change'
 * ```
 */
export const RedFlag = z.strictObject({
  id: Id,
  kind: RedFlagKind,
  description: Text,
  raisedDate: CalendarDate,
  contactId: z.optional(Id),
  raisedToManagement: z.optional(z.boolean()),
  resolvedDate: z.optional(CalendarDate),
});

/**
 * A red flag on an account plan.
 *
 * @example
 * ```ts
 * import type { RedFlag } from 'successkit/plans';
 *
 * const flag: RedFlag = { id: 'f1', kind: 'escalation', description: 'Outage escalated to the CIO', raisedDate: '2026-05-02' as never };
 * ```
 */
export type RedFlag = z.infer<typeof RedFlag>;

/**
 * Where an initiative or a next step stands.
 *
 * @example
 * ```ts
 * import { WorkStatus } from 'successkit/plans';
 *
 * WorkStatus.options; // => ['open', 'done', 'dropped']
 * ```
 */
export const WorkStatus = z.enum(['open', 'done', 'dropped']);

/**
 * One of {@link WorkStatus}'s statuses.
 *
 * @example
 * ```ts
 * import type { WorkStatus } from 'successkit/plans';
 *
 * const status: WorkStatus = 'done';
 * ```
 */
export type WorkStatus = z.infer<typeof WorkStatus>;

/**
 * A larger initiative of the customer's (or of the working relationship) the plan supports.
 *
 * @example
 * ```ts
 * import { Initiative } from 'successkit/plans';
 *
 * Initiative.parse({ id: 'i1', name: 'Move support to self-serve', owner: 'client', status: 'open' }).owner; // => 'client'
 * ```
 */
export const Initiative = z.strictObject({
  id: Id,
  name: Text,
  owner: PlanOwner,
  ownerContactId: z.optional(Id),
  dueDate: z.optional(CalendarDate),
  status: WorkStatus,
});

/**
 * An initiative on an account plan.
 *
 * @example
 * ```ts
 * import type { Initiative } from 'successkit/plans';
 *
 * const initiative: Initiative = { id: 'i1', name: 'Global rollout', owner: 'us', status: 'open' };
 * ```
 */
export type Initiative = z.infer<typeof Initiative>;

/**
 * An action item: who owes it (`us` or the `client`), the contact who owns
 * it, its due date and status, and optionally the initiative it serves.
 *
 * @example
 * ```ts
 * import { NextStep } from 'successkit/plans';
 *
 * NextStep.parse({ id: 'n1', action: 'Send the EBR deck', owner: 'us', dueDate: '2026-06-10', status: 'open' }).owner; // => 'us'
 * ```
 */
export const NextStep = z.strictObject({
  id: Id,
  action: Text,
  owner: PlanOwner,
  ownerContactId: z.optional(Id),
  dueDate: CalendarDate,
  status: WorkStatus,
  initiativeId: z.optional(Id),
});

/**
 * A next step on an account plan.
 *
 * @example
 * ```ts
 * import type { NextStep } from 'successkit/plans';
 *
 * const step: NextStep = { id: 'n1', action: 'Share usage export', owner: 'client', dueDate: '2026-06-10' as never, status: 'open' };
 * ```
 */
export type NextStep = z.infer<typeof NextStep>;

/**
 * An account plan as JSON: the org chart, reasons for purchase, evolving
 * success criteria, red flags, initiatives and next steps of one account.
 * {@link defineAccountPlan} checks it and its references.
 *
 * @example
 * ```ts
 * import { AccountPlan } from 'successkit/plans';
 *
 * AccountPlan.parse({ id: 'p1', accountId: 'acme', contacts: [] }).nextSteps; // => []
 * ```
 */
export const AccountPlan = z.strictObject({
  id: Id,
  accountId: Id,
  accountName: z.optional(Text),
  contacts: z.array(PlanContact),
  purchaseReasons: z._default(z.array(PurchaseReason), () => []),
  successCriteria: z._default(z.array(SuccessCriterion), () => []),
  redFlags: z._default(z.array(RedFlag), () => []),
  initiatives: z._default(z.array(Initiative), () => []),
  nextSteps: z._default(z.array(NextStep), () => []),
});

/**
 * An account plan, with every list present.
 *
 * @example
 * ```ts
 * import type { AccountPlan } from 'successkit/plans';
 *
 * const plan: AccountPlan = { id: 'p1', accountId: 'acme', contacts: [], purchaseReasons: [], successCriteria: [], redFlags: [], initiatives: [], nextSteps: [] };
 * ```
 */
export type AccountPlan = z.infer<typeof AccountPlan>;

/**
 * An account plan as written: the lists other than `contacts` may be left out.
 *
 * @example
 * ```ts
 * import type { AccountPlanInput } from 'successkit/plans';
 *
 * const plan: AccountPlanInput = { id: 'p1', accountId: 'acme', contacts: [{ id: 'c1', name: 'Ana Ruiz', role: 'champion' }] };
 * ```
 */
export type AccountPlanInput = ReadonlyPlanData<z.input<typeof AccountPlan>>;
