import {
  Account,
  AccountEvent,
  at,
  type CalendarDate,
  Contact,
  fail,
  MrrSnapshot,
  parseWith,
  type PathSegment,
  quoteText,
  SuccessKitError,
  type SuccessKitIssue,
  SurveyResponse,
  unreadable,
  UsageSnapshot,
} from '../core/internal.js';
import { type AccountDays, readAccountDays } from './account-rows.js';
import { contactLeftDay } from './contact-measures.js';
import { createDayNumbers, type DayNumbers } from './day-numbers.js';
import { codeEvents, type EventCodes, eventDay } from './event-measures.js';
import { type GroupedRows, groupRows, rowOf } from './grouped-rows.js';
import { mrrMonth } from './mrr-measures.js';
import { isSnapshotPortfolioShape, type SnapshotPortfolio, SnapshotPortfolioShape } from './snapshot-portfolio.js';
import { surveyDay } from './survey-measures.js';
import { usageEndDay } from './usage-measures.js';

/**
 * A portfolio read once for snapshots: accounts checked, and every other
 * row checked, placed under its account and ordered by day, so that
 * snapshots on any day are a walk over each account's rows.
 *
 * @internal
 */
export interface PortfolioIndex {
  readonly asOf: CalendarDate | undefined;
  readonly accounts: readonly Account[];
  readonly accountDays: readonly AccountDays[];
  readonly contacts: GroupedRows<Contact>;
  readonly usage: GroupedRows<UsageSnapshot>;
  readonly surveys: GroupedRows<SurveyResponse>;
  readonly mrr: GroupedRows<MrrSnapshot>;
  readonly events: GroupedRows<AccountEvent>;
  readonly eventCodes: EventCodes;
}

/** At most this many reference issues are reported; past it the data is broken wholesale. */
const maximumIssues = 100;

interface Reading {
  readonly dayOf: DayNumbers;
  readonly accountIds: Map<string, number>;
  readonly issues: SuccessKitIssue[];
}

/**
 * The account and key of each row as read, before grouping: one pair of
 * buffers, as long as the longest list, that every list reuses. Buffers of
 * typed arrays live outside the JavaScript heap, and allocating much of that
 * memory at once makes the engine collect the whole heap (the host's
 * portfolio included) to see whether it can free some; reuse keeps the
 * index's own memory small enough not to.
 */
interface Scratch {
  readonly accounts: Int32Array;
  readonly keys: Int32Array;
}

function scratchFor(lists: readonly (readonly unknown[] | undefined)[]): Scratch {
  let longest = 0;
  for (const list of lists) longest = Math.max(longest, list?.length ?? 0);
  return { accounts: new Int32Array(longest), keys: new Int32Array(longest) };
}

function report(reading: Reading, path: readonly PathSegment[], message: string): void {
  if (reading.issues.length < maximumIssues) reading.issues.push({ path, message });
}

function readAccounts(reading: Reading, rows: readonly unknown[]): { accounts: Account[]; days: AccountDays[] } {
  const accounts: Account[] = [];
  const days: AccountDays[] = [];
  let index = 0;
  try {
    for (; index < rows.length; index++) readAccount(reading, rows[index], index, accounts, days);
  } catch (error) {
    throw unreadable(error, 'invalid_input', ['accounts', index], 'the account');
  }
  return { accounts, days };
}

function readAccount(reading: Reading, value: unknown, index: number, accounts: Account[], days: AccountDays[]): void {
  {
    let account: unknown = value;
    let accountDays = readAccountDays(account, reading.dayOf);
    if (accountDays === undefined) {
      account = parseWith(Account, account, { path: ['accounts', index] });
      accountDays = readAccountDays(account, reading.dayOf);
      if (accountDays === undefined) {
        throw new SuccessKitError('invalid_input', [
          { path: ['accounts', index], message: 'expected a valid account' },
        ]);
      }
    }
    const { id } = account as Account;
    if (reading.accountIds.has(id)) report(reading, ['accounts', index, 'id'], `duplicate id ${quoteText(id, 60)}`);
    else reading.accountIds.set(id, index);
    accounts.push(account as Account);
    days.push(accountDays);
  }
}

type KeyOf = (value: unknown, dayOf: DayNumbers) => number;

/** The value at a place in a list, or `undefined` when the list itself cannot be read. */
function readList<Row extends { readonly accountId: string }>(
  reading: Reading,
  list: string,
  rows: readonly unknown[] | undefined,
  keyOf: KeyOf,
  schema: Parameters<typeof parseWith>[0],
  accountCount: number,
  scratch: Scratch,
): GroupedRows<Row> {
  let source: readonly unknown[] = rows ?? [];
  const count = source.length;
  const accounts = scratch.accounts.subarray(0, count);
  const keys = scratch.keys.subarray(0, count);
  const { dayOf, accountIds } = reading;
  // Exports list an account's rows together: the last account looked up is usually the next one's too.
  let lastId: unknown = undefined;
  let lastAccount = -1;
  let index = 0;
  try {
    for (; index < count; index++) {
      let value = source[index];
      let key = keyOf(value, dayOf);
      if (Number.isNaN(key)) {
        // The guard found a field it cannot vouch for: the schema names it, or else the parsed row is used.
        value = parseWith(schema, value, { path: [list, index] });
        key = keyOf(value, dayOf);
        if (Number.isNaN(key)) fail('invalid_input', [list, index], 'expected a valid row');
        if (source === rows) source = rows.slice();
        (source as unknown[])[index] = value;
      }
      keys[index] = key;
      const { accountId } = value as Row;
      if (accountId !== lastId) {
        lastId = accountId;
        lastAccount = accountIds.get(accountId) ?? -1;
      }
      accounts[index] = lastAccount;
      if (lastAccount < 0) reportUnknownAccount(reading, list, index, value as Row);
    }
  } catch (error) {
    throw unreadable(error, 'invalid_input', [list, index], 'the row');
  }
  return groupRows({ source: source as readonly Row[], accounts, keys }, accountCount);
}

