import * as z from 'zod/mini';
import { CalendarDate } from './calendar-date.js';
import { Id, onceFieldsAreValid } from './fields.js';
import { parseWith } from './parse.js';

const responseFields = {
  id: Id,
  accountId: Id,
  contactId: z.optional(Id),
  date: CalendarDate,
  stageId: z.optional(Id),
  touchpoint: z.optional(z.string().check(z.minLength(1))),
  comment: z.optional(z.string()),
};

/**
 * A scale for CSAT and CES answers: 1 to 5, 1 to 7 or 1 to 10.
 *
 * @example
 * ```ts
 * import { SurveyScale } from 'successkit/core';
 *
 * SurveyScale.parse(7); // => 7
 * ```
 */
export const SurveyScale = z.literal([5, 7, 10]);

/**
 * The top of a survey scale: 5, 7 or 10 points; see the {@link SurveyScale} schema.
 *
 * @example
 * ```ts
 * import type { SurveyScale } from 'successkit/core';
 *
 * const scale: SurveyScale = 7;
 * ```
 */
export type SurveyScale = z.infer<typeof SurveyScale>;

/** A CSAT or CES answer: an integer from 1 to its scale. */
function scaledResponse<Kind extends string>(kind: Kind, defaultScale: z.infer<typeof SurveyScale>) {
  return z
    .strictObject({
      ...responseFields,
      kind: z.literal(kind),
      scale: z._default(SurveyScale, defaultScale),
      score: z.int().check(z.minimum(1)),
    })
    .check(
      z.refine((response) => response.score <= response.scale, {
        ...onceFieldsAreValid,
        path: ['score'],
        error: 'score is above the scale',
      }),
    );
}

/**
 * A survey answer of one of three kinds, told apart by `kind`:
 *
 * - `nps` — "how likely are you to recommend us?", an integer 0–10;
 * - `csat` — satisfaction with one experience, an integer from 1 to `scale`
 *   (5 unless given: 1–5, 1–7 or 1–10), higher is better;
 * - `ces` — customer effort, an integer from 1 to `scale` (7 unless given),
 *   where a higher number means less effort ("it was easy"), as in CES 2.0.
 *
 * `stageId` ties the answer to a journey stage, `touchpoint` to the
 * experience it rates (`support`, `onboarding`, `ebr`, …).
 *
 * @example
 * ```ts
 * import { SurveyResponse } from 'successkit/core';
 *
 * const answer = SurveyResponse.parse({ id: 'srv-1', accountId: 'acc-1', kind: 'csat', score: 4, date: '2025-05-02' });
 * answer.kind === 'csat' && answer.scale; // => 5
 * ```
 */
export const SurveyResponse = z.discriminatedUnion('kind', [
  z.strictObject({ ...responseFields, kind: z.literal('nps'), score: z.int().check(z.minimum(0), z.maximum(10)) }),
  scaledResponse('csat', 5),
  scaledResponse('ces', 7),
]);

/**
 * A validated survey answer; see the {@link SurveyResponse} schema.
 *
 * @example
 * ```ts
 * import { calendarDate, type SurveyResponse } from 'successkit/core';
 *
 * const promoter: SurveyResponse = { id: 'srv-2', accountId: 'acc-1', kind: 'nps', score: 9, date: calendarDate('2025-05-02') };
 * ```
 */
export type SurveyResponse = z.infer<typeof SurveyResponse>;

/**
 * Validates one survey answer.
 *
 * @param input - untrusted survey data
 * @returns the answer, typed, with the default `scale` filled in for CSAT and CES
 * @throws {@link SuccessKitError} `invalid_input` naming each bad field
 *
 * @example
 * ```ts
 * import { parseSurveyResponse } from 'successkit/core';
 *
 * parseSurveyResponse({ id: 'srv-3', accountId: 'acc-1', kind: 'nps', score: 10, date: '2025-05-02' }).score; // => 10
 * parseSurveyResponse({ id: 'srv-4', accountId: 'acc-1', kind: 'nps', score: 11, date: '2025-05-02' }); // throws invalid_input
 * ```
 */
export function parseSurveyResponse(input: unknown): SurveyResponse {
  return parseWith(SurveyResponse, input);
}
