import * as z from 'zod/mini';
import {
  at,
  CalendarDate,
  checked,
  hasOnlyKeys,
  Id,
  inOrder,
  isArray,
  isCalendarDate,
  isNonNegative,
  isRecord,
  Money,
  onceFieldsAreValid,
  parseWith,
  toEpochDay,
} from '../core/internal.js';
import type { CustomerHistory } from './customer-history.js';

/**
 * One purchase: who bought, on which day, and for how much (major units of
 * a currency, ≥ 0).
 *
 * @example
 * ```ts
 * import { CustomerTransaction } from 'successkit/forecast';
 *
 * CustomerTransaction.parse({ customerId: 'c-1', date: '1997-01-01', amount: 29.33 }).amount; // => 29.33
 * ```
 */
export const CustomerTransaction = z.strictObject({ customerId: Id, date: CalendarDate, amount: Money });

/**
 * A purchase; see the {@link CustomerTransaction} schema.
 *
 * @example
 * ```ts
 * import { calendarDate, type CalendarDate } from 'successkit/core';
 * import type { CustomerTransaction } from 'successkit/forecast';
 *
 * const purchase: CustomerTransaction = { customerId: 'c-1', date: calendarDate('1997-01-01'), amount: 29.33 };
 * ```
 */
export type CustomerTransaction = z.infer<typeof CustomerTransaction>;

/**
 * Input of {@link summarizeTransactions} beside the transactions: the last day of the calibration
 * period, the time unit of x, tx and T (`'week'` = 7 days, or `'day'`), and
 * optionally the last day of a holdout period to count later purchases in.
 *
 * @example
 * ```ts
 * import { SummarizeTransactionsInput } from 'successkit/forecast';
 *
 * SummarizeTransactionsInput.parse({ calibrationEnd: '1997-09-30', unit: 'week' }).unit; // => 'week'
 * ```
 */
export const SummarizeTransactionsInput = z
  .strictObject({
    calibrationEnd: CalendarDate,
    unit: z.enum(['week', 'day']),
    holdoutEnd: z.optional(CalendarDate),
  })
  .check(
    z.refine((input) => inOrder(input.calibrationEnd, input.holdoutEnd), {
      ...onceFieldsAreValid,
      path: ['holdoutEnd'],
      error: 'expected holdoutEnd on or after calibrationEnd',
    }),
  );

/**
 * Input of a transaction summary; see the {@link SummarizeTransactionsInput} schema.
 *
 * @example
 * ```ts
 * import { calendarDate } from 'successkit/core';
 * import type { SummarizeTransactionsInput } from 'successkit/forecast';
 *
 * const input: SummarizeTransactionsInput = { calibrationEnd: calendarDate('1997-09-30'), unit: 'week' };
 * ```
 */
export type SummarizeTransactionsInput = z.infer<typeof SummarizeTransactionsInput>;

/**
 * One customer's summary: their id and {@link CustomerHistory} (x, tx, T,
 * meanSpend), plus, when a holdout period was given, the number of purchase
 * days in it.
 *
 * @example
 * ```ts
 * import type { CustomerSummary } from 'successkit/forecast';
 *
 * const summary: CustomerSummary = { customerId: 'c-1', x: 2, tx: 30.43, T: 38.86, meanSpend: 22.35 };
 * ```
 */
export interface CustomerSummary extends CustomerHistory {
  /** The customer's id, as in the transactions. */
  readonly customerId: string;
  /** Days with a purchase after `calibrationEnd`, up to and including `holdoutEnd`; only when `holdoutEnd` is given. */
  readonly holdoutPurchases?: number;
}

const transactionKeys: ReadonlySet<string> = new Set(['customerId', 'date', 'amount']);

function isTransaction(value: unknown): value is CustomerTransaction {
  if (!isRecord(value) || !hasOnlyKeys(value, transactionKeys)) return false;
  const { customerId, date, amount } = value;
  return (
    typeof customerId === 'string' &&
    customerId.length > 0 &&
    customerId.length <= 256 &&
    isCalendarDate(date) &&
    isNonNegative(amount)
  );
}

const DAYS_PER_UNIT = { week: 7, day: 1 } as const;

