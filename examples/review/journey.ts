import type { CalendarDate, Portfolio } from 'successkit/core';
import {
  defaultCsJourney,
  journeyFunnel,
  journeyTimeline,
  stageExperience,
  thinkFeelDoGaps,
  type JourneyFunnel,
  type StageExperience,
  type ThinkFeelDoGap,
} from 'successkit/journey';
import { snapshotSeries } from 'successkit/snapshot';
import { count, heading, paragraph, percent, table, whole } from './format.js';

/** How many stuck accounts the review names per stage. */
const stuckShown = 3;

/** The journey section: the funnel over the last twelve month ends, the experience per stage and the gaps. */
export interface PortfolioJourney {
  readonly from: CalendarDate;
  readonly to: CalendarDate;
  readonly funnel: JourneyFunnel;
  readonly experience: StageExperience;
  readonly gaps: readonly ThinkFeelDoGap[];
}

/** Follows the book through the default CS journey over the twelve month ends up to the portfolio's day. */
export function portfolioJourney(portfolio: Portfolio): PortfolioJourney {
  const timeline = journeyTimeline(defaultCsJourney, snapshotSeries(portfolio));
  const experience = stageExperience(defaultCsJourney, {
    timeline,
    responses: portfolio.surveys,
    asOf: portfolio.asOf,
  });
  return {
    from: timeline.dates[0] ?? portfolio.asOf,
    to: timeline.dates.at(-1) ?? portfolio.asOf,
    funnel: journeyFunnel(defaultCsJourney, timeline),
    experience,
    gaps: thinkFeelDoGaps(defaultCsJourney, experience).gaps,
  };
}

const days = (value: number | null): string => (value === null ? '—' : whole(value));
const share = (value: number | null): string => (value === null ? '—' : percent(value));
const mark = (low: boolean): string => (low ? '*' : '');

function funnelLines(funnel: JourneyFunnel): string[] {
  const rows = funnel.stages.map((stage) => [
    stage.name,
    whole(stage.now),
    whole(stage.reached),
    share(stage.conversion),
    days(stage.daysInStage.median),
    days(stage.daysInStage.p90),
    whole(stage.expectedDays),
    whole(stage.stuck.length),
  ]);
  const stuck = funnel.stages.flatMap((stage) =>
    stage.stuck.length === 0
      ? []
      : [
          `  ${stage.name}: ${stage.stuck
            .slice(0, stuckShown)
            .map((account) => `${account.accountId} (${whole(account.days)} days, ${whole(account.daysOver)} over)`)
            .join(
              ', ',
            )}${stage.stuck.length > stuckShown ? ` and ${whole(stage.stuck.length - stuckShown)} more` : ''}`,
        ],
  );
  return [
    table(
      ['Stage', 'Now', 'Ever', 'Moved on', 'Median days', '90th pct', 'Expected', 'Stuck'],
      rows,
      [1, 2, 3, 4, 5, 6, 7],
    ),
    '  Days in stage count accounts still in the stage as censored (Kaplan–Meier); — means too many are still there to say.',
    ...(stuck.length === 0 ? [] : ['', '  Stuck longest (over the expected days):', ...stuck]),
  ];
}

function experienceLines(experience: StageExperience): string[] {
  const rows = experience.stages.map((stage) => [
    stage.name,
    `${whole(stage.nps.n)}${mark(stage.nps.lowSample)}`,
    stage.nps.score === null ? '—' : whole(stage.nps.score),
    stage.nps.interval === null ? '—' : `${whole(stage.nps.interval[0])} to ${whole(stage.nps.interval[1])}`,
    `${whole(stage.csat.n)}${mark(stage.csat.lowSample)}`,
    share(stage.csat.share),
    share(stage.churn.rate),
    share(stage.outcome.share),
  ]);
  return [
    '',
    table(
      ['Stage', 'NPS answers', 'NPS', '95% interval', 'CSAT answers', 'CSAT', 'Churn', 'Do reached'],
      rows,
      [1, 2, 4, 5, 6, 7],
    ),
    `  * fewer than ${whole(experience.minimumSample)} answers: read as a hint. Answers count for the stage the account was in on the day.`,
  ];
}

/** The journey section as terminal text. */
export function formatJourney(journey: PortfolioJourney): string {
  const { funnel, experience, gaps } = journey;
  return [
    heading(
      `Customer journey (month ends ${journey.from} to ${journey.to}, ${count(funnel.totals.accounts, 'account')})`,
    ),
    ...funnelLines(funnel),
    ...experienceLines(experience),
    '',
    gaps.length === 0 ? '  No think–feel–do gaps.' : `  Think–feel–do gaps (${whole(gaps.length)}):`,
    ...gaps.flatMap((gap) => paragraph(`• ${gap.sentence}`)),
  ].join('\n');
}
