import {
  Account,
  AccountEvent,
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
import { type AccountFacts, accountFacts, readAccountDays } from './account-rows.js';
import { contactReader } from './contact-measures.js';
import { createDayNumbers, type DayLabels, type DayNumbers } from './day-numbers.js';
import { type EventColumns, eventReader, type FirstMilestones, firstMilestones } from './event-measures.js';
import {
  type Column,
  type GroupedRows,
  groupRows,
  inGroupedOrder,
  originOf,
  type ReadColumns,
  rowOf,
  type RowReader,
  zeros,
} from './grouped-rows.js';
import { mrrReader } from './mrr-measures.js';
import { isSnapshotPortfolioShape, type SnapshotPortfolio, SnapshotPortfolioShape } from './snapshot-portfolio.js';
import { surveyReader } from './survey-measures.js';
import { usageReader } from './usage-measures.js';

/**
 * A portfolio read once for snapshots: accounts checked, and every other
 * row checked, placed under its account and ordered by day, so that
 * snapshots on any day are a walk over each account's rows. What the walks
 * read of most rows is kept beside them in columns of numbers, in the same
 * grouped order (`contactChampions`, `surveyAnswers`, `mrrAmounts`,
 * `eventColumns`, `firstMilestones`), and the text of every day read in
 * `labelOf`: a walk reads numbers laid out one after another instead of
 * rows strewn over the heap.
 *
 * @internal
 */
export interface PortfolioIndex {
  readonly asOf: CalendarDate | undefined;
  readonly accounts: readonly AccountFacts[];
  readonly contacts: GroupedRows<Contact>;
  readonly contactChampions: Column;
  readonly usage: GroupedRows<UsageSnapshot>;
  readonly surveys: GroupedRows<SurveyResponse>;
  readonly surveyAnswers: Column;
  readonly mrr: GroupedRows<MrrSnapshot>;
  readonly mrrAmounts: Column;
  readonly events: GroupedRows<AccountEvent>;
  readonly eventColumns: EventColumns;
  readonly firstMilestones: FirstMilestones;
  readonly labelOf: DayLabels;
}

/** At most this many reference issues are reported; past it the data is broken wholesale. */
const maximumIssues = 100;

interface Reading {
  readonly dayOf: DayNumbers;
  readonly labelOf: DayLabels;
  readonly accountIds: Map<string, number>;
  /** The id of the account at each position, in the portfolio's order. */
  readonly idsInOrder: string[];
  readonly issues: SuccessKitIssue[];
  /** Records listed twice, reported after every other issue. */
  readonly repeats: SuccessKitIssue[];
}

/**
 * The account of each row as read, before grouping, and the fingerprints of
 * ids: columns as long as the longest list, that every list reuses while it
 * is read, so reading a portfolio allocates them once.
 */
interface Scratch {
  readonly accounts: number[];
  readonly fingerprints: number[];
}

function scratchFor(lists: readonly (readonly unknown[] | undefined)[]): Scratch {
  let longest = 0;
  for (const list of lists) longest = Math.max(longest, list?.length ?? 0);
  return { accounts: zeros(longest), fingerprints: zeros(longest) };
}

/** The {@link ReadColumns} of one list: the shared fingerprints, and its own codes and numbers where its reader keeps them. */
function columnsFor(
  scratch: Scratch,
  rows: readonly unknown[] | undefined,
  kept: { readonly codes: boolean; readonly numbers: boolean },
): ReadColumns {
  const length = rows?.length ?? 0;
  return {
    fingerprints: scratch.fingerprints,
    codes: kept.codes ? zeros(length) : [],
    numbers: kept.numbers ? zeros(length) : [],
  };
}

function report(reading: Reading, path: readonly PathSegment[], message: string): void {
  if (reading.issues.length < maximumIssues) reading.issues.push({ path, message });
}

function reportRepeat(reading: Reading, path: readonly PathSegment[], message: string): void {
  if (reading.repeats.length < maximumIssues) reading.repeats.push({ path, message });
}

function readAccounts(reading: Reading, rows: readonly unknown[]): AccountFacts[] {
  const accounts: AccountFacts[] = [];
  let index = 0;
  try {
    for (; index < rows.length; index++) accounts.push(readAccount(reading, rows[index], index));
  } catch (error) {
    throw unreadable(error, 'invalid_input', ['accounts', index], 'the account');
  }
  return accounts;
}

function readAccount(reading: Reading, value: unknown, index: number): AccountFacts {
  let account: unknown = value;
  let accountDays = readAccountDays(account, reading.dayOf);
  if (accountDays === undefined) {
    account = parseWith(Account, account, { path: ['accounts', index] });
    accountDays = readAccountDays(account, reading.dayOf);
    if (accountDays === undefined) {
      throw new SuccessKitError('invalid_input', [{ path: ['accounts', index], message: 'expected a valid account' }]);
    }
  }
  const { id } = account as Account;
  if (reading.accountIds.has(id)) report(reading, ['accounts', index, 'id'], `duplicate id ${quoteText(id, 60)}`);
  else reading.accountIds.set(id, index);
  reading.idsInOrder.push(id);
  return accountFacts(account as Account, accountDays);
}

/** The rows of one list checked, read by `keyOf` and grouped by account. */
function readList<Row extends { readonly accountId: string }>(
  reading: Reading,
  list: string,
  rows: readonly unknown[] | undefined,
  keyOf: RowReader,
  schema: Parameters<typeof parseWith>[0],
  accountCount: number,
  scratch: Scratch,
): GroupedRows<Row> {
  let source: readonly unknown[] = rows ?? [];
  const count = source.length;
  const { accounts } = scratch;
  const keys = zeros(count);
  const { accountIds, idsInOrder } = reading;
  // Exports list an account's rows together, and the accounts in the portfolio's order: a row's account is
  // usually the last row's, or the one after it, which a comparison of ids finds without a lookup.
  let lastId: unknown = undefined;
  let lastAccount = -1;
  let index = 0;
  try {
    for (; index < count; index++) {
      let value = source[index];
      let key = keyOf(value, index);
      if (Number.isNaN(key)) {
        // The guard found a field it cannot vouch for: the schema names it, or else the parsed row is used.
        value = parseWith(schema, value, { path: [list, index] });
        key = keyOf(value, index);
        if (Number.isNaN(key)) fail('invalid_input', [list, index], 'expected a valid row');
        if (source === rows) source = rows.slice();
        (source as unknown[])[index] = value;
      }
      keys[index] = key;
      const { accountId } = value as Row;
      if (accountId !== lastId) {
        lastId = accountId;
        lastAccount = idsInOrder[lastAccount + 1] === accountId ? lastAccount + 1 : (accountIds.get(accountId) ?? -1);
      }
      accounts[index] = lastAccount;
      if (lastAccount < 0) reportUnknownAccount(reading, list, index, value as Row);
    }
  } catch (error) {
    throw unreadable(error, 'invalid_input', [list, index], 'the row');
  }
  return groupRows({ source: source as readonly Row[], count, accounts, keys }, accountCount);
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
      reportRepeat(
        reading,
        ['mrr', originOf(mrr, index)],
        `second snapshot for ${quoteText(row.accountId, 60)} in ${row.month}`,
      );
    }
  }
}

