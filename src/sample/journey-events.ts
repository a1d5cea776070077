import { type AccountEvent, toEpochDay } from '../core/internal.js';
import type { ActivityWindow } from './activity.js';
import type { Profile } from './profile.js';
import type { Random } from './random.js';
import { mrrOn, type RevenueSpan } from './revenue.js';

/** Share of accounts that start on a trial, by segment: self-serve buyers try first, enterprises run a pilot rarely. */
const trialChance: Readonly<Record<Profile['segment'], number>> = { enterprise: 0.05, 'mid-market': 0.25, smb: 0.45 };

/** Days a trial runs at the baseline pace before the customer converts. */
const trialBaselineDays = 14;

/** Chance that a laggard trial never converts (it stays a trial), and that a laggard never goes live. */
const laggardNeverConverts = 0.2;
const laggardNeverGoesLive = 0.15;

/** Day of go-live at the baseline pace, from the start of the contract: after configuration (day 10), before the first EBR (day 90). */
const goLiveBaselineDay = 30;

function milestone(
  profile: Profile,
  spans: readonly RevenueSpan[],
  window: ActivityWindow,
  day: number,
  milestoneId: string,
): AccountEvent[] {
  if (day > window.asOfDay || mrrOn(spans, day) <= 0) return [];
  return [
    { id: '', accountId: profile.id, date: window.dateOf(day), type: 'milestone_reached', milestoneId },
  ] as AccountEvent[];
}

/** The day of the first MRR increase within a span, if any. */
function firstExpansionDay(spans: readonly RevenueSpan[]): number | undefined {
  for (const span of spans) {
    for (let index = 1; index < span.changes.length; index++) {
      const change = span.changes[index];
      const before = span.changes[index - 1];
      if (change !== undefined && before !== undefined && change.mrr > before.mrr) return change.day;
    }
  }
  return undefined;
}

/**
 * The journey milestones of one account, drawn from their own random stream
 * so that every other record of the sample stays as it was: a trial at the
 * start of the contract for some accounts (`trial_started`, and
 * `trial_converted` about two weeks later at the account's pace; some
 * laggards never convert), `go_live` around day 30 once configuration is
 * complete, and `expanded` on the first day MRR rose (for trials that
 * converted). Ids are given by the
 * caller; the events are in date order.
 *
 * @internal
 */
export function drawJourneyEvents(
  random: Random,
  profile: Profile,
  spans: readonly RevenueSpan[],
  activity: readonly AccountEvent[],
  window: ActivityWindow,
): AccountEvent[] {
  const events: AccountEvent[] = [];
  const startDay = spans[0]?.startDay;
  if (startDay === undefined) return events;
  const trial = random.chance(trialChance[profile.segment]);
  const converts = !(trial && profile.pace === 'laggard' && random.chance(laggardNeverConverts));
  if (trial) {
    events.push(...milestone(profile, spans, window, startDay, 'trial_started'));
    const trialDays = Math.max(3, Math.round(trialBaselineDays * profile.paceFactor * random.between(0.85, 1.3)));
    if (converts) events.push(...milestone(profile, spans, window, startDay + trialDays, 'trial_converted'));
  }
  const configured = activity.find(
    (event) => event.type === 'milestone_reached' && event.milestoneId === 'configuration_complete',
  );
  const missesGoLive = profile.pace === 'laggard' && random.chance(laggardNeverGoesLive);
  if (configured !== undefined && converts && !missesGoLive) {
    const paced = startDay + Math.round(goLiveBaselineDay * profile.paceFactor * random.between(0.9, 1.15));
    const configuredDay = toEpochDay(configured.date);
    events.push(...milestone(profile, spans, window, Math.max(paced, configuredDay + 1), 'go_live'));
  }
  const expansionDay = firstExpansionDay(spans);
  if (expansionDay !== undefined && converts)
    events.push(...milestone(profile, spans, window, expansionDay, 'expanded'));
  return events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
