import type { CalendarDate, UsageSnapshot } from '../core/internal.js';
import type { Profile } from './profile.js';
import type { Random } from './random.js';
import { mrrOn, type RevenueSpan } from './revenue.js';

/** A calendar month as the generator sees it: first and last epoch day and its `YYYY-MM-01` label. */
export interface SampleMonth {
  readonly firstDay: number;
  readonly lastDay: number;
  readonly label: CalendarDate;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/** Months since the current span began: ramps usage up during onboarding. */
function onboardingRamp(profile: Profile, spans: readonly RevenueSpan[], day: number): number {
  const start = spans.findLast((span) => span.startDay <= day)?.startDay ?? profile.startDay;
  const months = (day - start) / 30.4;
  return clamp(0.3 + (0.3 * months) / profile.paceFactor, 0.3, 1);
}

/** Usage fades in the months before a churn: the signal health scores look for. */
function churnFade(spans: readonly RevenueSpan[], day: number): number {
  for (const span of spans) {
    if (span.endDay === undefined || day >= span.endDay || day < span.startDay) continue;
    const monthsLeft = (span.endDay - day) / 30.4;
    return monthsLeft < 5 ? 0.45 + 0.11 * monthsLeft : 1;
  }
  return 1;
}

/**
 * Draws monthly usage for each month in which the account was paying at
 * month end: active users against seats, daily actives, logins and features
 * adopted, trending with the account's health.
 *
 * @internal
 */
export function drawUsage(
  random: Random,
  profile: Profile,
  spans: readonly RevenueSpan[],
  months: readonly SampleMonth[],
): UsageSnapshot[] {
  const snapshots: UsageSnapshot[] = [];
  const baseUtilization = 0.3 + 0.65 * profile.health;
  const trendPerMonth = (profile.health - 0.55) * 0.03;
  const stickiness = clamp(0.1 + 0.4 * profile.health + random.normal(0, 0.04), 0.05, 0.7);
  months.forEach((month, monthNumber) => {
    const mrr = mrrOn(spans, month.lastDay);
    if (mrr === 0) return;
    const licenses = Math.max(1, Math.round(mrr / profile.seatPrice));
    const shape = onboardingRamp(profile, spans, month.lastDay) * churnFade(spans, month.lastDay);
    const utilization = clamp(
      (baseUtilization + trendPerMonth * monthNumber + random.normal(0, 0.04)) * shape,
      0.01,
      1.1,
    );
    const activeUsers = Math.round(licenses * utilization);
    const dailyActive = Math.round(activeUsers * clamp(stickiness + random.normal(0, 0.02), 0.02, 0.9) * 10) / 10;
    snapshots.push({
      accountId: profile.id,
      periodStart: month.label,
      period: 'month',
      activeUsers,
      averageDailyActiveUsers: dailyActive,
      licenses,
      logins: Math.round(dailyActive * 21 * random.between(1, 1.6)),
      featuresAdopted: Math.round(clamp(2 + 10 * profile.health * shape + random.normal(0, 1), 0, 12)),
    });
  });
  return snapshots;
}