/** The id of the `k`-th grouped row. */
function idAt(rows: GroupedRows<{ readonly id: string }>, k: number): string {
  return rowOf(rows, k).id;
}

/** Runs longer than this are checked with a map of their ids; shorter ones pairwise, by fingerprint first. */
const pairwiseRun = 32;

/** Reports each row of the run `start…end − 1` (one account, one day) that repeats the id of an earlier row of the run. */
function reportRunRepeats(
  reading: Reading,
  list: string,
  rows: GroupedRows<{ readonly id: string }>,
  fingerprints: Column,
  start: number,
  end: number,
): void {
  const seen = end - start > pairwiseRun ? new Map<string, number>() : undefined;
  for (let k = start; k < end; k++) {
    let first = seen === undefined ? -1 : (seen.get(idAt(rows, k)) ?? -1);
    const fingerprint = fingerprints[originOf(rows, k)] ?? 0;
    for (let earlier = start; seen === undefined && first < 0 && earlier < k; earlier++) {
      if ((fingerprints[originOf(rows, earlier)] ?? 0) === fingerprint && idAt(rows, earlier) === idAt(rows, k)) {
        first = earlier;
      }
    }
    if (first >= 0) {
      reportRepeat(
        reading,
        [list, originOf(rows, k), 'id'],
        `repeats ${list}[${String(originOf(rows, first))}]: id ${quoteText(idAt(rows, k), 60)}`,
      );
    } else seen?.set(idAt(rows, k), k);
  }
}

/**
 * Reports rows that repeat another row's id for the same account on the same
 * day: the same record listed twice, which would count twice. Rows are
 * grouped by account and day already, so only rows that share both are
 * compared, and through the fingerprints of their ids (in list order) first,
 * so that rows are read again only when two ids may be equal.
 */
