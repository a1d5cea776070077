import { type CalendarDate, fail, parseWith, quoteText } from '../core/internal.js';
import { FieldCatalog } from '../rules/index.js';
import type { AccountSnapshot } from './account-snapshot.js';

/**
 * The fields of an {@link AccountSnapshot} that hold a record of their own
 * rather than one value: rules read their entries by dotted path
 * (`attributes.hasSso`, `milestones.first_login`, `custom.seats_added`), and
 * since the names are the host's, they are not in {@link snapshotFields};
 * add the ones you use with {@link extendFields}.
 *
 * @example
 * ```ts
 * import { snapshotRecordFields } from 'successkit/snapshot';
 *
 * snapshotRecordFields; // => ['attributes', 'milestones', 'custom']
 * ```
 */
export const snapshotRecordFields = ['attributes', 'milestones', 'custom'] as const;

/**
 * The name of a record field of a snapshot; see {@link snapshotRecordFields}.
 *
 * @example
 * ```ts
 * import type { SnapshotRecordField } from 'successkit/snapshot';
 *
 * const field: SnapshotRecordField = 'milestones';
 * ```
 */
export type SnapshotRecordField = (typeof snapshotRecordFields)[number];

/**
 * The name of a one-value field of a snapshot: every key of
 * {@link AccountSnapshot} but the record fields.
 *
 * @example
 * ```ts
 * import type { SnapshotField } from 'successkit/snapshot';
 *
 * const field: SnapshotField = 'licenseUtilization';
 * ```
 */
export type SnapshotField = Exclude<keyof AccountSnapshot, SnapshotRecordField>;

/**
 * The rules field type (`'number'`, `'string'`, `'date'`, `'boolean'`) of a
 * snapshot value type: what {@link SnapshotFieldCatalog} holds for each field.
 *
 * @example
 * ```ts
 * import type { AccountSnapshot, SnapshotFieldType } from 'successkit/snapshot';
 *
 * const renewal: SnapshotFieldType<AccountSnapshot['renewalDate']> = 'date';
 * ```
 */
export type SnapshotFieldType<Value> = [NonNullable<Value>] extends [boolean]
  ? 'boolean'
  : [NonNullable<Value>] extends [number]
    ? 'number'
    : [NonNullable<Value>] extends [CalendarDate]
      ? 'date'
      : [NonNullable<Value>] extends [string]
        ? 'string'
        : never;

/**
 * The catalog entry of each snapshot field: its type, which the compiler
 * checks against {@link AccountSnapshot}, and its label.
 *
 * @example
 * ```ts
 * import type { SnapshotFieldCatalog } from 'successkit/snapshot';
 *
 * const arr: SnapshotFieldCatalog['arr'] = { type: 'number', label: 'ARR' };
 * ```
 */
export type SnapshotFieldCatalog = {
  readonly [Field in SnapshotField]: {
    readonly type: SnapshotFieldType<AccountSnapshot[Field]>;
    readonly label: string;
  };
};

/**
 * The unit of a snapshot field's value:
 *
 * | unit | meaning |
 * |---|---|
 * | `text` | an id or a name |
 * | `date` | a `CalendarDate` |
 * | `yes/no` | a boolean |
 * | `days` | whole days |
 * | `count` | how many rows or events |
 * | `people` | how many people (users, contacts, employees) |
 * | `seats` | licenses paid for |
 * | `money` | major units of the account's `currency` |
 * | `money per month`, `money per year` | recurring revenue |
 * | `share` | a ratio, 0–1 (license utilization may pass 1) |
 * | `NPS points` | −100 to 100 |
 * | `scale points` | a survey answer on its scale |
 *
 * @example
 * ```ts
 * import type { SnapshotFieldUnit } from 'successkit/snapshot';
 *
 * const unit: SnapshotFieldUnit = 'money per year';
 * ```
 */
export type SnapshotFieldUnit =
  | 'text'
  | 'date'
  | 'yes/no'
  | 'days'
  | 'count'
  | 'people'
  | 'seats'
  | 'money'
  | 'money per month'
  | 'money per year'
  | 'share'
  | 'NPS points'
  | 'scale points';

/**
 * The field catalog of {@link AccountSnapshot}: every one-value field with
 * its type and a one-line label, for `defineRule(rule, { fields:
 * snapshotFields })` and for a rule builder's field picker. The unit of each
 * is in {@link snapshotFieldUnits}.
 *
 * @example
 * ```ts
 * import { defineRule } from 'successkit/rules';
 * import { snapshotFields } from 'successkit/snapshot';
 *
 * snapshotFields.licenseUtilization; // => { type: 'number', label: 'License utilization' }
 * defineRule({ field: 'licenseUtilization', op: 'lt', value: 0.5 }, { fields: snapshotFields });
 * defineRule({ field: 'licenseUtilisation', op: 'lt', value: 0.5 }, { fields: snapshotFields }); // throws invalid_rule
 * ```
 */
