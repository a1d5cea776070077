import * as z from 'zod/mini';
import { describeValue, fail, parseWith } from '../core/internal.js';
import type { Accumulator } from './accumulator.js';
import { checkAmount, sharedMinorUnitsPerMajor, toMinorUnits } from './money.js';
import { checkCount } from './count-checks.js';
import { checkObject } from './object-checks.js';

/**
 * How {@link logoChurn} divides:
 *
 * - `'start'` — churned ÷ accounts at the start of the period: the share of
 *   the starting book that left (the definition of Gainsight, ChurnZero and
 *   most board decks);
 * - `'average'` — churned ÷ the mean of the start and end counts, which
 *   smooths a period of fast growth (Baremetrics and ProfitWell report this
 *   kind of rate); needs `newAccounts`. When more accounts churned than that
 *   mean (a book that lost most of itself), the quotient is above 1 and not
 *   a share: the rate is then `null` with `nullReason:
 *   'churned_above_average'`; use `'start'` for such a period.
 *
 * @example
 * ```ts
 * import { LogoChurnMethod } from 'successkit/metrics';
 *
 * LogoChurnMethod.options; // => ['start', 'average']
 * ```
 */
export const LogoChurnMethod = z.enum(['start', 'average']);

/**
 * A logo churn method; see the {@link LogoChurnMethod} schema.
 *
 * @example
 * ```ts
 * import type { LogoChurnMethod } from 'successkit/metrics';
 *
 * const method: LogoChurnMethod = 'average';
 * ```
 */
export type LogoChurnMethod = z.infer<typeof LogoChurnMethod>;

/**
 * Options of {@link logoChurn} and {@link logoChurnAccumulator}.
 *
 * | option | meaning | default |
 * |---|---|---|
 * | `method` | `'start'` or `'average'`; see {@link LogoChurnMethod} | `'start'` |
 *
 * @example
 * ```ts
 * import { LogoChurnOptions } from 'successkit/metrics';
 *
 * LogoChurnOptions.parse({}); // => { method: 'start' }
 * ```
 */
export const LogoChurnOptions = z.strictObject({ method: z._default(LogoChurnMethod, 'start') });

/**
 * Options of {@link logoChurn} as callers write them; see the {@link LogoChurnOptions} schema.
 *
 * @example
 * ```ts
 * import type { LogoChurnOptions } from 'successkit/metrics';
 *
 * const options: LogoChurnOptions = { method: 'average' };
 * ```
 */
export type LogoChurnOptions = z.input<typeof LogoChurnOptions>;

/**
 * Account counts of one period, the input of {@link logoChurn} and the state
 * of {@link logoChurnAccumulator}.
 *
 * @example
 * ```ts
 * import type { LogoCounts } from 'successkit/metrics';
 *
 * const quarter: LogoCounts = { startCount: 400, churned: 12, newAccounts: 30 };
 * ```
 */
export interface LogoCounts {
  /** Paying accounts at the start of the period. */
  startCount: number;
  /** Of those, accounts that stopped paying during the period. */
  churned: number;
  /** Accounts that started paying during the period; needed by the `'average'` method. */
  newAccounts?: number | undefined;
}

/**
 * Why {@link logoChurn} has no rate: `'no_accounts'` when its denominator is 0,
 * `'churned_above_average'` when the `'average'` method's quotient would be
 * above 1 (more accounts churned than the mean of the start and end counts).
 *
 * @example
 * ```ts
 * import { logoChurn, type LogoChurnNullReason } from 'successkit/metrics';
 *
 * const reason: LogoChurnNullReason | null = logoChurn({ startCount: 0, churned: 0 }).nullReason;
 * reason; // => 'no_accounts'
 * ```
 */
export type LogoChurnNullReason = 'no_accounts' | 'churned_above_average';

/**
 * Logo churn of one period. Rates are shares, 0–1.
 *
 * @example
 * ```ts
 * import { logoChurn, type LogoChurn } from 'successkit/metrics';
 *
 * const churn: LogoChurn = logoChurn({ startCount: 200, churned: 6 });
 * churn.rate; // => 0.03
 * ```
 */
export interface LogoChurn {
  /** Churned accounts ÷ the denominator of `method`, 0–1; `null` when there is no such share (see `nullReason`). */
  readonly rate: number | null;
  /** 1 − rate: the share of accounts kept, 0–1; `null` with `rate`. */
  readonly retention: number | null;
  /** Why `rate` is `null`; `null` when there is a rate. */
  readonly nullReason: LogoChurnNullReason | null;
  /** How the rate was computed. */
  readonly method: LogoChurnMethod;
  /** Paying accounts at the start. */
  readonly startCount: number;
  /** Accounts lost. */
  readonly churned: number;
  /** Accounts gained; `null` when not given. */
  readonly newAccounts: number | null;
  /** Paying accounts at the end, startCount − churned + newAccounts; `null` without newAccounts. */
  readonly endCount: number | null;
}

