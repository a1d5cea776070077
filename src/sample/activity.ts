import type { AccountEvent, CalendarDate, Contact, SurveyResponse } from '../core/internal.js';
import type { Profile } from './profile.js';
import type { Random } from './random.js';
import { mrrOn, type RevenueSpan } from './revenue.js';
import { escalationReasons, featureRequests } from './vocabulary.js';

/**
 * The onboarding baseline the sample customers move along: day offsets from
 * the start of the contract (first login on day 5, configuration complete on
 * day 10, the first executive business review on day 90 and the second on
 * day 270). Champions reach each milestone early, cruisers on time and
 * laggards late or never.
 *
 * @internal
 */
export const onboardingMilestones = [
  ['first_login', 5],
  ['configuration_complete', 10],
  ['ebr_1', 90],
  ['ebr_2', 270],
] as const;

/** Chance that a laggard never reaches each milestone, in baseline order. */
const laggardMisses = [0, 0.05, 0.15, 0.35] as const;

/**
 * Share of the targeted business value realized by each EBR milestone (75% by
 * the first, all of it by the second), and how far each pace class lands from
 * it: champions ahead, laggards behind.
 */
const valueTargets: Readonly<Record<string, number>> = { ebr_1: 0.75, ebr_2: 1 };
const valuePace: Readonly<Record<Profile['pace'], number>> = { champion: 1.15, cruiser: 1, laggard: 0.7 };

/** Chance that a feature request is off the roadmap, and that it is outside what the product is for, by fit. */
const offRoadmapChance: Readonly<Record<Profile['fit'], number>> = { perfect: 0.2, good: 0.4, bad: 0.75 };
const outOfScopeChance: Readonly<Record<Profile['fit'], number>> = { perfect: 0.02, good: 0.08, bad: 0.4 };

const monthlyTickets: Readonly<Record<Profile['segment'], number>> = { enterprise: 1.5, 'mid-market': 0.6, smb: 0.2 };
const yearlyEscalations: Readonly<Record<Profile['segment'], number>> = {
  enterprise: 1.5,
  'mid-market': 0.8,
  smb: 0.3,
};
const yearlyFeatureRequests: Readonly<Record<Profile['segment'], number>> = {
  enterprise: 2,
  'mid-market': 1,
  smb: 0.3,
};
const fitRequestScale: Readonly<Record<Profile['fit'], number>> = { perfect: 0.5, good: 1, bad: 4 };
const npsRespondents: Readonly<Record<Profile['segment'], readonly [number, number]>> = {
  enterprise: [1, 3],
  'mid-market': [1, 2],
  smb: [1, 1],
};
const npsResponseRate: Readonly<Record<Profile['segment'], number>> = {
  enterprise: 0.75,
  'mid-market': 0.55,
  smb: 0.35,
};

/** Days before `asOf` on which the two relationship NPS surveys of the last year went out. */
const npsWaves = [300, 120] as const;

type Unstamped<T> = T extends unknown ? Omit<T, 'id' | 'accountId' | 'date'> : never;
type EventBody = Unstamped<AccountEvent>;
type SurveyBody = Unstamped<SurveyResponse>;

/** The activity window (the last year up to `asOf`, as epoch days) and the date label of a day. */
export interface ActivityWindow {
  readonly firstDay: number;
  readonly asOfDay: number;
  readonly dateOf: (day: number) => CalendarDate;
}

/** What an account did and said over the window. */
export interface Activity {
  readonly events: AccountEvent[];
  readonly surveys: SurveyResponse[];
}