function reportUnknownAccount(
  reading: Reading,
  list: string,
  index: number,
  row: { readonly accountId: string },
): void {
  const named = list === 'events' ? `event ${quoteText((row as { id?: string }).id ?? '', 60)} names ` : '';
  report(reading, [list, index, 'accountId'], `${named}no account ${quoteText(row.accountId, 60)}`);
}

function reportRepeatedMonths(reading: Reading, mrr: GroupedRows<MrrSnapshot>): void {
  for (let index = 1; index < mrr.keys.length; index++) {
    if (mrr.keys[index] !== mrr.keys[index - 1]) continue;
    const row = rowOf(mrr, index);
    if (row.accountId === rowOf(mrr, index - 1).accountId) {
      report(
        reading,
        ['mrr', mrr.origins[index] ?? index],
        `second snapshot for ${quoteText(row.accountId, 60)} in ${row.month}`,
      );
    }
  }
}

/** Runs longer than this are checked with a set; shorter ones pairwise. */
const pairwiseRun = 16;

/** The row of `rows` at grouped position `k`, as a row with an id. */
function idAt(rows: GroupedRows<{ readonly id: string }>, k: number): string {
  return rowOf(rows, k).id;
}

/** Reports each row of `start…end` (one account, one day) whose id an earlier row of the run has. */
function reportRunRepeats(
  reading: Reading,
  list: string,
  rows: GroupedRows<{ readonly id: string }>,
  start: number,
  end: number,
): void {
  const seen = end - start > pairwiseRun ? new Map<string, number>() : undefined;
  for (let k = start; k < end; k++) {
    const id = idAt(rows, k);
    let first = seen?.get(id) ?? -1;
    for (let earlier = start; seen === undefined && earlier < k; earlier++) {
      if (idAt(rows, earlier) === id) first = earlier;
    }
    if (first >= 0) {
      const original = at(rows.origins, first);
      report(
        reading,
        [list, at(rows.origins, k), 'id'],
        `repeats ${list}[${String(original)}]: id ${quoteText(id, 60)}`,
      );
    } else seen?.set(id, k);
  }
}

/**
 * Reports rows that repeat another row's id for the same account on the same
 * day: the same record listed twice, which would count twice. Rows are
 * grouped by account and day already, so only rows that share both are
 * compared.
 */
function reportRepeatedIds(reading: Reading, list: string, rows: GroupedRows<{ readonly id: string }>): void {
  const { keys, offsets } = rows;
  for (let account = 0; account + 1 < offsets.length; account++) {
    const end = at(offsets, account + 1);
    let runStart = at(offsets, account);
    for (let k = runStart + 1; k <= end; k++) {
      if (k < end && at(keys, k) === at(keys, runStart)) continue;
      if (k - runStart > 1) reportRunRepeats(reading, list, rows, runStart, k);
      runStart = k;
    }
  }
}

function readPortfolio(reading: Reading, input: unknown): PortfolioIndex {
  const portfolio: SnapshotPortfolio = isSnapshotPortfolioShape(input)
    ? input
    : (parseWith(SnapshotPortfolioShape, input, { path: [] }) as SnapshotPortfolio);
  const { accounts, days } = readAccounts(reading, portfolio.accounts);
  const count = accounts.length;
  const scratch = scratchFor([portfolio.contacts, portfolio.usage, portfolio.surveys, portfolio.mrr, portfolio.events]);
  const contacts = readList<Contact>(reading, 'contacts', portfolio.contacts, contactLeftDay, Contact, count, scratch);
  const usage = readList<UsageSnapshot>(reading, 'usage', portfolio.usage, usageEndDay, UsageSnapshot, count, scratch);
  const surveys = readList<SurveyResponse>(
    reading,
    'surveys',
    portfolio.surveys,
    surveyDay,
    SurveyResponse,
    count,
    scratch,
  );
  const mrr = readList<MrrSnapshot>(reading, 'mrr', portfolio.mrr, mrrMonth, MrrSnapshot, count, scratch);
  const events = readList<AccountEvent>(reading, 'events', portfolio.events, eventDay, AccountEvent, count, scratch);
  const index: PortfolioIndex = {
    asOf: portfolio.asOf,
    accounts,
    accountDays: days,
    contacts,
    usage,
    surveys,
    mrr,
    events,
    eventCodes: codeEvents(events, reading.dayOf),
  };
  reportRepeatedMonths(reading, index.mrr);
  reportRepeatedIds(reading, 'contacts', contacts);
  reportRepeatedIds(reading, 'surveys', surveys);
  reportRepeatedIds(reading, 'events', events);
  if (reading.issues.length > 0) throw new SuccessKitError('invalid_reference', reading.issues);
  return index;
}

/**
 * Reads a portfolio for snapshots in one pass over its rows.
 *
 * @throws {@link SuccessKitError} `invalid_input` naming the first row that is not valid (path `[list, index, field]`), `invalid_reference` for duplicate account ids, rows of accounts that are not in the portfolio, a second MRR snapshot in a month, and a contact, survey or event repeating the id of another for the same account and day (up to 100 issues)
 * @internal
 */
export function indexPortfolio(input: unknown): PortfolioIndex {
  const reading: Reading = { dayOf: createDayNumbers(), accountIds: new Map(), issues: [] };
  try {
    return readPortfolio(reading, input);
  } catch (error) {
    throw unreadable(error, 'invalid_input', [], 'the portfolio');
  }
}
