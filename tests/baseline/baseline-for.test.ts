import { describe, expect, it } from 'vitest';
import {
  baselineFor,
  defaultBaseline,
  defineBaselineSelection,
  type BaselineSelectionInput,
} from '../../src/baseline/index';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { account } from './accounts';

const enterprise = {
  name: 'Enterprise onboarding',
  milestones: [
    { id: 'first_login', name: 'First login', dueDay: 10 },
    { id: 'ebr_1', name: 'EBR 1', dueDay: 120, valueTarget: 0.6 },
  ],
};
const selection: BaselineSelectionInput = {
  choices: [
    { name: 'Enterprise', when: { field: 'segment', op: 'eq', value: 'enterprise' }, baseline: enterprise },
    {
      name: 'Large',
      when: { field: 'employees', op: 'gte', value: 1000 },
      baseline: { ...enterprise, name: 'Large onboarding' },
    },
  ],
  fallback: defaultBaseline,
};

describe('baselineFor', () => {
  const defined = defineBaselineSelection(selection);

  it('chooses the first choice whose rule holds, with the rule as the reason', () => {
    const choice = baselineFor(defined, account({ segment: 'enterprise', employees: 5000 }));
    expect([choice.choice, choice.baseline.name, choice.reason]).toEqual([
      'Enterprise',
      'Enterprise onboarding',
      'Enterprise: Segment is enterprise',
    ]);
  });

  it('tries the next choice when one does not hold', () => {
    const choice = baselineFor(defined, account({ employees: 5000 }));
    expect([choice.choice, choice.reason]).toEqual(['Large', 'Large: Employees 5,000 ≥ 1,000']);
  });

  it('falls back to the required default, saying why every choice failed', () => {
    const choice = baselineFor(defined, account());
    expect(choice).toEqual({
      baseline: defaultBaseline,
      choice: null,
      reason:
        'no choice applies (Enterprise: Segment is smb, not enterprise; Large: Employees 40 < 1,000): the fallback, Typical customer',
    });
    expect(baselineFor({ choices: [], fallback: defaultBaseline }, account()).reason).toBe(
      'no choices: the fallback, Typical customer',
    );
  });

  it('returns defined baselines, and takes a plain selection too', () => {
    const choice = baselineFor(selection, account({ segment: 'enterprise' }));
    expect(choice.baseline.milestones[1]?.toleranceDays).toBe(18);
    expect(Object.isFrozen(defined)).toBe(true);
  });

  it('rejects a selection without a fallback, a bad rule, a bad baseline and a duplicate name, at their paths', () => {
    expect(issuePaths(catchSuccessKitError(() => defineBaselineSelection({ choices: [] } as never)))).toEqual([
      'fallback',
    ]);
    const badRule = catchSuccessKitError(() =>
      defineBaselineSelection({
        ...selection,
        choices: [{ ...selection.choices[0]!, when: { field: 'tier', op: 'eq', value: 1 } }],
      }),
    );
    expect([badRule.code, issuePaths(badRule)]).toEqual(['invalid_rule', ['choices[0].when.field']]);
    const badBaseline = catchSuccessKitError(() =>
      defineBaselineSelection({
        ...selection,
        fallback: {
          name: 'x',
          milestones: [
            { id: 'a', name: 'A', dueDay: 5 },
            { id: 'a', name: 'B', dueDay: 6 },
          ],
        },
      }),
    );
    expect([badBaseline.code, issuePaths(badBaseline)]).toEqual(['invalid_definition', ['fallback.milestones[1].id']]);
    const duplicate = catchSuccessKitError(() =>
      defineBaselineSelection({ ...selection, choices: [selection.choices[0]!, selection.choices[0]!] }),
    );
    expect([duplicate.code, issuePaths(duplicate)]).toEqual(['invalid_definition', ['choices[1].name']]);
  });

  it('rejects a snapshot without a real asOf', () => {
    expect(issuePaths(catchSuccessKitError(() => baselineFor(defined, { segment: 'smb' } as never)))).toEqual([
      'snapshot.asOf',
    ]);
  });
});
