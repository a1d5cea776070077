import { addDays, type CalendarDate } from 'successkit/core';
import type { AccountSnapshot, AccountSnapshots } from 'successkit/snapshot';
import { count, heading, money, percent, table, whole } from './format.js';

/** How far ahead the review looks for renewals. */
const renewalWindowDays = 90;

/** How many of the largest renewals the review lists. */
const largestShown = 10;

/** Accounts and ARR of one segment. */
export interface SegmentSummary {
  readonly segment: string;
  readonly accounts: number;
  readonly arr: number;
  /** Share of the portfolio's ARR, 0–1. */
  readonly arrShare: number;
  readonly averageArr: number;
}

/** A renewal coming up in the window. */
export interface UpcomingRenewal {
  readonly accountId: string;
  readonly name: string;
  readonly segment: string;
  readonly renewalDate: CalendarDate;
  readonly daysLeft: number;
  readonly arr: number;
  readonly csmId: string | null;
}

/** The portfolio basics: what the book holds and what renews soon. */
export interface PortfolioBasics {
  readonly activeAccounts: number;
  readonly churnedAccounts: number;
  /** ARR of active accounts, USD: twelve times the MRR of the last month billed. */
  readonly arr: number;
  readonly bySegment: readonly SegmentSummary[];
  readonly renewals: {
    /** The window: the day after `asOf` to `asOf` + 90 days, both included. */
    readonly from: CalendarDate;
    readonly until: CalendarDate;
    readonly accounts: number;
    readonly arr: number;
    readonly largest: readonly UpcomingRenewal[];
  };
}

function summarizeSegments(active: readonly AccountSnapshot[], totalArr: number): SegmentSummary[] {
  const bySegment = new Map<string, { accounts: number; arr: number }>();
  for (const snapshot of active) {
    const segment = snapshot.segment ?? 'unsegmented';
    const summary = bySegment.get(segment) ?? { accounts: 0, arr: 0 };
    summary.accounts += 1;
    summary.arr += snapshot.arr ?? 0;
    bySegment.set(segment, summary);
  }
  return [...bySegment]
    .map(([segment, { accounts, arr }]) => ({
      segment,
      accounts,
      arr,
      arrShare: totalArr === 0 ? 0 : arr / totalArr,
      averageArr: arr / accounts,
    }))
    .sort((a, b) => b.arr - a.arr);
}

function upcomingRenewals(active: readonly AccountSnapshot[]): UpcomingRenewal[] {
  return active
    .flatMap((snapshot) => {
      const { renewalDate, daysToRenewal } = snapshot;
      if (renewalDate === null || daysToRenewal === null) return [];
      if (daysToRenewal < 1 || daysToRenewal > renewalWindowDays) return [];
      return [
        {
          accountId: snapshot.id,
          name: snapshot.name,
          segment: snapshot.segment ?? 'unsegmented',
          renewalDate,
          daysLeft: daysToRenewal,
          arr: snapshot.arr ?? 0,
          csmId: snapshot.csmId,
        },
      ];
    })
    .sort((a, b) => b.arr - a.arr);
}

/** Counts accounts and ARR by segment and lists the renewals of the next 90 days, from the accounts' snapshots. */
export function portfolioBasics({ asOf, snapshots }: AccountSnapshots): PortfolioBasics {
  const active = snapshots.filter((snapshot) => snapshot.status === 'active');
  const arr = active.reduce((sum, snapshot) => sum + (snapshot.arr ?? 0), 0);
  const renewals = upcomingRenewals(active);
  return {
    activeAccounts: active.length,
    churnedAccounts: snapshots.length - active.length,
    arr,
    bySegment: summarizeSegments(active, arr),
    renewals: {
      from: addDays(asOf, 1),
      until: addDays(asOf, renewalWindowDays),
      accounts: renewals.length,
      arr: renewals.reduce((sum, renewal) => sum + renewal.arr, 0),
      largest: renewals.slice(0, largestShown),
    },
  };
}

function formatRenewals(renewals: PortfolioBasics['renewals']): string[] {
  const title = heading(
    `Renewals in the next ${String(renewalWindowDays)} days (${renewals.from} to ${renewals.until})`,
  );
  if (renewals.accounts === 0) return [title, '  No active account renews in this window.'];
  const rows = table(
    ['Renews', 'Days left', 'Account', 'Segment', 'ARR', 'CSM'],
    renewals.largest.map((row) => [
      row.renewalDate,
      String(row.daysLeft),
      row.name,
      row.segment,
      money(row.arr),
      row.csmId ?? '—',
    ]),
    [1, 4],
  );
  const which = renewals.accounts > renewals.largest.length ? `; the ${whole(renewals.largest.length)} largest` : '';
  return [title, `  ${count(renewals.accounts, 'account')}, ${money(renewals.arr)} ARR${which}:`, '', rows];
}

function formatSegments(basics: PortfolioBasics): string[] {
  if (basics.activeAccounts === 0) return [];
  return [
    '',
    table(
      ['Segment', 'Accounts', 'ARR', 'Share of ARR', 'Average ARR'],
      basics.bySegment.map((row) => [
        row.segment,
        whole(row.accounts),
        money(row.arr),
        percent(row.arrShare),
        money(row.averageArr),
      ]),
      [1, 2, 3, 4],
    ),
  ];
}

/** The basics as terminal text. */
export function formatBasics(basics: PortfolioBasics): string {
  const churned = `${whole(basics.churnedAccounts)} churned`;
  const summary =
    basics.activeAccounts === 0
      ? `  No active accounts (${churned}), so no ARR.`
      : `  ${count(basics.activeAccounts, 'active account')} (${churned}), ${money(basics.arr)} ARR`;
  return [heading('Portfolio'), summary, ...formatSegments(basics), ...formatRenewals(basics.renewals)].join('\n');
}
