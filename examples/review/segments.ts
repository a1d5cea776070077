import type { Portfolio } from 'successkit/core';
import {
  capacityPlan,
  defaultSegmentation,
  segmentAccounts,
  whatIf,
  type CapacityPlan,
  type CapacityTeam,
  type WhatIf,
} from 'successkit/segments';
import { accountSnapshots } from 'successkit/snapshot';
import { heading, money, paragraph, table, whole } from './format.js';

/** The team the review plans with: one CSM per 100 active accounts, 100 hours a month on the book, 140,000 a year fully loaded. */
export function reviewTeam(activeAccounts: number): CapacityTeam {
  return { csmCount: Math.max(1, Math.round(activeAccounts / 100)), hoursPerCsmPerMonth: 100, costPerCsm: 140_000 };
}

/** The high-touch boundary the review's what-if tries, ARR per year. */
export const raisedBoundary = 150_000;

/** The segment section: the default touch tiers, the team's capacity plan and one what-if. */
export interface PortfolioSegments {
  readonly plan: CapacityPlan;
  /** The high-touch boundary raised from 100,000 to {@link raisedBoundary}. */
  readonly raisedBoundary: WhatIf;
}

/** Segments the active accounts with the default segmentation and plans the team's capacity. */
export function portfolioSegments(portfolio: Portfolio): PortfolioSegments {
  const active = accountSnapshots(portfolio).snapshots.filter((snapshot) => snapshot.status === 'active');
  const plan = capacityPlan(segmentAccounts(defaultSegmentation, active), { team: reviewTeam(active.length) });
  return {
    plan,
    raisedBoundary: whatIf(plan, {
      boundaries: [{ segmentId: 'high-touch', value: raisedBoundary }],
      snapshots: active,
    }),
  };
}

function csms(value: number | null): string {
  return value === null ? '—' : value.toFixed(1);
}

/** The section as terminal text. */
export function formatSegments(segments: PortfolioSegments): string {
  const { plan, raisedBoundary: change } = segments;
  const { totals } = plan;
  const rows = plan.segments.map((segment) => [
    segment.name,
    segment.tier,
    whole(segment.accounts),
    money(segment.arr),
    csms(segment.csmsNeeded),
    csms(segment.csmsAssigned),
    segment.accountsPerCsm.value === null ? '—' : whole(segment.accountsPerCsm.value),
  ]);
  rows.push([
    'All',
    '',
    whole(totals.accounts),
    money(totals.arr),
    csms(totals.csmsNeeded),
    csms(totals.csmsAvailable),
    totals.csmsAvailable > 0 ? whole(totals.accounts / totals.csmsAvailable) : '—',
  ]);
  const findings =
    plan.findings.length === 0
      ? ['  No findings: the team can serve the segmentation.']
      : plan.findings.map((finding) => `  ${finding.severity.padEnd(8)} ${finding.message}`);
  const moved = change.segments
    .map((segment) => `${segment.name} ${whole(segment.accounts.before ?? 0)} → ${whole(segment.accounts.after ?? 0)}`)
    .join(', ');
  const what = [
    `What if high touch started at ${money(raisedBoundary)} ARR instead of ${money(100_000)}? Accounts: ${moved}.`,
    `CSMs needed ${csms(change.totals.csmsNeeded.before)} → ${csms(change.totals.csmsNeeded.after)} of ${csms(totals.csmsAvailable)};`,
    `${String(change.findingsResolved.length)} findings resolved, ${String(change.findingsAdded.length)} added.`,
  ].join(' ');
  return [
    heading('Touch tiers and CSM capacity'),
    ...paragraph(
      `Active accounts in the default touch tiers, served by ${csms(totals.csmsAvailable)} CSMs with 100 hours a month each on the book (one per 100 accounts).`,
    ),
    '',
    table(['segment', 'tier', 'accounts', 'ARR', 'CSMs needed', 'CSMs serving', 'accounts/CSM'], rows, [2, 3, 4, 5, 6]),
    '',
    ...findings,
    '',
    ...paragraph(what),
  ].join('\n');
}