function checkLogoCounts(input: unknown, path: readonly (string | number)[]): asserts input is LogoCounts {
  checkObject(input, path);
  checkCount(input.startCount, [...path, 'startCount']);
  checkCount(input.churned, [...path, 'churned']);
  if (input.newAccounts !== undefined) checkCount(input.newAccounts, [...path, 'newAccounts']);
  if (input.churned > input.startCount) {
    fail(
      'invalid_input',
      [...path, 'churned'],
      `expected at most the ${String(input.startCount)} accounts at the start, got ${String(input.churned)}`,
    );
  }
}

function logoChurnOf(counts: LogoCounts, method: LogoChurnMethod): LogoChurn {
  const { startCount, churned, newAccounts } = counts;
  if (method === 'average' && newAccounts === undefined) {
    fail('invalid_input', ['newAccounts'], 'the average method needs newAccounts');
  }
  const endCount = newAccounts === undefined ? null : startCount - churned + newAccounts;
  const denominator = method === 'start' ? startCount : (startCount + (endCount ?? 0)) / 2;
  const nullReason: LogoChurnNullReason | null =
    denominator === 0 ? 'no_accounts' : churned > denominator ? 'churned_above_average' : null;
  const rate = nullReason === null ? churned / denominator : null;
  return {
    rate,
    retention: rate === null ? null : 1 - rate,
    nullReason,
    method,
    startCount,
    churned,
    newAccounts: newAccounts ?? null,
    endCount,
  };
}

/**
 * Logo (customer) churn of one period: the share of paying accounts lost.
 * Churned counts only accounts that paid at the start; an account that
 * signs up and leaves within the period is not in the start count and is
 * left out of `churned` too.
 *
 * @param counts - `startCount`, `churned` and, for the `'average'` method, `newAccounts`
 * @param options - the method; see {@link LogoChurnOptions}
 * @returns the rate and the counts behind it; see {@link LogoChurn}
 * @throws {@link core!SuccessKitError} `invalid_input` for counts that are not whole numbers, more churned than starting accounts, the average method without `newAccounts`, or bad options
 *
 * @example
 * ```ts
 * import { logoChurn } from 'successkit/metrics';
 *
 * logoChurn({ startCount: 500, churned: 50 }).rate; // => 0.1
 * logoChurn({ startCount: 500, churned: 50, newAccounts: 150 }, { method: 'average' }).rate; // => 0.09090909090909091
 * logoChurn({ startCount: 0, churned: 0 }).rate; // => null
 * logoChurn({ startCount: 10, churned: 10, newAccounts: 0 }, { method: 'average' }).nullReason; // => 'churned_above_average'
 * ```
 */
export function logoChurn(counts: LogoCounts, options?: LogoChurnOptions): LogoChurn {
  const { method } = parseWith(LogoChurnOptions, options ?? {});
  checkLogoCounts(counts, []);
  return logoChurnOf(counts, method);
}

/**
 * One account's status in a period, a row of {@link logoChurnAccumulator}.
 *
 * @example
 * ```ts
 * import type { AccountActivity } from 'successkit/metrics';
 *
 * const churnedAccount: AccountActivity = { payingAtStart: true, payingAtEnd: false };
 * ```
 */
export interface AccountActivity {
  /** Paying at the start of the period. */
  readonly payingAtStart: boolean;
  /** Paying at the end of the period. */
  readonly payingAtEnd: boolean;
}

/**
 * The mergeable {@link Accumulator} of {@link logoChurn}: rows are accounts
 * with their status at the start and end of the period, the state is the
 * counts `{ startCount, churned, newAccounts }`.
 *
 * @param options - the method; see {@link LogoChurnOptions}
 * @returns the accumulator
 * @throws {@link core!SuccessKitError} `invalid_input` for bad options; its `add` for a row without the two booleans, `merge` and `result` for malformed counts
 *
 * @example
 * ```ts
 * import { accumulate, logoChurnAccumulator } from 'successkit/metrics';
 *
 * const metric = logoChurnAccumulator();
 * const state = accumulate(metric, [
 *   { payingAtStart: true, payingAtEnd: true },
 *   { payingAtStart: true, payingAtEnd: false },
 *   { payingAtStart: false, payingAtEnd: true },
 * ]);
 * state; // => { startCount: 2, churned: 1, newAccounts: 1 }
 * metric.result(state).rate; // => 0.5
 * ```
 */