interface Draft {
  readonly random: Random;
  readonly profile: Profile;
  readonly spans: readonly RevenueSpan[];
  readonly window: ActivityWindow;
  readonly contacts: Contact[];
  readonly events: AccountEvent[];
  readonly surveys: SurveyResponse[];
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/** A score on a 1–`scale` (or 0–10) answer scale, centred on `mean`. */
function answer(random: Random, mean: number, spread: number, low: number, high: number): number {
  return Math.round(clamp(random.normal(mean, spread), low, high));
}

function payingOn(draft: Draft, day: number): boolean {
  return day <= draft.window.asOfDay && mrrOn(draft.spans, day) > 0;
}

function windowDay(draft: Draft): number {
  return draft.random.integer(draft.window.firstDay, draft.window.asOfDay);
}

/** Ids are given once all records are in date order; see {@link stampIds}. */
const unnumbered = '';

function addEvent(draft: Draft, day: number, body: EventBody): void {
  if (!payingOn(draft, day)) return;
  draft.events.push({ id: unnumbered, accountId: draft.profile.id, date: draft.window.dateOf(day), ...body });
}

function presentOn(contact: Contact, date: CalendarDate): boolean {
  return contact.leftDate === undefined || contact.leftDate > date;
}

/** A contact still at the customer on `date`, chosen at random. */
function respondent(draft: Draft, date: CalendarDate): Contact | undefined {
  let count = 0;
  for (const contact of draft.contacts) if (presentOn(contact, date)) count++;
  let chosen = count === 0 ? -1 : draft.random.integer(0, count - 1);
  for (const contact of draft.contacts) if (presentOn(contact, date) && chosen-- === 0) return contact;
  return undefined;
}

function addSurvey(draft: Draft, day: number, body: SurveyBody): void {
  if (!payingOn(draft, day)) return;
  const date = draft.window.dateOf(day);
  const contactId = respondent(draft, date)?.id;
  const stamped = {
    id: unnumbered,
    accountId: draft.profile.id,
    date,
    ...(contactId === undefined ? {} : { contactId }),
    ...body,
  };
  draft.surveys.push(stamped);
}

/** Champions and sponsors who leave; drawn first so later answers come only from people still there. */
function drawDepartures(draft: Draft): void {
  const { random, profile } = draft;
  const champion = draft.contacts.find((contact) => contact.role === 'champion');
  if (champion !== undefined && random.chance(0.04 + 0.12 * (1 - profile.health))) {
    const day = windowDay(draft);
    if (payingOn(draft, day)) {
      champion.leftDate = draft.window.dateOf(day);
      addEvent(draft, day, { type: 'champion_left', contactId: champion.id });
    }
  }
  if (random.chance(0.04)) addEvent(draft, windowDay(draft), { type: 'sponsor_changed' });
}

/** Kickoff, the baseline milestones at the account's pace, and an onboarding CSAT. */
function drawOnboarding(draft: Draft): void {
  const { random, profile } = draft;
  const [firstSpan] = draft.spans;
  if (firstSpan === undefined) return;
  if (profile.segment !== 'smb')
    addEvent(draft, firstSpan.startDay + random.integer(1, 5), { type: 'meeting', meetingKind: 'kickoff' });
  onboardingMilestones.forEach(([milestoneId, baselineDay], position) => {
    if (profile.pace === 'laggard' && random.chance(laggardMisses[position] ?? 0)) return;
    const day =
      firstSpan.startDay + Math.max(1, Math.round(baselineDay * profile.paceFactor * random.between(0.92, 1.08)));
    addEvent(draft, day, { type: 'milestone_reached', milestoneId });
    const target = valueTargets[milestoneId];
    if (target !== undefined) {
      const share = Math.min(1, target * valuePace[profile.pace] * random.between(0.9, 1.1));
      addEvent(draft, day, { type: 'value_realized', share: Math.round(share * 100) / 100 });
    }
    if (milestoneId === 'configuration_complete' && day >= draft.window.firstDay && random.chance(0.5)) {
      const score = answer(random, 2.4 + 2.8 * profile.health, 0.8, 1, 5);
      addSurvey(draft, day + random.integer(1, 7), { kind: 'csat', scale: 5, score, touchpoint: 'onboarding' });
    }
  });
}

/** Quarterly executive business reviews for enterprise accounts. */
function drawBusinessReviews(draft: Draft): void {
  if (draft.profile.segment !== 'enterprise') return;
  const { random, window } = draft;
  for (let day = window.firstDay + random.integer(0, 90); day <= window.asOfDay; day += random.integer(80, 100)) {
    addEvent(draft, day, { type: 'meeting', meetingKind: 'ebr' });
  }
}

/** Support tickets, more and more urgent for unhealthy accounts, with CSAT and CES after resolution. */
function drawTickets(draft: Draft): void {
  const { random, profile } = draft;
  const count = random.poisson(12 * monthlyTickets[profile.segment] * (0.6 + 1.4 * (1 - profile.health)));
  for (let ticket = 1; ticket <= count; ticket++) {
    const day = windowDay(draft);
    const priority = random.weighted([
      ['low', 0.3],
      ['normal', 0.5],
      ['high', 0.15],
      ['urgent', 0.05 + 0.1 * (1 - profile.health)],
    ] as const);
    const resolvedDay = day + random.integer(0, priority === 'low' ? 14 : 6);
    const resolved = resolvedDay <= draft.window.asOfDay;
    const ticketId = `${profile.id}-t${String(ticket)}`;
    addEvent(draft, day, {
      type: 'ticket',
      ticketId,
      priority,
      ...(resolved ? { resolvedDate: draft.window.dateOf(resolvedDay) } : {}),
    });
    if (resolved && random.chance(0.35)) {
      addSurvey(draft, resolvedDay, {
        kind: 'csat',
        scale: 5,
        score: answer(random, 2.6 + 2.4 * profile.health, 0.9, 1, 5),
        touchpoint: 'support',
      });
    }
    if (resolved && random.chance(0.12)) {
      addSurvey(draft, resolvedDay, {
        kind: 'ces',
        scale: 7,
        score: answer(random, 3 + 3.6 * profile.health, 1.1, 1, 7),
        touchpoint: 'support',
      });
    }
  }
}

/** Escalations, feature requests (many from bad-fit customers) and overdue invoices. */
function drawRiskSignals(draft: Draft): void {
  const { random, profile } = draft;
  const escalations = random.poisson(yearlyEscalations[profile.segment] * (0.05 + 1.5 * (1 - profile.health) ** 2));
  for (let count = 0; count < escalations; count++) {
    const severity = random.weighted([
      ['low', 0.2],
      ['medium', 0.4],
      ['high', 0.3],
      ['critical', 0.1],
    ] as const);
    addEvent(draft, windowDay(draft), { type: 'escalation', severity, reason: random.pick(escalationReasons) });
  }
  const requests = random.poisson(yearlyFeatureRequests[profile.segment] * fitRequestScale[profile.fit]);
  for (let count = 0; count < requests; count++) {
    addEvent(draft, windowDay(draft), {
      type: 'feature_request',
      title: random.pick(featureRequests),
      onRoadmap: !random.chance(offRoadmapChance[profile.fit]),
      outOfScope: random.chance(outOfScopeChance[profile.fit]),
    });
  }
  if (random.chance(0.03 + 0.1 * (1 - profile.health))) {
    const day = windowDay(draft);
    addEvent(draft, day, { type: 'payment_overdue', amount: mrrOn(draft.spans, day) * random.integer(1, 3) });
  }
}

/** Two relationship NPS waves in the year; healthier accounts answer higher. */
function drawNps(draft: Draft): void {
  const { random, profile } = draft;
  for (const daysBack of npsWaves) {
    if (!random.chance(npsResponseRate[profile.segment])) continue;
    const [fewest, most] = npsRespondents[profile.segment];
    const respondents = random.integer(fewest, most);
    for (let count = 0; count < respondents; count++) {
      const score = answer(random, 2.8 + 8.4 * profile.health, 1.5, 0, 10);
      addSurvey(draft, draft.window.asOfDay - daysBack + random.integer(0, 20), {
        kind: 'nps',
        score,
        touchpoint: 'relationship',
      });
    }
  }
}

function byDate(a: { date: string }, b: { date: string }): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}