export const snapshotFields: SnapshotFieldCatalog = {
  id: { type: 'string', label: 'Account id' },
  asOf: { type: 'date', label: 'Snapshot day' },
  name: { type: 'string', label: 'Account name' },
  parentId: { type: 'string', label: 'Parent account id' },
  segment: { type: 'string', label: 'Segment' },
  plan: { type: 'string', label: 'Plan' },
  industry: { type: 'string', label: 'Industry' },
  region: { type: 'string', label: 'Region' },
  employees: { type: 'number', label: 'Employees' },
  currency: { type: 'string', label: 'Currency' },
  csmId: { type: 'string', label: 'CSM' },
  mrr: { type: 'number', label: 'MRR' },
  arr: { type: 'number', label: 'ARR' },
  mrrChange30Days: { type: 'number', label: 'MRR change over 30 days' },
  mrrChange90Days: { type: 'number', label: 'MRR change over 90 days' },
  startDate: { type: 'date', label: 'Customer since' },
  renewalDate: { type: 'date', label: 'Renewal date' },
  churnDate: { type: 'date', label: 'Churn date' },
  status: { type: 'string', label: 'Status' },
  tenureDays: { type: 'number', label: 'Tenure in days' },
  daysToRenewal: { type: 'number', label: 'Days to renewal' },
  usagePeriodStart: { type: 'date', label: 'Latest usage period' },
  activeUsers: { type: 'number', label: 'Active users' },
  activeUsersChange: { type: 'number', label: 'Change in active users' },
  licenses: { type: 'number', label: 'Licenses' },
  licenseUtilization: { type: 'number', label: 'License utilization' },
  licenseUtilizationChange: { type: 'number', label: 'Change in license utilization' },
  stickiness: { type: 'number', label: 'DAU/MAU stickiness' },
  logins: { type: 'number', label: 'Logins' },
  featuresAdopted: { type: 'number', label: 'Features adopted' },
  lastLoginDate: { type: 'date', label: 'Last login' },
  daysSinceLastLogin: { type: 'number', label: 'Days since last login' },
  npsResponses: { type: 'number', label: 'NPS answers' },
  nps: { type: 'number', label: 'NPS' },
  npsDetractors: { type: 'number', label: 'NPS detractors' },
  lastNpsScore: { type: 'number', label: 'Latest NPS answer' },
  lastNpsDate: { type: 'date', label: 'Latest NPS answer date' },
  lastNpsCategory: { type: 'string', label: 'Latest NPS category' },
  csatResponses: { type: 'number', label: 'CSAT answers' },
  csatSatisfiedShare: { type: 'number', label: 'CSAT satisfied share' },
  lastCsatScore: { type: 'number', label: 'Latest CSAT answer' },
  lastCsatScale: { type: 'number', label: 'Latest CSAT scale' },
  lastCsatDate: { type: 'date', label: 'Latest CSAT answer date' },
  cesResponses: { type: 'number', label: 'CES answers' },
  cesLowEffortShare: { type: 'number', label: 'CES low-effort share' },
  ticketsOpened: { type: 'number', label: 'Tickets opened' },
  urgentTicketsOpened: { type: 'number', label: 'Urgent tickets opened' },
  openTickets: { type: 'number', label: 'Open tickets' },
  escalations: { type: 'number', label: 'Escalations' },
  highestEscalationSeverity: { type: 'string', label: 'Highest escalation severity' },
  contacts: { type: 'number', label: 'Contacts' },
  championNamed: { type: 'boolean', label: 'Champion named' },
  championLeft: { type: 'boolean', label: 'Champion left' },
  championLeftDate: { type: 'date', label: 'Champion left on' },
  sponsorChanged: { type: 'boolean', label: 'Sponsor changed' },
  sponsorChangedDate: { type: 'date', label: 'Sponsor changed on' },
  featureRequests: { type: 'number', label: 'Feature requests' },
  featureRequestsOffRoadmap: { type: 'number', label: 'Feature requests off the roadmap' },
  featureRequestsOutOfScope: { type: 'number', label: 'Feature requests out of scope' },
  overdueAmount: { type: 'number', label: 'Overdue amount' },
  overdueDays: { type: 'number', label: 'Days overdue' },
  valueRealized: { type: 'number', label: 'Business value realized' },
  valueRealizedDate: { type: 'date', label: 'Value realized as of' },
  lastMeetingDate: { type: 'date', label: 'Last meeting' },
  daysSinceLastMeeting: { type: 'number', label: 'Days since last meeting' },
  lastEbrDate: { type: 'date', label: 'Last EBR' },
  daysSinceLastEbr: { type: 'number', label: 'Days since last EBR' },
};

