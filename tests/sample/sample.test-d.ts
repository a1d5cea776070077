import { describe, expectTypeOf, it } from 'vitest';
import type { CalendarDate, Portfolio } from '../../src/core/index';
import { samplePortfolio, SamplePortfolioInput } from '../../src/sample/index';

describe('sample types', () => {
  it('takes plain strings for asOf and returns a Portfolio', () => {
    expectTypeOf(samplePortfolio({ asOf: '2026-06-30' })).toEqualTypeOf<Portfolio>();
    expectTypeOf<SamplePortfolioInput>().toHaveProperty('asOf').toEqualTypeOf<string>();
    expectTypeOf<{ accounts: 5 }>().not.toExtend<SamplePortfolioInput>();
    expectTypeOf<{ asOf: '2026-06-30' }>().toExtend<SamplePortfolioInput>();
    expectTypeOf(SamplePortfolioInput.parse({ asOf: '2026-06-30' })).toEqualTypeOf<{
      asOf: CalendarDate;
      accounts: number;
      seed: number;
    }>();
  });
});
