/**
 * Log-gamma, digamma and log-beta for the likelihoods and expectations of the
 * forecast models, accurate to a few 1e-15 (absolute, on the log scale) for
 * positive arguments. Everything is computed on the log scale so that Γ(170)
 * and beyond never overflow.
 *
 * @internal
 */

const HALF_LOG_TWO_PI = 0.9189385332046728;

/** Below this the argument is shifted up by recurrence before Stirling's series is used. */
const STIRLING_THRESHOLD = 10;

/** The Bernoulli terms of Stirling's series for ln Γ(x), up to x⁻¹³ (Abramowitz & Stegun 6.1.40). */
function stirlingSeries(x: number): number {
  const inverse = 1 / x;
  const inverseSquared = inverse * inverse;
  return (
    inverse *
    (1 / 12 +
      inverseSquared *
        (-1 / 360 +
          inverseSquared *
            (1 / 1260 +
              inverseSquared *
                (-1 / 1680 + inverseSquared * (1 / 1188 + inverseSquared * (-691 / 360360 + inverseSquared / 156))))))
  );
}

/** ln Γ(x) for x ≥ 10 by Stirling's series; the first omitted term is below 1e-16 at x = 10. */
function stirlingLogGamma(x: number): number {
  return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + stirlingSeries(x);
}

/**
 * ln Γ(x) for x > 0. Below 10 the recurrence Γ(x) = Γ(x + k) / (x (x+1) … (x+k−1))
 * moves the argument into the range where Stirling's series is exact to double precision.
 */
export function logGamma(x: number): number {
  if (x >= STIRLING_THRESHOLD) return stirlingLogGamma(x);
  let product = x;
  let shifted = x + 1;
  while (shifted < STIRLING_THRESHOLD) {
    product *= shifted;
    shifted += 1;
  }
  return stirlingLogGamma(shifted) - Math.log(product);
}

/** sin(πx), exact at integers and half-integers, for the reflection formulas. */
function sinPi(x: number): number {
  const reduced = x - 2 * Math.floor(x / 2);
  if (reduced === 0 || reduced === 1) return 0;
  if (reduced === 0.5) return 1;
  if (reduced === 1.5) return -1;
  return Math.sin(Math.PI * reduced);
}

/**
 * ln |Γ(x)| and the sign of Γ(x) for any real x that is not a pole (0, −1, −2, …),
 * by the reflection formula Γ(x) Γ(1 − x) = π / sin(πx) below 0.5.
 */
export function signedLogGamma(x: number): { logAbs: number; sign: 1 | -1 } {
  if (x > 0) return { logAbs: logGamma(x), sign: 1 };
  const sine = sinPi(x);
  return { logAbs: Math.log(Math.PI / Math.abs(sine)) - logGamma(1 - x), sign: sine > 0 ? 1 : -1 };
}

/** True for 0, −1, −2, …, the poles of Γ. */
export function isNonPositiveInteger(x: number): boolean {
  return x <= 0 && Number.isInteger(x);
}

/**
 * ψ(x) = d/dx ln Γ(x) for any real x that is not a pole: recurrence up to x ≥ 10,
 * then the asymptotic series (A&S 6.3.18) to x⁻¹⁴; reflection ψ(1 − x) − ψ(x) = π cot(πx) below 0.
 */
export function digamma(x: number): number {
  if (x <= 0) return digamma(1 - x) - (Math.PI * Math.cos(Math.PI * x)) / Math.sin(Math.PI * x);
  let shift = 0;
  let value = x;
  while (value < STIRLING_THRESHOLD) {
    shift += 1 / value;
    value += 1;
  }
  const inverseSquared = 1 / (value * value);
  const series =
    inverseSquared *
    (1 / 12 -
      inverseSquared *
        (1 / 120 -
          inverseSquared *
            (1 / 252 -
              inverseSquared *
                (1 / 240 - inverseSquared * (1 / 132 - inverseSquared * (691 / 32760 - inverseSquared / 12))))));
  return Math.log(value) - 0.5 / value - series - shift;
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b) for a, b > 0. */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/**
 * ln Γ(x + t) − ln Γ(x) for x > 0 and t ≥ 0, the log of the rising factorial (x)ₜ. For x ≥ 10 the two
 * Stirling series are subtracted term by term, (x − ½) ln(1 + t/x) + t (ln(x + t) − 1) + Δseries, so
 * nothing cancels even when x is 1e18 and t is 1: the plain difference of two log-gammas of 4e19 keeps
 * no digit of a result near 41.
 */
export function logRisingFactorial(x: number, t: number): number {
  if (t === 0) return 0;
  if (x < STIRLING_THRESHOLD) return logGamma(x + t) - logGamma(x);
  return (x - 0.5) * Math.log1p(t / x) + t * (Math.log(x + t) - 1) + stirlingSeries(x + t) - stirlingSeries(x);
}

/** ln(eᵃ + eᵇ) without overflow. */
export function logSumExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}
