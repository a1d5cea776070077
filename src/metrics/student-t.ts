/**
 * Student's t distribution, for intervals around the mean of a small sample
 * (a 1–5 CSAT mean from twelve answers needs a wider interval than the
 * normal 1.96 standard errors).
 *
 * @internal
 */
import { normalQuantile, twoSidedPValue } from './normal-distribution.js';

/* eslint-disable no-loss-of-precision -- published coefficients, kept as printed */
// C. Lanczos' approximation with g = 7 and nine coefficients (as in Numerical Recipes, 3rd ed., §6.1),
// good to about 15 significant digits for positive arguments.
const lanczos = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const halfLogTwoPi = 0.91893853320467274178;
/* eslint-enable no-loss-of-precision */

function logGamma(x: number): number {
  const shifted = x - 1;
  let sum = lanczos[0] ?? 0;
  for (let index = 1; index < lanczos.length; index++) sum += (lanczos[index] ?? 0) / (shifted + index);
  const t = shifted + 7.5;
  return halfLogTwoPi + (shifted + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** The continued fraction of the regularized incomplete beta function, by the modified Lentz method. */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let fraction = d;
  for (let m = 1; m <= 300; m++) {
    const twoM = 2 * m;
    const even = (m * (b - m) * x) / ((a + twoM - 1) * (a + twoM));
    d = 1 + even * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + even / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    fraction *= d * c;
    const odd = (-(a + m) * (a + b + m) * x) / ((a + twoM) * (a + twoM + 1));
    d = 1 + odd * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + odd / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    fraction *= step;
    if (Math.abs(step - 1) < 1e-16) break;
  }
  return fraction;
}

/** The regularized incomplete beta function I_x(a, b) for 0 ≤ x ≤ 1. */
function incompleteBeta(a: number, b: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
  return x < (a + 1) / (a + b + 2)
    ? (front * betaContinuedFraction(a, b, x)) / a
    : 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

/** P(T > t) for t ≥ 0 and `degreesOfFreedom` > 0. */
function upperTail(t: number, degreesOfFreedom: number): number {
  return 0.5 * incompleteBeta(degreesOfFreedom / 2, 0.5, degreesOfFreedom / (degreesOfFreedom + t * t));
}

function density(t: number, degreesOfFreedom: number): number {
  const v = degreesOfFreedom;
  return Math.exp(
    logGamma((v + 1) / 2) - logGamma(v / 2) - 0.5 * Math.log(v * Math.PI) - ((v + 1) / 2) * Math.log1p((t * t) / v),
  );
}

/** Past this many degrees of freedom the t and normal quantiles agree to about 12 digits. */
const normalEnough = 1e7;

/**
 * The two-sided critical value of Student's t: t with P(|T| ≤ t) = confidence.
 * Newton's method on the upper tail, started from the normal quantile and kept
 * inside a bracket, converges to about 13 significant digits.
 */
export function studentCriticalValue(confidence: number, degreesOfFreedom: number): number {
  const target = (1 - confidence) / 2;
  if (degreesOfFreedom >= normalEnough) return normalQuantile(1 - target);
  if (degreesOfFreedom === 1) return Math.tan((Math.PI * confidence) / 2);
  let low = 0;
  let high = Math.max(1, normalQuantile(1 - target));
  while (upperTail(high, degreesOfFreedom) > target) {
    low = high;
    high *= 2;
  }
  let t = Math.min(high, Math.max(low, normalQuantile(1 - target)));
  for (let iteration = 0; iteration < 100; iteration++) {
    const excess = upperTail(t, degreesOfFreedom) - target;
    if (excess > 0) low = t;
    else high = t;
    let next = t + excess / density(t, degreesOfFreedom);
    if (!(next > low && next < high)) next = (low + high) / 2;
    if (Math.abs(next - t) <= 1e-15 * t) return next;
    t = next;
  }
  return t;
}

/** The two-sided p-value of Student's t: P(|T| ≥ |t|) with `degreesOfFreedom` > 0. */
export function studentTwoSidedPValue(t: number, degreesOfFreedom: number): number {
  if (degreesOfFreedom >= normalEnough) return twoSidedPValue(t);
  return Math.min(1, 2 * upperTail(Math.abs(t), degreesOfFreedom));
}
