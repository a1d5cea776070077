import type { AccountEvent, CalendarDate, Contact, ContactRole, Portfolio } from 'successkit/core';
import {
  reviewAccountPlan,
  type AccountPlanInput,
  type AccountPlanReview,
  type PlanContactRole,
} from 'successkit/plans';
import { accountSnapshots } from 'successkit/snapshot';
import { count, heading, money, paragraph, whole } from './format.js';

/** How many of the largest accounts get an account-plan review. */
const largestShown = 3;

/** The plan's name for each role of the sample's contacts. */
const planRoles: Readonly<Record<ContactRole, PlanContactRole>> = {
  executive_sponsor: 'executive_sponsor',
  decision_maker: 'leader',
  champion: 'champion',
  admin: 'peer',
  power_user: 'peer',
  user: 'user',
  billing: 'user',
};

/** The account-plan review of one large account. */
export interface AccountPlanSummary {
  readonly accountId: string;
  readonly name: string;
  readonly segment: string | null;
  /** USD a year, as of the review day. */
  readonly arr: number;
  readonly review: AccountPlanReview;
}

/** The account-plan section: the largest active accounts by ARR, their plans built from the sample and reviewed. */
export interface PortfolioPlans {
  readonly asOf: CalendarDate;
  readonly accounts: readonly AccountPlanSummary[];
}

/**
 * The plan the sample data can fill: the org chart from the account's
 * contacts (roles renamed, `reportsTo` and leaving dates kept), each contact
 * engaged on the day of the last meeting (the sample's meetings name no
 * attendee; a CSM meets the champion and the sponsor at least). Purchase
 * reasons, success criteria, initiatives and next steps are for the CSM to
 * write: the review says they are missing.
 */
function planOf(
  accountId: string,
  name: string,
  contacts: readonly Contact[],
  events: readonly AccountEvent[],
  asOf: CalendarDate,
): AccountPlanInput {
  let lastMeeting: string | undefined;
  for (const event of events)
    if (event.type === 'meeting' && event.date <= asOf && (lastMeeting === undefined || event.date > lastMeeting))
      lastMeeting = event.date;
  return {
    id: `plan-${accountId}`,
    accountId,
    accountName: name,
    contacts: contacts.map((contact) => ({
      id: contact.id,
      name: contact.name,
      role: planRoles[contact.role],
      ...(contact.title === undefined ? {} : { title: contact.title }),
      ...(contact.reportsTo === undefined ? {} : { reportsTo: contact.reportsTo }),
      ...(contact.leftDate === undefined ? {} : { leftDate: contact.leftDate }),
      ...(lastMeeting !== undefined && (contact.role === 'champion' || contact.role === 'executive_sponsor')
        ? { lastEngagedDate: lastMeeting }
        : {}),
    })),
  };
}

/** Latest MRR on or before the day per account, from the portfolio's monthly snapshots. */
function latestMrr(portfolio: Portfolio, asOf: CalendarDate): Map<string, number> {
  const latest = new Map<string, { month: string; mrr: number }>();
  for (const row of portfolio.mrr) {
    if (row.month > asOf) continue;
    const known = latest.get(row.accountId);
    if (known === undefined || row.month > known.month) latest.set(row.accountId, row);
  }
  return new Map([...latest].map(([id, row]) => [id, row.mrr]));
}

/** Builds and reviews the account plans of the largest active accounts. */
export function portfolioPlans(portfolio: Portfolio): PortfolioPlans {
  const asOf = portfolio.asOf;
  const mrr = latestMrr(portfolio, asOf);
  const largest = portfolio.accounts
    .filter((account) => account.churnDate === undefined || account.churnDate > asOf)
    .map((account) => ({ account, mrr: mrr.get(account.id) ?? 0 }))
    .sort((a, b) => b.mrr - a.mrr || a.account.id.localeCompare(b.account.id))
    .slice(0, largestShown);
  const ids = new Set(largest.map(({ account }) => account.id));
  const mine = <Row extends { readonly accountId: string }>(rows: readonly Row[]): Row[] =>
    rows.filter((row) => ids.has(row.accountId));
  // Snapshots of just these accounts: their red flags (champion left, sponsor changed, escalations) as of the day.
  const { snapshots } = accountSnapshots({
    ...portfolio,
    accounts: largest.map(({ account }) => account),
    contacts: mine(portfolio.contacts),
    usage: mine(portfolio.usage),
    surveys: mine(portfolio.surveys),
    mrr: mine(portfolio.mrr),
    events: mine(portfolio.events),
  });
  return {
    asOf,
    accounts: largest.map(({ account, mrr: monthly }) => {
      const events = portfolio.events.filter((event) => event.accountId === account.id);
      const contacts = portfolio.contacts.filter((contact) => contact.accountId === account.id);
      const snapshot = snapshots.find((row) => row.id === account.id);
      const review = reviewAccountPlan(planOf(account.id, account.name, contacts, events, asOf), {
        asOf,
        events,
        ...(snapshot === undefined ? {} : { snapshot }),
      });
      return { accountId: account.id, name: account.name, segment: account.segment ?? null, arr: monthly * 12, review };
    }),
  };
}

const severityLabel = { critical: 'CRITICAL', high: 'high', medium: 'medium', low: 'low' } as const;

function formatAccount(summary: AccountPlanSummary): string[] {
  const { review } = summary;
  const { coverage } = review;
  const lines = [
    '',
    `  ${summary.name} (${summary.segment ?? 'no segment'}, ${money(summary.arr)} ARR): plan ${whole(review.completeness.score)}/100 complete, ` +
      `org chart ${count(review.orgChartDepth, 'level')}, ${whole(coverage.engaged)} of ${count(coverage.contacts, 'contact')} engaged in ${String(coverage.engagedWithinDays)} days`,
  ];
  for (const finding of review.findings) {
    const text = paragraph(`${severityLabel[finding.severity].padEnd(8)} ${finding.message}. Fix: ${finding.fix}.`, 86);
    lines.push(...text.map((line, index) => `${index === 0 ? '    ' : '             '}${line.slice(2)}`));
  }
  return lines;
}

/** The account-plan section as terminal text. */
export function formatPlans(plans: PortfolioPlans): string {
  const title = heading(`Account plans of the ${String(largestShown)} largest accounts, as of ${plans.asOf}`);
  if (plans.accounts.length === 0) return [title, '  No active account.'].join('\n');
  return [
    title,
    '  Built from the sample: org chart from the contacts, red flags from the events and snapshot;',
    '  purchase reasons, success criteria, initiatives and next steps are for the CSM to add.',
    ...plans.accounts.flatMap(formatAccount),
  ].join('\n');
}
