import * as z from 'zod/mini';
import {
  type Account,
  type AccountEvent,
  CalendarDate,
  type Contact,
  fail,
  firstDayOfMonthIndex,
  fromEpochDay,
  monthIndexOf,
  type MrrSnapshot,
  parseWith,
  type Portfolio,
  quoteText,
  type Subscription,
  type SurveyResponse,
  toEpochDay,
  type UsageSnapshot,
} from '../core/internal.js';
import { drawActivity, type ActivityWindow } from './activity.js';
import { drawContacts } from './contacts.js';
import { drawJourneyEvents } from './journey-events.js';
import { drawProfile, type Profile } from './profile.js';
import { createRandom, streamSeed } from './random.js';
import { drawRevenue, mrrOn, nextAnniversary, type RevenueSpan } from './revenue.js';
import { drawUsage, type SampleMonth } from './usage.js';

/**
 * What {@link samplePortfolio} generates: the day it is seen from, and
 * optionally its size and seed.
 *
 * | field | meaning | default |
 * |---|---|---|
 * | `asOf` | the day the portfolio is seen from, {@link earliestSampleAsOf} to {@link latestSampleAsOf}; nothing happens after it but renewals | required |
 * | `accounts` | how many accounts, 1 to 1,000,000 | 500 |
 * | `seed` | any safe integer; the same seed gives the same portfolio | 1 |
 *
 * @example
 * ```ts
 * import { SamplePortfolioInput } from 'successkit/sample';
 *
 * SamplePortfolioInput.parse({ asOf: '2026-06-30' }); // => { asOf: '2026-06-30', accounts: 500, seed: 1 }
 * ```
 */
export const SamplePortfolioInput = z.strictObject({
  asOf: CalendarDate,
  accounts: z._default(z.int().check(z.minimum(1), z.maximum(1_000_000)), 500),
  seed: z._default(z.int(), 1),
});

/**
 * The input of {@link samplePortfolio} as callers write it (`accounts` and
 * `seed` may be left out); see the {@link SamplePortfolioInput} schema.
 *
 * @example
 * ```ts
 * import type { SamplePortfolioInput } from 'successkit/sample';
 *
 * const input: SamplePortfolioInput = { asOf: '2026-06-30', accounts: 200, seed: 7 };
 * ```
 */
export type SamplePortfolioInput = z.input<typeof SamplePortfolioInput>;

/**
 * The earliest `asOf` {@link samplePortfolio} accepts: accounts start up to
 * five years (1,825 days) before `asOf`, and every date must stay in the
 * years 0000–9999 that {@link CalendarDate} covers.
 *
 * @example
 * ```ts
 * import { earliestSampleAsOf } from 'successkit/sample';
 *
 * earliestSampleAsOf; // => '0005-01-01'
 * ```
 */
export const earliestSampleAsOf = '0005-01-01' as CalendarDate;

/**
 * The latest `asOf` {@link samplePortfolio} accepts: an active account's
 * renewal falls up to a year after `asOf`, and every date must stay in the
 * years 0000–9999 that {@link CalendarDate} covers.
 *
 * @example
 * ```ts
 * import { latestSampleAsOf } from 'successkit/sample';
 *
 * latestSampleAsOf; // => '9998-12-31'
 * ```
 */
export const latestSampleAsOf = '9998-12-31' as CalendarDate;

function checkAsOf(asOf: CalendarDate): void {
  if (asOf < earliestSampleAsOf || asOf > latestSampleAsOf) {
    fail(
      'invalid_date',
      ['asOf'],
      `expected a date from ${earliestSampleAsOf} to ${latestSampleAsOf}, so that five years of history before it and renewals a year after it are real dates, got ${quoteText(asOf, 20)}`,
    );
  }
}

/** Months of MRR history and of usage the sample carries. */
const mrrHistoryMonths = 24;
const usageHistoryMonths = 12;

/** The last `count` calendar months that have ended on or before `asOfDay`, oldest first. */
function completeMonths(asOfDay: number, count: number): SampleMonth[] {
  const current = monthIndexOf(asOfDay + 1);
  const months: SampleMonth[] = [];
  for (let index = current - count; index < current; index++) {
    const firstDay = firstDayOfMonthIndex(index);
    months.push({
      firstDay,
      lastDay: firstDayOfMonthIndex(index + 1) - 1,
      label: fromEpochDay(firstDay) as CalendarDate,
    });
  }
  return months;
}

/** Every date the generator writes, as epoch days, with one shared label per day. */
interface SampleCalendar {
  readonly asOfDay: number;
  readonly mrrMonths: readonly SampleMonth[];
  readonly usageMonths: readonly SampleMonth[];
  readonly activity: ActivityWindow;
  readonly dateOf: (day: number) => CalendarDate;
}

