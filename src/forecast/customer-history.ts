import * as z from 'zod/mini';
import { isBgNbdCustomer, purchaseTimesInOrder } from './bg-nbd.js';
import { isGammaGammaCustomer, meanSpendWhenRepeats } from './gamma-gamma.js';
import { Count, NonNegativeNumber, PositiveNumber } from '../core/internal.js';

/**
 * A customer's calibration history for value forecasts, as
 * {@link summarizeTransactions} returns it: `x` repeat purchases, the time
 * `tx` of the last one and the age `T` (both from the first purchase, in the
 * model's time unit), and `meanSpend`, the mean value of the repeat purchases
 * in a currency's major units (`null` when x = 0). Other fields are ignored.
 *
 * @example
 * ```ts
 * import { CustomerHistory } from 'successkit/forecast';
 *
 * CustomerHistory.parse({ x: 2, tx: 30.43, T: 38.86, meanSpend: 22.35 }).meanSpend; // => 22.35
 * CustomerHistory.safeParse({ x: 0, tx: 0, T: 38.86, meanSpend: null }).success; // => true
 * ```
 */
export const CustomerHistory = meanSpendWhenRepeats(
  purchaseTimesInOrder(
    z.object({ x: Count, tx: NonNegativeNumber, T: NonNegativeNumber, meanSpend: z.nullable(PositiveNumber) }),
  ),
);

/**
 * A customer's calibration history; see the {@link CustomerHistory} schema.
 *
 * @example
 * ```ts
 * import type { CustomerHistory } from 'successkit/forecast';
 *
 * const customer: CustomerHistory = { x: 2, tx: 30.43, T: 38.86, meanSpend: 22.35 };
 * ```
 */
export type CustomerHistory = z.infer<typeof CustomerHistory>;

/** True when `value` passes the {@link CustomerHistory} schema. @internal */
export function isCustomerHistory(value: unknown): value is CustomerHistory {
  return isBgNbdCustomer(value) && isGammaGammaCustomer(value);
}
