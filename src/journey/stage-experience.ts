import * as z from 'zod/mini';
import {
  type CalendarDate,
  CalendarDate as CalendarDateSchema,
  fail,
  isCalendarDate,
  parseWith,
  SurveyResponse,
  toEpochDay,
} from '../core/internal.js';
import {
  ConfidenceLevel,
  defaultSatisfiedAtLeast,
  nps,
  NpsOptions,
  type NpsResult,
  wilsonInterval,
} from '../metrics/index.js';
import type { AccountSnapshot } from '../snapshot/index.js';
import { compiledJourney } from './compiled-journey.js';
import { definedJourney } from './define-journey.js';
import type { Journey, JourneyInput } from './journey.js';
import { checkedTimeline } from './journey-funnel.js';
import type { JourneyTimeline } from './journey-timeline.js';
import { checkedSnapshot, positionOf } from './stage-of.js';
import { element } from './element.js';
import { parseOptions } from './parse-options.js';

/** The metrics module's minimum sample (30), read from its own defaults. */
const metricsMinimumSample = /* @__PURE__ */ NpsOptions.parse({}).minimumSample;

/**
 * Options of {@link stageExperience}.
 *
 * | option | meaning | default |
 * |---|---|---|
 * | `minimumSample` | below this many answers (or stays, for churn) a stage's number is flagged `lowSample` | 30, the metrics module's `minimumSample` |
 * | `confidence` | confidence level of the NPS and CSAT intervals | 0.95 |
 *
 * @example
 * ```ts
 * import { StageExperienceOptions } from 'successkit/journey';
 *
 * StageExperienceOptions.parse({}); // => { minimumSample: 30, confidence: 0.95 }
 * ```
 */
export const StageExperienceOptions = z.strictObject({
  minimumSample: z._default(z.int().check(z.minimum(1), z.maximum(1_000_000)), metricsMinimumSample),
  confidence: z._default(ConfidenceLevel, 0.95),
});

/**
 * Options of {@link stageExperience} as callers write them; see the {@link StageExperienceOptions} schema.
 *
 * @example
 * ```ts
 * import type { StageExperienceOptions } from 'successkit/journey';
 *
 * const options: StageExperienceOptions = { minimumSample: 20 };
 * ```
 */
export type StageExperienceOptions = z.input<typeof StageExperienceOptions>;

/**
 * What {@link stageExperience} measures: where accounts were (a timeline, or
 * one day's snapshots), the survey answers, and the day they are read up to.
 *
 * @example
 * ```ts
 * import type { StageExperienceInput } from 'successkit/journey';
 *
 * const input: StageExperienceInput = { snapshots: [], responses: [], asOf: '2026-06-30' };
 * ```
 */
export interface StageExperienceInput {
  /** Stays in stages over a series, from `journeyTimeline`; give this or `snapshots`. */
  readonly timeline?: JourneyTimeline;
  /** One day's account snapshots; give this or `timeline`. Churn per stage needs a timeline. */
  readonly snapshots?: readonly (AccountSnapshot | object)[];
  /** NPS and CSAT answers (CES answers are counted as left out); a portfolio's `surveys`. */
  readonly responses: readonly (SurveyResponse | object)[];
  /** Answers dated after this day are left out, and so are churns after it. */
  readonly asOf: CalendarDate | string;
}

/**
 * CSAT of a stage as the share of satisfied answers: 4–5 of 5, 6–7 of 7,
 * 8–10 of 10 (the metrics module's defaults).
 *
 * @example
 * ```ts
 * import type { StageCsat } from 'successkit/journey';
 *
 * const share = (csat: StageCsat): number | null => csat.share;
 * ```
 */
export interface StageCsat {
  readonly n: number;
  readonly satisfied: number;
  /** `satisfied ÷ n`, 0–1; `null` without answers. */
  readonly share: number | null;
  /** Wilson interval of `share`, `[low, high]` in 0–1. */
  readonly interval: readonly [number, number] | null;
  /** `n` is below `minimumSample`. */
  readonly lowSample: boolean;
}

/**
 * Churn of a stage: stays that ended in churn, over stays.
 *
 * @example
 * ```ts
 * import type { StageChurn } from 'successkit/journey';
 *
 * const rate = (churn: StageChurn): number | null => churn.rate;
 * ```
 */
