import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SuccessKitError } from '../../src/core/error';
import {
  accumulate,
  activeShare,
  activeShareAccumulator,
  ces,
  cesAccumulator,
  cohortRetention,
  cohortRetentionAccumulator,
  compareNps,
  csat,
  csatAccumulator,
  groupAccumulator,
  groupMetrics,
  licenseUtilization,
  licenseUtilizationAccumulator,
  logoChurn,
  logoChurnAccumulator,
  mrrMovements,
  mrrMovementsAccumulator,
  mrrMovementsForMonth,
  normalCdf,
  normalQuantile,
  nps,
  npsAccumulator,
  npsCategory,
  paybackMonths,
  revenueChurn,
  revenueRetention,
  simpleLifetimeValue,
  stickiness,
  stickinessAccumulator,
  toUdaf,
  wilsonInterval,
  type Accumulator,
} from '../../src/metrics/index';
import { hostileValues } from '../hostile-values';

// Every public function of metrics, called with each hostile value in each argument (and in the
// fields of its inputs), either returns a result with no NaN or Infinity in it or throws a
// SuccessKitError — also when the hostile value raises an error itself when read (a revoked proxy's
// TypeError, a throwing getter's own Error): that is invalid_input, with the original as its cause.
// The state an accumulator's `add` updates is the one argument not checked: `add` runs once per row
// on a state from `init` or `merge` (see Accumulator), and states from elsewhere are checked by
// `merge` and `result`.

/** 'result', 'SuccessKitError', or a description of what went wrong. */
type Outcome = string;

/** Numbers in a result that are not finite, found without recursing forever on shared or cyclic parts. */
function nonFinite(value: unknown): string[] {
  const found: string[] = [];
  const seen = new Set<object>();
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length > 0) {
    const [current, path] = stack.pop()!;
    if (typeof current === 'number' && !Number.isFinite(current)) found.push(`${path}: ${String(current)}`);
    if (typeof current !== 'object' || current === null || seen.has(current) || seen.size > 10_000) continue;
    seen.add(current);
    for (const [key, child] of Object.entries(current)) stack.push([child, `${path}.${key}`]);
  }
  return found;
}

function outcome(run: () => unknown): Outcome {
  try {
    const result = run();
    const bad = nonFinite(result);
    return bad.length === 0 ? 'result' : `non-finite numbers: ${bad.join(', ')}`;
  } catch (error) {
    if (error instanceof SuccessKitError) return 'SuccessKitError';
    const message = error instanceof Error ? error.message : '';
    return `${error instanceof Error ? error.constructor.name : typeof error}: ${message}`;
  }
}

const allowed = new Set<Outcome>(['result', 'SuccessKitError']);

const subscription = { id: 's1', accountId: 'a', mrr: 100, startDate: '2026-01-10' };
const cohortOptions = { period: 'month', asOf: '2026-03-31' } as const;
const answer = { segment: 'smb', score: 9 };
const groupOptions = {
  by: 'segment' as const,
  metrics: { nps: { accumulator: npsAccumulator(), value: (row: typeof answer) => row.score } },
};

/** An accumulator, a typical row, and a name: each of its four functions is fuzzed. */
const accumulators: [string, Accumulator<never, unknown, unknown>, unknown][] = [
  ['npsAccumulator', npsAccumulator() as never, 9],
  ['csatAccumulator', csatAccumulator() as never, 4],
  ['cesAccumulator', cesAccumulator() as never, 6],
  ['logoChurnAccumulator', logoChurnAccumulator() as never, { payingAtStart: true, payingAtEnd: false }],
  ['cohortRetentionAccumulator', cohortRetentionAccumulator(cohortOptions) as never, [subscription]],
  ['groupAccumulator', groupAccumulator(groupOptions) as never, answer],
  ['mrrMovementsAccumulator', mrrMovementsAccumulator() as never, { accountId: 'a', previous: 1, current: 2 }],
  ['activeShareAccumulator', activeShareAccumulator() as never, true],
  ['licenseUtilizationAccumulator', licenseUtilizationAccumulator() as never, { activeUsers: 3, licenses: 5 }],
  ['stickinessAccumulator', stickinessAccumulator() as never, { activeUsers: 10, averageDailyActiveUsers: 2 }],
];

