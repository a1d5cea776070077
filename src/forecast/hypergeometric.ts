/**
 * The Gauss hypergeometric function ₂F₁(a, b; c; z) for real parameters and
 * real z ≤ 1, which the BG/NBD expectations (Fader, Hardie & Lee 2005, eqs. 9
 * and 10) and the sBG residual lifetime (Fader & Hardie 2010, eq. 6) need.
 *
 * - z < 0: Pfaff's transformation (A&S 15.3.4) maps z to z/(z − 1) in (0, 1).
 * - 0 < z ≤ 0.9: the power series, after Euler's transformation (A&S 15.3.3)
 *   when c − a − b < 0 so that the terms decay instead of growing.
 * - 0.9 < z < 1: the power series if c − a − b ≥ 20 and a, b ≥ 0 (its terms
 *   are then positive and decay like k^−21 at any z), or if the transformation below is ill-conditioned and
 *   z ≤ 0.99999; otherwise the 1 − z transformation (A&S 15.3.6), with the
 *   logarithmic forms (A&S 15.3.10–15.3.12) when c − a − b is an integer, where
 *   the two gamma-function terms of 15.3.6 have poles that cancel.
 * - z = 1: Gauss's sum Γ(c) Γ(c−a−b) / (Γ(c−a) Γ(c−b)) when c − a − b > 0.
 *
 * Series are summed until the bound on the remaining tail, |term| q / (1 − q)
 * with q the larger of the current term ratio and |z|, falls below 1e-17 of
 * the sum.
 *
 * @internal
 */
import { digamma, isNonPositiveInteger, signedLogGamma } from './special-functions.js';

const RELATIVE_TOLERANCE = 1e-17;
const MAX_TERMS = 5_000_000;
/** Above this z the 1 − z transformation converges faster than the power series. */
const SERIES_LIMIT = 0.9;
/**
 * In A&S 15.3.6 the terms Γ(c−a−b) and Γ(a+b−c) grow like 1/δ as c − a − b comes within δ of an
 * integer and cancel, losing about 1e-12/δ of relative accuracy. Within this distance (and when large
 * parameters make the transformed series cancel) the power series is summed instead, up to
 * z = 0.99999 (a few million terms at most); beyond, the loss is accepted.
 */
const NEAR_INTEGER = 1e-3;
const SERIES_FALLBACK_LIMIT = 0.99999;
/** c − a − b within this relative distance of an integer is that integer, up to rounding in a + b. */
const INTEGER_TOLERANCE = 1e-12;
const EULER_GAMMA = 0.5772156649015329;
/** From this c − a − b on, the power series converges fast at any z ≤ 1. */
const LARGE_EXCESS = 20;

/** Σ (a)ₖ (b)ₖ / ((c)ₖ k!) zᵏ, summed until the tail is negligible; terminates when a or b is 0, −1, −2, …. */
function powerSeries(a: number, b: number, c: number, z: number): number {
  let sum = 1;
  let compensation = 0;
  let term = 1;
  for (let k = 0; k < MAX_TERMS; k++) {
    const ratio = ((a + k) * (b + k) * z) / ((c + k) * (k + 1));
    term *= ratio;
    if (term === 0) break;
    // Neumaier's compensated summation keeps long sums (z near 1) accurate.
    const next = sum + term;
    compensation += Math.abs(sum) >= Math.abs(term) ? sum - next + term : term - next + sum;
    sum = next;
    const bound = Math.max(Math.abs(ratio), Math.abs(z));
    if (bound < 1 && (Math.abs(term) * bound) / (1 - bound) <= RELATIVE_TOLERANCE * Math.abs(sum)) break;
  }
  return sum + compensation;
}

/**
 * Γ(p₁) Γ(p₂) / (Γ(q₁) Γ(q₂)) × e^logFactor, zero when a denominator argument is a pole. The factor
 * (a power of 1 − z) is applied on the log scale, so a huge ratio times a tiny power stays finite.
 */
function gammaRatio(p1: number, p2: number, q1: number, q2: number, logFactor = 0): number {
  if (isNonPositiveInteger(q1) || isNonPositiveInteger(q2)) return 0;
  const [g1, g2, g3, g4] = [signedLogGamma(p1), signedLogGamma(p2), signedLogGamma(q1), signedLogGamma(q2)];
  return g1.sign * g2.sign * g3.sign * g4.sign * Math.exp(g1.logAbs + g2.logAbs - g3.logAbs - g4.logAbs + logFactor);
}

/** The power series for 0 ≤ z < 1, with Euler's transformation when c − a − b < 0. */
function seriesBranch(a: number, b: number, c: number, z: number): number {
  const excess = c - a - b;
  if (excess < 0) return Math.pow(1 - z, excess) * powerSeries(c - a, c - b, c, z);
  return powerSeries(a, b, c, z);
}

