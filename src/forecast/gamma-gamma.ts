import * as z from 'zod/mini';
import { checked, Count, isCount, isPositive, isRecord, onceFieldsAreValid, PositiveNumber } from '../core/internal.js';
import { logSumExp } from './special-functions.js';

/**
 * Parameters of the Gamma-Gamma model of spend per transaction (Fader &
 * Hardie 2013): a customer's transactions are Gamma(p, ν) in value, and
 * their ν varies across customers as Gamma(q, γ). p and q are unitless; γ is
 * in the currency unit of the spend. All three are positive. Other fields (a
 * fit's `logLikelihood`, …) are ignored.
 *
 * @example
 * ```ts
 * import { GammaGammaParameters } from 'successkit/forecast';
 *
 * GammaGammaParameters.parse({ p: 6.25, q: 3.74, gamma: 15.44 }).q; // => 3.74
 * ```
 */
export const GammaGammaParameters = z.object({ p: PositiveNumber, q: PositiveNumber, gamma: PositiveNumber });

/**
 * Gamma-Gamma parameters; see the {@link GammaGammaParameters} schema.
 *
 * @example
 * ```ts
 * import type { GammaGammaParameters } from 'successkit/forecast';
 *
 * const cdnow: GammaGammaParameters = { p: 6.25, q: 3.74, gamma: 15.44 };
 * ```
 */
export type GammaGammaParameters = z.infer<typeof GammaGammaParameters>;

/**
 * Adds the check every spend history needs to a schema with `x` and
 * `meanSpend`: a customer with repeat purchases has a mean spend.
 *
 * @internal
 */
export function meanSpendWhenRepeats<Schema extends z.ZodMiniType<{ x: number; meanSpend: number | null }>>(
  schema: Schema,
): Schema {
  return schema.check(
    z.refine((customer) => customer.x === 0 || customer.meanSpend !== null, {
      ...onceFieldsAreValid,
      path: ['meanSpend'],
      error: 'expected the mean spend of the repeat transactions when x > 0',
    }),
  );
}

/**
 * A customer's spend history as the Gamma-Gamma model reads it: `x` repeat
 * transactions and their mean value `meanSpend` (> 0, in a currency's major
 * units), or `meanSpend: null` when x = 0. Other fields are ignored, so the
 * rows of {@link summarizeTransactions} can be passed as they are.
 *
 * @example
 * ```ts
 * import { GammaGammaCustomer } from 'successkit/forecast';
 *
 * GammaGammaCustomer.parse({ x: 2, meanSpend: 22.35 }); // => { x: 2, meanSpend: 22.35 }
 * GammaGammaCustomer.safeParse({ x: 2, meanSpend: null }).success; // => false
 * ```
 */
export const GammaGammaCustomer = meanSpendWhenRepeats(z.object({ x: Count, meanSpend: z.nullable(PositiveNumber) }));

/**
 * A customer's spend history; see the {@link GammaGammaCustomer} schema.
 *
 * @example
 * ```ts
 * import type { GammaGammaCustomer } from 'successkit/forecast';
 *
 * const customer: GammaGammaCustomer = { x: 2, meanSpend: 22.35 };
 * ```
 */
export type GammaGammaCustomer = z.infer<typeof GammaGammaCustomer>;

/** True when `value` passes the {@link GammaGammaParameters} schema. @internal */
export function isGammaGammaParameters(value: unknown): value is GammaGammaParameters {
  return isRecord(value) && isPositive(value.p) && isPositive(value.q) && isPositive(value.gamma);
}

/** True when `value` passes the {@link GammaGammaCustomer} schema. @internal */
export function isGammaGammaCustomer(value: unknown): value is GammaGammaCustomer {
  if (!isRecord(value)) return false;
  const { x, meanSpend } = value;
  return isCount(x) && (isPositive(meanSpend) || (meanSpend === null && x === 0));
}

/** Validated Gamma-Gamma parameters. */
function gammaGammaParametersOf(params: unknown, path: readonly (string | number)[]): GammaGammaParameters {
  return checked(GammaGammaParameters, params, isGammaGammaParameters, path);
}

/**
 * E(M | p, q, γ, m̄, x) for validated input; null when it is infinite (p x + q ≤ 1) or too large for a
 * number. When a product or the result overflows or underflows, it is computed on the log scale.
 * @internal
 */
export function expectedSpend(params: GammaGammaParameters, x: number, meanSpend: number | null): number | null {
  const { p, q, gamma } = params;
  const total = x === 0 || meanSpend === null ? gamma : gamma + meanSpend * x;
  const denominator = p * x + q - 1;
  const spend = (p * total) / denominator;
  if (spend > 0 && spend < Infinity && total < Infinity && denominator < Infinity) return spend;
  const logDenominator = logShapeSum(p, x, q);
  if (logDenominator === null) return null;
  const logTotal =
    x === 0 || meanSpend === null ? Math.log(gamma) : logSumExp(Math.log(gamma), Math.log(meanSpend) + Math.log(x));
  const logSpend = Math.log(p) + logTotal - logDenominator;
  return logSpend < LOG_MAX_VALUE ? Math.exp(logSpend) : null;
}

/** Below ln(Number.MAX_VALUE), e^x is finite. */
const LOG_MAX_VALUE = 709.78;

/** ln(p x + q − 1), or null when p x + q ≤ 1; p x is never formed, so it cannot overflow. */
function logShapeSum(p: number, x: number, q: number): number | null {
  const logPx = x === 0 ? -Infinity : Math.log(p) + Math.log(x);
  if (q >= 1) return q === 1 ? logPx : logSumExp(logPx, Math.log(q - 1));
  const logShortfall = Math.log(1 - q);
  if (!(logPx > logShortfall)) return null;
  return logPx + Math.log1p(-Math.exp(logShortfall - logPx));
}

/**
 * The expected value of a customer's future transactions given their past
 * ones (Fader & Hardie 2013, eq. 5): p (γ + m̄ x) / (p x + q − 1), a weighted
 * mean of the population mean p γ / (q − 1) and the customer's own mean m̄,
 * with more weight on m̄ the more transactions (x) back it. For x = 0 it is
 * the population mean. In the currency unit of the spend.
 *
 * @param params - the model's p, q, γ
 * @param customer - the customer's x and mean spend; see {@link GammaGammaCustomer}
 * @returns the expected spend per transaction, or `null` when it is infinite (p x + q ≤ 1:
 *   spend so dispersed that the mean does not exist) or too large for a number (above about 1.8e308)
 * @throws {@link core!SuccessKitError} `invalid_input` for bad parameters or history
 *
 * @example
 * ```ts
 * import { gammaGammaExpectedSpend } from 'successkit/forecast';
 *
 * const cdnow = { p: 6.25, q: 3.74, gamma: 15.44 };
 * gammaGammaExpectedSpend(cdnow, { x: 0, meanSpend: null })?.toFixed(2); // => '35.22'
 * gammaGammaExpectedSpend(cdnow, { x: 2, meanSpend: 22.35 })?.toFixed(2); // => '24.66'
 * ```
 */
export function gammaGammaExpectedSpend(params: GammaGammaParameters, customer: GammaGammaCustomer): number | null {
  const parameters = gammaGammaParametersOf(params, ['params']);
  const { x, meanSpend } = checked(GammaGammaCustomer, customer, isGammaGammaCustomer, ['customer']);
  return expectedSpend(parameters, x, meanSpend);
}
