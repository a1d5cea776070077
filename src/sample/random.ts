/**
 * A small seeded pseudo-random generator (sfc32, seeded through splitmix32):
 * fast, 128 bits of state, and the same sequence on every machine. The
 * sample generator gives each account its own stream derived from the seed
 * and the account's index, so account 42 is the same whatever the portfolio
 * size.
 *
 * @internal
 */
export interface Random {
  /** Restarts the sequence from a new seed, so one generator serves many streams without allocating. */
  reseed(seed: number): void;
  /** A float in [0, 1). */
  next(): number;
  /** A float in [min, max). */
  between(min: number, max: number): number;
  /** An integer in [min, max], both included. */
  integer(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One item, uniformly. */
  pick<T>(items: readonly [T, ...T[]]): T;
  /** One item, with probability proportional to its weight. */
  weighted<T>(entries: readonly [readonly [T, number], ...(readonly [T, number])[]]): T;
  /** A normal draw with the given mean and standard deviation. */
  normal(mean: number, standardDeviation: number): number;
  /** A log-normal draw with the given median and log-scale spread. */
  logNormal(median: number, sigma: number): number;
  /** A Poisson count with the given mean. */
  poisson(mean: number): number;
}

function splitmix32(state: number): () => number {
  let current = state | 0;
  return () => {
    current = (current + 0x9e3779b9) | 0;
    let mixed = current ^ (current >>> 16);
    mixed = Math.imul(mixed, 0x21f0aaad);
    mixed ^= mixed >>> 15;
    mixed = Math.imul(mixed, 0x735a2d97);
    return (mixed ^ (mixed >>> 15)) >>> 0;
  };
}

/** Mixes a seed and a stream number into one 32-bit seed. */
export function streamSeed(seed: number, stream: number): number {
  const mix = splitmix32(Math.imul(seed | 0, 0x85ebca6b) ^ Math.floor(seed / 0x100000000));
  return (mix() ^ Math.imul(stream + 1, 0x9e3779b1)) >>> 0;
}

/** A generator whose whole sequence is fixed by `seed` (until it is reseeded). */
export function createRandom(seed: number): Random {
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  function reseed(next: number): void {
    const init = splitmix32(next);
    a = init();
    b = init();
    c = init();
    d = init();
  }
  reseed(seed);

  function next(): number {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  function standardNormal(): number {
    // Box–Muller; 1 − next() keeps the logarithm away from zero.
    return Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  }

  return {
    reseed,
    next,
    between: (min, max) => min + (max - min) * next(),
    integer: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)] ?? items[0],
    weighted: (entries) => {
      let total = 0;
      for (const [, weight] of entries) total += weight;
      let target = next() * total;
      for (const [value, weight] of entries) {
        target -= weight;
        if (target < 0) return value;
      }
      return entries[0][0];
    },
    normal: (mean, standardDeviation) => mean + standardDeviation * standardNormal(),
    logNormal: (median, sigma) => median * Math.exp(sigma * standardNormal()),
    poisson: (mean) => {
      if (mean <= 0) return 0;
      if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * standardNormal()));
      // Knuth: multiply uniforms until the product drops below e^−mean.
      const limit = Math.exp(-mean);
      let count = 0;
      for (let product = next(); product > limit; product *= next()) count++;
      return count;
    },
  };
}
