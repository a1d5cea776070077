import { describe, expect, it } from 'vitest';
import { count, listing, money, nameOfMonth, paragraph, percent, rate, whole } from '../../examples/review/format.js';

describe('the review’s formatting', () => {
  it('writes money with one decimal from a thousand up, so $3.0M stands beside $9.6M', () => {
    expect([3_000_000, 9_600_000, 440_000, 59_700, 1_000, 999.6].map(money)).toEqual([
      '$3.0M',
      '$9.6M',
      '$440.0K',
      '$59.7K',
      '$1.0K',
      '$1.0K',
    ]);
  });

  it('writes money under a thousand in whole dollars', () => {
    expect([0, 17, 806, 999.4].map(money)).toEqual(['$0', '$17', '$806', '$999']);
  });

  it('writes shares with one decimal and rates with two', () => {
    expect([percent(0.577), rate(0.9981), rate(0.01 / 12), rate(null)]).toEqual(['57.7%', '99.81%', '0.08%', '—']);
  });

  it('says 1 account and 2 accounts', () => {
    expect([count(0, 'account'), count(1, 'account'), count(2, 'account'), count(1, 'year'), count(5, 'year')]).toEqual(
      ['0 accounts', '1 account', '2 accounts', '1 year', '5 years'],
    );
  });

  it('groups the thousands of counts', () => {
    expect([whole(1301), count(2000, 'sample account'), count(1, 'sample account')]).toEqual([
      '1,301',
      '2,000 sample accounts',
      '1 sample account',
    ]);
  });

  it('lists items with commas and a final “and”', () => {
    expect([listing([]), listing(['a']), listing(['a', 'b']), listing(['a', 'b', 'c'])]).toEqual([
      '',
      'a',
      'a and b',
      'a, b and c',
    ]);
  });

  it('names months and wraps paragraphs at 100 columns with a two-space indent', () => {
    expect(nameOfMonth('2026-09-01')).toBe('September 2026');
    const lines = paragraph(Array.from({ length: 38 }, () => 'word').join(' '));
    expect(lines.map((line) => line.length)).toEqual([96, 96]);
    expect(lines.filter((line) => !line.startsWith('  word'))).toEqual([]);
  });
});
