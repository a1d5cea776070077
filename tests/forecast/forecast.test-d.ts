import { describe, expectTypeOf, it } from 'vitest';
import {
  customerLifetimeValue,
  fitBgNbd,
  fitShiftedBetaGeometric,
  gammaGammaExpectedSpend,
  sbgExpectedLifetime,
  summarizeTransactions,
  type BgNbdCustomer,
  type BgNbdFit,
  type BgNbdParameters,
  type CustomerLifetimeValue,
  type CustomerSummary,
  type SbgFit,
  type SbgParameters,
} from '../../src/forecast/index';

describe('forecast types', () => {
  it('lets a fit stand in for its parameters', () => {
    expectTypeOf<SbgFit>().toExtend<SbgParameters>();
    expectTypeOf<BgNbdFit>().toExtend<BgNbdParameters>();
    expectTypeOf(fitShiftedBetaGeometric([10, 8, 7]).converged).toEqualTypeOf<true>();
    expectTypeOf(fitBgNbd([{ x: 1, tx: 1, T: 2 }]).logLikelihood).toEqualTypeOf<number>();
  });

  it('lets summaries flow into the models', () => {
    expectTypeOf<CustomerSummary>().toExtend<BgNbdCustomer>();
    expectTypeOf(summarizeTransactions).returns.toEqualTypeOf<CustomerSummary[]>();
    expectTypeOf<CustomerSummary['meanSpend']>().toEqualTypeOf<number | null>();
  });

  it('types infinite means as null', () => {
    expectTypeOf(sbgExpectedLifetime).returns.toEqualTypeOf<number | null>();
    expectTypeOf(gammaGammaExpectedSpend).returns.toEqualTypeOf<number | null>();
    expectTypeOf(customerLifetimeValue).returns.toEqualTypeOf<CustomerLifetimeValue>();
    expectTypeOf<CustomerLifetimeValue['value']>().toEqualTypeOf<number | null>();
  });
});