function reportRepeatedIds(
  reading: Reading,
  list: string,
  rows: GroupedRows<{ readonly id: string }>,
  fingerprints: Column,
): void {
  const { keys, offsets } = rows;
  for (let account = 0; account + 1 < offsets.length; account++) {
    const end = offsets[account + 1] ?? 0;
    let runStart = offsets[account] ?? 0;
    for (let k = runStart + 1; k <= end; k++) {
      if (k < end && (keys[k] ?? 0) === (keys[runStart] ?? 0)) continue;
      if (k - runStart > 1) reportRunRepeats(reading, list, rows, fingerprints, runStart, k);
      runStart = k;
    }
  }
}

function readPortfolio(reading: Reading, input: unknown): PortfolioIndex {
  const portfolio: SnapshotPortfolio = isSnapshotPortfolioShape(input)
    ? input
    : (parseWith(SnapshotPortfolioShape, input, { path: [] }) as SnapshotPortfolio);
  const accounts = readAccounts(reading, portfolio.accounts);
  const count = accounts.length;
  const scratch = scratchFor([portfolio.contacts, portfolio.usage, portfolio.surveys, portfolio.mrr, portfolio.events]);
  const { dayOf } = reading;
  // Each list is read into the scratch columns, and what the walks keep of it is gathered before the next list is read.
  const read = <Row extends { readonly accountId: string }>(
    list: 'contacts' | 'usage' | 'surveys' | 'mrr' | 'events',
    keyOf: RowReader,
    schema: Parameters<typeof parseWith>[0],
  ): GroupedRows<Row> => readList<Row>(reading, list, portfolio[list], keyOf, schema, count, scratch);
  const contactColumns = columnsFor(scratch, portfolio.contacts, { codes: true, numbers: false });
  const contacts = read<Contact>('contacts', contactReader(dayOf, contactColumns), Contact);
  reportRepeatedIds(reading, 'contacts', contacts, scratch.fingerprints);
  const usage = read<UsageSnapshot>('usage', usageReader(dayOf), UsageSnapshot);
  const surveyColumns = columnsFor(scratch, portfolio.surveys, { codes: true, numbers: false });
  const surveys = read<SurveyResponse>('surveys', surveyReader(dayOf, surveyColumns), SurveyResponse);
  reportRepeatedIds(reading, 'surveys', surveys, scratch.fingerprints);
  const mrrColumns = columnsFor(scratch, portfolio.mrr, { codes: false, numbers: true });
  const mrr = read<MrrSnapshot>('mrr', mrrReader(dayOf, mrrColumns), MrrSnapshot);
  reportRepeatedMonths(reading, mrr);
  const eventColumnsRead = columnsFor(scratch, portfolio.events, { codes: true, numbers: true });
  const eventRead = eventReader(dayOf, eventColumnsRead);
  const events = read<AccountEvent>('events', eventRead.read, AccountEvent);
  reportRepeatedIds(reading, 'events', events, scratch.fingerprints);
  const eventColumns = {
    codes: inGroupedOrder(events, eventColumnsRead.codes),
    numbers: inGroupedOrder(events, eventColumnsRead.numbers),
    names: eventRead.names,
  };
  const issues = [...reading.issues, ...reading.repeats].slice(0, maximumIssues);
  if (issues.length > 0) throw new SuccessKitError('invalid_reference', issues);
  return {
    asOf: portfolio.asOf,
    accounts,
    contacts,
    contactChampions: inGroupedOrder(contacts, contactColumns.codes),
    usage,
    surveys,
    surveyAnswers: inGroupedOrder(surveys, surveyColumns.codes),
    mrr,
    mrrAmounts: inGroupedOrder(mrr, mrrColumns.numbers),
    events,
    eventColumns,
    firstMilestones: firstMilestones(events, eventColumns),
    labelOf: reading.labelOf,
  };
}

/**
 * Reads a portfolio for snapshots in one pass over its rows.
 *
 * @throws {@link SuccessKitError} `invalid_input` naming the first row that is not valid (path `[list, index, field]`), `invalid_reference` for duplicate account ids, rows of accounts that are not in the portfolio, a second MRR snapshot in a month, and a contact, survey or event repeating the id of another for the same account and day (up to 100 issues)
 * @internal
 */
export function indexPortfolio(input: unknown): PortfolioIndex {
  const reading: Reading = { ...createDayNumbers(), accountIds: new Map(), idsInOrder: [], issues: [], repeats: [] };
  try {
    return readPortfolio(reading, input);
  } catch (error) {
    throw unreadable(error, 'invalid_input', [], 'the portfolio');
  }
}
