import * as z from 'zod/mini';
import { AttributeValue, CalendarDate, EscalationSeverity, SurveyScale } from '../core/internal.js';

const Text = z.string();
const Day = z.nullable(CalendarDate);
const Count = z.int().check(z.minimum(0));
const Days = z.nullable(z.int());
const Amount = z.number().check(z.minimum(0));
const Share = z.nullable(z.number().check(z.minimum(0), z.maximum(1)));

/**
 * What is known about one account on one day, as one flat, JSON-serialisable
 * record: the fields health measures, fit criteria, segment rules, journey
 * stages and playbook triggers read. Built from a portfolio by
 * `accountSnapshots` with no look-ahead: only data dated on or before
 * `asOf` counts. Missing data is `null`, never 0; counts of events (tickets,
 * escalations) are 0 when nothing happened.
 *
 * Money is in major units of `currency`; "the window" is the `windowDays`
 * days ending on `asOf` (90 by default), `asOf` included. Every field, with its
 * unit, is listed in `snapshotFields` and `snapshotFieldUnits`, and explained
 * in docs/snapshots.md.
 *
 * | group | fields |
 * |---|---|
 * | account | `id`, `asOf`, `name`, `parentId`, `segment`, `plan`, `industry`, `region`, `employees`, `currency`, `csmId`, `attributes` |
 * | money | `mrr`, `arr`, `mrrChange30Days`, `mrrChange90Days` |
 * | dates | `startDate`, `renewalDate`, `churnDate`, `status`, `tenureDays`, `daysToRenewal` |
 * | usage | `usagePeriodStart`, `activeUsers`, `activeUsersChange`, `licenses`, `licenseUtilization`, `licenseUtilizationChange`, `stickiness`, `logins`, `featuresAdopted`, `lastLoginDate`, `daysSinceLastLogin` |
 * | surveys | `npsResponses`, `nps`, `npsDetractors`, `lastNpsScore`, `lastNpsDate`, `lastNpsCategory`, `csatResponses`, `csatSatisfiedShare`, `lastCsatScore`, `lastCsatScale`, `lastCsatDate`, `cesResponses`, `cesLowEffortShare` |
 * | support | `ticketsOpened`, `urgentTicketsOpened`, `openTickets`, `escalations`, `highestEscalationSeverity` |
 * | relationships | `contacts`, `championNamed`, `championLeft`, `championLeftDate`, `sponsorChanged`, `sponsorChangedDate` |
 * | product | `featureRequests`, `featureRequestsOffRoadmap`, `featureRequestsOutOfScope` |
 * | billing | `overdueAmount`, `overdueDays` |
 * | value | `valueRealized`, `valueRealizedDate` |
 * | milestones | `milestones` (first day each milestone was reached, by id) |
 * | meetings | `lastMeetingDate`, `daysSinceLastMeeting`, `lastEbrDate`, `daysSinceLastEbr` |
 * | custom | `custom` (numeric `custom` event values summed in the window, by name) |
 *
 * @example
 * ```ts
 * import { AccountSnapshot } from 'successkit/snapshot';
 *
 * Object.keys(AccountSnapshot.shape).length; // => 70
 * ```
 */
