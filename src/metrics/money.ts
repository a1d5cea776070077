/**
 * Money as integer minor units (cents) inside the metrics, so sums and
 * differences are exact and the MRR bridge
 * starting + new + reactivation + expansion − contraction − churned = ending
 * holds to the cent, whatever the order of the additions.
 *
 * @internal
 */
import { checked, Count, fail, isCount, isNonNegative, NonNegativeNumber, type PathSegment } from '../core/internal.js';

/** Minor units per major unit for 0 to 4 fraction digits. */
export function minorUnitsPerMajor(fractionDigits: number): number {
  return 10 ** fractionDigits;
}

/** Checks an amount of money: a finite number ≥ 0 (`invalid_input` at `path` otherwise). */
export function checkAmount(value: unknown, path: readonly PathSegment[]): asserts value is number {
  checked(NonNegativeNumber, value, isNonNegative, path);
}

/**
 * An amount in major units as a whole number of minor units, rounded half
 * away from zero on its decimal digits: 1.005 → 101 cents (1.005 × 100 is
 * 100.49999999999999 in binary, so it is rounded on 15 significant digits).
 */
export function toMinorUnits(value: unknown, perMajor: number, path: readonly PathSegment[]): number {
  checkAmount(value, path);
  const scaled = value * perMajor;
  const fraction = scaled - Math.floor(scaled);
  const minor = Math.abs(fraction - 0.5) < 1e-6 ? Math.round(Number(scaled.toPrecision(15))) : Math.round(scaled);
  if (!Number.isSafeInteger(minor)) fail('invalid_input', path, `amount ${String(value)} is too large to add exactly`);
  return minor;
}

/** Minor units back to major units: the nearest number to the decimal amount. */
export function toMajorUnits(minor: number, perMajor: number): number {
  return minor / perMajor;
}

/** Checks a sum of minor units held in a state from elsewhere: a whole number ≥ 0 that adds exactly. */
export function checkMinorUnits(value: unknown, path: readonly PathSegment[]): asserts value is number {
  checked(Count, value, isCount, path);
}

/**
 * Minor units per major unit for amounts from anywhere that are added
 * together: 10⁴, which holds every currency's minor unit exactly, or fewer
 * digits when the amounts' total would pass 2⁵³ − 1 in ten-thousandths — as
 * books in whole dong or rupiah do. So every amount {@link toMinorUnits}
 * accepts with 0 fraction digits is accepted here too.
 */
export function sharedMinorUnitsPerMajor(amounts: readonly number[]): number {
  let total = 0;
  for (const amount of amounts) total += amount;
  for (let digits = 4; digits > 0; digits--) {
    if (total * 10 ** digits <= Number.MAX_SAFE_INTEGER) return 10 ** digits;
  }
  return 1;
}
