import { describe, expect, it } from 'vitest';
import { formatNumber, formatValue, joinClauses } from '../../src/rules/condition-sentence';

describe('sentences', () => {
  it('write numbers with thousands separators and without binary noise', () => {
    expect(formatNumber(120_000)).toBe('120,000');
    expect(formatNumber(1_234_567.891)).toBe('1,234,567.891');
    expect(formatNumber(-1_500.5)).toBe('-1,500.5');
    expect(formatNumber(999)).toBe('999');
    expect(formatNumber(0.82)).toBe('0.82');
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(1e21)).toBe('1e+21');
    expect(formatNumber(1e-7)).toBe('1e-7');
    expect(formatNumber(Number.NaN)).toBe('NaN');
    expect(formatNumber(Number.NEGATIVE_INFINITY)).toBe('-Infinity');
  });

  it('write values as a sentence shows them', () => {
    expect(formatValue('2026-06-30')).toBe('2026-06-30');
    expect(formatValue(true)).toBe('true');
    expect(formatValue(['a', 1_000, null])).toBe('[a, 1,000, missing]');
    expect(formatValue(undefined)).toBe('missing');
    expect(formatValue({})).toBe('an object');
    expect(formatValue(() => 1)).toBe('missing'); // a function is never data
    expect(formatValue(10n)).toBe('bigint');
  });

  it('join clauses with and', () => {
    expect(joinClauses(['a'])).toBe('a');
    expect(joinClauses(['a', 'b', 'c'])).toBe('a and b and c');
  });
});
