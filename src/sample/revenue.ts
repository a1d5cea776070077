import { addMonthsToEpochDay } from '../core/internal.js';
import type { Profile } from './profile.js';
import type { Random } from './random.js';

/** A change of MRR taking effect on a day. */
export interface MrrChange {
  readonly day: number;
  readonly mrr: number;
}

/**
 * One continuous stretch as a paying customer, from `startDay` up to but not
 * including `endDay` (absent while it runs on). A churned customer that comes
 * back has a second span.
 *
 * @internal
 */
export interface RevenueSpan {
  readonly startDay: number;
  readonly endDay: number | undefined;
  /** MRR changes in day order; the first one is on `startDay`. */
  readonly changes: readonly MrrChange[];
}

const churnScale: Readonly<Record<Profile['segment'], number>> = { enterprise: 0.5, 'mid-market': 1, smb: 1.5 };

/** Laggards, behind the onboarding baseline, churn more at every renewal. */
const paceScale: Readonly<Record<Profile['pace'], number>> = { champion: 0.7, cruiser: 1, laggard: 2 };

/** Share of churned customers that come back within a year. */
const reactivationChance = 0.15;

/** The first anniversary (in whole years) of `startDay` strictly after `day`. */
export function nextAnniversary(startDay: number, day: number): number {
  let anniversary = addMonthsToEpochDay(startDay, 12);
  for (let years = 2; anniversary <= day; years++) anniversary = addMonthsToEpochDay(startDay, 12 * years);
  return anniversary;
}

function roundMrr(mrr: number): number {
  return Math.max(1, Math.round(mrr));
}

function annualChurnChance(profile: Profile, returning: boolean): number {
  const risk = 0.015 + 0.9 * (1 - profile.health) ** 3;
  return Math.min(0.9, risk * churnScale[profile.segment] * paceScale[profile.pace] * (returning ? 0.7 : 1));
}

/** Runs one span from its start to churn or to `asOfDay`: renewals, expansions, contractions. */
function runSpan(
  random: Random,
  profile: Profile,
  startDay: number,
  startMrr: number,
  asOfDay: number,
  returning: boolean,
): RevenueSpan {
  const changes: MrrChange[] = [{ day: startDay, mrr: roundMrr(startMrr) }];
  let mrr = startMrr;
  for (let year = 1; ; year++) {
    const yearStart = addMonthsToEpochDay(startDay, 12 * (year - 1));
    const renewal = addMonthsToEpochDay(startDay, 12 * year);
    if (random.chance(0.3 * profile.health)) {
      const seatAddDay = random.integer(yearStart + 30, renewal - 30);
      if (seatAddDay <= asOfDay) {
        mrr *= random.between(1.05, 1.25);
        changes.push({ day: seatAddDay, mrr: roundMrr(mrr) });
      }
    }
    if (renewal > asOfDay) return { startDay, endDay: undefined, changes };
    if (random.chance(annualChurnChance(profile, returning))) return { startDay, endDay: renewal, changes };
    const move = random.normal(0.03 + 0.3 * (profile.health - 0.55), 0.1);
    if (move > 0.06 || move < -0.05) {
      mrr *= Math.max(0.5, 1 + move);
      changes.push({ day: renewal, mrr: roundMrr(mrr) });
    }
  }
}

/** The account's whole revenue history up to `asOfDay`: one span, or two when it churned and came back. */
export function drawRevenue(random: Random, profile: Profile, asOfDay: number): RevenueSpan[] {
  const first = runSpan(random, profile, profile.startDay, profile.initialSeats * profile.seatPrice, asOfDay, false);
  if (first.endDay === undefined || !random.chance(reactivationChance)) return [first];
  const returnDay = first.endDay + random.integer(60, 270);
  if (returnDay > asOfDay) return [first];
  const lastMrr = first.changes.at(-1)?.mrr ?? 1;
  return [first, runSpan(random, profile, returnDay, lastMrr * random.between(0.6, 1.1), asOfDay, true)];
}

/** MRR in effect on a day: 0 outside every span. */
export function mrrOn(spans: readonly RevenueSpan[], day: number): number {
  for (const span of spans) {
    if (day < span.startDay || (span.endDay !== undefined && day >= span.endDay)) continue;
    let mrr = 0;
    for (const change of span.changes) {
      if (change.day > day) break;
      mrr = change.mrr;
    }
    return mrr;
  }
  return 0;
}