export const AccountSnapshot = z.strictObject({
  // account
  /** The account's id. */
  id: Text,
  /** The day the snapshot describes. */
  asOf: CalendarDate,
  /** The account's name. */
  name: Text,
  /** The parent account's id; `null` at the top of a hierarchy. */
  parentId: z.nullable(Text),
  /** Segment, as the account record has it. */
  segment: z.nullable(Text),
  /** Product plan or edition. */
  plan: z.nullable(Text),
  /** Industry. */
  industry: z.nullable(Text),
  /** Region. */
  region: z.nullable(Text),
  /** The customer's headcount, people. */
  employees: z.nullable(Count),
  /** ISO 4217 code of every money field; `null` means the portfolio's reporting currency. */
  currency: z.nullable(Text),
  /** The owning CSM's id; `null` for pooled accounts. */
  csmId: z.nullable(Text),
  /** The account's custom attributes, copied and frozen; `{}` when it has none. */
  attributes: z.readonly(z.record(z.string(), AttributeValue)),

  // money
  /** Monthly recurring revenue of the latest calendar month that ended on or before `asOf`, money per month; 0 when that month has no MRR snapshot but earlier months do; `null` with no MRR snapshot yet. */
  mrr: z.nullable(Amount),
  /** Annual recurring revenue: 12 × `mrr`, money per year; `null` with `mrr`. */
  arr: z.nullable(Amount),
  /** `mrr` minus the `mrr` as of 30 days before `asOf`, money per month; `null` when either is. */
  mrrChange30Days: z.nullable(z.number()),
  /** `mrr` minus the `mrr` as of 90 days before `asOf`, money per month; `null` when either is. */
  mrrChange90Days: z.nullable(z.number()),

  // dates
  /** First day as a customer. */
  startDate: CalendarDate,
  /** Next renewal, as the account record has it; `null` when it has none. */
  renewalDate: Day,
  /** The day the account stopped paying, when that is on or before `asOf`; else `null`. */
  churnDate: Day,
  /** `'churned'` from the churn date on, else `'active'`. */
  status: z.enum(['active', 'churned']),
  /** Days from `startDate` to `asOf`, days (0 on the first day). */
  tenureDays: Count,
  /** Days from `asOf` to `renewalDate`, days; negative once the renewal has passed; `null` without a renewal date. */
  daysToRenewal: Days,

  // usage
  /** First day of the latest usage period that ended on or before `asOf`; `null` without one. */
  usagePeriodStart: Day,
  /** Distinct active users in the latest usage period, people. */
  activeUsers: z.nullable(Count),
  /** `activeUsers` minus those of the period before, people; `null` without both periods. */
  activeUsersChange: z.nullable(z.int()),
  /** Seats paid for in the latest usage period, seats. */
  licenses: z.nullable(Count),
  /** `activeUsers` ÷ `licenses` of the latest period, a share (above 1 when more people use the product than pay for it); `null` without licenses. */
  licenseUtilization: z.nullable(z.number().check(z.minimum(0))),
  /** `licenseUtilization` minus that of the period before, in shares; `null` when either is. */
  licenseUtilizationChange: z.nullable(z.number()),
  /** DAU/MAU of the latest period: average daily active users ÷ active users, a share 0–1; `null` without daily actives or with no active user. */
  stickiness: Share,
  /** Sign-ins in the latest usage period, a count. */
  logins: z.nullable(Count),
  /** Distinct key features used in the latest usage period, a count. */
  featuresAdopted: z.nullable(Count),
  /** Day of the latest `login` event on or before `asOf`. */
  lastLoginDate: Day,
  /** Days from `lastLoginDate` to `asOf`, days. */
  daysSinceLastLogin: Days,

  // surveys
  /** NPS answers in the window, a count. */
  npsResponses: Count,
  /** Net Promoter Score of the answers in the window, −100 to 100; `null` without answers. */
  nps: z.nullable(z.number().check(z.minimum(-100), z.maximum(100))),
  /** NPS answers of 0–6 in the window, a count. */
  npsDetractors: Count,
  /** The latest NPS answer on or before `asOf`, 0–10, in or before the window. */
  lastNpsScore: z.nullable(z.int().check(z.minimum(0), z.maximum(10))),
  /** Day of that answer. */
  lastNpsDate: Day,
  /** `'promoter'` (9–10), `'passive'` (7–8) or `'detractor'` (0–6) of that answer. */
  lastNpsCategory: z.nullable(z.enum(['promoter', 'passive', 'detractor'])),
  /** CSAT answers in the window, a count. */
  csatResponses: Count,
  /** Share of CSAT answers in the window that are satisfied (4–5 of 5, 6–7 of 7, 8–10 of 10), 0–1; `null` without answers. */
  csatSatisfiedShare: Share,
  /** The latest CSAT answer on or before `asOf`, in points of `lastCsatScale`. */
  lastCsatScore: z.nullable(z.int().check(z.minimum(1))),
  /** The scale of that answer: 5, 7 or 10. */
  lastCsatScale: z.nullable(SurveyScale),
  /** Day of that answer. */
  lastCsatDate: Day,
  /** CES answers in the window, a count. */
  cesResponses: Count,
  /** Share of CES answers in the window that report low effort (4–5 of 5, 5–7 of 7, 6–10 of 10), 0–1; `null` without answers. */
  cesLowEffortShare: Share,

  // support
  /** Tickets opened in the window, a count. */
  ticketsOpened: Count,
  /** Tickets of priority `urgent` opened in the window, a count. */
  urgentTicketsOpened: Count,
  /** Tickets opened on or before `asOf` and not resolved by then, whenever opened, a count. */
  openTickets: Count,
  /** Escalations in the window, a count. */
  escalations: Count,
  /** The highest severity of the escalations in the window; `null` without any. */
  highestEscalationSeverity: z.nullable(EscalationSeverity),

  // relationships
  /** Contacts who have not left by `asOf`, people. */
  contacts: Count,
  /** Whether a contact with the role `champion` is there on `asOf`. */
  championNamed: z.boolean(),
  /** Whether a `champion_left` event falls in the window. */
  championLeft: z.boolean(),
  /** Day of the latest `champion_left` event in the window. */
  championLeftDate: Day,
  /** Whether a `sponsor_changed` event falls in the window. */
  sponsorChanged: z.boolean(),
  /** Day of the latest `sponsor_changed` event in the window. */
  sponsorChangedDate: Day,

  // product
  /** Feature requests in the window, a count. */
  featureRequests: Count,
  /** Feature requests in the window flagged `onRoadmap: false`, a count; requests without the flag are not counted. */
  featureRequestsOffRoadmap: Count,
  /** Feature requests in the window flagged `outOfScope: true`, a count. */
  featureRequestsOutOfScope: Count,

  // billing
  /** Sum of the `payment_overdue` amounts in the window, money; 0 without any. */
  overdueAmount: Amount,
  /** Days from the oldest `payment_overdue` event in the window to `asOf`, days; `null` without any. */
  overdueDays: Days,

  // milestones
  /** The first day each milestone was reached on or before `asOf`, by milestone id; frozen. */
  milestones: z.readonly(z.record(z.string(), CalendarDate)),

  // value
  /** Share (0–1) of the targeted business value realized, from the latest `value_realized` event on or before `asOf`; `null` without any. */
  valueRealized: Share,
  /** Day of that `value_realized` event. */
  valueRealizedDate: Day,

  // meetings
  /** Day of the latest meeting of any kind on or before `asOf`. */
  lastMeetingDate: Day,
  /** Days from `lastMeetingDate` to `asOf`, days. */
  daysSinceLastMeeting: Days,
  /** Day of the latest executive business review (`meetingKind: 'ebr'`) on or before `asOf`. */
  lastEbrDate: Day,
  /** Days from `lastEbrDate` to `asOf`, days. */
  daysSinceLastEbr: Days,

  // custom
  /** Numeric values of `custom` events in the window, summed by event name; frozen. */
  custom: z.readonly(z.record(z.string(), z.number())),
});

/**
 * One account as of one day; see the {@link AccountSnapshot} schema for its
 * fields and units.
 *
 * @example
 * ```ts
 * import type { AccountSnapshot } from 'successkit/snapshot';
 *
 * const utilization: AccountSnapshot['licenseUtilization'] = null;
 * ```
 */
export type AccountSnapshot = z.infer<typeof AccountSnapshot>;
