import { describe, expectTypeOf, it } from 'vitest';
import type { CalendarDate } from '../../src/core/index';
import {
  accumulate,
  cohortRetention,
  compareNps,
  logoChurn,
  mrrMovementsForMonth,
  csat,
  csatAccumulator,
  groupAccumulator,
  groupMetrics,
  mrrMovements,
  nps,
  npsAccumulator,
  toUdaf,
  type Accumulator,
  type CsatResult,
  type GroupKey,
  type MetricGroup,
  type LogoChurnNullReason,
  type NpsComparisonStatus,
  type NpsCounts,
  type NpsInsufficiency,
  type NpsResult,
  type ScoreCounts,
  type Udaf,
  type UdafState,
} from '../../src/metrics/index';

interface Answer {
  segment: string;
  region?: string;
  kind: 'nps' | 'csat';
  score: number;
}

describe('metrics types', () => {
  it('types accumulators by row, state and result', () => {
    expectTypeOf(npsAccumulator()).toEqualTypeOf<Accumulator<number, NpsCounts, NpsResult>>();
    expectTypeOf(csatAccumulator()).toEqualTypeOf<Accumulator<number, ScoreCounts, CsatResult>>();
    expectTypeOf(accumulate(npsAccumulator(), [9])).toEqualTypeOf<NpsCounts>();
  });

  it('takes scores or counts for NPS and returns nullable numbers', () => {
    expectTypeOf(nps([9, 10])).toEqualTypeOf<NpsResult>();
    expectTypeOf(nps({ promoters: 1, passives: 0, detractors: 0 }).score).toEqualTypeOf<number | null>();
    expectTypeOf(nps([9]).interval).toEqualTypeOf<readonly [number, number] | null>();
    expectTypeOf(csat([5]).score).toEqualTypeOf<number | null>();
    // @ts-expect-error a scale must be 5, 7 or 10
    csat([3], { scale: 4 });
  });

  it('infers each group result from its metric', () => {
    const groups = groupMetrics([] as Answer[], {
      by: 'segment',
      metrics: {
        nps: { accumulator: npsAccumulator(), value: (answer) => (answer.kind === 'nps' ? answer.score : undefined) },
        csat: {
          accumulator: csatAccumulator(),
          value: (answer) => (answer.kind === 'csat' ? answer.score : undefined),
        },
      },
    });
    expectTypeOf(groups[0]?.metrics.nps).toEqualTypeOf<NpsResult | undefined>();
    expectTypeOf(groups[0]?.metrics.csat).toEqualTypeOf<CsatResult | undefined>();
    expectTypeOf(groups[0]?.key).toEqualTypeOf<string | undefined>();
  });

  it('groups only by string fields or by a function', () => {
    expectTypeOf<'segment'>().toExtend<GroupKey<Answer>>();
    expectTypeOf<'score'>().not.toExtend<GroupKey<Answer>>();
    expectTypeOf<'region'>().not.toExtend<GroupKey<Answer>>();
    expectTypeOf<(answer: Answer) => string>().toExtend<GroupKey<Answer>>();
  });

  it('infers the row of a grouped accumulator from its value functions', () => {
    const metric = groupAccumulator({
      by: 'segment',
      metrics: { nps: { accumulator: npsAccumulator(), value: (answer: Answer) => answer.score } },
    });
    expectTypeOf(metric.add).parameter(1).toEqualTypeOf<Answer>();
    expectTypeOf(metric.result).returns.toEqualTypeOf<
      MetricGroup<{
        nps: { accumulator: Accumulator<number, NpsCounts, NpsResult>; value: (answer: Answer) => number };
      }>[]
    >();
  });

  it('gives the UDAF shape of BigQuery: aggregate and merge return nothing', () => {
    const udaf = toUdaf(npsAccumulator());
    expectTypeOf(udaf).toEqualTypeOf<Udaf<NpsCounts, NpsResult>>();
    expectTypeOf(udaf.initialState).returns.toEqualTypeOf<UdafState<NpsCounts>>();
    expectTypeOf(udaf.aggregate).returns.toBeVoid();
    expectTypeOf(udaf.merge).returns.toBeVoid();
    expectTypeOf(udaf.finalize).returns.toEqualTypeOf<NpsResult>();
  });

  it('takes MRR as records, maps or snapshots with plain date strings', () => {
    expectTypeOf<Readonly<Record<string, number>>>().toExtend<Parameters<typeof mrrMovements>[0]>();
    mrrMovements(new Map([['a', 1]]), [{ accountId: 'a', month: '2026-06-01', mrr: 1 }]);
    // @ts-expect-error amounts are numbers
    mrrMovements({ a: '1' }, {});
  });
  it('gives dates in results as CalendarDate while options take plain strings', () => {
    const table = cohortRetention([], { period: 'month', asOf: '2026-06-30' });
    expectTypeOf(table.asOf).toEqualTypeOf<CalendarDate>();
    expectTypeOf(table.cohorts[0]?.cohort).toEqualTypeOf<CalendarDate | undefined>();
    expectTypeOf(table.cohorts[0]?.periods[0]?.end).toEqualTypeOf<CalendarDate | undefined>();
    expectTypeOf(mrrMovementsForMonth([], '2026-06-01').previousMonth).toEqualTypeOf<CalendarDate>();
  });

  it('names the verdict of a comparison and the reasons of a missing number as string unions', () => {
    expectTypeOf(compareNps([9], [3]).status).toEqualTypeOf<NpsComparisonStatus>();
    expectTypeOf<NpsComparisonStatus>().toEqualTypeOf<'significant' | 'not_significant' | 'insufficient'>();
    expectTypeOf(compareNps([9], [3]).insufficient).toEqualTypeOf<{
      readonly reason: NpsInsufficiency;
      readonly message: string;
    } | null>();
    expectTypeOf(logoChurn({ startCount: 1, churned: 0 }).nullReason).toEqualTypeOf<LogoChurnNullReason | null>();
  });
});