/**
 * The unit of every field in {@link snapshotFields}.
 *
 * @example
 * ```ts
 * import { snapshotFieldUnits } from 'successkit/snapshot';
 *
 * snapshotFieldUnits.arr; // => 'money per year'
 * snapshotFieldUnits.daysToRenewal; // => 'days'
 * ```
 */
export const snapshotFieldUnits: Readonly<Record<SnapshotField, SnapshotFieldUnit>> = {
  id: 'text',
  asOf: 'date',
  name: 'text',
  parentId: 'text',
  segment: 'text',
  plan: 'text',
  industry: 'text',
  region: 'text',
  employees: 'people',
  currency: 'text',
  csmId: 'text',
  mrr: 'money per month',
  arr: 'money per year',
  mrrChange30Days: 'money per month',
  mrrChange90Days: 'money per month',
  startDate: 'date',
  renewalDate: 'date',
  churnDate: 'date',
  status: 'text',
  tenureDays: 'days',
  daysToRenewal: 'days',
  usagePeriodStart: 'date',
  activeUsers: 'people',
  activeUsersChange: 'people',
  licenses: 'seats',
  licenseUtilization: 'share',
  licenseUtilizationChange: 'share',
  stickiness: 'share',
  logins: 'count',
  featuresAdopted: 'count',
  lastLoginDate: 'date',
  daysSinceLastLogin: 'days',
  npsResponses: 'count',
  nps: 'NPS points',
  npsDetractors: 'count',
  lastNpsScore: 'scale points',
  lastNpsDate: 'date',
  lastNpsCategory: 'text',
  csatResponses: 'count',
  csatSatisfiedShare: 'share',
  lastCsatScore: 'scale points',
  lastCsatScale: 'scale points',
  lastCsatDate: 'date',
  cesResponses: 'count',
  cesLowEffortShare: 'share',
  ticketsOpened: 'count',
  urgentTicketsOpened: 'count',
  openTickets: 'count',
  escalations: 'count',
  highestEscalationSeverity: 'text',
  contacts: 'people',
  championNamed: 'yes/no',
  championLeft: 'yes/no',
  championLeftDate: 'date',
  sponsorChanged: 'yes/no',
  sponsorChangedDate: 'date',
  featureRequests: 'count',
  featureRequestsOffRoadmap: 'count',
  featureRequestsOutOfScope: 'count',
  overdueAmount: 'money',
  overdueDays: 'days',
  valueRealized: 'share',
  valueRealizedDate: 'date',
  lastMeetingDate: 'date',
  daysSinceLastMeeting: 'days',
  lastEbrDate: 'date',
  daysSinceLastEbr: 'days',
};

/**
 * Adds a host's own fields to a catalog, such as the attributes, milestones
 * and custom measures its rules read, and returns the combined catalog as a
 * new object; neither argument is changed.
 *
 * @param fields - the catalog to extend, usually {@link snapshotFields}
 * @param more - the fields to add, by dotted path
 * @returns a new catalog with the entries of both
 * @throws {@link core!SuccessKitError} `invalid_input` when either is not a field catalog (path `['fields', …]` or `['more', …]`), `invalid_definition` when `more` redefines a field of `fields`
 *
 * @example
 * ```ts
 * import { defineRule } from 'successkit/rules';
 * import { extendFields, snapshotFields } from 'successkit/snapshot';
 *
 * const fields = extendFields(snapshotFields, {
 *   'attributes.hasSso': { type: 'boolean', label: 'SSO' },
 *   'milestones.first_login': { type: 'date', label: 'First login' },
 * });
 * defineRule({ field: 'milestones.first_login', op: 'missing' }, { fields });
 * extendFields(snapshotFields, { arr: 'string' }); // throws invalid_definition
 * ```
 */
export function extendFields(fields: FieldCatalog, more: FieldCatalog): FieldCatalog {
  const base = parseWith(FieldCatalog, fields, { path: ['fields'] });
  const added = parseWith(FieldCatalog, more, { path: ['more'] });
  for (const path of Object.keys(added)) {
    if (Object.hasOwn(base, path)) {
      fail('invalid_definition', ['more', path], `${quoteText(path, 60)} is already in the catalog`);
    }
  }
  return { ...base, ...added };
}