function sampleCalendar(asOf: CalendarDate): SampleCalendar {
  const labels = new Map<number, CalendarDate>();
  const dateOf = (day: number): CalendarDate => {
    let label = labels.get(day);
    if (label === undefined) {
      label = fromEpochDay(day) as CalendarDate;
      labels.set(day, label);
    }
    return label;
  };
  const asOfDay = toEpochDay(asOf);
  const mrrMonths = completeMonths(asOfDay, mrrHistoryMonths);
  return {
    asOfDay,
    mrrMonths,
    usageMonths: mrrMonths.slice(-usageHistoryMonths),
    activity: { firstDay: asOfDay - 364, asOfDay, dateOf },
    dateOf,
  };
}

/**
 * Accounts per named CSM, as a stretch of account indexes: about 12
 * enterprise or 40 mid-market accounts each. SMB accounts are pooled
 * (tech-touch) and have no named CSM.
 */
const accountsPerCsm: Readonly<Record<Profile['segment'], number>> = { enterprise: 100, 'mid-market': 120, smb: 0 };

function csmOf(profile: Profile): string | undefined {
  const stretch = accountsPerCsm[profile.segment];
  if (stretch === 0) return undefined;
  const book = String(Math.floor(profile.index / stretch) + 1).padStart(3, '0');
  return `csm-${profile.segment === 'enterprise' ? 'e' : 'm'}${book}`;
}

function toAccount(profile: Profile, spans: readonly RevenueSpan[], calendar: SampleCalendar): Account {
  const { asOfDay, dateOf } = calendar;
  const csmId = csmOf(profile);
  const last = spans.at(-1);
  const mrr = mrrOn(spans, asOfDay);
  const churnDay = last?.endDay;
  return {
    id: profile.id,
    name: profile.name,
    segment: profile.segment,
    industry: profile.industry,
    region: profile.region,
    employees: profile.employees,
    plan: profile.plan,
    currency: 'USD',
    arr: mrr * 12,
    licenses: Math.round(mrr / profile.seatPrice),
    startDate: dateOf(profile.startDay),
    ...(churnDay === undefined
      ? { renewalDate: dateOf(nextAnniversary(last?.startDay ?? profile.startDay, asOfDay)) }
      : { churnDate: dateOf(churnDay) }),
    ...(csmId === undefined ? {} : { csmId }),
    attributes: {
      hasSso: profile.segment === 'enterprise' || (profile.segment === 'mid-market' && profile.health > 0.5),
      integrations: Math.round(profile.health * (profile.segment === 'smb' ? 3 : 8)),
      onboarding:
        profile.segment === 'enterprise' ? 'white-glove' : profile.segment === 'mid-market' ? 'guided' : 'self-serve',
    },
  };
}

function toSubscriptions(
  profile: Profile,
  spans: readonly RevenueSpan[],
  dateOf: SampleCalendar['dateOf'],
): Subscription[] {
  return spans.map((span, position) => ({
    id: `${profile.id}-sub${String(position + 1)}`,
    accountId: profile.id,
    plan: profile.plan,
    mrr: span.changes.at(-1)?.mrr ?? 0,
    currency: 'USD',
    startDate: dateOf(span.startDay),
    ...(span.endDay === undefined ? {} : { endDate: dateOf(span.endDay) }),
  }));
}

function toMrrSnapshots(
  profile: Profile,
  spans: readonly RevenueSpan[],
  months: readonly SampleMonth[],
): MrrSnapshot[] {
  const snapshots: MrrSnapshot[] = [];
  for (const month of months) {
    const mrr = mrrOn(spans, month.lastDay);
    if (mrr > 0) snapshots.push({ accountId: profile.id, month: month.label, mrr });
  }
  return snapshots;
}

function append<Row>(target: Row[], rows: readonly Row[]): void {
  for (const row of rows) target.push(row);
}

/** The stream of the journey milestones, apart from the account's own, so adding them left every other record as it was. */
const journeyStream = 2 ** 30;

/** The account's events with its journey milestones merged in date order (stable), numbered `<account>-j<n>`. */
function withJourneyEvents(
  events: readonly AccountEvent[],
  journey: AccountEvent[],
  accountId: string,
): AccountEvent[] {
  journey.forEach((event, position) => {
    event.id = `${accountId}-j${String(position + 1)}`;
  });
  const merged: AccountEvent[] = [];
  let next = 0;
  for (const event of events) {
    for (let early = journey[next]; early !== undefined && early.date < event.date; early = journey[next]) {
      merged.push(early);
      next++;
    }
    merged.push(event);
  }
  append(merged, journey.slice(next));
  return merged;
}