/** Puts records in date order (stable) and numbers them `<account>-<tag><n>`. */
function stampIds<Row extends { id: string; date: string }>(profile: Profile, rows: Row[], tag: string): Row[] {
  rows.sort(byDate);
  for (let position = 0; position < rows.length; position++) {
    const row = rows[position];
    if (row !== undefined) row.id = `${profile.id}-${tag}${String(position + 1)}`;
  }
  return rows;
}

/**
 * Draws an account's events (milestones, meetings, tickets, escalations,
 * feature requests, champion and sponsor changes, overdue payments) and its
 * NPS, CSAT and CES answers. Marks departures on the contacts it is given,
 * which belong to the generator.
 *
 * @internal
 */
export function drawActivity(
  random: Random,
  profile: Profile,
  spans: readonly RevenueSpan[],
  contacts: Contact[],
  window: ActivityWindow,
): Activity {
  const draft: Draft = { random, profile, spans, window, contacts, events: [], surveys: [] };
  drawDepartures(draft);
  drawOnboarding(draft);
  drawBusinessReviews(draft);
  drawTickets(draft);
  drawRiskSignals(draft);
  drawNps(draft);
  return { events: stampIds(profile, draft.events, 'e'), surveys: stampIds(profile, draft.surveys, 's') };
}
