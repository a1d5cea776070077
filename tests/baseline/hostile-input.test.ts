import { describe, expect, it } from 'vitest';
import * as baseline from '../../src/baseline/index';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { exportedFunctions, hostileOutcomes, outcomeOf } from '../hostile-calls';
import { account } from './accounts';

// Every public function of baseline, with arguments it accepts; each argument, the first element of
// each list and each field of each plain object in turn is replaced by every hostile value of
// tests/hostile-values.ts. Each call returns or throws a SuccessKitError, nothing else.
const snapshot = account({
  asOf: '2026-04-30',
  milestones: { first_login: '2026-01-03', configuration_complete: '2026-01-11', ebr_1: '2026-03-30' },
  valueRealized: 0.8,
  valueRealizedDate: '2026-03-30',
});
const progress = baseline.milestoneProgress(baseline.defaultBaseline, snapshot);
const champion = baseline.milestoneProgress(
  baseline.defaultBaseline,
  account({
    id: 'acc-2',
    asOf: '2026-01-20',
    milestones: { first_login: '2026-01-02', configuration_complete: '2026-01-04' },
  }),
);
const rank = baseline.stackRank([progress, champion]);
const plainBaseline = {
  name: 'Two',
  milestones: [
    { id: 'first_login', name: 'First login', dueDay: 5 },
    { id: 'ebr_1', name: 'EBR 1', dueDay: 90, valueTarget: 0.75 },
  ],
};
const selection = {
  choices: [{ name: 'Enterprise', when: { field: 'segment', op: 'eq', value: 'enterprise' }, baseline: plainBaseline }],
  fallback: plainBaseline,
};

const validArguments: Record<string, readonly unknown[]> = {
  defineBaseline: [plainBaseline, {}],
  defaultToleranceDays: [90],
  defineBaselineSelection: [selection],
  baselineFor: [selection, snapshot],
  milestoneProgress: [plainBaseline, snapshot],
  classifyPace: [progress, { championEarlyShare: 0.5 }],
  paceIndex: [progress],
  stackRank: [[progress, champion], { within: 'segment' }],
  peerMatches: [rank.ranked, { by: ['segment'], maxPerChampion: 2 }],
  kaplanMeier: [
    [
      { days: 3, reached: true },
      { days: 5, reached: false },
    ],
  ],
  calibrateBaseline: [plainBaseline, [snapshot], { targetOnTimeShare: 0.7, by: 'plan' }],
  milestoneMessage: [progress, { healthBand: 'green', recentDays: 7 }],
};

function call(name: string, argumentList: readonly unknown[]): unknown {
  return ((baseline as Record<string, unknown>)[name] as (...values: unknown[]) => unknown)(...argumentList);
}

describe('hostile input to baseline', () => {
  it('lists every public function of baseline', () => {
    expect(exportedFunctions(baseline)).toEqual(Object.keys(validArguments).sort());
  });

  it.each(Object.entries(validArguments))(
    '%s answers every hostile value in every position with a result or a SuccessKitError',
    (name, valid) => {
      expect(outcomeOf(() => call(name, valid))).toBe('returned');
      expect(hostileOutcomes((argumentList) => call(name, argumentList), valid)).toEqual([]);
    },
  );

  it('answers a hostile snapshot field with invalid_input at its path', () => {
    const error = catchSuccessKitError(() =>
      baseline.milestoneProgress(baseline.defaultBaseline, { ...snapshot, valueRealized: 10n } as never),
    );
    expect([error.code, issuePaths(error), error.issues[0]?.message]).toEqual([
      'invalid_input',
      ['snapshot.valueRealized'],
      'expected number, got 10n',
    ]);
  });

  it('answers a null baseline with invalid_definition at baseline', () => {
    const error = catchSuccessKitError(() => baseline.milestoneProgress(null as never, snapshot));
    expect([error.code, issuePaths(error)]).toEqual(['invalid_definition', ['baseline']]);
  });
});
