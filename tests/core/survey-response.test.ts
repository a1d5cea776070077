import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSurveyResponse } from '../../src/core/survey-response';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { deepFreeze } from '../freeze';

const base = { id: 'srv-1', accountId: 'acc-1', date: '2025-05-02' };

function pathsOf(input: unknown): string[] {
  return issuePaths(catchSuccessKitError(() => parseSurveyResponse(input)));
}

describe('parseSurveyResponse', () => {
  it('accepts NPS answers 0 to 10 and nothing else', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 15 }), (score) => {
        const result = () => parseSurveyResponse({ ...base, kind: 'nps', score });
        if (score >= 0 && score <= 10) expect(result().score).toBe(score);
        else expect(catchSuccessKitError(result).issues[0]?.path).toEqual(['score']);
      }),
    );
  });

  it('fills in the default scale: 5 for CSAT, 7 for CES', () => {
    expect(parseSurveyResponse({ ...base, kind: 'csat', score: 4 })).toEqual({
      ...base,
      kind: 'csat',
      score: 4,
      scale: 5,
    });
    expect(parseSurveyResponse({ ...base, kind: 'ces', score: 6 })).toEqual({
      ...base,
      kind: 'ces',
      score: 6,
      scale: 7,
    });
  });

  it('accepts scores up to a 7- or 10-point scale', () => {
    expect(parseSurveyResponse({ ...base, kind: 'csat', score: 10, scale: 10 }).score).toBe(10);
    expect(parseSurveyResponse({ ...base, kind: 'ces', score: 7, scale: 7 }).score).toBe(7);
  });

  it('rejects scores above the scale, below 1, fractional, and scales other than 5, 7 and 10', () => {
    expect(pathsOf({ ...base, kind: 'csat', score: 6 })).toEqual(['score']);
    expect(pathsOf({ ...base, kind: 'ces', score: 8 })).toEqual(['score']);
    expect(pathsOf({ ...base, kind: 'csat', score: 0 })).toEqual(['score']);
    expect(pathsOf({ ...base, kind: 'nps', score: 8.5 })).toEqual(['score']);
    expect(pathsOf({ ...base, kind: 'csat', score: 3, scale: 4 })).toEqual(['scale']);
  });

  it('rejects an unknown kind, a scale on NPS and unknown fields', () => {
    const error = catchSuccessKitError(() => parseSurveyResponse({ ...base, kind: 'xyz', score: 5 }));
    expect(error.issues).toEqual([{ path: ['kind'], message: 'expected one of "nps", "csat", "ces"' }]);
    expect(pathsOf({ ...base, kind: 'nps', score: 5, scale: 10 })).toEqual(['scale']);
    expect(pathsOf({ ...base, kind: 'nps', score: 5, scroe: 5 })).toEqual(['scroe']);
    expect(pathsOf({ ...base, kind: 'nps', score: 5, date: '2025-02-29' })).toEqual(['date']);
  });

  it('does not change its input', () => {
    const input = deepFreeze({
      ...base,
      kind: 'csat',
      score: 3,
      touchpoint: 'support',
      stageId: 'onboarding',
      contactId: 'c',
      comment: 'ok',
    });
    expect(parseSurveyResponse(input)).toEqual({ ...input, scale: 5 });
  });
});
