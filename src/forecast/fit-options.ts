import * as z from 'zod/mini';
import { parseWith } from '../core/internal.js';

/** Iterations allowed when no `maxIterations` is given. */
const DEFAULT_MAX_ITERATIONS = 10_000;

/**
 * Options for the model fits. `maxIterations` caps the optimiser's iterations:
 * BFGS steps, plus Nelder–Mead iterations over all restarts should BFGS stall
 * (default 10,000; the published fits need under 30).
 *
 * @example
 * ```ts
 * import { FitOptions } from 'successkit/forecast';
 *
 * FitOptions.parse({ maxIterations: 5_000 }); // => { maxIterations: 5000 }
 * ```
 */
export const FitOptions = z.strictObject({
  maxIterations: z.optional(z.int().check(z.positive())),
});

/**
 * Options for a model fit; see the {@link FitOptions} schema.
 *
 * @example
 * ```ts
 * import type { FitOptions } from 'successkit/forecast';
 *
 * const options: FitOptions = { maxIterations: 5_000 };
 * ```
 */
export type FitOptions = z.infer<typeof FitOptions>;

/** The iteration cap of validated fit options. @internal */
export function maxIterationsOf(options: unknown): number {
  const parsed = parseWith(FitOptions, options, { path: ['options'] });
  return parsed.maxIterations ?? DEFAULT_MAX_ITERATIONS;
}
