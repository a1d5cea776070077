import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { calendarDate } from 'successkit/core';
import { accountSnapshots } from 'successkit/snapshot';
import { buildReview, formatReview, parseCommand, usage, UsageError } from '../../examples/portfolio-review.js';
import { formatBasics, portfolioBasics } from '../../examples/review/basics.js';
import { money } from '../../examples/review/format.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const review = buildReview({ accounts: 300, seed: 3, asOf: '2026-09-30' });

/** Runs the demo with `args`; returns its exit code, stdout and stderr. */
function runDemo(args: readonly string[]): { status: number; stdout: string; stderr: string } {
  try {
    const stdout = execFileSync(process.execPath, ['--import', 'tsx', 'examples/portfolio-review.ts', ...args], {
      cwd: root,
      encoding: 'utf8',
      stdio: 'pipe',
    });
    return { status: 0, stdout, stderr: '' };
  } catch (error) {
    const failed = error as { status: number; stdout: string; stderr: string };
    return { status: failed.status, stdout: failed.stdout, stderr: failed.stderr };
  }
}

function usageMessage(args: readonly string[]): string {
  try {
    parseCommand(args);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error(`expected ${args.join(' ')} to be refused`);
}

describe('the portfolio review demo', () => {
  it('adds segments up to the portfolio', () => {
    const { basics } = review;
    expect(basics.activeAccounts + basics.churnedAccounts).toBe(300);
    expect(basics.bySegment.reduce((sum, row) => sum + row.accounts, 0)).toBe(basics.activeAccounts);
    expect(basics.bySegment.reduce((sum, row) => sum + row.arr, 0)).toBe(basics.arr);
    expect(basics.bySegment.reduce((sum, row) => sum + row.arrShare, 0)).toBeCloseTo(1, 10);
  });

  it('lists renewals from the day after asOf to 90 days after it, largest first', () => {
    const { renewals } = review.basics;
    expect([renewals.from, renewals.until]).toEqual(['2026-10-01', '2026-12-29']);
    expect(renewals.largest.length).toBeLessThanOrEqual(10);
    expect(renewals.largest.filter((row) => row.daysLeft < 1 || row.daysLeft > 90)).toEqual([]);
    expect(renewals.largest.map((row) => row.arr)).toEqual(
      [...renewals.largest.map((row) => row.arr)].sort((a, b) => b - a),
    );
  });

  it('prints the header, the window with both its days and how many renewals the table shows', () => {
    const lines = formatReview(review).split('\n');
    expect(lines[0]).toBe('successkit portfolio review — 300 sample accounts (seed 3), as of 2026-09-30');
    expect(lines).toContain('Renewals in the next 90 days (2026-10-01 to 2026-12-29)');
    const { renewals } = review.basics;
    expect(renewals.accounts).toBeGreaterThan(10);
    expect(lines).toContain(`  ${String(renewals.accounts)} accounts, ${money(renewals.arr)} ARR; the 10 largest:`);
    for (const row of review.basics.bySegment) expect(formatReview(review)).toContain(row.segment);
  });

  it('says “1 account”, never “1 accounts”, for small books', () => {
    const singulars = [1, 2, 3, 4, 5].flatMap((accounts) =>
      formatReview(buildReview({ accounts, seed: 1, asOf: '2026-09-30' }))
        .split('\n')
        .filter((line) => /(^|[^\d.,])1 (accounts|answers|years|renewals|cohorts)\b/.test(line)),
    );
    expect(singulars).toEqual([]);
    expect(formatReview(buildReview({ accounts: 1, seed: 1, asOf: '2026-09-30' })).split('\n')[0]).toBe(
      'successkit portfolio review — 1 sample account (seed 1), as of 2026-09-30',
    );
  });

  it('says in words that a book has no active accounts or renewals instead of printing empty tables', () => {
    const empty = { asOf: calendarDate('2026-09-30'), accounts: [] };
    expect(formatBasics(portfolioBasics(accountSnapshots(empty))).split('\n')).toEqual([
      '',
      'Portfolio',
      '─────────',
      '  No active accounts (0 churned), so no ARR.',
      '',
      'Renewals in the next 90 days (2026-10-01 to 2026-12-29)',
      '───────────────────────────────────────────────────────',
      '  No active account renews in this window.',
    ]);
  });

  it('reads the command line: defaults, flags and help', () => {
    expect(parseCommand([])).toEqual({
      help: false,
      json: false,
      options: { accounts: 500, seed: 1, asOf: '2026-09-30' },
    });
    expect(parseCommand(['--accounts', '20', '--seed', '-7', '--as-of', '2025-06-30', '--json'])).toEqual({
      help: false,
      json: true,
      options: { accounts: 20, seed: -7, asOf: '2025-06-30' },
    });
    expect(parseCommand(['--help'])).toEqual({ help: true });
    expect(parseCommand(['-h', '--accounts', 'many'])).toEqual({ help: true });
  });

  it('gives --accounts -3 the message that --accounts=-3 gives', () => {
    const expected = '--accounts takes a whole number from 1 to 1,000,000, got "-3"';
    expect([usageMessage(['--accounts', '-3']), usageMessage(['--accounts=-3'])]).toEqual([expected, expected]);
  });

  it('refuses bad flags with a message that names the flag', () => {
    expect(usageMessage(['--accounts', '0'])).toBe('--accounts takes a whole number from 1 to 1,000,000, got "0"');
    expect(usageMessage(['--accounts', '1.5'])).toBe('--accounts takes a whole number from 1 to 1,000,000, got "1.5"');
    expect(usageMessage(['--accounts', '1000001'])).toBe(
      '--accounts takes a whole number from 1 to 1,000,000, got "1000001"',
    );
    expect(usageMessage(['--seed', 'x'])).toBe('--seed takes a whole number, got "x"');
    expect(usageMessage(['--as-of', '2026-13-01'])).toBe('--as-of takes a date as YYYY-MM-DD, got "2026-13-01"');
    expect(usageMessage(['--as-of', '-1'])).toBe('--as-of takes a date as YYYY-MM-DD, got "-1"');
    expect(usageMessage(['--fast'])).toBe("Unknown option '--fast'");
  });

  it('prints help and exits 0, and prints a bad flag’s message with a pointer to --help and exits 1', () => {
    const help = runDemo(['--help']);
    expect([help.status, help.stdout]).toEqual([0, usage]);
    expect(usage.split('\n')[0]).toBe('Usage: npm run demo -- [options]');
    const bad = runDemo(['--accounts', '-3']);
    expect([bad.status, bad.stdout, bad.stderr]).toEqual([
      1,
      '',
      'portfolio-review: --accounts takes a whole number from 1 to 1,000,000, got "-3"\nRun with --help for the options.\n',
    ]);
  }, 60_000);
});
