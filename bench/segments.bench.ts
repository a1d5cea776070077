import { deepStrictEqual } from 'node:assert/strict';
import jsonLogic, { type RulesLogic } from 'json-logic-js';
import { samplePortfolio } from 'successkit/sample';
import { defaultSegmentation, segmentAccounts, type SegmentableSnapshot } from 'successkit/segments';
import { accountSnapshots, type AccountSnapshot } from 'successkit/snapshot';
import { medianMs, report } from './report.js';

// Requirement: segmentAccounts over 1,000,000 snapshots at ≥ 2,000,000
// accounts per second on one core, with the default segmentation (three
// tiers by ARR, first match wins). Set beside a hand-written loop doing the
// same work on the same snapshots — the same first-match test written as
// `if`s, the same tallies (accounts, ARR, accounts without ARR, smallest and
// largest ARR per segment) and the same assignment object per account — and
// beside json-logic-js evaluating the same rules in the same first-match
// loop.
//
// Building a million snapshots from the sample portfolio takes minutes, so
// the bench builds the snapshots of a 100,000-account sample portfolio once
// and repeats them ten times: a million snapshot objects in the array,
// 100,000 of them distinct.
const distinct = 100_000;
const repeats = 10;
const built = accountSnapshots(samplePortfolio({ accounts: distinct, seed: 1, asOf: '2026-06-30' })).snapshots;
const snapshots: readonly AccountSnapshot[] = Array.from({ length: distinct * repeats }, (_, index) => {
  const snapshot = built[index % built.length];
  if (snapshot === undefined) throw new Error('the sample portfolio has no snapshots');
  return snapshot;
});
const count = snapshots.length;

interface Tally {
  accounts: number;
  arr: number;
  withoutArr: number;
  smallest: number | null;
  largest: number | null;
}

interface Assignment {
  readonly accountId: string;
  readonly segmentId: string;
  readonly tier: string;
  readonly arr: number | null;
}

const ids = ['high-touch', 'low-touch', 'tech-touch'] as const;
const tiers = ['high', 'low', 'tech'] as const;

function tally(chosen: number, arr: number | null, tallies: Tally[]): void {
  const row = tallies[chosen];
  if (row === undefined) return;
  row.accounts++;
  if (arr === null) {
    row.withoutArr++;
    return;
  }
  row.arr += arr;
  if (row.smallest === null || arr < row.smallest) row.smallest = arr;
  if (row.largest === null || arr > row.largest) row.largest = arr;
}

function emptyTallies(): Tally[] {
  return ids.map(() => ({ accounts: 0, arr: 0, withoutArr: 0, smallest: null, largest: null }));
}

let handTallies: Tally[] = [];
function handWritten(): Assignment[] {
  const tallies = emptyTallies();
  const out = new Array<Assignment>(count);
  for (let index = 0; index < count; index++) {
    const snapshot = snapshots[index] as SegmentableSnapshot;
    const { arr } = snapshot;
    const chosen = arr !== null && arr >= 100_000 ? 0 : arr !== null && arr >= 15_000 ? 1 : 2;
    tally(chosen, arr, tallies);
    out[index] = { accountId: snapshot.id, segmentId: ids[chosen], tier: tiers[chosen], arr };
  }
  handTallies = tallies;
  return out;
}

const logicRules: RulesLogic[] = [{ '>=': [{ var: 'arr' }, 100_000] }, { '>=': [{ var: 'arr' }, 15_000] }];
let logicTallies: Tally[] = [];
function withJsonLogic(): Assignment[] {
  const tallies = emptyTallies();
  const out = new Array<Assignment>(count);
  for (let index = 0; index < count; index++) {
    const snapshot = snapshots[index];
    if (snapshot === undefined) continue;
    let chosen = 0;
    // json-logic-js compares null >= 100000 as false, as the rules do.
    for (const rule of logicRules) {
      if (jsonLogic.apply(rule, snapshot) === true) break;
      chosen++;
    }
    tally(chosen, snapshot.arr, tallies);
    out[index] = { accountId: snapshot.id, segmentId: ids[chosen] ?? '', tier: tiers[chosen] ?? '', arr: snapshot.arr };
  }
  logicTallies = tallies;
  return out;
}

let libraryTallies: Tally[] = [];
function library(): unknown {
  const segmented = segmentAccounts(defaultSegmentation, snapshots);
  libraryTallies = segmented.segments.map((segment) => ({
    accounts: segment.accounts,
    arr: segment.arr,
    withoutArr: segment.accountsWithoutArr,
    smallest: segment.smallestArr,
    largest: segment.largestArr,
  }));
  return segmented;
}

const libraryMs = await medianMs('segmentAccounts', library, 5);
const handMs = await medianMs('hand-written', handWritten, 5);
const logicMs = await medianMs('json-logic-js', withJsonLogic, 3);
deepStrictEqual(libraryTallies, handTallies);
deepStrictEqual(logicTallies, handTallies);

const rate = (ms: number): number => Math.round((count / ms) * 1000);
report({
  name: `segmentAccounts, default segmentation, ${count.toLocaleString('en-US')} snapshots (${distinct.toLocaleString('en-US')} distinct, repeated ${String(repeats)}×)`,
  ms: libraryMs,
  opsPerSec: rate(libraryMs),
  ratioToLimit: Math.round((rate(libraryMs) / rate(handMs)) * 100) / 100,
  ratio: Math.round((rate(libraryMs) / rate(logicMs)) * 10) / 10,
  target: '≥ 2,000,000 accounts/s',
});
report({ name: 'hand-written first-match loop, same snapshots and tallies', ms: handMs, opsPerSec: rate(handMs) });
report({ name: 'json-logic-js first-match loop, same rules and tallies', ms: logicMs, opsPerSec: rate(logicMs) });
