import type { CalendarDate, Portfolio } from 'successkit/core';
import {
  classifyFit,
  defaultFitModel,
  fitNorms,
  fitSignals,
  investmentDecision,
  type FitClass,
  type FitSignals,
  type SignalSeverity,
} from 'successkit/fit';
import { accountSnapshots } from 'successkit/snapshot';
import { count, heading, money, paragraph, table, whole } from './format.js';

/** Accounts of one fit class: how many are final and how many still provisional. */
export interface FitClassCount {
  readonly fitClass: FitClass;
  readonly final: number;
  readonly provisional: number;
}

/** An account one unknown criterion away from a final class. */
export interface NextCard {
  readonly accountId: string;
  readonly name: string;
  readonly possibleClasses: readonly FitClass[];
  /** The criterion whose answer settles it. */
  readonly criterion: string;
}

/** A bad fit the numbers say to fold. */
export interface FoldCandidate {
  readonly accountId: string;
  readonly name: string;
  /** USD a year. */
  readonly arr: number;
  /** Expected value of a success investment, USD; negative. */
  readonly expectedValue: number;
  readonly summary: string;
}

/** The fit section of the review. */
export interface PortfolioFit {
  readonly asOf: CalendarDate;
  readonly classes: readonly FitClassCount[];
  /** Accounts whose class one unknown criterion would decide, at most the first five, and how many in all. */
  readonly oneCardAway: { readonly total: number; readonly accounts: readonly NextCard[] };
  /** Fold candidates, most negative expected value first, at most five, and how many in all. */
  readonly fold: { readonly total: number; readonly accounts: readonly FoldCandidate[] };
  /** Bad fits whose investment would pay but not strongly: held at maintenance. */
  readonly heldAtMaintenance: number;
}

// The review's assumptions for a bad fit's success investment: a fifth of its
// ARR, against two years of its margin (80%). Retention without it falls with
// the loudest warning signal; the investment lifts it by 20 points when usage
// is the only problem (training and adoption can fix that) and by 5 when the
// customer wants what the product is not for, which success work cannot fix.
const investmentShare = 0.2;
const margin = 0.8;
const retentionBySeverity: Readonly<Record<SignalSeverity, number>> = { none: 0.8, low: 0.7, medium: 0.55, high: 0.4 };

/** Retention without and with the investment, from the account's warning signals. */
function retentionOf(signals: FitSignals): { readonly without: number; readonly with: number } {
  const without = retentionBySeverity[signals.severity];
  const [requests, , expectations] = signals.signals;
  const fixable = requests.severity === 'none' && expectations.severity === 'none';
  return { without, with: Math.min(1, without + (fixable ? 0.2 : 0.05)) };
}

/** Classifies every active account with the default fit model and weighs a success investment in the bad fits. */
export function portfolioFit(portfolio: Portfolio): PortfolioFit {
  const { asOf, snapshots } = accountSnapshots(portfolio);
  const norms = fitNorms(snapshots);
  const counts = new Map<FitClass, { final: number; provisional: number }>(
    (['perfect', 'good', 'bad'] as const).map((fitClass) => [fitClass, { final: 0, provisional: 0 }]),
  );
  const nextCards: NextCard[] = [];
  const fold: FoldCandidate[] = [];
  let held = 0;
  for (const snapshot of snapshots) {
    if (snapshot.status !== 'active') continue;
    const result = classifyFit(defaultFitModel, snapshot);
    const tally = counts.get(result.fitClass);
    if (tally !== undefined) tally[result.provisional ? 'provisional' : 'final']++;
    const card = result.decidingCriteria.find((criterion) => criterion.decides);
    if (card !== undefined) {
      nextCards.push({
        accountId: snapshot.id,
        name: snapshot.name,
        possibleClasses: result.possibleClasses,
        criterion: card.label,
      });
    }
    if (result.fitClass !== 'bad' || snapshot.arr === null || snapshot.arr === 0) continue;
    const retention = retentionOf(fitSignals(snapshot, { norms }));
    const decision = investmentDecision({
      fit: result,
      lifetimeValue: 2 * snapshot.arr * margin,
      horizonMonths: 24,
      retentionProbability: retention.with,
      retentionWithoutInvestment: retention.without,
      investmentCost: snapshot.arr * investmentShare,
    });
    if (decision.decision === 'hold') held++;
    if (decision.decision === 'fold') {
      fold.push({
        accountId: snapshot.id,
        name: snapshot.name,
        arr: snapshot.arr,
        expectedValue: decision.expectedValue,
        summary: result.explanation.summary,
      });
    }
  }
  fold.sort((a, b) => a.expectedValue - b.expectedValue || a.accountId.localeCompare(b.accountId));
  return {
    asOf,
    classes: [...counts].map(([fitClass, tally]) => ({ fitClass, ...tally })),
    oneCardAway: { total: nextCards.length, accounts: nextCards.slice(0, 5) },
    fold: { total: fold.length, accounts: fold.slice(0, 5) },
    heldAtMaintenance: held,
  };
}

/** The fit section as text. */
export function formatFit(fit: PortfolioFit): string {
  const lines = [
    heading('Customer fit (default model)'),
    table(
      ['class', 'final', 'provisional'],
      fit.classes.map((row) => [row.fitClass, whole(row.final), whole(row.provisional)]),
      [1, 2],
    ),
    '',
    ...paragraph(`  ${count(fit.oneCardAway.total, 'account')} one card from a final class:`),
    ...fit.oneCardAway.accounts.map(
      (account) => `    ${account.name}: ${account.possibleClasses.join(' or ')}, decided by "${account.criterion}"`,
    ),
    '',
    ...paragraph(
      `  ${count(fit.fold.total, 'fold candidate')} (bad fits where ${String(investmentShare * 100)}% of ARR in success work would not pay for itself over two years):`,
    ),
    ...fit.fold.accounts.map(
      (account) => `    ${account.name}: ARR ${money(account.arr)}, expected value ${money(account.expectedValue)}`,
    ),
    ...paragraph(
      `  ${count(fit.heldAtMaintenance, 'bad fit')} held at maintenance: the investment pays, but its expected gain is below its cost.`,
    ),
  ];
  return lines.join('\n');
}
