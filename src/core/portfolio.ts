import * as z from 'zod/mini';
import { Account } from './account.js';
import { AccountEvent } from './account-event.js';
import { CalendarDate } from './calendar-date.js';
import { Contact } from './contact.js';
import { SuccessKitError, type PathSegment, type SuccessKitIssue } from './error.js';
import { parseWith } from './parse.js';
import { MrrSnapshot, Subscription } from './subscription.js';
import { SurveyResponse } from './survey-response.js';
import { UsageSnapshot } from './usage-snapshot.js';

/**
 * A book of business as of one day: the accounts and everything known about
 * them. Only `asOf` and `accounts` are required; the other lists default to
 * empty.
 *
 * @example
 * ```ts
 * import { Portfolio } from 'successkit/core';
 *
 * const portfolio = Portfolio.parse({
 *   asOf: '2025-06-30',
 *   accounts: [{ id: 'acc-1', name: 'Acme', arr: 12_000, startDate: '2025-01-01' }],
 * });
 * portfolio.contacts; // => []
 * ```
 */
export const Portfolio = z.strictObject({
  asOf: CalendarDate,
  accounts: z.array(Account),
  contacts: z._default(z.array(Contact), () => []),
  usage: z._default(z.array(UsageSnapshot), () => []),
  surveys: z._default(z.array(SurveyResponse), () => []),
  subscriptions: z._default(z.array(Subscription), () => []),
  mrr: z._default(z.array(MrrSnapshot), () => []),
  events: z._default(z.array(AccountEvent), () => []),
});

/**
 * A validated portfolio; see the {@link Portfolio} schema.
 *
 * @example
 * ```ts
 * import { samplePortfolio } from 'successkit/sample';
 * import { calendarDate, type Portfolio } from 'successkit/core';
 *
 * const portfolio: Portfolio = samplePortfolio({ accounts: 20, asOf: calendarDate('2025-06-30') });
 * ```
 */
export type Portfolio = z.infer<typeof Portfolio>;

/** At most this many reference issues are reported; past it the data is broken wholesale. */
const maximumIssues = 100;

type IssueSink = (path: readonly PathSegment[], message: string) => void;

function indexIds<Row extends { id: string }>(rows: readonly Row[], list: string, report: IssueSink): Map<string, Row> {
  const byId = new Map<string, Row>();
  rows.forEach((row, index) => {
    if (byId.has(row.id)) report([list, index, 'id'], `duplicate id ${JSON.stringify(row.id)}`);
    else byId.set(row.id, row);
  });
  return byId;
}

function checkAccountIds(
  rows: readonly { accountId: string }[],
  list: string,
  accounts: ReadonlyMap<string, unknown>,
  report: IssueSink,
): void {
  rows.forEach((row, index) => {
    if (!accounts.has(row.accountId)) report([list, index, 'accountId'], `no account ${JSON.stringify(row.accountId)}`);
  });
}

function checkContactIds(
  rows: readonly { accountId: string; contactId?: string | undefined }[],
  list: string,
  contacts: ReadonlyMap<string, { accountId: string }>,
  report: IssueSink,
): void {
  rows.forEach((row, index) => {
    if (row.contactId === undefined) return;
    const contact = contacts.get(row.contactId);
    if (contact === undefined) report([list, index, 'contactId'], `no contact ${JSON.stringify(row.contactId)}`);
    else if (contact.accountId !== row.accountId) {
      report([list, index, 'contactId'], `contact ${JSON.stringify(row.contactId)} belongs to another account`);
    }
  });
}

/** Follows `next` links from each row and reports links to nothing and loops. */
function checkHierarchy<Row extends { id: string }>(
  rows: readonly Row[],
  list: string,
  field: string,
  next: (row: Row) => string | undefined,
  byId: ReadonlyMap<string, Row>,
  report: IssueSink,
): void {
  rows.forEach((row, index) => {
    const target = next(row);
    if (target === undefined) return;
    if (!byId.has(target)) {
      report([list, index, field], `no ${list.slice(0, -1)} ${JSON.stringify(target)}`);
      return;
    }
    const seen = new Set<string>([row.id]);
    for (let current = byId.get(target); current !== undefined;) {
      if (seen.has(current.id)) {
        report([list, index, field], `${field} of ${JSON.stringify(row.id)} leads into a cycle`);
        return;
      }
      seen.add(current.id);
      const following = next(current);
      current = following === undefined ? undefined : byId.get(following);
    }
  });
}

