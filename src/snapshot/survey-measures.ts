import { at, type CalendarDate, isCount, isRecord, type SurveyResponse } from '../core/internal.js';
import { defaultLowEffortAtLeast, defaultSatisfiedAtLeast, npsCategory } from '../metrics/index.js';
import type { DayNumbers } from './day-numbers.js';
import { type GroupedRows, rowOf } from './grouped-rows.js';
import { isId, isOptionalId } from './row-fields.js';

type Scale = 5 | 7 | 10;

function isScaledScore(score: unknown, scale: unknown, defaultScale: Scale): boolean {
  const top = scale === undefined ? defaultScale : scale;
  return (top === 5 || top === 7 || top === 10) && isCount(score) && score >= 1 && score <= top;
}

/** The scale of a CSAT or CES answer; absent in rows that were not parsed, meaning the default. */
function scaleOf(answer: { readonly scale?: Scale | undefined }, defaultScale: Scale): Scale {
  return answer.scale ?? defaultScale;
}

/**
 * The day of a survey answer whose fields that snapshots read are valid, as
 * a day number (its sort key); `NaN` when a field is not valid.
 *
 * @internal
 */
export function surveyDay(value: unknown, dayOf: DayNumbers): number {
  if (!isRecord(value) || !isId(value.accountId) || !isOptionalId(value.contactId)) return Number.NaN;
  const { kind, score, scale } = value;
  const valid =
    kind === 'nps'
      ? isCount(score) && score <= 10
      : kind === 'csat'
        ? isScaledScore(score, scale, 5)
        : kind === 'ces' && isScaledScore(score, scale, 7);
  return valid ? dayOf(value.date) : Number.NaN;
}

/** The survey fields of a snapshot. @internal */
export interface SurveyMeasures {
  readonly npsResponses: number;
  readonly nps: number | null;
  readonly npsDetractors: number;
  readonly lastNpsScore: number | null;
  readonly lastNpsDate: CalendarDate | null;
  readonly lastNpsCategory: 'promoter' | 'passive' | 'detractor' | null;
  readonly csatResponses: number;
  readonly csatSatisfiedShare: number | null;
  readonly lastCsatScore: number | null;
  readonly lastCsatScale: Scale | null;
  readonly lastCsatDate: CalendarDate | null;
  readonly cesResponses: number;
  readonly cesLowEffortShare: number | null;
}

/**
 * The survey fields of one account as of a day: counts and scores of the
 * answers in the window `[windowStart, asOfDay]`, and the latest answers on
 * or before `asOfDay`.
 *
 * @internal
 */
export function surveyMeasures(
  surveys: GroupedRows<SurveyResponse>,
  account: number,
  windowStart: number,
  asOfDay: number,
): SurveyMeasures {
  let npsResponses = 0;
  let promoters = 0;
  let detractors = 0;
  let csatResponses = 0;
  let satisfied = 0;
  let cesResponses = 0;
  let lowEffort = 0;
  let lastNps: SurveyResponse | undefined;
  let lastCsat: (SurveyResponse & { kind: 'csat' }) | undefined;
  const end = at(surveys.offsets, account + 1);
  for (let index = at(surveys.offsets, account); index < end; index++) {
    const day = at(surveys.keys, index);
    if (day > asOfDay) break;
    const answer = rowOf(surveys, index);
    const inWindow = day >= windowStart;
    if (answer.kind === 'nps') {
      lastNps = answer;
      if (!inWindow) continue;
      npsResponses++;
      const category = npsCategory(answer.score);
      if (category === 'promoter') promoters++;
      else if (category === 'detractor') detractors++;
    } else if (answer.kind === 'csat') {
      lastCsat = answer;
      if (!inWindow) continue;
      csatResponses++;
      if (answer.score >= defaultSatisfiedAtLeast[scaleOf(answer, 5)]) satisfied++;
    } else if (inWindow) {
      cesResponses++;
      if (answer.score >= defaultLowEffortAtLeast[scaleOf(answer, 7)]) lowEffort++;
    }
  }
  return {
    npsResponses,
    nps: npsResponses === 0 ? null : (100 * (promoters - detractors)) / npsResponses,
    npsDetractors: detractors,
    lastNpsScore: lastNps?.score ?? null,
    lastNpsDate: lastNps?.date ?? null,
    lastNpsCategory: lastNps === undefined ? null : npsCategory(lastNps.score),
    csatResponses,
    csatSatisfiedShare: csatResponses === 0 ? null : satisfied / csatResponses,
    lastCsatScore: lastCsat?.score ?? null,
    lastCsatScale: lastCsat === undefined ? null : scaleOf(lastCsat, 5),
    lastCsatDate: lastCsat?.date ?? null,
    cesResponses,
    cesLowEffortShare: cesResponses === 0 ? null : lowEffort / cesResponses,
  };
}
