/**
 * E[X(t)], the expected repeat purchases of a new customer in their first t
 * time units under the BG/NBD model (Fader, Hardie & Lee 2005, eq. 9), and
 * the three exact forms it is evaluated by: a series after Euler's
 * transformation, the purchase count's tail sum, and ₂F₁ with its 1 − z
 * transformation. Validated input only.
 *
 * @internal
 */
import { hypergeometric2F1 } from './hypergeometric.js';

/**
 * The range of r, a and b over which E[X(t)] is computed accurately: property tests cover it, and
 * beyond it (r or a of 1,000 with a thousand repeat purchases, say) the three forms lose every digit.
 */
export const MIN_SHAPE = 1e-3;
export const MAX_SHAPE = { r: 100, a: 100, b: 1000 } as const;
/** The longest period, as a multiple of α (the rate scale), that E[X(t)] is computed for. */
export const MAX_SCALED_TIME = 1e8;
/** The most repeat purchases of a customer whose purchases are forecast (their posterior r + x and b + x). */
export const MAX_REPEAT_PURCHASES = 10_000;

/** Up to this z = t / (α + t) the series of {@link expectedPurchasesFromStart} needs at most ~40,000 terms. */
const SERIES_LIMIT = 0.999;
/** Up to this z, and a mean purchase count up to {@link TAIL_SUM_MEAN_LIMIT}, the tail sum needs at most ~2 million terms. */
const TAIL_SUM_LIMIT = 0.99998;
const TAIL_SUM_MEAN_LIMIT = 1e6;
/** Closer than this to a = 1 (or a + b = 1), eq. 9 is 0/0 and is interpolated from its values either side. */
const DEGENERATE = 1e-4;
const INTERPOLATION_NODES = [-4 * DEGENERATE, -2 * DEGENERATE, 2 * DEGENERATE, 4 * DEGENERATE];

/** The cubic through `valueAt` at the interpolation nodes, evaluated at `offset`. */
function interpolated(offset: number, valueAt: (offset: number) => number): number {
  let total = 0;
  for (const node of INTERPOLATION_NODES) {
    let weight = 1;
    for (const other of INTERPOLATION_NODES) if (other !== node) weight *= (offset - other) / (node - other);
    total += weight * valueAt(node);
  }
  return total;
}
/** ln of the largest ₂F₁ value allowed before switching to the other Euler form. */
const LOG_OVERFLOW_GUARD = 600;
const RELATIVE_TOLERANCE = 1e-17;
const MAX_TERMS = 10_000_000;

/**
 * E[X(t)] for parameters (r, α, a, b), FHL 2005 eq. 9:
 * (a + b − 1)/(a − 1) [1 − (α/(α+t))^r ₂F₁(r, b; a + b − 1; t/(α+t))], evaluated by
 * whichever of three exact forms is accurate for the arguments:
 *
 * 1. z = t/(α+t) ≤ 0.999, (1−z)^(a−1) within range and r not far above C = a + b − 1: Euler's transformation turns the bracket
 *    into 1 − (1−z)^u ₂F₁(C−r, u; C; z) with u = a − 1, and pulling u out of every term gives
 *    E = C (1 − (1−z)^u)/u − (1−z)^u Σₖ₌₁ (C−r)ₖ (a)ₖ₋₁ / ((C+1)ₖ₋₁ k!) zᵏ:
 *    no 0/0 at a = 1 or a + b = 1 and no cancellation for small t.
 * 2. Otherwise, while the terms stay affordable: E = Σₙ₌₁ [B(a, b+n−1)/B(a, b)] P(N(t) ≥ n), the
 *    purchase count's tail sum (to make n purchases a customer must survive the n − 1 before, and
 *    N(t) is negative binomial); every term is positive.
 * 3. Beyond (t ≳ 5·10⁴ α): eq. 9 through ₂F₁ and its 1 − z transformation.
 */
