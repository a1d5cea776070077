import * as z from 'zod/mini';
import { type CalendarDate, fail, readingInput } from '../core/internal.js';
import { compareNps, ConfidenceLevel, normalCdf, type NpsCounts } from '../metrics/index.js';
import { definedJourney } from './define-journey.js';
import type { Journey, JourneyInput, JourneyStage } from './journey.js';
import type { StageExperience, StageExperienceResult } from './stage-experience.js';
import { element } from './element.js';
import { parseOptions } from './parse-options.js';

/** The share of stays that should reach a stage's Do outcome when its targets do not say. */
const defaultOutcomeShare = 0.5;

/**
 * Options of {@link thinkFeelDoGaps}.
 *
 * | option | meaning | default |
 * |---|---|---|
 * | `confidence` | how sure a difference from the other stages must be to count as more than sampling noise | 0.95 |
 *
 * @example
 * ```ts
 * import { ThinkFeelDoGapsOptions } from 'successkit/journey';
 *
 * ThinkFeelDoGapsOptions.parse({}); // => { confidence: 0.95 }
 * ```
 */
export const ThinkFeelDoGapsOptions = z.strictObject({ confidence: z._default(ConfidenceLevel, 0.95) });

/**
 * Options of {@link thinkFeelDoGaps} as callers write them; see the {@link ThinkFeelDoGapsOptions} schema.
 *
 * @example
 * ```ts
 * import type { ThinkFeelDoGapsOptions } from 'successkit/journey';
 *
 * const strict: ThinkFeelDoGapsOptions = { confidence: 0.99 };
 * ```
 */
export type ThinkFeelDoGapsOptions = z.input<typeof ThinkFeelDoGapsOptions>;

/**
 * What a gap is: `'do_without_think'` (the Do outcome is reached but NPS,
 * the Think, lags), `'do_without_feel'` (reached, but CSAT, the Feel,
 * lags), or `'think_feel_without_do'` (customers think and feel well of
 * the stage but do not reach its outcome).
 *
 * @example
 * ```ts
 * import type { GapKind } from 'successkit/journey';
 *
 * const kind: GapKind = 'do_without_feel';
 * ```
 */
export type GapKind = 'do_without_think' | 'do_without_feel' | 'think_feel_without_do';

/**
 * One think–feel–do gap of a stage, with its numbers and a sentence.
 *
 * @example
 * ```ts
 * import type { ThinkFeelDoGap } from 'successkit/journey';
 *
 * const say = (gap: ThinkFeelDoGap): string => gap.sentence;
 * ```
 */
export interface ThinkFeelDoGap {
  readonly stageId: string;
  readonly kind: GapKind;
  /** The dimension that lags: `'think'` (NPS), `'feel'` (CSAT) or `'do'` (the outcome). */
  readonly dimension: 'think' | 'feel' | 'do';
  /** What it lags: the stage's `'target'`, or the `'other_stages'` by more than sampling noise. */
  readonly basis: 'target' | 'other_stages';
  /** Share of stays that reached the Do outcome, 0–1. */
  readonly outcomeShare: number;
  /** The share that should, 0–1. */
  readonly outcomeTarget: number;
  /** The lagging number: NPS points, a CSAT share (0–1), or the outcome share. */
  readonly value: number;
  /** The stage's target for it, in the same unit; `null` without one. */
  readonly target: number | null;
  /** The same number over the other stages' answers; `null` when not compared. */
  readonly others: number | null;
  /** Two-sided p-value of the difference from the other stages; `null` when not compared. */
  readonly pValue: number | null;
  /** The stage has fewer answers than the experience's `minimumSample`: a hint, not a measure. */
  readonly lowSample: boolean;
  readonly sentence: string;
}

/**
 * The think–feel–do gaps of a journey; see {@link thinkFeelDoGaps}.
 *
 * @example
 * ```ts
 * import type { ThinkFeelDoGaps } from 'successkit/journey';
 *
 * const count = (result: ThinkFeelDoGaps): number => result.gaps.length;
 * ```
 */
