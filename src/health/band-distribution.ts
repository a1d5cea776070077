import { fail } from '../core/internal.js';
import { checkResults } from './health-result-input.js';
import { definedScorecard, type Scorecard } from './define-scorecard.js';
import type { HealthScore } from './health-score.js';
import type { ScorecardInput } from './scorecard.js';

/**
 * How many accounts sit in each band, lowest band first, and how many have
 * no band (no score and no override).
 *
 * @example
 * ```ts
 * import type { BandDistribution } from 'successkit/health';
 *
 * const book: BandDistribution = { accounts: 4, unbanded: 0, bands: [{ band: 'red', label: 'Red', accounts: 1, share: 0.25 }] };
 * ```
 */
export interface BandDistribution {
  readonly accounts: number;
  readonly unbanded: number;
  /** Per band: its accounts and their share of all accounts, 0–1. */
  readonly bands: readonly {
    readonly band: string;
    readonly label: string;
    readonly accounts: number;
    readonly share: number;
  }[];
}

/**
 * Counts results by band (the band shown, overrides included), in the
 * scorecard's band order.
 *
 * @param scorecard - the scorecard the results came from
 * @param results - {@link HealthScore}s
 * @returns the {@link BandDistribution}
 * @throws {@link core!SuccessKitError} `invalid_input` when `results` is not an array of results
 *
 * @example
 * ```ts
 * import { bandDistribution, defaultScorecard, scoreAccount } from 'successkit/health';
 *
 * const results = [0.9, 0.5, 0.1].map((licenseUtilization, index) =>
 *   scoreAccount(defaultScorecard, { id: `a${String(index)}`, asOf: '2026-06-30', licenseUtilization }),
 * );
 * bandDistribution(defaultScorecard, results).bands.map((band) => band.accounts); // => [1, 1, 1]
 * ```
 */
export function bandDistribution(
  scorecard: Scorecard | ScorecardInput,
  results: readonly HealthScore[],
): BandDistribution {
  const defined = definedScorecard(scorecard);
  checkResults(results, ['results']);
  const counts = new Map<string, number>(defined.bands.map((band) => [band.id, 0]));
  let unbanded = 0;
  results.forEach((result: unknown, index) => {
    const band = typeof result === 'object' && result !== null ? (result as { band?: unknown }).band : undefined;
    if (band === null) unbanded++;
    else if (typeof band === 'string' && counts.has(band)) counts.set(band, (counts.get(band) ?? 0) + 1);
    else fail('invalid_input', ['results', index, 'band'], 'expected a band of the scorecard or null');
  });
  const total = results.length;
  return {
    accounts: total,
    unbanded,
    bands: defined.bands.map((band) => {
      const accounts = counts.get(band.id) ?? 0;
      return { band: band.id, label: band.label, accounts, share: total === 0 ? 0 : accounts / total };
    }),
  };
}