export interface StageChurn {
  /** Stays in the stage. */
  readonly stays: number;
  /** Of them, those that ended in churn by `asOf`. */
  readonly churned: number;
  /** `churned ÷ stays`, 0–1; `null` with `nullReason`. */
  readonly rate: number | null;
  /** `'no_stays'`, or `'needs_timeline'` when measured from one day's snapshots. */
  readonly nullReason: 'no_stays' | 'needs_timeline' | null;
  /** `stays` is below `minimumSample`. */
  readonly lowSample: boolean;
}

/**
 * The experience of one stage: NPS with its interval, CSAT share, churn
 * rate and the share of stays that reached the Do outcome.
 *
 * @example
 * ```ts
 * import type { StageExperienceResult } from 'successkit/journey';
 *
 * const score = (stage: StageExperienceResult): number | null => stage.nps.score;
 * ```
 */
export interface StageExperienceResult {
  readonly stageId: string;
  readonly name: string;
  /** Distinct accounts with a stay in the stage. */
  readonly accounts: number;
  /** NPS of the answers given while in the stage, with its interval (metrics' `nps`). */
  readonly nps: NpsResult;
  readonly csat: StageCsat;
  readonly churn: StageChurn;
  /** Stays, those whose outcome rule held, and the share, 0–1 (`null` without stays). */
  readonly outcome: { readonly stays: number; readonly met: number; readonly share: number | null };
  /** NPS or CSAT has fewer answers than `minimumSample`. */
  readonly lowSample: boolean;
}

/**
 * NPS, CSAT and churn per stage of a journey; see {@link stageExperience}.
 *
 * @example
 * ```ts
 * import type { StageExperience } from 'successkit/journey';
 *
 * const lowN = (experience: StageExperience): string[] => experience.stages.filter((stage) => stage.lowSample).map((stage) => stage.stageId);
 * ```
 */
export interface StageExperience {
  readonly journeyId: string;
  readonly asOf: CalendarDate;
  readonly basis: 'timeline' | 'snapshots';
  readonly minimumSample: number;
  readonly confidence: number;
  readonly stages: readonly StageExperienceResult[];
  /** Answers attributed to a stage, and those left out by reason. */
  readonly responses: {
    readonly attributed: number;
    readonly leftOut: {
      /** Dated after `asOf`. */
      readonly afterAsOf: number;
      /** From an account the timeline or snapshots do not have. */
      readonly unknownAccount: number;
      /** Given while the account was in no stage, churned, or before its first stay. */
      readonly outsideStages: number;
      /** CES answers, which the journey does not read. */
      readonly ces: number;
    };
  };
}

interface Stay {
  readonly stage: number;
  readonly startDay: number;
  readonly endDay: number | null;
}

interface Tally {
  readonly accounts: Set<string>;
  promoters: number;
  passives: number;
  detractors: number;
  csat: number;
  satisfied: number;
  stays: number;
  churned: number;
  met: number;
}

const InputShape = z.object({
  timeline: z.optional(z.unknown()),
  snapshots: z.optional(z.array(z.unknown())),
  responses: z.array(z.unknown()),
  asOf: CalendarDateSchema,
});

function isResponse(value: unknown): value is SurveyResponse {
  if (typeof value !== 'object' || value === null) return false;
  const { accountId, date, kind, score, scale } = value as Record<string, unknown>;
  if (typeof accountId !== 'string' || !isCalendarDate(date) || typeof score !== 'number' || !Number.isInteger(score))
    return false;
  if (kind === 'nps') return score >= 0 && score <= 10;
  if (kind === 'csat' || kind === 'ces') {
    const top = scale === undefined ? (kind === 'csat' ? 5 : 7) : scale;
    return (top === 5 || top === 7 || top === 10) && score >= 1 && score <= top;
  }
  return false;
}

function staysFromTimeline(journey: Journey, timeline: JourneyTimeline): Map<string, Stay[]> {
  const indexOf = new Map(journey.stages.map((stage, index) => [stage.id, index]));
  const stays = new Map<string, Stay[]>();
  for (const account of timeline.accounts) {
    stays.set(
      account.accountId,
      account.visits.map((visit) => ({
        stage: indexOf.get(visit.stageId) ?? 0,
        startDay: toEpochDay(visit.start),
        endDay: visit.exitedOn === null ? null : toEpochDay(visit.exitedOn),
      })),
    );
  }
  return stays;
}

