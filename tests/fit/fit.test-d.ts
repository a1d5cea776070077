import { describe, expectTypeOf, it } from 'vitest';
import {
  classifyFit,
  defaultFitModel,
  defineFitModel,
  investmentDecision,
  type FitClass,
  type FitClassification,
  type FitModel,
  type FitModelInput,
} from '../../src/fit/index';

describe('fit types', () => {
  it('defineFitModel returns the branded model, which a plain input is not', () => {
    expectTypeOf(defineFitModel).returns.toEqualTypeOf<FitModel>();
    expectTypeOf<FitModelInput>().not.toExtend<FitModel>();
    expectTypeOf(defaultFitModel).toEqualTypeOf<FitModel>();
  });

  it('classifyFit takes a model or its input and returns a classification', () => {
    expectTypeOf(classifyFit).parameter(0).toEqualTypeOf<FitModel | FitModelInput>();
    expectTypeOf(classifyFit).returns.toEqualTypeOf<FitClassification>();
    expectTypeOf<FitClassification['fitClass']>().toEqualTypeOf<FitClass>();
    expectTypeOf<FitClassification['scoreRange']>().toEqualTypeOf<readonly [min: number, max: number]>();
  });

  it('investmentDecision decides one of three moves', () => {
    expectTypeOf(investmentDecision).returns.toHaveProperty('decision').toEqualTypeOf<'invest' | 'hold' | 'fold'>();
  });
});
