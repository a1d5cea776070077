import { describe, expect, it } from 'vitest';
import { describeValue, kindOf, quoteText } from '../../src/core/describe-value';
import { hostileValues } from '../hostile-values';

describe('describeValue', () => {
  it('names numbers and BigInts as written, cuts long strings and names other things by kind', () => {
    expect(describeValue(null)).toBe('null');
    expect(describeValue([1])).toBe('array');
    expect(describeValue(7.5)).toBe('7.5');
    expect(describeValue(10n)).toBe('10n');
    expect(describeValue(false)).toBe('false');
    expect(describeValue('a very long answer that goes on')).toBe('string "a very long answer t…"');
    expect(describeValue({})).toBe('object');
    expect(describeValue(Symbol('s'))).toBe('symbol');
  });

  it.each(hostileValues())('describes %s without throwing, in under 40 characters', (_name, value) => {
    const text = describeValue(value);
    expect(typeof text).toBe('string');
    expect(text.length).toBeLessThan(40);
  });
});

describe('kindOf', () => {
  it('names the kind of every JSON value and of undefined', () => {
    expect([null, [], {}, 'x', 1, true, undefined].map(kindOf)).toEqual([
      'null',
      'array',
      'object',
      'string',
      'number',
      'boolean',
      'undefined',
    ]);
  });

  it('calls a revoked proxy an object instead of throwing', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(kindOf(proxy)).toBe('object');
  });
});

describe('quoteText', () => {
  it('quotes text and cuts it after the given length', () => {
    expect(quoteText('2026-02-30', 40)).toBe('"2026-02-30"');
    expect(quoteText('abcdef', 3)).toBe('"abc…"');
  });
});
