import { describe, expect, it } from 'vitest';
import { defaultSegmentation, segmentAccounts, segmentChanges } from '../../src/segments/index';
import { catchSuccessKitError, issuePaths } from '../catch-error';
import { account } from './fixtures';

const before = segmentAccounts(defaultSegmentation, [
  account('up', 90_000),
  account('down', 120_000),
  account('same', 20_000),
  account('gone', 5_000),
]);
const after = segmentAccounts(
  defaultSegmentation,
  [account('up', 120_000), account('down', 12_000), account('same', 21_000), account('new', null)],
  { explain: true },
);

describe('segmentChanges', () => {
  it('lists the accounts that moved tier, with the direction and why', () => {
    const changes = segmentChanges(before, after);
    expect(changes.moved).toEqual([
      {
        accountId: 'up',
        from: { segmentId: 'low-touch', name: 'Low touch', tier: 'low' },
        to: { segmentId: 'high-touch', name: 'High touch', tier: 'high' },
        tierChanged: true,
        direction: 'more_touch',
        arr: { before: 90_000, after: 120_000 },
        why: 'ARR went from 90,000 to 120,000; High touch: ARR 120,000 ≥ 100,000',
      },
      {
        accountId: 'down',
        from: { segmentId: 'high-touch', name: 'High touch', tier: 'high' },
        to: { segmentId: 'tech-touch', name: 'Tech touch', tier: 'tech' },
        tierChanged: true,
        direction: 'less_touch',
        arr: { before: 120_000, after: 12_000 },
        why: 'ARR went from 120,000 to 12,000; Tech touch (fallback): not High touch (ARR 12,000 < 100,000); not Low touch (ARR 12,000 < 15,000)',
      },
    ]);
    expect([changes.handOffs, changes.unchanged]).toEqual([2, 1]);
  });

  it('lists accounts new and gone apart', () => {
    const changes = segmentChanges(before, after);
    expect(changes.entered).toEqual([
      { accountId: 'new', segmentId: 'tech-touch', name: 'Tech touch', tier: 'tech', arr: null },
    ]);
    expect(changes.left).toEqual([
      { accountId: 'gone', segmentId: 'tech-touch', name: 'Tech touch', tier: 'tech', arr: 5_000 },
    ]);
  });

  it('says why without explanations from the ARR alone', () => {
    const changes = segmentChanges(after, before);
    expect(changes.moved[0]?.why).toBe(
      'ARR went from 120,000 to 90,000; Low touch is now the first segment whose rule it meets',
    );
  });

  it('says when the ARR did not change, as when the segmentation did', () => {
    const lowered = segmentAccounts(
      {
        ...defaultSegmentation,
        segments: defaultSegmentation.segments.map((segment) =>
          segment.id === 'high-touch' ? { ...segment, rule: { field: 'arr', op: 'gte', value: 80_000 } } : segment,
        ),
      } as never,
      [account('up', 90_000)],
    );
    const changes = segmentChanges(segmentAccounts(defaultSegmentation, [account('up', 90_000)]), lowered);
    expect(changes.moved.map((move) => [move.direction, move.why])).toEqual([
      ['more_touch', 'ARR unchanged at 90,000; High touch is now the first segment whose rule it meets'],
    ]);
  });

  it('rejects an account listed twice and a result that is not one', () => {
    const twice = segmentAccounts(defaultSegmentation, [account('a', 1), account('a', 2)]);
    const error = catchSuccessKitError(() => segmentChanges(before, twice));
    expect([error.code, issuePaths(error), error.issues[0]?.message]).toEqual([
      'invalid_input',
      ['current.accounts[1].accountId'],
      'account "a" appears twice',
    ]);
    expect(issuePaths(catchSuccessKitError(() => segmentChanges(null as never, after)))).toEqual(['previous']);
    expect(
      issuePaths(catchSuccessKitError(() => segmentChanges(before, { ...after, accounts: [{}] } as never)))[0],
    ).toBe('current.accounts[0].accountId');
  });
});
