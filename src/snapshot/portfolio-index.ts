import {
  Account,
  AccountEvent,
  type CalendarDate,
  Contact,
  kindOf,
  MrrSnapshot,
  type PathSegment,
  quoteText,
  SuccessKitError,
  type SuccessKitIssue,
  SurveyResponse,
  UsageSnapshot,
} from '../core/internal.js';
import { type AccountDays, readAccountDays } from './account-rows.js';
import { contactLeftDay } from './contact-measures.js';
import { createDayNumbers, type DayNumbers } from './day-numbers.js';
import { eventDay } from './event-measures.js';
import { type GroupedRows, groupRows, type ReadRows, rowAt } from './grouped-rows.js';
import { mrrMonth } from './mrr-measures.js';
import { parseInput } from './parse-input.js';
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
  readonly dayOf: DayNumbers;
}

/** At most this many reference issues are reported; past it the data is broken wholesale. */
const maximumIssues = 100;

/** Where the reading is, so a row that throws when read can be named. */
interface Position {
  list: string;
  index: number;
  row: unknown;
}

interface Reading {
  readonly dayOf: DayNumbers;
  readonly accountIds: Map<string, number>;
  readonly issues: SuccessKitIssue[];
  readonly position: Position;
}

function report(reading: Reading, path: readonly PathSegment[], message: string): void {
  if (reading.issues.length < maximumIssues) reading.issues.push({ path, message });
}

function readAccounts(reading: Reading, rows: readonly unknown[]): { accounts: Account[]; days: AccountDays[] } {
  const accounts: Account[] = [];
  const days: AccountDays[] = [];
  reading.position.list = 'accounts';
  for (let index = 0; index < rows.length; index++) {
    let account = rows[index];
    reading.position.index = index;
    reading.position.row = account;
    let accountDays = readAccountDays(account, reading.dayOf);
    if (accountDays === undefined) {
      account = parseInput(Account, account, ['accounts', index]);
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
  return { accounts, days };
}

/** A row the guard rejected, parsed by its schema (which throws with the schema's messages), and its key. */
function parseRow(
  reading: Reading,
  read: ReadRows<unknown>,
  value: unknown,
  path: readonly PathSegment[],
  keyOf: KeyOf,
  schema: Parameters<typeof parseInput>[0],
): number {
  const parsed = parseInput(schema, value, path);
  const key = keyOf(parsed, reading.dayOf);
  if (Number.isNaN(key)) throw new SuccessKitError('invalid_input', [{ path, message: 'expected a valid row' }]);
  read.rows[path[1] as number] = parsed;
  return key;
}

type KeyOf = (value: unknown, dayOf: DayNumbers) => number;

/** Reads one list: each row checked and keyed; a row of an account that is not there is reported. */
function readList<Row extends { readonly accountId: string }>(
  reading: Reading,
  list: string,
  rows: readonly unknown[] | undefined,
  keyOf: KeyOf,
  schema: Parameters<typeof parseInput>[0],
  accountCount: number,
): GroupedRows<Row> {
  const count = rows?.length ?? 0;
  const read: ReadRows<unknown> = {
    rows: rows === undefined ? [] : rows.slice(),
    accounts: new Int32Array(count),
    keys: new Float64Array(count),
  };
  const { position, dayOf, accountIds } = reading;
  position.list = list;
  for (let index = 0; index < count; index++) {
    const value = read.rows[index];
    position.index = index;
    position.row = value;
    let key = keyOf(value, dayOf);
    if (Number.isNaN(key)) key = parseRow(reading, read, value, [list, index], keyOf, schema);
    const row = read.rows[index] as Row;
    const account = accountIds.get(row.accountId);
    read.keys[index] = key;
    if (account === undefined) {
      read.accounts[index] = -1;
      const named = list === 'events' ? `event ${quoteText((row as { id?: string }).id ?? '', 60)} names ` : '';
      report(reading, [list, index, 'accountId'], `${named}no account ${quoteText(row.accountId, 60)}`);
    } else read.accounts[index] = account;
  }
  return groupRows(read as ReadRows<Row>, accountCount);
}

function reportRepeatedMonths(reading: Reading, mrr: GroupedRows<MrrSnapshot>): void {
  for (let index = 1; index < mrr.rows.length; index++) {
    const row = rowAt(mrr.rows, index);
    const before = rowAt(mrr.rows, index - 1);
    if (mrr.keys[index] === mrr.keys[index - 1] && row.accountId === before.accountId) {
      report(
        reading,
        ['mrr', mrr.origins[index] ?? index],
        `second snapshot for ${quoteText(row.accountId, 60)} in ${row.month}`,
      );
    }
  }
}

function readPortfolio(reading: Reading, input: unknown): PortfolioIndex {
  const portfolio: SnapshotPortfolio = isSnapshotPortfolioShape(input)
    ? input
    : (parseInput(SnapshotPortfolioShape, input, []) as SnapshotPortfolio);
  const { accounts, days } = readAccounts(reading, portfolio.accounts);
  const count = accounts.length;
  const index: PortfolioIndex = {
    asOf: portfolio.asOf,
    accounts,
    accountDays: days,
    contacts: readList(reading, 'contacts', portfolio.contacts, contactLeftDay, Contact, count),
    usage: readList(reading, 'usage', portfolio.usage, usageEndDay, UsageSnapshot, count),
    surveys: readList(reading, 'surveys', portfolio.surveys, surveyDay, SurveyResponse, count),
    mrr: readList(reading, 'mrr', portfolio.mrr, mrrMonth, MrrSnapshot, count),
    events: readList(reading, 'events', portfolio.events, eventDay, AccountEvent, count),
    dayOf: reading.dayOf,
  };
  reportRepeatedMonths(reading, index.mrr);
  if (reading.issues.length > 0) throw new SuccessKitError('invalid_reference', reading.issues);
  return index;
}

/**
 * Reads a portfolio for snapshots in one pass over its rows.
 *
 * @throws {@link SuccessKitError} `invalid_input` naming the first row that is not valid (path `[list, index, field]`), `invalid_reference` for duplicate account ids, rows of accounts that are not in the portfolio and a second MRR snapshot in a month (up to 100 issues)
 * @internal
 */
export function indexPortfolio(input: unknown): PortfolioIndex {
  const reading: Reading = {
    dayOf: createDayNumbers(),
    accountIds: new Map(),
    issues: [],
    position: { list: '', index: -1, row: undefined },
  };
  try {
    return readPortfolio(reading, input);
  } catch (error) {
    if (error instanceof SuccessKitError) throw error;
    const { list, index, row } = reading.position;
    const path: PathSegment[] = list === '' ? [] : [list, index];
    const unreadable = new SuccessKitError('invalid_input', [
      { path, message: `expected plain data, got ${kindOf(list === '' ? input : row)} that cannot be read` },
    ]);
    unreadable.cause = error;
    throw unreadable;
  }
}
