import { describe, expect, it } from 'vitest';
import { didYouMean } from '../../src/rules/closest-name';
import { ruleOperators } from '../../src/rules/index';

describe('didYouMean', () => {
  it('names the closest candidate within a few edits, ignoring case', () => {
    expect(didYouMean('gtt', ruleOperators)).toBe(' (did you mean "gt"?)');
    expect(didYouMean('startswith', ruleOperators)).toBe(' (did you mean "startsWith"?)');
    expect(didYouMean('daysSinceGreater', ruleOperators)).toBe(' (did you mean "daysSinceGt"?)');
    expect(didYouMean('lessThan', ruleOperators)).toBe('');
    expect(didYouMean('renewalDat', ['renewalDate', 'arr'])).toBe(' (did you mean "renewalDate"?)');
    expect(didYouMean('x', [])).toBe('');
  });

  it('prefers the first of equally close candidates', () => {
    expect(didYouMean('lt', ['gt', 'lte'])).toBe(' (did you mean "gt"?)');
  });
});
