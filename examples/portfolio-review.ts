/**
 * The portfolio review: generates the sample portfolio and prints what a CS
 * leader looks at first. Run it with `npm run demo`.
 *
 *   npm run demo -- --accounts 2000 --seed 7 --as-of 2026-06-30
 *   npm run demo -- --json
 *   npm run demo -- --help
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { isCalendarDate, isSuccessKitError, type CalendarDate } from 'successkit/core';
import { samplePortfolio } from 'successkit/sample';
import { accountSnapshots } from 'successkit/snapshot';
import { formatBaseline, portfolioBaseline, type PortfolioBaseline } from './review/baseline.js';
import { formatBasics, portfolioBasics, type PortfolioBasics } from './review/basics.js';
import { formatFit, portfolioFit, type PortfolioFit } from './review/fit.js';
import { formatForecast, portfolioForecast, type PortfolioForecast } from './review/forecast.js';
import { formatJourney, portfolioJourney, type PortfolioJourney } from './review/journey.js';
import { count } from './review/format.js';
import { formatHealth, portfolioHealth, type PortfolioHealth } from './review/health.js';
import { formatMetrics, portfolioMetrics, type PortfolioMetrics } from './review/metrics.js';
import { formatPlans, portfolioPlans, type PortfolioPlans } from './review/plans.js';
import { formatSegments, portfolioSegments, type PortfolioSegments } from './review/segments.js';

/** Everything the review shows, as printed by `--json`. */
export interface PortfolioReview {
  readonly asOf: CalendarDate;
  readonly seed: number;
  readonly accounts: number;
  readonly basics: PortfolioBasics;
  readonly metrics: PortfolioMetrics;
  readonly forecast: PortfolioForecast;
  readonly plans: PortfolioPlans;
  readonly fit: PortfolioFit;
  readonly baseline: PortfolioBaseline;
  readonly segments: PortfolioSegments;
  readonly health: PortfolioHealth;
  readonly journey: PortfolioJourney;
}

const defaults = { accounts: 500, seed: 1, asOf: '2026-09-30' } as const;

/** The most accounts the sample portfolio generates. */
const maxAccounts = 1_000_000;

/** What `--help` prints. */
export const usage = `Usage: npm run demo -- [options]

Generates a seeded sample portfolio and prints the review a CS leader reads first:
the book by segment, upcoming renewals, NPS and CSAT, the MRR bridge with monthly
and twelve-month retention, a renewal forecast and what one point less churn is worth,
and account health: bands, the biggest drops, a path to green and the score's AUC.

Options:
  --accounts <n>      accounts in the sample portfolio, 1 to 1,000,000 (default ${String(defaults.accounts)})
  --seed <n>          seed of the sample portfolio, a whole number (default ${String(defaults.seed)})
  --as-of <date>      the day the review is drawn, YYYY-MM-DD (default ${defaults.asOf})
  --json              print the review as JSON instead of text
  -h, --help          print this help
`;

/** A mistake on the command line: printed with a pointer to `--help`. */
export class UsageError extends Error {}

function wholeNumber(flag: string, text: string | undefined, fallback: number, range: string, min = -Infinity): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (
    !/^-?\d+$/.test(text) ||
    !Number.isSafeInteger(value) ||
    value < min ||
    value > (flag === 'accounts' ? maxAccounts : Infinity)
  ) {
    throw new UsageError(`--${flag} takes ${range}, got ${JSON.stringify(text)}`);
  }
  return value;
}

/** The options that take a value, so `--accounts -3` reads -3 as the value, as `--accounts=-3` does. */
const valueFlags = new Set(['--accounts', '--seed', '--as-of']);

/** Joins a value that starts with a dash to its flag: parseArgs would take `-3` for an option. */
function joinNegativeValues(args: readonly string[]): string[] {
  const joined: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? '';
    const next = args[index + 1];
    if (valueFlags.has(arg) && next !== undefined && /^-\d/.test(next)) {
      joined.push(`${arg}=${next}`);
      index++;
    } else {
      joined.push(arg);
    }
  }
  return joined;
}

/** What the command line asks for: the review's options, or help. */
export type Command =
  | { readonly help: true }
  | {
      readonly help: false;
      readonly json: boolean;
      readonly options: { accounts: number; seed: number; asOf: string };
    };

/** Reads the command line (without the node and script paths); throws {@link UsageError} for a bad one. */
export function parseCommand(args: readonly string[]): Command {
  let values;
  try {
    ({ values } = parseArgs({
      args: joinNegativeValues(args),
      options: {
        accounts: { type: 'string' },
        seed: { type: 'string' },
        'as-of': { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return { help: true };
  const asOf = values['as-of'] ?? defaults.asOf;
  if (!isCalendarDate(asOf)) throw new UsageError(`--as-of takes a date as YYYY-MM-DD, got ${JSON.stringify(asOf)}`);
  return {
    help: false,
    json: values.json,
    options: {
      accounts: wholeNumber('accounts', values.accounts, defaults.accounts, 'a whole number from 1 to 1,000,000', 1),
      seed: wholeNumber('seed', values.seed, defaults.seed, 'a whole number'),
      asOf,
    },
  };
}

/** Builds the review of a freshly generated sample portfolio. */
export function buildReview(options: { accounts: number; seed: number; asOf: string }): PortfolioReview {
  const portfolio = samplePortfolio(options);
  const snapshots = accountSnapshots(portfolio);
  return {
    asOf: portfolio.asOf,
    seed: options.seed,
    accounts: portfolio.accounts.length,
    basics: portfolioBasics(snapshots),
    metrics: portfolioMetrics(portfolio),
    forecast: portfolioForecast(portfolio),
    plans: portfolioPlans(portfolio),
    fit: portfolioFit(portfolio),
    baseline: portfolioBaseline(portfolio),
    segments: portfolioSegments(portfolio),
    health: portfolioHealth(portfolio),
    journey: portfolioJourney(portfolio),
  };
}

/** The review as terminal text. */
export function formatReview(review: PortfolioReview): string {
  return [
    `successkit portfolio review — ${count(review.accounts, 'sample account')} (seed ${String(review.seed)}), as of ${review.asOf}`,
    formatBasics(review.basics),
    formatMetrics(review.metrics),
    formatForecast(review.forecast),
    formatPlans(review.plans),
    formatFit(review.fit),
    formatBaseline(review.baseline),
    formatSegments(review.segments),
    formatHealth(review.health),
    formatJourney(review.journey),
    '',
  ].join('\n');
}

/** The flag each option of the sample portfolio is given with, for error messages. */
const flagOf: Readonly<Record<string, string>> = { accounts: '--accounts', seed: '--seed', asOf: '--as-of' };

function describeFailure(error: unknown): string {
  if (error instanceof UsageError) return `${error.message}\nRun with --help for the options.`;
  if (isSuccessKitError(error)) {
    return error.issues
      .map((issue) => {
        const path = issue.path.join('.');
        return `${flagOf[path] ?? (path || 'input')}: ${issue.message}`;
      })
      .join('\n');
  }
  return error instanceof Error ? error.message : String(error);
}

function main(): void {
  const command = parseCommand(process.argv.slice(2));
  if (command.help) {
    process.stdout.write(usage);
    return;
  }
  const review = buildReview(command.options);
  process.stdout.write(command.json ? `${JSON.stringify(review, null, 2)}\n` : formatReview(review));
}

// Run only as a program, not when imported (by tests).
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    main();
  } catch (error) {
    process.stderr.write(`portfolio-review: ${describeFailure(error)}\n`);
    process.exitCode = 1;
  }
}
