import { describe, expectTypeOf, it } from 'vitest';
import type { CalendarDate } from '../../src/core/index';
import {
  defaultCsJourney,
  defineJourney,
  journeyFunnel,
  stageOf,
  type Journey,
  type JourneyInput,
  type JourneyTimeline,
  type StagePosition,
} from '../../src/journey/index';
import type { DefinedRule } from '../../src/rules/index';

describe('journey types', () => {
  it('brands what defineJourney returns and holds defined rules in it', () => {
    expectTypeOf(defineJourney).returns.toEqualTypeOf<Journey>();
    expectTypeOf(defaultCsJourney.stages[0]!.entry).toEqualTypeOf<DefinedRule>();
    expectTypeOf<JourneyInput>().not.toExtend<Journey>();
  });

  it('takes a defined journey or its plain input, and gives dates as CalendarDate', () => {
    expectTypeOf(stageOf).parameter(0).toEqualTypeOf<Journey | JourneyInput>();
    expectTypeOf<StagePosition['since']>().toEqualTypeOf<CalendarDate | null>();
    expectTypeOf(journeyFunnel).parameter(1).toExtend<JourneyTimeline | readonly object[]>();
  });
});
