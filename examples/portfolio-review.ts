/**
 * The portfolio review: generates the sample portfolio and prints what a CS
 * leader looks at first. Run it with `npm run demo`.
 *
 *   npm run demo -- --accounts 2000 --seed 7 --as-of 2026-06-30
 *   npm run demo -- --json
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { isSuccessKitError, type CalendarDate } from 'successkit/core';
import { samplePortfolio } from 'successkit/sample';
import { formatBasics, portfolioBasics, type PortfolioBasics } from './review/basics.js';
import { formatForecast, portfolioForecast, type PortfolioForecast } from './review/forecast.js';
import { formatMetrics, portfolioMetrics, type PortfolioMetrics } from './review/metrics.js';

/** Everything the review shows, as printed by `--json`. */
export interface PortfolioReview {
  readonly asOf: CalendarDate;
  readonly seed: number;
  readonly accounts: number;
  readonly basics: PortfolioBasics;
  readonly metrics: PortfolioMetrics;
  readonly forecast: PortfolioForecast;
}

const defaults = { accounts: 500, seed: 1, asOf: '2026-09-30' } as const;

function wholeNumber(flag: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^-?\d+$/.test(text)) throw new Error(`--${flag} takes a whole number, got ${JSON.stringify(text)}`);
  return Number(text);
}

/** Builds the review of a freshly generated sample portfolio. */
export function buildReview(options: { accounts: number; seed: number; asOf: string }): PortfolioReview {
  const portfolio = samplePortfolio(options);
  return {
    asOf: portfolio.asOf,
    seed: options.seed,
    accounts: portfolio.accounts.length,
    basics: portfolioBasics(portfolio),
    metrics: portfolioMetrics(portfolio),
    forecast: portfolioForecast(portfolio),
  };
}

/** The review as terminal text. */
export function formatReview(review: PortfolioReview): string {
  return [
    `successkit portfolio review — ${String(review.accounts)} sample accounts (seed ${String(review.seed)}), as of ${review.asOf}`,
    formatBasics(review.basics),
    formatMetrics(review.metrics),
    formatForecast(review.forecast),
    '',
  ].join('\n');
}

function main(): void {
  const { values } = parseArgs({
    options: {
      accounts: { type: 'string' },
      seed: { type: 'string' },
      'as-of': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const review = buildReview({
    accounts: wholeNumber('accounts', values.accounts, defaults.accounts),
    seed: wholeNumber('seed', values.seed, defaults.seed),
    asOf: values['as-of'] ?? defaults.asOf,
  });
  process.stdout.write(values.json ? `${JSON.stringify(review, null, 2)}\n` : formatReview(review));
}

function describeFailure(error: unknown): string {
  if (isSuccessKitError(error))
    return error.issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`).join('\n');
  return error instanceof Error ? error.message : String(error);
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