export interface ThinkFeelDoGaps {
  readonly journeyId: string;
  readonly asOf: CalendarDate;
  readonly confidence: number;
  readonly gaps: readonly ThinkFeelDoGap[];
}

interface Verdict {
  readonly basis: 'target' | 'other_stages';
  readonly value: number;
  readonly target: number | null;
  readonly others: number | null;
  readonly pValue: number | null;
}

const percent = (share: number): string => `${String(Math.round(share * 100))}%`;
const points = (score: number): string => String(Math.round(score));

function countsOf(stage: StageExperienceResult): NpsCounts {
  return { promoters: stage.nps.promoters, passives: stage.nps.passives, detractors: stage.nps.detractors };
}

function othersNps(stages: readonly StageExperienceResult[], skip: number): NpsCounts {
  const sum = { promoters: 0, passives: 0, detractors: 0 };
  stages.forEach((stage, index) => {
    if (index === skip) return;
    sum.promoters += stage.nps.promoters;
    sum.passives += stage.nps.passives;
    sum.detractors += stage.nps.detractors;
  });
  return sum;
}

function thinkVerdict(
  stages: readonly StageExperienceResult[],
  index: number,
  definition: JourneyStage,
  confidence: number,
  minimumSample: number,
): Verdict | null {
  const stage = element(stages, index);
  const score = stage.nps.score;
  if (score === null) return null;
  const others = othersNps(stages, index);
  const comparison = compareNps(others, countsOf(stage), { confidence, minimumSample });
  const othersScore = comparison.a.score;
  const target = definition.targets?.minimumNps ?? null;
  const base = { value: score, target, others: othersScore, pValue: comparison.pValue };
  if (target !== null && score < target) return { basis: 'target', ...base };
  if (comparison.status === 'significant' && (comparison.difference ?? 0) < 0)
    return { basis: 'other_stages', ...base };
  return null;
}

/** Two-sided p-value of a difference of two shares (pooled two-proportion z-test); `null` when either is below the minimum sample or there is no spread. */
function shareDifferencePValue(
  successesA: number,
  nA: number,
  successesB: number,
  nB: number,
  minimumSample: number,
): number | null {
  if (nA < minimumSample || nB < minimumSample) return null;
  const pooled = (successesA + successesB) / (nA + nB);
  const standardError = Math.sqrt(pooled * (1 - pooled) * (1 / nA + 1 / nB));
  if (standardError === 0) return null;
  const zScore = Math.abs(successesA / nA - successesB / nB) / standardError;
  return Math.min(1, 2 * (1 - normalCdf(zScore)));
}

function feelVerdict(
  stages: readonly StageExperienceResult[],
  index: number,
  definition: JourneyStage,
  confidence: number,
  minimumSample: number,
): Verdict | null {
  const stage = element(stages, index);
  const share = stage.csat.share;
  if (share === null) return null;
  let satisfied = 0;
  let n = 0;
  stages.forEach((other, at) => {
    if (at === index) return;
    satisfied += other.csat.satisfied;
    n += other.csat.n;
  });
  const othersShare = n === 0 ? null : satisfied / n;
  const pValue = shareDifferencePValue(stage.csat.satisfied, stage.csat.n, satisfied, n, minimumSample);
  const target = definition.targets?.minimumCsatShare ?? null;
  const base = { value: share, target, others: othersShare, pValue };
  if (target !== null && share < target) return { basis: 'target', ...base };
  if (pValue !== null && pValue < 1 - confidence && othersShare !== null && share < othersShare)
    return { basis: 'other_stages', ...base };
  return null;
}

