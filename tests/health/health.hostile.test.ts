import { describe, expect, it } from 'vitest';
import * as health from '../../src/health/index';
import { exportedFunctions, hostileFailures } from '../hostile-calls';
import { fullSnapshot, mixed } from './scorecards';

const result = health.scoreAccount(mixed, fullSnapshot);
const evaluation = {
  snapshots: [fullSnapshot, { ...fullSnapshot, id: 'acc-2', licenseUtilization: 0.2 }],
  outcomes: [
    { accountId: 'acc-1', churnDate: null },
    { accountId: 'acc-2', churnDate: '2026-08-01' },
  ],
  horizonDays: 90,
};

/** Every public function of successkit/health with arguments it accepts. */
const calls: [name: string, run: (...args: unknown[]) => unknown, args: unknown[]][] = [
  ['bandDistribution', health.bandDistribution as never, [mixed, [result]]],
  ['compileScorecard', health.compileScorecard as never, [mixed]],
  ['defineScorecard', health.defineScorecard as never, [mixed, {}]],
  ['evaluateScorecard', health.evaluateScorecard as never, [mixed, evaluation]],
  ['explainChange', health.explainChange as never, [result, result]],
  ['movers', health.movers as never, [[result], [result], { limit: 3 }]],
  ['pathToBand', health.pathToBand as never, [mixed, fullSnapshot, 'green', {}]],
  ['rollUp', health.rollUp as never, [mixed, [result], { parentOf: { 'acc-1': 'p' }, weightBy: 'equal' }]],
  ['scoreAccount', health.scoreAccount as never, [mixed, fullSnapshot, {}]],
  [
    'scoreColumns',
    health.scoreColumns as never,
    [
      mixed,
      {
        seats: Float64Array.of(0.5),
        tickets: Float64Array.of(1),
        nps: Float64Array.of(0),
        champion: Float64Array.of(1),
      },
      { ages: { nps: Float64Array.of(3) } },
    ],
  ],
  ['scorePortfolio', health.scorePortfolio as never, [mixed, [fullSnapshot], {}]],
  [
    'suggestWeights',
    health.suggestWeights as never,
    [
      mixed,
      {
        snapshots: [0.1, 0.3, 0.5, 0.7, 0.9, 0.2, 0.4, 0.6, 0.8, 1].map((licenseUtilization, index) => ({
          ...fullSnapshot,
          id: `s${String(index)}`,
          licenseUtilization,
        })),
        outcomes: Array.from({ length: 10 }, (_, index) => ({
          accountId: `s${String(index)}`,
          churnDate: index % 3 === 0 ? '2026-08-01' : null,
        })),
        horizonDays: 90,
        holdoutShare: 0.2,
      },
    ],
  ],
];

describe('every health function answers hostile input with a SuccessKitError or a result', () => {
  it('lists every exported function', () => {
    const exported = exportedFunctions(health);
    expect(calls.map(([name]) => name).sort()).toEqual(exported);
  });

  for (const [name, run, args] of calls) {
    it(
      name,
      () => {
        expect(() => run(...args)).not.toThrow();
        expect(hostileFailures(run, args, name !== 'scoreColumns')).toEqual([]);
      },
      60_000,
    );
  }
});