export function expectedPurchasesFromStart(r: number, alpha: number, a: number, b: number, t: number): number {
  if (t === 0) return 0;
  const z = t / (alpha + t);
  const c = a + b - 1;
  // The series' factor (1−z)^(a−1) and its sum (growing like (1−z)^(1−a)) must both stay within range.
  const logScale = (a - 1) * Math.log1p(t / alpha);
  if (z <= SERIES_LIMIT && logScale < LOG_OVERFLOW_GUARD && (c >= r || (r - c) * z <= 2)) {
    return expectedPurchasesBySeries(r, alpha, a, b, t);
  }
  if (z <= TAIL_SUM_LIMIT && (r * t) / alpha <= TAIL_SUM_MEAN_LIMIT) return expectedPurchasesByTails(r, alpha, a, b, t);
  const logRemaining = -Math.log1p(t / alpha);
  const u = a - 1;
  // Eq. 9 is 0/0 at a = 1 and at a + b = 1 and cancels near them: interpolate (cubic Lagrange) from
  // points 2 and 4 × DEGENERATE either side, where the cancellation costs about 1e-11.
  if (Math.abs(u) < DEGENERATE) {
    return interpolated(u, (offset) => expectedPurchasesFromStart(r, alpha, 1 + offset, b, t));
  }
  if (Math.abs(c) < DEGENERATE) {
    return interpolated(c, (offset) => expectedPurchasesFromStart(r, alpha, a, b - c + offset, t));
  }
  // (1−z)^r ₂F₁(r, b; C; z), or the same after Euler's transformation, (1−z)^u ₂F₁(C−r, u; C; z), when
  // the first ₂F₁ (which grows like (1−z)^(u−r)) could overflow.
  const remaining =
    (r - u) * -logRemaining < LOG_OVERFLOW_GUARD
      ? Math.exp(r * logRemaining) * hypergeometric2F1(r, b, c, z)
      : Math.exp(u * logRemaining) * hypergeometric2F1(c - r, u, c, z);
  return Math.max(0, (c / u) * (1 - remaining));
}

function expectedPurchasesBySeries(r: number, alpha: number, a: number, b: number, t: number): number {
  const z = t / (alpha + t);
  const logRemaining = -Math.log1p(t / alpha);
  const u = a - 1;
  const c = a + b - 1;
  const powerFactor = Math.exp(u * logRemaining);
  const leading = c * (u === 0 ? -logRemaining : -Math.expm1(u * logRemaining) / u);
  const shifted = c - r;
  let term = shifted * z;
  let sum = 0;
  for (let k = 1; k < MAX_TERMS && term !== 0; k++) {
    sum += term;
    const ratio = (((shifted + k) * (a + k - 1)) / ((c + k) * (k + 1))) * z;
    term *= ratio;
    const bound = Math.max(Math.abs(ratio), z);
    const scale = Math.max(Math.abs(sum), Math.abs(leading));
    if (bound < 1 && (Math.abs(term) * bound) / (1 - bound) <= RELATIVE_TOLERANCE * scale) break;
  }
  // E ≥ 0; at denormal t the two terms can round to a difference of −1 ulp.
  return Math.max(0, leading - powerFactor * sum);
}

function expectedPurchasesByTails(r: number, alpha: number, a: number, b: number, t: number): number {
  const logZ = -Math.log1p(alpha / t);
  const logRemaining = -Math.log1p(t / alpha);
  const mean = (r * t) / alpha;
  let logProbability = r * logRemaining; // ln P(N = 0)
  let tail = -Math.expm1(logProbability); // P(N ≥ 1)
  let tailCompensation = 0; // Kahan: P(N ≥ n) falls from 1 to 0 over up to millions of subtractions
  let surviving = 1; // B(a, b + n − 1) / B(a, b): survives n − 1 purchases
  let sum = 0;
  for (let n = 1; n < MAX_TERMS && tail > 0; n++) {
    const term = surviving * tail;
    sum += term;
    logProbability += Math.log((r + n - 1) / n) + logZ; // ln P(N = n)
    const decrement = -Math.exp(logProbability) - tailCompensation;
    const next = tail + decrement;
    tailCompensation = next - tail - decrement;
    tail = next;
    surviving *= (b + n - 1) / (a + b + n - 1);
    const ratio = Math.exp(logZ) * ((r + n) / (n + 1));
    if (n > mean && ratio < 1 && (term * ratio) / (1 - ratio) <= RELATIVE_TOLERANCE * sum) break;
  }
  return sum;
}
