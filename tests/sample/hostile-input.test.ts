import { describe, expect, it } from 'vitest';
import * as sample from '../../src/sample/index';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { exportedFunctions, hostileOutcomes, outcomeOf } from '../hostile-calls';

// Every public function of sample, with arguments it accepts; see
// tests/core/hostile-input.test.ts for how hostile values are placed.
const validArguments: Record<string, readonly unknown[]> = {
  samplePortfolio: [{ asOf: '2026-06-30', accounts: 2, seed: 5 }],
};

function call(name: string, argumentList: readonly unknown[]): unknown {
  return ((sample as Record<string, unknown>)[name] as (...values: unknown[]) => unknown)(...argumentList);
}

describe('hostile input to sample', () => {
  it('lists every public function of sample', () => {
    expect(exportedFunctions(sample)).toEqual(Object.keys(validArguments).sort());
  });

  it.each(Object.entries(validArguments))(
    '%s answers every hostile value in every position with a result or a SuccessKitError',
    (name, valid) => {
      expect(outcomeOf(() => call(name, valid))).toBe('returned');
      expect(hostileOutcomes((argumentList) => call(name, argumentList), valid)).toEqual([]);
    },
  );

  it('answers null input with invalid_input at the root', () => {
    const error = catchSuccessKitError(() => sample.samplePortfolio(null as never));
    expect(error.code).toBe('invalid_input');
    expect(error.issues).toEqual([{ path: [], message: 'expected object, got null' }]);
  });

  it('describes a BigInt seed and a null-prototype asOf without crashing', () => {
    expect(
      catchSuccessKitError(() => sample.samplePortfolio({ asOf: '2026-06-30', seed: 10n as never })).issues,
    ).toEqual([{ path: ['seed'], message: 'expected number, got 10n' }]);
    expect(
      issuePaths(catchSuccessKitError(() => sample.samplePortfolio({ asOf: Object.create(null) as never }))),
    ).toEqual(['asOf']);
  });
});