function emptyTally(): Tally {
  return {
    accounts: new Set(),
    promoters: 0,
    passives: 0,
    detractors: 0,
    csat: 0,
    satisfied: 0,
    stays: 0,
    churned: 0,
    met: 0,
  };
}

/** The stay an answer of `day` falls in: the last that began on or before it, if it had not ended by then. */
function stayOn(stays: readonly Stay[], day: number): Stay | undefined {
  for (let index = stays.length - 1; index >= 0; index--) {
    const stay = element(stays, index);
    if (stay.startDay <= day) return stay.endDay === null || day < stay.endDay ? stay : undefined;
  }
  return undefined;
}

function resultOf(
  journey: Journey,
  tallies: readonly Tally[],
  settings: { minimumSample: number; confidence: number },
  basis: 'timeline' | 'snapshots',
): StageExperienceResult[] {
  return journey.stages.map((stage, index) => {
    const tally = tallies[index] ?? emptyTally();
    const npsResult = nps(
      { promoters: tally.promoters, passives: tally.passives, detractors: tally.detractors },
      settings,
    );
    const csat: StageCsat = {
      n: tally.csat,
      satisfied: tally.satisfied,
      share: tally.csat === 0 ? null : tally.satisfied / tally.csat,
      interval: wilsonInterval(tally.satisfied, tally.csat, { confidence: settings.confidence }),
      lowSample: tally.csat < settings.minimumSample,
    };
    const churn: StageChurn =
      basis === 'snapshots'
        ? { stays: tally.stays, churned: 0, rate: null, nullReason: 'needs_timeline', lowSample: true }
        : {
            stays: tally.stays,
            churned: tally.churned,
            rate: tally.stays === 0 ? null : tally.churned / tally.stays,
            nullReason: tally.stays === 0 ? 'no_stays' : null,
            lowSample: tally.stays < settings.minimumSample,
          };
    return {
      stageId: stage.id,
      name: stage.name,
      accounts: tally.accounts.size,
      nps: npsResult,
      csat,
      churn,
      outcome: { stays: tally.stays, met: tally.met, share: tally.stays === 0 ? null : tally.met / tally.stays },
      lowSample: npsResult.lowSample || csat.lowSample,
    };
  });
}

/**
 * The experience at each stage of the journey, the measure seeds of the
 * think–feel–do method ask for: NPS (with its confidence interval), the
 * share of satisfied CSAT answers and the churn rate per stage. Each answer
 * counts for the stage the account was in on the answer's date — a stay
 * runs from its `start` up to, not including, the first day seen in the
 * next state, so an answer on the day of a transition counts for the new
 * stage — and each churn for the stage it left from. Stages with fewer
 * answers than `minimumSample` are flagged `lowSample`, as the metrics
 * module does.
 *
 * @param journey - a journey from {@link defineJourney}, or its plain input
 * @param input - a timeline or one day's snapshots, the answers and `asOf`; see {@link StageExperienceInput}
 * @param options - see {@link StageExperienceOptions}
 * @returns the {@link StageExperience}
 * @throws {@link core!SuccessKitError} as {@link defineJourney} for a bad journey; `invalid_input` for neither or both of `timeline` and `snapshots`, a malformed timeline, snapshots of more than one day, an answer that is not a survey answer (path `['input', 'responses', index]`) or bad options; `invalid_date` for a bad `asOf`
 *
 * @example
 * ```ts
 * import { defaultCsJourney, journeyTimeline, stageExperience } from 'successkit/journey';
 * import { samplePortfolio } from 'successkit/sample';
 * import { snapshotSeries } from 'successkit/snapshot';
 *
 * const portfolio = samplePortfolio({ accounts: 300, asOf: '2026-06-30' });
 * const timeline = journeyTimeline(defaultCsJourney, snapshotSeries(portfolio));
 * const experience = stageExperience(defaultCsJourney, { timeline, responses: portfolio.surveys, asOf: portfolio.asOf });
 * const adoption = experience.stages[2]!;
 * [adoption.nps.n, Math.round(adoption.nps.score ?? 0), adoption.lowSample]; // => [101, 8, false]
 * ```
 */