/**
 * Generates a realistic, deterministic customer portfolio for demos, docs,
 * tests and benchmarks. Same input, same output, byte for byte, on every
 * machine; account `acc-00042` is the same whatever the portfolio size.
 *
 * What it holds, as of `asOf`:
 * - accounts in three segments (enterprise ~12%, mid-market ~33%, SMB ~55%)
 *   and four plans, with ARR skewed as in real books (log-normal headcounts
 *   times seats times price), up to five years of tenure, renewals on
 *   contract anniversaries, and some churned accounts;
 * - contacts in an org chart per account (sponsor, director, champion,
 *   peers, users, billing);
 * - 12 complete months of usage (active users against seats, daily actives,
 *   logins, features adopted) that trend with each account's health and
 *   fade before a churn;
 * - 24 complete months of MRR snapshots with new, expansion, contraction,
 *   churned and reactivated revenue, and the subscriptions behind them;
 * - onboarding milestones (`first_login`, `configuration_complete`, `ebr_1`,
 *   `ebr_2`, baseline days 5, 10, 90 and 270) that some accounts reach
 *   early, most on time and some late or never, with the share of the
 *   targeted business value realized at each EBR (`value_realized`: ahead
 *   of 75% and 100% for the early accounts, behind for the late ones);
 * - journey milestones: a trial at the start of the contract for some
 *   accounts (`trial_started`, then `trial_converted` about two weeks
 *   later; some laggards never convert), `go_live` around day 30 once
 *   configuration is complete, and `expanded` on the first day MRR rose;
 * - a year of NPS, CSAT and CES answers, tickets, escalations, feature
 *   requests (flagged on or off the roadmap, and out of scope, more often for
 *   bad-fit customers), champion departures, sponsor changes and overdue
 *   payments.
 *
 * Money is in USD, major units. Records are grouped by account and in date
 * order within an account.
 *
 * @param input - `asOf`, and optionally `accounts` and `seed`; see {@link SamplePortfolioInput}
 * @returns a {@link Portfolio} that passes `parsePortfolio`
 * @throws {@link core!SuccessKitError} `invalid_input` for a bad input (path `asOf`, `accounts`, `seed`, or `[]` when it is not an object); `invalid_date` for an `asOf` outside {@link earliestSampleAsOf} to {@link latestSampleAsOf}, whose history or renewals would leave the years 0000–9999
 *
 * @example
 * ```ts
 * import { samplePortfolio } from 'successkit/sample';
 *
 * const portfolio = samplePortfolio({ accounts: 50, seed: 7, asOf: '2026-06-30' });
 * portfolio.accounts.length; // => 50
 * portfolio.accounts[0]?.id; // => 'acc-00001'
 * ```
 */
export function samplePortfolio(input: SamplePortfolioInput): Portfolio {
  const { asOf, accounts: count, seed } = parseWith(SamplePortfolioInput, input);
  checkAsOf(asOf);
  const calendar = sampleCalendar(asOf);

  const portfolio: Portfolio = {
    asOf,
    accounts: [],
    contacts: [],
    usage: [],
    surveys: [],
    subscriptions: [],
    mrr: [],
    events: [],
  };
  const random = createRandom(seed);
  for (let index = 0; index < count; index++) {
    random.reseed(streamSeed(seed, index));
    const profile = drawProfile(random, index, calendar.asOfDay);
    const spans = drawRevenue(random, profile, calendar.asOfDay);
    const contacts = drawContacts(random, profile);
    const activity = drawActivity(random, profile, spans, contacts, calendar.activity);
    portfolio.accounts.push(toAccount(profile, spans, calendar));
    append<Contact>(portfolio.contacts, contacts);
    append<UsageSnapshot>(portfolio.usage, drawUsage(random, profile, spans, calendar.usageMonths));
    append<SurveyResponse>(portfolio.surveys, activity.surveys);
    append<Subscription>(portfolio.subscriptions, toSubscriptions(profile, spans, calendar.dateOf));
    append<MrrSnapshot>(portfolio.mrr, toMrrSnapshots(profile, spans, calendar.mrrMonths));
    const journey = drawJourneyEvents(
      createRandom(streamSeed(seed, journeyStream + index)),
      profile,
      spans,
      activity.events,
      calendar.activity,
    );
    append<AccountEvent>(portfolio.events, withJourneyEvents(activity.events, journey, profile.id));
  }
  return portfolio;
}
