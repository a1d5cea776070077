import { addDays, type CalendarDate, type Portfolio } from 'successkit/core';
import {
  bandDistribution,
  defaultScorecard,
  evaluateScorecard,
  movers,
  pathToBand,
  scorePortfolio,
  type BandDistribution,
  type BandPath,
  type ScorecardEvaluation,
} from 'successkit/health';
import { accountSnapshots } from 'successkit/snapshot';
import { count, heading, paragraph, percent, table } from './format.js';

/** How far back the month-on-month comparison reaches, in days. */
const comparisonDays = 30;

/** How far back the churn check's snapshots are taken, and the horizon churn is counted over, in days. */
const evaluationDays = 183;

/** One of the biggest drops in health over the last month, with the measures that moved it. */
export interface HealthDrop {
  readonly accountId: string;
  readonly name: string;
  readonly before: number;
  readonly after: number;
  readonly bandBefore: string | null;
  readonly bandAfter: string | null;
  /** Points of the score, one decimal (negative). */
  readonly delta: number;
  /** The measures that moved it most, largest first, as `label delta`. */
  readonly why: readonly string[];
}

/** The health section of the review: the default scorecard on the sample book. */
export interface PortfolioHealth {
  readonly asOf: CalendarDate;
  readonly comparedWith: CalendarDate;
  readonly distribution: BandDistribution;
  readonly drops: readonly HealthDrop[];
  /** The lowest-scoring red account and what would take it to green; `null` without a red account. */
  readonly pathToGreen: {
    readonly accountId: string;
    readonly name: string;
    readonly score: number | null;
    readonly path: BandPath;
  } | null;
  /** The scorecard against churn in the `evaluationDays` after snapshots taken that long ago. */
  readonly evaluation: {
    readonly snapshotsOn: CalendarDate;
    readonly horizonDays: number;
    readonly result: ScorecardEvaluation;
  };
}

/** Scores the book now and a month ago, and checks the scorecard against the churn of the last half year. */
export function portfolioHealth(portfolio: Portfolio): PortfolioHealth {
  const asOf = portfolio.asOf;
  const comparedWith = addDays(asOf, -comparisonDays);
  const before = scorePortfolio(defaultScorecard, accountSnapshots(portfolio, { asOf: comparedWith }).snapshots);
  const now = scorePortfolio(defaultScorecard, accountSnapshots(portfolio).snapshots, { previous: before });
  const active = now.filter((result) =>
    portfolio.accounts.some((account) => account.id === result.accountId && account.churnDate === undefined),
  );
  const nameOf = new Map(portfolio.accounts.map((account) => [account.id, account.name]));
  const drops = movers(active, before, { limit: 5 }).drops.map((mover): HealthDrop => ({
    accountId: mover.accountId,
    name: nameOf.get(mover.accountId) ?? mover.accountId,
    before: mover.before.score ?? 0,
    after: mover.after.score ?? 0,
    bandBefore: mover.before.band,
    bandAfter: mover.after.band,
    delta: mover.delta,
    why: mover.change.changes
      .filter((change) => change.delta !== 0)
      .slice(0, 3)
      .map((change) => `${change.label} ${String(change.delta)}`),
  }));
  const reds = active.filter(
    (result) => result.band === 'red' && result.score !== null && result.overriddenBy === null,
  );
  const worst = reds.reduce<(typeof reds)[number] | undefined>(
    (low, result) => (low === undefined || (result.score ?? 0) < (low.score ?? 0) ? result : low),
    undefined,
  );
  const snapshotOf = new Map(accountSnapshots(portfolio).snapshots.map((snapshot) => [snapshot.id, snapshot]));
  const worstSnapshot = worst === undefined ? undefined : snapshotOf.get(worst.accountId);
  const snapshotsOn = addDays(asOf, -evaluationDays);
  return {
    asOf,
    comparedWith,
    distribution: bandDistribution(defaultScorecard, active),
    drops,
    pathToGreen:
      worst === undefined || worstSnapshot === undefined
        ? null
        : {
            accountId: worst.accountId,
            name: nameOf.get(worst.accountId) ?? worst.accountId,
            score: worst.score,
            path: pathToBand(defaultScorecard, worstSnapshot, 'green'),
          },
    evaluation: {
      snapshotsOn,
      horizonDays: evaluationDays,
      result: evaluateScorecard(defaultScorecard, {
        snapshots: accountSnapshots(portfolio, { asOf: snapshotsOn }).snapshots,
        outcomes: portfolio.accounts.map((account) => ({
          accountId: account.id,
          churnDate: account.churnDate ?? null,
        })),
        horizonDays: evaluationDays,
      }),
    },
  };
}

