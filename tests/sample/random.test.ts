import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom, streamSeed } from '../../src/sample/random';

function draws(seed: number, count: number): number[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => random.next());
}

describe('createRandom', () => {
  it('repeats its sequence for a seed, and reseeding restarts it', () => {
    expect(draws(42, 5)).toEqual(draws(42, 5));
    expect(draws(42, 5)).not.toEqual(draws(43, 5));
    const random = createRandom(1);
    random.next();
    random.reseed(42);
    expect([random.next(), random.next()]).toEqual(draws(42, 2));
  });

  it('stays in range for every helper', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: 0, max: 50 }),
        (seed, low, width) => {
          const random = createRandom(seed);
          const value = random.next();
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThan(1);
          const whole = random.integer(low, low + width);
          expect(whole).toBe(Math.trunc(whole));
          expect(whole).toBeGreaterThanOrEqual(low);
          expect(whole).toBeLessThanOrEqual(low + width);
          const between = random.between(low, low + width + 1);
          expect(between).toBeGreaterThanOrEqual(low);
          expect(between).toBeLessThan(low + width + 1);
          expect(['a', 'b', 'c']).toContain(random.pick(['a', 'b', 'c']));
          expect(random.poisson(0)).toBe(0);
          expect(random.poisson(3)).toBeGreaterThanOrEqual(0);
          expect(random.logNormal(10, 0.5)).toBeGreaterThan(0);
        },
      ),
    );
  });

  it('draws with the right averages', () => {
    const random = createRandom(7);
    const n = 20_000;
    let uniform = 0;
    let normal = 0;
    let poissonSmall = 0;
    let poissonLarge = 0;
    let heads = 0;
    let weightedB = 0;
    for (let i = 0; i < n; i++) {
      uniform += random.next();
      normal += random.normal(5, 2);
      poissonSmall += random.poisson(2.5);
      poissonLarge += random.poisson(80);
      if (random.chance(0.3)) heads++;
      if (
        random.weighted([
          ['a', 1],
          ['b', 3],
        ] as const) === 'b'
      )
        weightedB++;
    }
    expect(uniform / n).toBeCloseTo(0.5, 1);
    expect(normal / n).toBeCloseTo(5, 1);
    expect(poissonSmall / n).toBeCloseTo(2.5, 1);
    expect(poissonLarge / n / 80).toBeCloseTo(1, 1);
    expect(heads / n).toBeCloseTo(0.3, 1);
    expect(weightedB / n).toBeCloseTo(0.75, 1);
  });

  it('gives different streams different seeds', () => {
    const seeds = new Set(Array.from({ length: 1000 }, (_, stream) => streamSeed(1, stream)));
    expect(seeds.size).toBe(1000);
    expect(streamSeed(1, 5)).not.toBe(streamSeed(2, 5));
    expect(streamSeed(2 ** 40, 5)).not.toBe(streamSeed(0, 5));
  });
});