function lagSentence(dimension: 'think' | 'feel', verdict: Verdict, stage: StageExperienceResult): string {
  const measure =
    dimension === 'think' ? `NPS is ${points(verdict.value)}` : `CSAT is ${percent(verdict.value)} satisfied`;
  const n = dimension === 'think' ? stage.nps.n : stage.csat.n;
  const format = dimension === 'think' ? points : percent;
  const against =
    verdict.basis === 'target'
      ? `against a target of ${format(verdict.target ?? 0)}`
      : `below the other stages' ${format(verdict.others ?? 0)} (p = ${(verdict.pValue ?? 0).toFixed(3)})`;
  return `${measure} ${against} (n = ${String(n)})`;
}

function checkedExperience(experience: unknown, journey: Journey): StageExperience {
  return readingInput(() => readExperience(experience, journey), ['experience'], 'the experience');
}

function readExperience(experience: unknown, journey: Journey): StageExperience {
  if (typeof experience !== 'object' || experience === null)
    fail('invalid_input', ['experience'], 'expected the result of stageExperience');
  const { journeyId, stages, minimumSample, asOf } = experience as Partial<StageExperience>;
  if (journeyId !== journey.id)
    fail('invalid_input', ['experience', 'journeyId'], `expected the experience of journey "${journey.id}"`);
  if (typeof minimumSample !== 'number' || !Number.isInteger(minimumSample) || minimumSample < 1)
    fail('invalid_input', ['experience', 'minimumSample'], 'expected a whole number of answers >= 1');
  if (typeof asOf !== 'string') fail('invalid_input', ['experience', 'asOf'], 'expected a date');
  if (!Array.isArray(stages) || stages.length !== journey.stages.length)
    fail('invalid_input', ['experience', 'stages'], `expected one result per stage (${String(journey.stages.length)})`);
  stages.forEach((stage: unknown, index) => {
    const path = ['experience', 'stages', index];
    if (typeof stage !== 'object' || stage === null) fail('invalid_input', path, 'expected a stage result');
    const { stageId, nps, csat, outcome } = stage as Partial<StageExperienceResult>;
    if (stageId !== journey.stages[index]?.id)
      fail('invalid_input', [...path, 'stageId'], 'expected the stages in journey order');
    const counts = [
      nps?.promoters,
      nps?.passives,
      nps?.detractors,
      nps?.n,
      csat?.n,
      csat?.satisfied,
      outcome?.stays,
      outcome?.met,
    ];
    if (!counts.every((count) => typeof count === 'number' && Number.isInteger(count) && count >= 0))
      fail('invalid_input', path, 'expected the NPS, CSAT and outcome counts of stageExperience');
    const shares = [csat?.share, outcome?.share];
    if (!shares.every((share) => share === null || (typeof share === 'number' && share >= 0 && share <= 1)))
      fail('invalid_input', path, 'expected shares from 0 to 1 or null');
    if (!(nps?.score === null || (typeof nps?.score === 'number' && nps.score >= -100 && nps.score <= 100)))
      fail('invalid_input', [...path, 'nps', 'score'], 'expected an NPS from -100 to 100 or null');
  });
  return experience as StageExperience;
}

