import { type CalendarDate, isCount, isRecord, type SurveyResponse } from '../core/internal.js';
import { defaultLowEffortAtLeast, defaultSatisfiedAtLeast, npsCategory } from '../metrics/index.js';
import type { DayLabels, DayNumbers } from './day-numbers.js';
import { type Column, fingerprintOf, type GroupedRows, type ReadColumns, type RowReader } from './grouped-rows.js';
import { isId, isOptionalId } from './row-fields.js';

type Scale = 5 | 7 | 10;

function isScale(value: unknown): value is Scale {
  return value === 5 || value === 7 || value === 10;
}

const kinds = { nps: 0, csat: 1, ces: 2 } as const;

/** The scales of CSAT and CES answers, by their place in a packed answer. */
const scales: readonly Scale[] = [5, 7, 10];

/** An answer in a byte: kind × 64 + place of its scale × 16 + score (0–10). */
function packAnswer(kind: number, scale: Scale, score: number): number {
  return kind * 64 + scales.indexOf(scale) * 16 + score;
}

/** The score of a packed answer. */
function scoreOf(answer: number): number {
  return answer & 15;
}

/** The scale of a packed CSAT or CES answer, its default filled in when the row had none. */
function scaleOf(answer: number): Scale {
  return scales[(answer >> 4) & 3] ?? 5;
}

/**
 * Reads survey answers: the sort key of an answer whose fields snapshots read
 * are valid is its day; `NaN` when a field is not valid. Its code is the
 * answer packed in a byte.
 *
 * @internal
 */
export function surveyReader(dayOf: DayNumbers, columns: ReadColumns): RowReader {
  return (value, index) => {
    if (!isRecord(value) || !isId(value.id) || !isId(value.accountId) || !isOptionalId(value.contactId)) {
      return Number.NaN;
    }
    const { kind, score, scale } = value;
    let answer: number;
    if (kind === 'nps') {
      if (!isCount(score) || score > 10) return Number.NaN;
      answer = packAnswer(kinds.nps, 10, score);
    } else if (kind === 'csat' || kind === 'ces') {
      const top = scale === undefined ? (kind === 'csat' ? 5 : 7) : scale;
      if (!isScale(top) || !isCount(score) || score < 1 || score > top) return Number.NaN;
      answer = packAnswer(kinds[kind], top, score);
    } else return Number.NaN;
    columns.fingerprints[index] = fingerprintOf(value.id);
    columns.codes[index] = answer;
    return dayOf(value.date);
  };
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
  answers: Column,
  labelOf: DayLabels,
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
  let lastNps = -1;
  let lastCsat = -1;
  const end = surveys.offsets[account + 1] ?? 0;
  for (let index = surveys.offsets[account] ?? 0; index < end; index++) {
    const day = surveys.keys[index] ?? 0;
    if (day > asOfDay) break;
    const answer = answers[index] ?? 0;
    const kind = answer >> 6;
    const score = scoreOf(answer);
    const inWindow = day >= windowStart;
    if (kind === kinds.nps) {
      lastNps = index;
      if (!inWindow) continue;
      npsResponses++;
      const category = npsCategory(score);
      if (category === 'promoter') promoters++;
      else if (category === 'detractor') detractors++;
    } else if (kind === kinds.csat) {
      lastCsat = index;
      if (!inWindow) continue;
      csatResponses++;
      if (score >= defaultSatisfiedAtLeast[scaleOf(answer)]) satisfied++;
    } else if (inWindow) {
      cesResponses++;
      if (score >= defaultLowEffortAtLeast[scaleOf(answer)]) lowEffort++;
    }
  }
  const lastNpsScore = lastNps < 0 ? null : scoreOf(answers[lastNps] ?? 0);
  return {
    npsResponses,
    nps: npsResponses === 0 ? null : (100 * (promoters - detractors)) / npsResponses,
    npsDetractors: detractors,
    lastNpsScore,
    lastNpsDate: lastNps < 0 ? null : labelOf(surveys.keys[lastNps] ?? 0),
    lastNpsCategory: lastNpsScore === null ? null : npsCategory(lastNpsScore),
    csatResponses,
    csatSatisfiedShare: csatResponses === 0 ? null : satisfied / csatResponses,
    lastCsatScore: lastCsat < 0 ? null : scoreOf(answers[lastCsat] ?? 0),
    lastCsatScale: lastCsat < 0 ? null : scaleOf(answers[lastCsat] ?? 0),
    lastCsatDate: lastCsat < 0 ? null : labelOf(surveys.keys[lastCsat] ?? 0),
    cesResponses,
    cesLowEffortShare: cesResponses === 0 ? null : lowEffort / cesResponses,
  };
}
