import { describe, expect, it } from 'vitest';
import { kaplanMeier } from '../../src/baseline/index';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { placebo, publishedMedians, treated, treatedTable } from '../fixtures/freireich-6mp';

describe('kaplanMeier on the 6-MP leukaemia trial (Freireich et al. 1963; Kleinbaum & Klein 2012, ch. 2)', () => {
  const estimate = kaplanMeier(treated);

  it('reproduces the published table of the 6-MP group: times, at risk, relapses, censored and S(t) to four decimals', () => {
    expect(estimate.steps.map((step) => ({ ...step, survival: Math.round(step.survival * 10_000) / 10_000 }))).toEqual(
      treatedTable,
    );
  });

  it('counts 21 patients, 9 relapses and 12 censored, followed up to week 35', () => {
    expect([
      estimate.n,
      estimate.events,
      estimate.censored,
      estimate.followUpDays,
      estimate.censoredBeforeFirstEvent,
    ]).toEqual([21, 9, 12, 35, 0]);
  });

  it('gives the published median remission: 23 weeks on 6-MP, 8 on placebo', () => {
    expect([estimate.median, kaplanMeier(placebo).median]).toEqual([
      publishedMedians.treated,
      publishedMedians.placebo,
    ]);
  });

  it('gives the 6-MP percentiles the curve reaches, and null for the 75th and 90th it never reaches', () => {
    expect([estimate.p25, estimate.p75, estimate.p90]).toEqual([13, null, null]);
  });

  it('equals the empirical distribution without censoring: the placebo group', () => {
    const placeboEstimate = kaplanMeier(placebo);
    expect(placeboEstimate.steps.map((step) => [step.day, step.atRisk, step.events])).toEqual([
      [1, 21, 2],
      [2, 19, 2],
      [3, 17, 1],
      [4, 16, 2],
      [5, 14, 2],
      [8, 12, 4],
      [11, 8, 2],
      [12, 6, 2],
      [15, 4, 1],
      [17, 3, 1],
      [22, 2, 1],
      [23, 1, 1],
    ]);
    expect(placeboEstimate.steps.at(-1)?.survival).toBe(0);
    expect([placeboEstimate.p25, placeboEstimate.p75, placeboEstimate.p90]).toEqual([4, 12, 17]);
  });
});

describe('kaplanMeier', () => {
  it('keeps a censored observation at risk on its own day: events come first', () => {
    const estimate = kaplanMeier([
      { days: 5, reached: true },
      { days: 5, reached: false },
    ]);
    expect(estimate.steps).toEqual([{ day: 5, atRisk: 2, events: 1, censoredAfter: 1, survival: 0.5 }]);
  });

  it('counts observations censored before the first event apart', () => {
    const estimate = kaplanMeier([
      { days: 1, reached: false },
      { days: 3, reached: true },
    ]);
    expect([estimate.censoredBeforeFirstEvent, estimate.steps[0]?.atRisk, estimate.steps[0]?.survival]).toEqual([
      1, 1, 0,
    ]);
  });

  it('estimates nothing from nothing', () => {
    expect(kaplanMeier([])).toEqual({
      n: 0,
      events: 0,
      censored: 0,
      followUpDays: 0,
      censoredBeforeFirstEvent: 0,
      steps: [],
      p25: null,
      median: null,
      p75: null,
      p90: null,
    });
  });

  it('does not depend on the order of the observations', () => {
    expect(kaplanMeier([...treated].reverse())).toEqual(kaplanMeier(treated));
  });

  it('rejects a list that is not one and a bad observation, at their paths', () => {
    expect(issuePaths(catchSuccessKitError(() => kaplanMeier({} as never)))).toEqual(['observations']);
    expect(
      issuePaths(
        catchSuccessKitError(() =>
          kaplanMeier([
            { days: 1, reached: true },
            { days: -1, reached: true },
          ]),
        ),
      ),
    ).toEqual(['observations[1].days']);
    expect(issuePaths(catchSuccessKitError(() => kaplanMeier([{ days: 1, reached: 'yes' } as never])))).toEqual([
      'observations[0].reached',
    ]);
  });
});
