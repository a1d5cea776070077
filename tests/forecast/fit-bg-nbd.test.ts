import { describe, expect, it } from 'vitest';
import { fitBgNbd } from '../../src/forecast/fit-bg-nbd';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { deepFreeze } from '../freeze';
import { cdnowSummary } from '../fixtures/published';

describe('fitBgNbd', () => {
  it('reproduces FHL (2005) on the 2,357 CDNOW customers: r 0.243, α 4.414, a 0.793, b 2.426, LL −9582.4', () => {
    const customers = deepFreeze(cdnowSummary());
    const fit = fitBgNbd(customers);
    expect([
      Number(fit.r.toFixed(3)),
      Number(fit.alpha.toFixed(3)),
      Number(fit.a.toFixed(3)),
      Number(fit.b.toFixed(3)),
      Number(fit.logLikelihood.toFixed(1)),
    ]).toEqual([0.243, 4.414, 0.793, 2.426, -9582.4]);
    expect(fit.customers).toBe(2357);
    expect(fit.converged).toBe(true);
  });

  it('reports the log-likelihood of the data in their own time unit: days give weeks’ LL − Σx ln 7', () => {
    const weeks = cdnowSummary();
    const days = weeks.map(({ x, tx, T }) => ({ x, tx: tx * 7, T: T * 7 }));
    const fitWeeks = fitBgNbd(weeks);
    const fitDays = fitBgNbd(days);
    const repeatPurchases = weeks.reduce((sum, customer) => sum + customer.x, 0);
    expect(fitDays.alpha / 7).toBeCloseTo(fitWeeks.alpha, 4);
    expect(fitDays.r).toBeCloseTo(fitWeeks.r, 5);
    expect(fitDays.logLikelihood).toBeCloseTo(fitWeeks.logLikelihood - repeatPurchases * Math.log(7), 4);
  });

  it('does not depend on the order of the customers', () => {
    const customers = cdnowSummary();
    const reversed = [...customers].reverse();
    const forward = fitBgNbd(customers);
    const backward = fitBgNbd(reversed);
    expect(backward.r).toBeCloseTo(forward.r, 6);
    expect(backward.logLikelihood).toBeCloseTo(forward.logLikelihood, 6);
  });

  it('rejects empty input and a bad row, naming its index', () => {
    expect(issuePaths(catchSuccessKitError(() => fitBgNbd([])))).toEqual(['customers']);
    expect(issuePaths(catchSuccessKitError(() => fitBgNbd('rows' as never)))).toEqual(['customers']);
    const rows = [
      { x: 1, tx: 2, T: 5 },
      { x: 2, tx: 6, T: 5 },
    ];
    const error = catchSuccessKitError(() => fitBgNbd(rows));
    expect([error.code, ...issuePaths(error)]).toEqual(['invalid_input', 'customers[1].tx']);
    expect(issuePaths(catchSuccessKitError(() => fitBgNbd([{ x: -1, tx: 0, T: 5 }])))).toEqual(['customers[0].x']);
    expect(issuePaths(catchSuccessKitError(() => fitBgNbd(rows, { maxIterations: -1 })))).toEqual(['customers[1].tx']);
    expect(issuePaths(catchSuccessKitError(() => fitBgNbd([rows[0]!], { tolerance: 1 } as never)))).toEqual([
      'options.tolerance',
    ]);
  });

  it('fails when no customer made a repeat purchase, and when iterations run out', () => {
    const none = [
      { x: 0, tx: 0, T: 30 },
      { x: 0, tx: 0, T: 20 },
    ];
    expect(catchSuccessKitError(() => fitBgNbd(none)).code).toBe('fit_failed');
    const error = catchSuccessKitError(() => fitBgNbd(cdnowSummary(), { maxIterations: 20 }));
    expect(error.message).toBe('fit_failed: customers: the fit did not converge in 20 iterations');
  });

  it('fails rather than return its starting point when every customer was acquired at the calibration end (T = 0)', () => {
    const error = catchSuccessKitError(() => fitBgNbd([{ x: 0, tx: 0, T: 0 }]));
    expect(error.message).toBe(
      'fit_failed: customers: every customer was acquired at the end of the calibration period (T = 0): the data do not identify the model',
    );
  });

  it('fails at once, with the reason, when nobody repeats or every customer has the same history', () => {
    const quiet = Array.from({ length: 100_000 }, (_, index) => ({ x: 0, tx: 0, T: 10 + (index % 50) }));
    const same = Array.from({ length: 100_000 }, () => ({ x: 2, tx: 5, T: 10 }));
    const started = performance.now();
    const messages = [quiet, same].map((customers) => catchSuccessKitError(() => fitBgNbd(customers)).message);
    expect(messages).toEqual([
      'fit_failed: customers: no customer made a repeat purchase, so r runs off towards zero: the data do not identify the model',
      'fit_failed: customers: every customer has the same history (x, tx, T): one history cannot show how purchase rates and dropout vary across customers',
    ]);
    // Validation and grouping only: the optimiser took about 1.8 s on each before.
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('reads a sparse array as holding undefined, and names the hole', () => {
    // eslint-disable-next-line no-sparse-arrays
    const error = catchSuccessKitError(() => fitBgNbd([{ x: 1, tx: 1, T: 2 }, , { x: 1, tx: 1, T: 2 }] as never));
    expect([error.code, ...issuePaths(error)]).toEqual(['invalid_input', 'customers[1]']);
  });
});
