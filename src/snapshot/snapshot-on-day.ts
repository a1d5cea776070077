import { type CalendarDate, toEpochDay } from '../core/internal.js';
import { rowAt } from './grouped-rows.js';
import type { AccountSnapshot } from './account-snapshot.js';
import { contactMeasures } from './contact-measures.js';
import { eventMeasures } from './event-measures.js';
import { mrrMeasures, type MrrMonths, mrrMonthsOf } from './mrr-measures.js';
import type { PortfolioIndex } from './portfolio-index.js';
import { surveyMeasures } from './survey-measures.js';
import { usageMeasures } from './usage-measures.js';

/** The day snapshots describe, with the day numbers every account's walk compares with. @internal */
export interface SnapshotDay {
  readonly asOf: CalendarDate;
  readonly asOfDay: number;
  /** The first day of the window: `asOfDay − windowDays + 1`. */
  readonly windowStart: number;
  readonly mrrMonths: MrrMonths;
}

/** The {@link SnapshotDay} of a valid date and window. @internal */
export function snapshotDay(asOf: CalendarDate, windowDays: number): SnapshotDay {
  const asOfDay = toEpochDay(asOf);
  return { asOf, asOfDay, windowStart: asOfDay - windowDays + 1, mrrMonths: mrrMonthsOf(asOfDay) };
}

/**
 * The snapshot of the account at `position` in the index, as of a day on or
 * after its start.
 *
 * @internal
 */
export function snapshotOnDay(index: PortfolioIndex, position: number, day: SnapshotDay): AccountSnapshot {
  const account = rowAt(index.accounts, position);
  const { asOfDay, windowStart } = day;
  const money = mrrMeasures(index.mrr, index.mrrAmounts, position, day.mrrMonths);
  const usage = usageMeasures(index.usage, position, asOfDay);
  const surveys = surveyMeasures(index.surveys, index.surveyAnswers, index.labelOf, position, windowStart, asOfDay);
  const events = eventMeasures(
    index.events,
    index.eventColumns,
    index.firstMilestones,
    index.labelOf,
    position,
    windowStart,
    asOfDay,
  );
  const people = contactMeasures(index.contacts, index.contactChampions, position, asOfDay);
  const churned = account.churn <= asOfDay;
  const { renewalDate } = account;
  return {
    id: account.id,
    asOf: day.asOf,
    name: account.name,
    parentId: account.parentId,
    segment: account.segment,
    plan: account.plan,
    industry: account.industry,
    region: account.region,
    employees: account.employees,
    currency: account.currency,
    csmId: account.csmId,
    attributes: account.attributes,
    mrr: money.mrr,
    arr: money.arr,
    mrrChange30Days: money.mrrChange30Days,
    mrrChange90Days: money.mrrChange90Days,
    startDate: account.startDate,
    renewalDate,
    churnDate: churned ? account.churnDate : null,
    status: churned ? 'churned' : 'active',
    tenureDays: asOfDay - account.start,
    daysToRenewal: renewalDate === null ? null : account.renewal - asOfDay,
    usagePeriodStart: usage.usagePeriodStart,
    activeUsers: usage.activeUsers,
    activeUsersChange: usage.activeUsersChange,
    licenses: usage.licenses,
    licenseUtilization: usage.licenseUtilization,
    licenseUtilizationChange: usage.licenseUtilizationChange,
    stickiness: usage.stickiness,
    logins: usage.logins,
    featuresAdopted: usage.featuresAdopted,
    lastLoginDate: events.lastLoginDate,
    daysSinceLastLogin: events.daysSinceLastLogin,
    npsResponses: surveys.npsResponses,
    nps: surveys.nps,
    npsDetractors: surveys.npsDetractors,
    lastNpsScore: surveys.lastNpsScore,
    lastNpsDate: surveys.lastNpsDate,
    lastNpsCategory: surveys.lastNpsCategory,
    csatResponses: surveys.csatResponses,
    csatSatisfiedShare: surveys.csatSatisfiedShare,
    lastCsatScore: surveys.lastCsatScore,
    lastCsatScale: surveys.lastCsatScale,
    lastCsatDate: surveys.lastCsatDate,
    cesResponses: surveys.cesResponses,
    cesLowEffortShare: surveys.cesLowEffortShare,
    ticketsOpened: events.ticketsOpened,
    urgentTicketsOpened: events.urgentTicketsOpened,
    openTickets: events.openTickets,
    escalations: events.escalations,
    highestEscalationSeverity: events.highestEscalationSeverity,
    contacts: people.contacts,
    championNamed: people.championNamed,
    championLeft: events.championLeftDate !== null,
    championLeftDate: events.championLeftDate,
    sponsorChanged: events.sponsorChangedDate !== null,
    sponsorChangedDate: events.sponsorChangedDate,
    featureRequests: events.featureRequests,
    featureRequestsOffRoadmap: events.featureRequestsOffRoadmap,
    featureRequestsOutOfScope: events.featureRequestsOutOfScope,
    overdueAmount: events.overdueAmount,
    overdueDays: events.overdueDays,
    milestones: events.milestones,
    valueRealized: events.valueRealized,
    valueRealizedDate: events.valueRealizedDate,
    lastMeetingDate: events.lastMeetingDate,
    daysSinceLastMeeting: events.daysSinceLastMeeting,
    lastEbrDate: events.lastEbrDate,
    daysSinceLastEbr: events.daysSinceLastEbr,
    custom: events.custom,
  };
}