function findReferenceIssues(portfolio: Portfolio): SuccessKitIssue[] {
  const issues: SuccessKitIssue[] = [];
  const report: IssueSink = (path, message) => {
    if (issues.length < maximumIssues) issues.push({ path, message });
  };
  const accounts = indexIds(portfolio.accounts, 'accounts', report);
  const contacts = indexIds(portfolio.contacts, 'contacts', report);
  indexIds(portfolio.surveys, 'surveys', report);
  indexIds(portfolio.subscriptions, 'subscriptions', report);
  indexIds(portfolio.events, 'events', report);

  checkHierarchy(portfolio.accounts, 'accounts', 'parentId', (account) => account.parentId, accounts, report);
  checkHierarchy(portfolio.contacts, 'contacts', 'reportsTo', (contact) => contact.reportsTo, contacts, report);
  portfolio.contacts.forEach((contact, index) => {
    const manager = contact.reportsTo === undefined ? undefined : contacts.get(contact.reportsTo);
    if (manager !== undefined && manager.accountId !== contact.accountId) {
      report(['contacts', index, 'reportsTo'], `contact ${JSON.stringify(manager.id)} belongs to another account`);
    }
  });

  checkAccountIds(portfolio.contacts, 'contacts', accounts, report);
  checkAccountIds(portfolio.usage, 'usage', accounts, report);
  checkAccountIds(portfolio.surveys, 'surveys', accounts, report);
  checkAccountIds(portfolio.subscriptions, 'subscriptions', accounts, report);
  checkAccountIds(portfolio.mrr, 'mrr', accounts, report);
  checkAccountIds(portfolio.events, 'events', accounts, report);
  checkContactIds(portfolio.surveys, 'surveys', contacts, report);
  checkContactIds(portfolio.events, 'events', contacts, report);

  const months = new Set<string>();
  portfolio.mrr.forEach((snapshot, index) => {
    const key = `${snapshot.accountId}\u0000${snapshot.month}`;
    if (months.has(key)) report(['mrr', index], `second snapshot for ${snapshot.accountId} in ${snapshot.month}`);
    months.add(key);
  });
  return issues;
}

/**
 * Validates a whole portfolio: every record against its schema, then the
 * references between them — unique ids, every `accountId`, `contactId`,
 * `parentId` and `reportsTo` pointing at a record that exists (contacts in the
 * same account), no loops in the account or org-chart hierarchy, and at most
 * one MRR snapshot per account and month.
 *
 * @param input - untrusted portfolio data
 * @returns the portfolio, typed, with absent lists as `[]`
 * @throws {@link SuccessKitError} `invalid_input` for schema failures, `invalid_reference` for broken references (up to 100 issues)
 *
 * @example
 * ```ts
 * import { parsePortfolio } from 'successkit/core';
 *
 * const portfolio = parsePortfolio({
 *   asOf: '2025-06-30',
 *   accounts: [{ id: 'acc-1', name: 'Acme', arr: 12_000, startDate: '2025-01-01' }],
 *   contacts: [{ id: 'con-1', accountId: 'acc-1', name: 'Ana Ruiz', role: 'champion' }],
 * });
 * portfolio.accounts.length; // => 1
 * parsePortfolio({ asOf: '2025-06-30', accounts: [], contacts: [{ id: 'c', accountId: 'acc-2', name: 'N', role: 'user' }] }); // throws invalid_reference
 * ```
 */
export function parsePortfolio(input: unknown): Portfolio {
  const portfolio = parseWith(Portfolio, input);
  const issues = findReferenceIssues(portfolio);
  if (issues.length > 0) throw new SuccessKitError('invalid_reference', issues);
  return portfolio;
}
