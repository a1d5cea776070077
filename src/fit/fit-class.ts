import * as z from 'zod/mini';

/**
 * How well a customer fits the product, best first: `perfect` (invest
 * heavily: case studies, references), `good` (watch as needs change) or `bad`
 * (fold quickly).
 *
 * @example
 * ```ts
 * import { FitClass } from 'successkit/fit';
 *
 * FitClass.options; // => ['perfect', 'good', 'bad']
 * ```
 */
export const FitClass = z.enum(['perfect', 'good', 'bad']);

/**
 * A fit class: `'perfect'`, `'good'` or `'bad'`; see the {@link FitClass} schema.
 *
 * @example
 * ```ts
 * import type { FitClass } from 'successkit/fit';
 *
 * const fit: FitClass = 'good';
 * ```
 */
export type FitClass = z.infer<typeof FitClass>;

/** The classes best first, as lists are ordered. @internal */
export const fitClasses: readonly FitClass[] = ['perfect', 'good', 'bad'];