/**
 * A&S 15.3.10 (m = 0) and 15.3.11 (m = 1, 2, …) for c = a + b + m, in w = 1 − z:
 * a finite sum plus a series whose terms carry ln w and digamma values.
 */
function integerExcess(a: number, b: number, m: number, w: number): number {
  const c = a + b + m;
  let finite = 0;
  if (m > 0) {
    let term = 1;
    for (let k = 0; k < m; k++) {
      finite += term;
      term *= ((a + k) * (b + k) * w) / ((k + 1) * (1 - m + k));
    }
    finite *= gammaRatio(m, c, a + m, b + m);
  }
  const prefactor = gammaRatio(c, 1, a, b, m * Math.log(w));
  if (prefactor === 0) return finite;
  // Σ (a+m)ₖ (b+m)ₖ / (k! (k+m)!) wᵏ [ln w − ψ(k+1) − ψ(k+m+1) + ψ(a+k+m) + ψ(b+k+m)]
  const logW = Math.log(w);
  let psiK1 = -EULER_GAMMA;
  let psiKM1 = -EULER_GAMMA;
  for (let j = 1; j <= m; j++) psiKM1 += 1 / j;
  let psiA = digamma(a + m);
  let psiB = digamma(b + m);
  let coefficient = 1;
  for (let j = 2; j <= m; j++) coefficient /= j;
  let sum = 0;
  for (let k = 0; k < MAX_TERMS; k++) {
    const term = coefficient * (logW - psiK1 - psiKM1 + psiA + psiB);
    sum += term;
    const ratio = ((a + m + k) * (b + m + k) * w) / ((k + 1) * (k + m + 1));
    if (Math.abs(ratio) < 1 && Math.abs(term) <= RELATIVE_TOLERANCE * Math.abs(sum) && k > 0) break;
    coefficient *= ratio;
    psiK1 += 1 / (k + 1);
    psiKM1 += 1 / (k + m + 1);
    psiA += 1 / (a + m + k);
    psiB += 1 / (b + m + k);
  }
  const sign = m % 2 === 0 ? 1 : -1;
  return finite - sign * prefactor * sum;
}

/** 0.9 < z < 1 by the 1 − z transformation (A&S 15.3.6), or its logarithmic forms for integer c − a − b. */
function nearOneBranch(a: number, b: number, c: number, z: number): number {
  const w = 1 - z;
  const excess = c - a - b;
  // With a, b ≥ 0 the terms are positive and decay like k^−(c−a−b+1) even at z = 1: a few dozen
  // suffice, and 15.3.6 would only add gamma functions of large arguments.
  if (excess >= LARGE_EXCESS && a >= 0 && b >= 0) return powerSeries(a, b, c, z);
  const nearest = Math.round(excess);
  const scale = Math.max(1, Math.abs(a), Math.abs(b), Math.abs(c));
  const isInteger = Math.abs(excess - nearest) <= INTEGER_TOLERANCE * scale;
  // 15.3.6 and its logarithmic forms cancel catastrophically when c − a − b is near (not at) an integer,
  // and when a parameter times w is large (their series in w then grow like e^(b w) before the terms cancel).
  const illConditioned =
    (!isInteger && Math.abs(excess - nearest) < NEAR_INTEGER) ||
    Math.max(Math.abs(a), Math.abs(b), Math.abs(c - a), Math.abs(c - b)) * w > 1;
  if (illConditioned && z <= SERIES_FALLBACK_LIMIT) return seriesBranch(a, b, c, z);
  if (isInteger) {
    // A&S 15.3.12 reduces to 15.3.11 by Euler's transformation: F = w^(c−a−b) F(c−a, c−b; c; z).
    if (nearest < 0) return Math.pow(w, nearest) * integerExcess(c - a, c - b, -nearest, w);
    return integerExcess(a, b, nearest, w);
  }
  const first = gammaRatio(c, excess, c - a, c - b) * powerSeries(a, b, 1 - excess, w);
  const second = gammaRatio(c, -excess, a, b, excess * Math.log(w)) * powerSeries(c - a, c - b, 1 + excess, w);
  return first + second;
}

/**
 * ₂F₁(a, b; c; z) for real a, b, c and z ≤ 1. The caller guarantees that c is
 * not 0, −1, −2, … and, at z = 1, that c − a − b > 0.
 */
export function hypergeometric2F1(a: number, b: number, c: number, z: number): number {
  if (z === 0 || a === 0 || b === 0) return 1;
  if (isNonPositiveInteger(a) || isNonPositiveInteger(b)) return powerSeries(a, b, c, z);
  if (z < 0) return Math.pow(1 - z, -a) * hypergeometric2F1(a, c - b, c, z / (z - 1));
  if (z === 1) return gammaRatio(c, c - a - b, c - a, c - b);
  if (z <= SERIES_LIMIT) return seriesBranch(a, b, c, z);
  return nearOneBranch(a, b, c, z);
}