export function stageExperience(
  journey: Journey | JourneyInput,
  input: StageExperienceInput,
  options?: StageExperienceOptions,
): StageExperience {
  const defined = definedJourney(journey);
  const parsed = parseWith(InputShape, input, { path: ['input'] });
  const settings = parseOptions(StageExperienceOptions, options);
  const asOf = parsed.asOf;
  if ((parsed.timeline === undefined) === (parsed.snapshots === undefined))
    fail('invalid_input', ['input'], 'expected either a timeline or snapshots, not both or neither');
  const tallies = defined.stages.map(emptyTally);
  let stays: Map<string, Stay[]>;
  let basis: 'timeline' | 'snapshots';
  if (parsed.timeline !== undefined) {
    basis = 'timeline';
    const timeline = checkedTimeline(parsed.timeline, defined, ['input', 'timeline']);
    stays = staysFromTimeline(defined, timeline);
    const indexOf = new Map(defined.stages.map((stage, index) => [stage.id, index]));
    for (const account of timeline.accounts) {
      for (const visit of account.visits) {
        const tally = element(tallies, indexOf.get(visit.stageId) ?? 0);
        tally.accounts.add(account.accountId);
        tally.stays++;
        if (visit.outcomeMet) tally.met++;
        if (visit.exit === 'churned' && visit.exitedOn !== null && visit.exitedOn <= asOf) tally.churned++;
      }
    }
  } else {
    basis = 'snapshots';
    stays = new Map();
    const compiled = compiledJourney(defined);
    const snapshots = parsed.snapshots ?? [];
    let day: CalendarDate | undefined;
    snapshots.forEach((snapshot, index) => {
      const path = ['input', 'snapshots', index];
      const checked = checkedSnapshot(snapshot, path);
      if (day !== undefined && checked.asOf !== day)
        fail('invalid_input', [...path, 'asOf'], `expected snapshots of one day, ${day}, got ${checked.asOf}`);
      day = checked.asOf;
      const position = positionOf(compiled, snapshot as object, checked.id, checked.asOf, false);
      const stage = defined.stages.findIndex((candidate) => candidate.id === position.stageId);
      if (stage < 0) {
        stays.set(checked.id, []);
        return;
      }
      const tally = element(tallies, stage);
      tally.accounts.add(checked.id);
      tally.stays++;
      if (position.outcomeMet) tally.met++;
      stays.set(checked.id, [{ stage, startDay: toEpochDay(position.since ?? checked.asOf), endDay: null }]);
    });
  }
  const leftOut = { afterAsOf: 0, unknownAccount: 0, outsideStages: 0, ces: 0 };
  let attributed = 0;
  parsed.responses.forEach((value, index) => {
    const response = isResponse(value)
      ? value
      : parseWith(SurveyResponse, value, { path: ['input', 'responses', index] });
    if (response.kind === 'ces') {
      leftOut.ces++;
      return;
    }
    if (response.date > asOf) {
      leftOut.afterAsOf++;
      return;
    }
    const accountStays = stays.get(response.accountId);
    if (accountStays === undefined) {
      leftOut.unknownAccount++;
      return;
    }
    const stay = stayOn(accountStays, toEpochDay(response.date));
    if (stay === undefined) {
      leftOut.outsideStages++;
      return;
    }
    attributed++;
    const tally = element(tallies, stay.stage);
    if (response.kind === 'nps') {
      if (response.score >= 9) tally.promoters++;
      else if (response.score >= 7) tally.passives++;
      else tally.detractors++;
    } else {
      tally.csat++;
      // The guard lets an answer through without its scale, whose default is 5.
      const scale = (response as { readonly scale?: 5 | 7 | 10 }).scale ?? 5;
      if (response.score >= defaultSatisfiedAtLeast[scale]) tally.satisfied++;
    }
  });
  return {
    journeyId: defined.id,
    asOf,
    basis,
    minimumSample: settings.minimumSample,
    confidence: settings.confidence,
    stages: resultOf(defined, tallies, settings, basis),
    responses: { attributed, leftOut },
  };
}