/** A public function with typical arguments; each argument in turn is replaced by a hostile value. */
const functions: [string, (...args: never[]) => unknown, unknown[]][] = [
  ['nps', nps, [[9, 10, 3], { confidence: 0.9 }]],
  ['npsCategory', npsCategory, [9]],
  ['compareNps', compareNps, [[9, 10], [3, 7], { method: 'wald' }]],
  ['csat', csat, [[4, 5], { scale: 5 }]],
  ['ces', ces, [[6, 7], { scale: 7 }]],
  ['logoChurn', logoChurn, [{ startCount: 10, churned: 2, newAccounts: 1 }, { method: 'average' }]],
  ['revenueChurn', revenueChurn, [{ starting: 100, churned: 5, contraction: 1, expansion: 3 }]],
  ['cohortRetention', cohortRetention, [[subscription], cohortOptions]],
  ['groupMetrics', groupMetrics, [[answer], groupOptions]],
  ['simpleLifetimeValue', simpleLifetimeValue, [{ arpa: 100, grossMargin: 0.8, churnRate: 0.02 }]],
  ['paybackMonths', paybackMonths, [{ cac: 1_000, arpa: 100, grossMargin: 0.8 }]],
  ['mrrMovements', mrrMovements, [{ a: 100 }, { a: 120 }, { history: ['a'], fractionDigits: 2 }]],
  ['mrrMovementsForMonth', mrrMovementsForMonth, [[{ accountId: 'a', month: '2026-06-01', mrr: 5 }], '2026-06-01', {}]],
  ['normalCdf', normalCdf, [0.5]],
  ['normalQuantile', normalQuantile, [0.25]],
  [
    'revenueRetention',
    revenueRetention,
    [{ starting: 100, new: 1, reactivation: 1, expansion: 2, contraction: 1, churned: 1 }, {}],
  ],
  ['toUdaf', toUdaf, [npsAccumulator(), {}]],
  ['activeShare', activeShare, [{ active: 3, total: 4 }, { confidence: 0.9 }]],
  ['licenseUtilization', licenseUtilization, [{ activeUsers: 3, licenses: 5 }]],
  ['stickiness', stickiness, [{ activeUsers: 10, averageDailyActiveUsers: 2 }]],
  ['wilsonInterval', wilsonInterval, [3, 10, { confidence: 0.9 }]],
  ['accumulate', accumulate, [npsAccumulator(), [9, 10]]],
  ...accumulators.flatMap(([name, metric, row]): [string, (...args: never[]) => unknown, unknown[]][] => [
    [
      `${name}().add`,
      (state: unknown, value: unknown) => metric.add(metric.init(), value as never),
      [metric.init(), row],
    ],
    [`${name}().merge`, metric.merge as never, [metric.init(), metric.init()]],
    [`${name}().result`, metric.result as never, [metric.init()]],
  ]),
];

describe('every public metrics function given hostile values', () => {
  it('answers each hostile value in each argument with a result free of NaN and Infinity, or a SuccessKitError', () => {
    const unexpected: string[] = [];
    for (const [name, run, typical] of functions) {
      expect(outcome(() => run(...(typical as never[])))).toBe('result');
      for (let position = 0; position < typical.length; position++) {
        for (const [label, value] of hostileValues()) {
          const args = typical.map((argument, index) => (index === position ? value : argument));
          const result = outcome(() => run(...(args as never[])));
          if (!allowed.has(result)) unexpected.push(`${name}, argument ${String(position)} ${label}: ${result}`);
        }
      }
    }
    expect(unexpected).toEqual([]);
  });

  it('answers hostile values in the fields of its inputs the same way', () => {
    const fieldsOf = (value: unknown): string[] =>
      typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.keys(value) : [];
    const unexpected: string[] = [];
    for (const [name, run, typical] of functions) {
      typical.forEach((argument, position) => {
        // An accumulator is the host's code, not data: its functions are called as given.
        if (name === 'accumulate' && position === 0) return;
        for (const field of fieldsOf(argument)) {
          for (const [label, value] of hostileValues()) {
            const args = typical.map((other, index) =>
              index === position ? { ...(other as object), [field]: value } : other,
            );
            const result = outcome(() => run(...(args as never[])));
            if (!allowed.has(result)) unexpected.push(`${name}, ${field} ${label}: ${result}`);
          }
        }
      });
    }
    expect(unexpected).toEqual([]);
  });

  // fast-check itself cannot hold a revoked proxy (it asks the value for a clone method), so the
  // generated lists draw from the other hostile values; the tables above cover the revoked proxy.
  const hostileItem = fc
    .constantFrom(
      ...hostileValues()
        .filter(([label]) => label !== 'a revoked proxy')
        .map(([label]) => label),
    )
    .map((label) => hostileValues().find(([name]) => name === label)?.[1]);
  const sometimesHostile = (typical: fc.Arbitrary<unknown>) =>
    fc.oneof({ arbitrary: typical, weight: 3 }, { arbitrary: hostileItem, weight: 1 });

  it('answers lists with hostile items the same way (fast-check)', () => {
    const lists: [string, (items: unknown[]) => unknown, fc.Arbitrary<unknown>][] = [
      ['nps', (items) => nps(items as never), fc.integer({ min: 0, max: 10 })],
      ['csat', (items) => csat(items as never), fc.integer({ min: 1, max: 5 })],
      ['cohortRetention', (items) => cohortRetention(items as never, cohortOptions), fc.constant(subscription)],
      ['groupMetrics', (items) => groupMetrics(items as never, groupOptions), fc.constant(answer)],
      [
        'stickiness',
        (items) => stickiness(items as never),
        fc.constant({ activeUsers: 4, averageDailyActiveUsers: 1 }),
      ],
      [
        'mrrMovementsForMonth',
        (items) => mrrMovementsForMonth(items as never, '2026-06-01'),
        fc.constant({ accountId: 'a', month: '2026-05-01', mrr: 1 }),
      ],
    ];
    for (const [name, run, item] of lists) {
      fc.assert(
        fc.property(fc.array(sometimesHostile(item), { maxLength: 6 }), (items) => {
          const result = outcome(() => run(items));
          expect([name, allowed.has(result) ? 'allowed' : result]).toEqual([name, 'allowed']);
        }),
        { numRuns: 60 },
      );
    }
  });
});