/** A value as the review shows it: numbers to two decimals, `no value` for none. */
function shown(value: number | string | boolean | readonly string[] | null): string {
  if (value === null) return 'no value';
  if (typeof value === 'number') return String(Math.round(value * 100) / 100);
  return typeof value === 'string' ? value : typeof value === 'boolean' ? (value ? 'yes' : 'no') : value.join(', ');
}

function formatPath(section: PortfolioHealth['pathToGreen']): string[] {
  if (section === null) return ['  No red account to bring to green.'];
  const { path } = section;
  const intro = `The lowest red account, ${section.name} (${section.accountId}, ${String(section.score)}):`;
  if (!path.reachable) return paragraph(`${intro} no path to green: ${path.message}.`);
  const steps = path.plan.map((change) => `${change.label} from ${shown(change.from)} to ${shown(change.to)}`);
  const how = path.plan.length === 1 ? 'on its own' : 'together';
  return paragraph(
    `${intro} ${steps.join(', then ')} would take it to ${String(path.scoreAfter)} (${path.bandAfter}) ${how}.`,
  );
}

function formatEvaluation(evaluation: PortfolioHealth['evaluation']): string[] {
  const { result } = evaluation;
  const lines = [
    `  Snapshots of ${evaluation.snapshotsOn}, churn in the ${String(evaluation.horizonDays)} days after: ${count(result.accounts, 'account')}, ${count(result.churned, 'churned account')}.`,
  ];
  if (result.auc === null) return [...lines, '  No AUC: the accounts hold no churned or no retained one.'];
  lines.push(
    `  AUC ${result.auc.value.toFixed(3)} (95% CI ${result.auc.lower.toFixed(3)}–${result.auc.upper.toFixed(3)}): a retained account outscores a churned one ${percent(result.auc.value)} of the time.`,
  );
  lines.push(
    table(
      ['band', 'accounts', 'churned', 'churn rate'],
      result.bands.map((band) => [
        band.band,
        String(band.accounts),
        String(band.churned),
        band.churnRate === null ? '—' : percent(band.churnRate),
      ]),
      [1, 2, 3],
    ),
  );
  if (result.lift.value !== null)
    lines.push(
      `  ${result.lift.lowBand} accounts churned ${result.lift.value.toFixed(1)}× as often as ${result.lift.highBand} ones.`,
    );
  return lines;
}

/** The health section as terminal text. */
export function formatHealth(health: PortfolioHealth): string {
  const { distribution } = health;
  return [
    heading('Health (default scorecard)'),
    table(
      ['band', 'accounts', 'share'],
      distribution.bands.map((band) => [band.label, String(band.accounts), percent(band.share)]),
      [1, 2],
    ),
    '',
    `  Biggest drops since ${health.comparedWith}:`,
    ...(health.drops.length === 0
      ? ['  none']
      : [
          table(
            ['account', 'before', 'after', 'change', 'why'],
            health.drops.map((drop) => [
              drop.name,
              `${String(drop.before)} ${drop.bandBefore ?? ''}`,
              `${String(drop.after)} ${drop.bandAfter ?? ''}`,
              String(drop.delta),
              drop.why.join(', '),
            ]),
            [3],
          ),
        ]),
    '',
    ...formatPath(health.pathToGreen),
    '',
    ...formatEvaluation(health.evaluation),
  ].join('\n');
}
