import { describeValue, fail } from '../core/internal.js';

/* eslint-disable no-loss-of-precision -- the coefficients are kept digit for digit as published, so they
   can be checked against the papers; each literal rounds to the same double as its shortest form. */

// W. J. Cody, "Rational Chebyshev approximations for the error function", Math. Comp. 23 (1969)
// 631–637, in the form of R's pnorm.c (Cody's ALGORITHM 715, ACM TOMS 19 (1993) 22–32): near-minimax
// rational functions good to about 18 significant digits, evaluated on |x| so both tails are exact
// mirrors and a small upper tail never suffers the cancellation of 1 − Φ(x).
const smallNumerator = [2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582, 18154.981253343561249];
const smallNumeratorLead = 0.065682337918207449113;
const smallDenominator = [47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956];
const middleNumerator = [
  0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226, 2494.5375852903726711,
  6848.1904505362823326, 11602.651437647350124, 9842.7148383839780218,
];
const middleNumeratorLead = 1.0765576773720192317e-8;
const middleDenominator = [
  22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755, 18615.571640885098091,
  34900.952721145977266, 38912.003286093271411, 19685.429676859990727,
];
const tailNumerator = [
  0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466, 2.9112874951168792e-5,
];
const tailNumeratorLead = 0.02307344176494017303;
const tailDenominator = [
  1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244, 7.29751555083966205e-5,
];
const inverseSqrtTwoPi = 0.398942280401432677939946059934;
const sqrt32 = 5.656854249492380195206754896838;
/** Below this Φ(−x) underflows to 0 in double precision (Cody's bound). */
const underflowBound = 37.5193;

function at(coefficients: readonly number[], index: number): number {
  return coefficients[index] ?? 0;
}

/** exp(−x²/2), with x² split so the large part is exact (x·16 truncated) and no digits are lost. */
function gaussianFactor(x: number): number {
  const rounded = Math.trunc(x * 16) / 16;
  const rest = (x - rounded) * (x + rounded);
  return Math.exp(-rounded * rounded * 0.5) * Math.exp(-rest * 0.5);
}

/** Φ(−y) for y ≥ 0.674…: the upper tail, computed directly. */
function upperTail(y: number): number {
  if (y <= sqrt32) {
    let numerator = middleNumeratorLead * y;
    let denominator = y;
    for (let index = 0; index < 7; index++) {
      numerator = (numerator + at(middleNumerator, index)) * y;
      denominator = (denominator + at(middleDenominator, index)) * y;
    }
    return gaussianFactor(y) * ((numerator + at(middleNumerator, 7)) / (denominator + at(middleDenominator, 7)));
  }
  if (y >= underflowBound) return 0;
  const inverseSquare = 1 / (y * y);
  let numerator = tailNumeratorLead * inverseSquare;
  let denominator = inverseSquare;
  for (let index = 0; index < 4; index++) {
    numerator = (numerator + at(tailNumerator, index)) * inverseSquare;
    denominator = (denominator + at(tailDenominator, index)) * inverseSquare;
  }
  const correction = (inverseSquare * (numerator + at(tailNumerator, 4))) / (denominator + at(tailDenominator, 4));
  return gaussianFactor(y) * ((inverseSqrtTwoPi - correction) / y);
}

/**
 * The standard normal cumulative distribution function Φ(x): the probability
 * that a standard normal variable is at most `x`. Accurate to about 16
 * significant digits in both tails (W. J. Cody's rational approximations, as
 * in R's `pnorm`), so p-values far out in a tail keep their precision.
 *
 * @param x - any number of standard deviations; ±Infinity give 0 and 1
 * @returns a probability from 0 to 1
 * @throws {@link core!SuccessKitError} `invalid_input` for NaN or a non-number
 *
 * @example
 * ```ts
 * import { normalCdf } from 'successkit/metrics';
 *
 * normalCdf(0); // => 0.5
 * normalCdf(1.96).toFixed(12); // => '0.975002104852'
 * normalCdf(-8); // => 6.220960574271785e-16
 * ```
 */