export function logoChurnAccumulator(options?: LogoChurnOptions): Accumulator<AccountActivity, LogoCounts, LogoChurn> {
  const { method } = parseWith(LogoChurnOptions, options ?? {});
  return {
    init: () => ({ startCount: 0, churned: 0, newAccounts: 0 }),
    add: (state, row) => {
      checkObject(row, []);
      const { payingAtStart, payingAtEnd } = row;
      if (typeof payingAtStart !== 'boolean')
        fail('invalid_input', ['payingAtStart'], `expected boolean, got ${describeValue(payingAtStart)}`);
      if (typeof payingAtEnd !== 'boolean')
        fail('invalid_input', ['payingAtEnd'], `expected boolean, got ${describeValue(payingAtEnd)}`);
      if (payingAtStart) {
        state.startCount++;
        if (!payingAtEnd) state.churned++;
      } else if (payingAtEnd) {
        state.newAccounts = (state.newAccounts ?? 0) + 1;
      }
      return state;
    },
    merge: (a, b) => {
      checkLogoCounts(a, ['a']);
      checkLogoCounts(b, ['b']);
      return {
        startCount: a.startCount + b.startCount,
        churned: a.churned + b.churned,
        newAccounts: (a.newAccounts ?? 0) + (b.newAccounts ?? 0),
      };
    },
    result: (state) => {
      checkLogoCounts(state, []);
      return logoChurnOf(state, method);
    },
  };
}

/**
 * Revenue churn of one period, as shares of starting MRR (1 = 100%).
 *
 * @example
 * ```ts
 * import { revenueChurn, type RevenueChurn } from 'successkit/metrics';
 *
 * const churn: RevenueChurn = revenueChurn({ starting: 1_000, churned: 30 });
 * churn.gross; // => 0.03
 * ```
 */
export interface RevenueChurn {
  /** Gross MRR churn: (churned + contraction) / starting; `null` when starting is 0. */
  readonly gross: number | null;
  /** Net MRR churn: (churned + contraction − expansion) / starting; negative means expansion outgrew losses. */
  readonly net: number | null;
}

/**
 * Revenue (MRR) churn of one period: gross counts what was lost to
 * cancellations and downgrades; net also credits expansion from the same
 * accounts. New and reactivated MRR are not part of either. The same rates
 * come with {@link revenueRetention} for an MRR bridge.
 *
 * @param amounts - `starting`, `churned` and optionally `contraction` and `expansion` MRR (default 0), major units
 * @returns gross and net churn as shares; see {@link RevenueChurn}
 * @throws {@link core!SuccessKitError} `invalid_input` for a negative or non-finite amount, or losses above the starting MRR
 *
 * @example
 * ```ts
 * import { revenueChurn } from 'successkit/metrics';
 *
 * revenueChurn({ starting: 50_000, churned: 1_500, contraction: 500, expansion: 2_500 }); // => { gross: 0.04, net: -0.01 }
 * ```
 */
export function revenueChurn(amounts: {
  readonly starting: number;
  readonly churned: number;
  readonly contraction?: number;
  readonly expansion?: number;
}): RevenueChurn {
  checkObject(amounts, []);
  const values = [amounts.starting, amounts.churned, amounts.contraction ?? 0, amounts.expansion ?? 0];
  checkAmount(amounts.starting, ['starting']);
  checkAmount(amounts.churned, ['churned']);
  checkAmount(values[2], ['contraction']);
  checkAmount(values[3], ['expansion']);
  const perMajor = sharedMinorUnitsPerMajor(values);
  const starting = toMinorUnits(amounts.starting, perMajor, ['starting']);
  const losses =
    toMinorUnits(amounts.churned, perMajor, ['churned']) +
    toMinorUnits(amounts.contraction ?? 0, perMajor, ['contraction']);
  const expansion = toMinorUnits(amounts.expansion ?? 0, perMajor, ['expansion']);
  const rates = revenueRates(starting, losses, expansion);
  return { gross: rates.grossChurn, net: rates.netChurn };
}

/**
 * Retention and churn rates from exact starting MRR, losses (churned +
 * contraction) and expansion, all in the same minor units.
 *
 * @internal
 */
export function revenueRates(
  starting: number,
  losses: number,
  expansion: number,
): { grossRetention: number | null; netRetention: number | null; grossChurn: number | null; netChurn: number | null } {
  if (losses > starting) {
    fail('invalid_input', ['churned'], 'churned and contraction MRR exceed the starting MRR');
  }
  if (starting === 0) return { grossRetention: null, netRetention: null, grossChurn: null, netChurn: null };
  return {
    grossRetention: (starting - losses) / starting,
    netRetention: (starting + expansion - losses) / starting,
    grossChurn: losses / starting,
    netChurn: (losses - expansion) / starting,
  };
}
