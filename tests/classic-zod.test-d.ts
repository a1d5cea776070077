// The schemas are built with zod/mini; a host that writes classic zod (`import { z } from 'zod'`)
// must still infer, parse and embed them as if they were its own.
import { z } from 'zod';
import { describe, expectTypeOf, it } from 'vitest';
import { Account, CalendarDate, type Portfolio } from 'successkit/core';
import { type BgNbdParameters, SbgParameters } from 'successkit/forecast';
import type { NpsOptions } from 'successkit/metrics';
import { Rule, type RuleInput } from 'successkit/rules';
import type { SamplePortfolioInput } from 'successkit/sample';

describe('exported schemas with classic zod', () => {
  it('z.infer, z.output and z.input give the exported types', () => {
    expectTypeOf<z.infer<typeof CalendarDate>>().toEqualTypeOf<CalendarDate>();
    expectTypeOf<z.infer<typeof Account>>().toEqualTypeOf<Account>();
    expectTypeOf<z.output<typeof Portfolio>>().toEqualTypeOf<Portfolio>();
    expectTypeOf<z.infer<typeof Rule>>().toEqualTypeOf<Rule>();
    expectTypeOf<z.input<typeof Rule>>().toEqualTypeOf<RuleInput>();
    expectTypeOf<z.infer<typeof BgNbdParameters>>().toEqualTypeOf<BgNbdParameters>();
    expectTypeOf<z.infer<typeof SbgParameters>>().toEqualTypeOf<{ alpha: number; beta: number }>();
  });

  it('z.input of a schema with defaults leaves them optional, z.output fills them', () => {
    expectTypeOf<z.input<typeof NpsOptions>>().toEqualTypeOf<NpsOptions>();
    expectTypeOf<z.input<typeof NpsOptions>['confidence']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<z.output<typeof NpsOptions>['confidence']>().toEqualTypeOf<number>();
    expectTypeOf<z.input<typeof SamplePortfolioInput>>().toEqualTypeOf<{
      asOf: string;
      accounts?: number | undefined;
      seed?: number | undefined;
    }>();
    expectTypeOf<z.output<typeof SamplePortfolioInput>>().toEqualTypeOf<{
      asOf: CalendarDate;
      accounts: number;
      seed: number;
    }>();
  });

  it('parse and safeParse return the schema output', () => {
    expectTypeOf(CalendarDate.parse('2026-03-31')).toEqualTypeOf<CalendarDate>();
    expectTypeOf(Account.parse({})).toEqualTypeOf<Account>();
    const result = Rule.safeParse({ field: 'arr', op: 'gte', value: 1 });
    if (result.success) expectTypeOf(result.data).toEqualTypeOf<Rule>();
    else expectTypeOf(result.error.issues).toExtend<readonly z.core.$ZodIssue[]>();
  });

  it('embeds in classic object schemas and wrappers', () => {
    const Renewal = z.object({ account: Account, on: CalendarDate, rule: z.optional(Rule), params: SbgParameters });
    expectTypeOf(Renewal.parse({})).toEqualTypeOf<{
      account: Account;
      on: CalendarDate;
      rule?: Rule | undefined;
      params: SbgParameters;
    }>();
    expectTypeOf<z.infer<ReturnType<typeof z.array<typeof CalendarDate>>>>().toEqualTypeOf<CalendarDate[]>();
  });
});