/**
 * Turns dated transactions into the per-customer summaries the BG/NBD and
 * Gamma-Gamma models read, the way the literature defines them (Fader,
 * Hardie & Lee 2005): purchases on the same day count as one transaction
 * with their amounts added; the first day is the customer's acquisition, so
 * x counts the later purchase days up to `calibrationEnd`, tx is the time
 * from the first to the last of them, T the time from the first to
 * `calibrationEnd`, and meanSpend the mean value of the repeat days (the
 * first is left out: acquisition spend is often atypical). Customers whose
 * first purchase falls after `calibrationEnd` are left out; rows come in the
 * order each customer first appears in `transactions`.
 *
 * @param transactions - purchases in any order, dates as `'YYYY-MM-DD'` strings; see {@link CustomerTransaction}
 * @param input - calibration end, time unit and optional holdout end; see {@link SummarizeTransactionsInput}
 * @returns one summary per customer acquired by `calibrationEnd`
 * @throws {@link core!SuccessKitError} `invalid_input` naming the index of a bad transaction or the bad field of `input`
 *
 * @example
 * ```ts
 * import { summarizeTransactions } from 'successkit/forecast';
 *
 * summarizeTransactions(
 *   [
 *     { customerId: 'c-4', date: '1997-01-01', amount: 29.33 },
 *     { customerId: 'c-4', date: '1997-01-18', amount: 29.73 },
 *     { customerId: 'c-4', date: '1997-08-02', amount: 14.96 },
 *     { customerId: 'c-4', date: '1997-12-12', amount: 26.48 },
 *   ],
 *   { calibrationEnd: '1997-09-30', unit: 'day', holdoutEnd: '1998-06-30' },
 * ); // => [{ customerId: 'c-4', x: 2, tx: 213, T: 272, meanSpend: 22.345, holdoutPurchases: 1 }]
 * ```
 */
export function summarizeTransactions(
  transactions: readonly z.input<typeof CustomerTransaction>[],
  input: z.input<typeof SummarizeTransactionsInput>,
): CustomerSummary[] {
  if (!isArray(transactions)) parseWith(z.array(CustomerTransaction), transactions, { path: ['transactions'] });
  const { calibrationEnd, unit, holdoutEnd } = parseWith(SummarizeTransactionsInput, input, { path: ['input'] });
  const calibrationEndDay = toEpochDay(calibrationEnd);
  const holdoutEndDay = holdoutEnd === undefined ? calibrationEndDay : toEpochDay(holdoutEnd);
  const purchasesOf = new Map<string, { days: number[]; amounts: number[] }>();
  for (let index = 0; index < transactions.length; index++) {
    const { customerId, date, amount } = checked(CustomerTransaction, transactions[index], isTransaction, [
      'transactions',
      index,
    ]);
    let purchases = purchasesOf.get(customerId);
    if (purchases === undefined) {
      purchases = { days: [], amounts: [] };
      purchasesOf.set(customerId, purchases);
    }
    purchases.days.push(toEpochDay(date));
    purchases.amounts.push(amount);
  }
  const daysPerUnit = DAYS_PER_UNIT[unit];
  const summaries: CustomerSummary[] = [];
  for (const [customerId, { days, amounts }] of purchasesOf) {
    const order = days.map((_, index) => index).sort((left, right) => at(days, left) - at(days, right));
    const firstDay = at(days, at(order, 0));
    if (firstDay > calibrationEndDay) continue;
    let x = 0;
    let lastRepeatDay = firstDay;
    let previousDay = firstDay;
    let repeatSpend = 0;
    let holdoutPurchases = 0;
    for (const index of order) {
      const day = days[index] ?? firstDay;
      if (day > holdoutEndDay) break;
      const isNewDay = day !== previousDay;
      previousDay = day;
      if (day > calibrationEndDay) {
        if (isNewDay) holdoutPurchases++;
      } else if (day !== firstDay) {
        if (isNewDay) x++;
        lastRepeatDay = day;
        repeatSpend += at(amounts, index);
      }
    }
    const summary = {
      customerId,
      x,
      tx: (lastRepeatDay - firstDay) / daysPerUnit,
      T: (calibrationEndDay - firstDay) / daysPerUnit,
      meanSpend: x === 0 ? null : repeatSpend / x,
    };
    summaries.push(holdoutEnd === undefined ? summary : { ...summary, holdoutPurchases });
  }
  return summaries;
}
