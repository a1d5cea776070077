import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostileValue, hostileValues } from './hostile-values';

describe('hostile values', () => {
  it('fast-check can generate, clone and print every value of the arbitrary', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(hostileValue, (value) => {
        seen.add(typeof value);
      }),
      { numRuns: 300, seed: 7 },
    );
    expect([...seen].sort()).toEqual(['bigint', 'function', 'number', 'object', 'string', 'symbol', 'undefined']);
  });

  it('makes every value afresh, so one test cannot spoil the next', () => {
    const [first, second] = [hostileValues(), hostileValues()];
    const shared = first.filter(([, value], index) => typeof value === 'object' && value === second[index]?.[1]);
    expect(shared.map(([name]) => name)).toEqual(['null']);
  });
});