export function normalCdf(x: number): number {
  if (typeof x !== 'number' || Number.isNaN(x))
    fail('invalid_input', ['x'], `expected a number, got ${describeValue(x)}`);
  const y = Math.abs(x);
  if (y <= 0.67448975) {
    const square = x * x;
    let numerator = smallNumeratorLead * square;
    let denominator = square;
    for (let index = 0; index < 3; index++) {
      numerator = (numerator + at(smallNumerator, index)) * square;
      denominator = (denominator + at(smallDenominator, index)) * square;
    }
    return 0.5 + (x * (numerator + at(smallNumerator, 3))) / (denominator + at(smallDenominator, 3));
  }
  const tail = upperTail(y);
  return x > 0 ? 1 - tail : tail;
}

// M. J. Wichura, "Algorithm AS 241: The percentage points of the normal distribution",
// Applied Statistics 37(3) (1988) 477–484 (PPND16): rational approximations accurate to about
// 1 part in 10^16, in three regions of p.
const centralNumerator = [
  3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125, 45921.953931549871457,
  67265.770927008700853, 33430.575583588128105, 2509.0809287301226727,
];
const centralDenominator = [
  1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867, 39307.89580009271061,
  28729.085735721942674, 5226.495278852854561,
];
const nearNumerator = [
  1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504, 1.27045825245236838258,
  0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4,
];
const nearDenominator = [
  1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459,
  0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9,
];
const farNumerator = [
  6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123, 0.026532189526576123093,
  0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7,
];
const farDenominator = [
  1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525, 7.868691311456132591e-4,
  1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15,
];

/* eslint-enable no-loss-of-precision */

/** A polynomial with `coefficients[0]` as the constant term, by Horner's rule. */
function polynomial(coefficients: readonly number[], x: number): number {
  let value = 0;
  for (let index = coefficients.length - 1; index >= 0; index--) value = value * x + at(coefficients, index);
  return value;
}

/**
 * The standard normal quantile Φ⁻¹(p): the number of standard deviations
 * below which a share `p` of a normal population lies. It gives the critical
 * value of a confidence level: a two-sided 95% interval spans
 * ±`normalQuantile(0.975)` standard errors. Wichura's algorithm AS 241,
 * accurate to about 16 significant digits.
 *
 * @param p - a probability strictly between 0 and 1
 * @returns the quantile, in standard deviations
 * @throws {@link core!SuccessKitError} `invalid_input` when `p` is not strictly between 0 and 1
 *
 * @example
 * ```ts
 * import { normalQuantile } from 'successkit/metrics';
 *
 * normalQuantile(0.975).toFixed(12); // => '1.959963984540'
 * normalQuantile(0.5); // => 0
 * normalQuantile(1); // throws invalid_input
 * ```
 */
export function normalQuantile(p: number): number {
  if (typeof p !== 'number' || !(p > 0 && p < 1)) {
    fail('invalid_input', ['p'], `expected a probability between 0 and 1 (exclusive), got ${describeValue(p)}`);
  }
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * polynomial(centralNumerator, r)) / polynomial(centralDenominator, r);
  }
  const r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  const value =
    r <= 5
      ? polynomial(nearNumerator, r - 1.6) / polynomial(nearDenominator, r - 1.6)
      : polynomial(farNumerator, r - 5) / polynomial(farDenominator, r - 5);
  return q < 0 ? -value : value;
}

/**
 * The two-sided critical value of a confidence level: z with Φ(z) = (1 + confidence) / 2.
 *
 * @internal
 */
export function criticalValue(confidence: number): number {
  return normalQuantile((1 + confidence) / 2);
}

/**
 * The two-sided p-value of a z statistic, 2·Φ(−|z|), computed from the tail so small values keep their digits.
 *
 * @internal
 */
export function twoSidedPValue(z: number): number {
  return Math.min(1, 2 * normalCdf(-Math.abs(z)));
}
