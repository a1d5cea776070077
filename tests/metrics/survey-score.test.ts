import { describe, expect, it } from 'vitest';
import { checkScores, isScore } from '../../src/metrics/survey-score';
import { catchSuccessKitError, issuePaths } from '../catch-error';

describe('survey score checks', () => {
  it('accepts whole numbers on the scale only', () => {
    const values: unknown[] = [0, 10, 5, -1, 11, 2.5, Number.NaN, '5', null];
    expect(values.filter((score) => isScore(score, 0, 10))).toEqual([0, 10, 5]);
  });

  it('lists at most 100 bad scores, each at its index under the prefix', () => {
    const error = catchSuccessKitError(() => {
      checkScores(
        Array.from({ length: 150 }, () => 99),
        'an NPS',
        0,
        10,
        ['surveys'],
      );
    });
    expect(error.issues).toHaveLength(100);
    expect(issuePaths(error).slice(0, 2)).toEqual(['surveys[0]', 'surveys[1]']);
    expect(
      issuePaths(
        catchSuccessKitError(() => {
          checkScores('9,10', 'an NPS', 0, 10);
        }),
      ),
    ).toEqual(['']);
  });
});