/**
 * The view no CS platform gives: stages where customers do what the stage
 * asks — its Do outcome is reached by at least `minimumOutcomeShare` of the
 * stays (0.5 unless the stage's targets say) — but do not think (NPS) or
 * feel (CSAT) as the stage means them to, and the reverse, stages they
 * think and feel well of without reaching the outcome. A number lags when
 * it is below the stage's target, or below the other stages' answers
 * pooled by more than sampling noise: `compareNps` for NPS, a
 * two-proportion z-test for the CSAT share, neither called when a side has
 * fewer answers than the experience's `minimumSample`. Each gap carries
 * its numbers and a sentence.
 *
 * @param journey - the journey the experience was measured on
 * @param experience - what {@link stageExperience} returned
 * @param options - see {@link ThinkFeelDoGapsOptions}
 * @returns the gaps, in stage order
 * @throws {@link core!SuccessKitError} as {@link defineJourney} for a bad journey; `invalid_input` for an experience of another journey or a malformed one, or bad options
 *
 * @example
 * ```ts
 * import { defaultCsJourney, journeyTimeline, stageExperience, thinkFeelDoGaps } from 'successkit/journey';
 * import { samplePortfolio } from 'successkit/sample';
 * import { snapshotSeries } from 'successkit/snapshot';
 *
 * const portfolio = samplePortfolio({ accounts: 300, asOf: '2026-06-30' });
 * const timeline = journeyTimeline(defaultCsJourney, snapshotSeries(portfolio));
 * const experience = stageExperience(defaultCsJourney, { timeline, responses: portfolio.surveys, asOf: portfolio.asOf });
 * const { gaps } = thinkFeelDoGaps(defaultCsJourney, experience);
 * gaps.map((gap) => `${gap.stageId} ${gap.dimension}`); // => ['trial feel', 'onboarding think', 'onboarding feel', 'adoption think', 'adoption feel', 'renewal feel']
 * gaps[3]?.sentence; // => 'Adoption: 75% of stays reach the Do outcome (target 50%), but NPS is 8 against a target of 30 (n = 101): customers do what the stage asks without thinking better of us for it.'
 * ```
 */
export function thinkFeelDoGaps(
  journey: Journey | JourneyInput,
  experience: StageExperience,
  options?: ThinkFeelDoGapsOptions,
): ThinkFeelDoGaps {
  const defined = definedJourney(journey);
  const { confidence } = parseOptions(ThinkFeelDoGapsOptions, options);
  const checked = checkedExperience(experience, defined);
  const { stages, minimumSample } = checked;
  const gaps: ThinkFeelDoGap[] = [];
  defined.stages.forEach((definition, index) => {
    const stage = element(stages, index);
    const outcomeShare = stage.outcome.share;
    if (outcomeShare === null) return;
    const outcomeTarget = definition.targets?.minimumOutcomeShare ?? defaultOutcomeShare;
    const think = thinkVerdict(stages, index, definition, confidence, minimumSample);
    const feel = feelVerdict(stages, index, definition, confidence, minimumSample);
    const reached = outcomeShare >= outcomeTarget;
    const doing = `${percent(outcomeShare)} of stays reach the Do outcome (target ${percent(outcomeTarget)})`;
    const common = { stageId: definition.id, outcomeShare, outcomeTarget };
    if (reached) {
      if (think !== null)
        gaps.push({
          ...common,
          kind: 'do_without_think',
          dimension: 'think',
          ...think,
          lowSample: stage.nps.lowSample,
          sentence: `${definition.name}: ${doing}, but ${lagSentence('think', think, stage)}: customers do what the stage asks without thinking better of us for it.${stage.nps.lowSample ? ' Few answers: read it as a hint.' : ''}`,
        });
      if (feel !== null)
        gaps.push({
          ...common,
          kind: 'do_without_feel',
          dimension: 'feel',
          ...feel,
          lowSample: stage.csat.lowSample,
          sentence: `${definition.name}: ${doing}, but ${lagSentence('feel', feel, stage)}: they get there without feeling good about it.${stage.csat.lowSample ? ' Few answers: read it as a hint.' : ''}`,
        });
      return;
    }
    const heard = stage.nps.n > 0 || stage.csat.n > 0;
    if (heard && think === null && feel === null) {
      gaps.push({
        ...common,
        kind: 'think_feel_without_do',
        dimension: 'do',
        basis: 'target',
        value: outcomeShare,
        target: outcomeTarget,
        others: null,
        pValue: null,
        lowSample: stage.lowSample,
        sentence: `${definition.name}: customers think and feel well of the stage (NPS ${stage.nps.score === null ? 'not asked' : points(stage.nps.score)}, CSAT ${stage.csat.share === null ? 'not asked' : percent(stage.csat.share)}), but only ${doing}: goodwill is not turning into progress.${stage.lowSample ? ' Few answers: read it as a hint.' : ''}`,
      });
    }
  });
  return { journeyId: defined.id, asOf: checked.asOf, confidence, gaps };
}
