import { classifyFit, defaultFitModel } from 'successkit/fit';
import { samplePortfolio } from 'successkit/sample';
import { accountSnapshots, type AccountSnapshot } from 'successkit/snapshot';
import { medianMs, report } from './report.js';

// Requirement: classifyFit with the default model over the 100,000-account
// sample's snapshots at ≥ 500,000 accounts/s. Beside it, a hand-written loop
// doing the same work with no library code: the nine criteria and two
// deal-breakers of defaultFitModel written out as JavaScript with their
// missing-data and known-from checks, the interval, the classes still
// possible and the met/unmet/unknown lists (but no deciding criteria and no
// explanation, which the library adds).
const accounts = 100_000;
const { snapshots } = accountSnapshots(samplePortfolio({ accounts, seed: 1, asOf: '2026-06-30' }));

type Truth = 0 | 1 | 2;
const truth = (value: unknown, test: (value: never) => boolean): Truth =>
  value === null || value === undefined ? 2 : test(value as never) ? 1 : 0;

interface HandResult {
  readonly fitClass: string;
  readonly provisional: boolean;
  readonly scoreRange: readonly [number, number];
  readonly met: string[];
  readonly unmet: string[];
  readonly unknown: string[];
}

const classOf = (score: number): number => (score >= 0.9 - 1e-9 ? 0 : score >= 0.6 - 1e-9 ? 1 : 2);

function handWritten(snapshot: AccountSnapshot): HandResult {
  const tenure = snapshot.tenureDays;
  const states: [string, number, Truth][] = [
    ['value-realized', 3, 'ebr_1' in snapshot.milestones ? truth(snapshot.valueRealized, (v: number) => v >= 0.75) : 2],
    ['healthy-usage', 3, tenure >= 60 ? truth(snapshot.licenseUtilization, (v: number) => v >= 0.7) : 2],
    ['usage-holding', 1, tenure >= 90 ? truth(snapshot.licenseUtilizationChange, (v: number) => v >= -0.1) : 2],
    ['requests-on-roadmap', 2, tenure >= 90 ? (snapshot.featureRequestsOffRoadmap === 0 ? 1 : 0) : 2],
    ['requests-in-scope', 2, tenure >= 90 ? (snapshot.featureRequestsOutOfScope === 0 ? 1 : 0) : 2],
    ['satisfied', 1, truth(snapshot.csatSatisfiedShare, (v: number) => v >= 0.8)],
    [
      'no-severe-escalation',
      1,
      tenure >= 90
        ? snapshot.highestEscalationSeverity === null ||
          snapshot.highestEscalationSeverity === 'low' ||
          snapshot.highestEscalationSeverity === 'medium'
          ? 1
          : 0
        : 2,
    ],
    ['promoter', 1, truth(snapshot.lastNpsCategory, (v: string) => v === 'promoter')],
    ['champion-named', 1, tenure >= 30 ? (snapshot.championNamed ? 1 : 0) : 2],
  ];
  const met: string[] = [];
  const unmet: string[] = [];
  const unknown: string[] = [];
  let metWeight = 0;
  let unknownWeight = 0;
  for (const [id, weight, state] of states) {
    if (state === 1) {
      met.push(id);
      metWeight += weight;
    } else if (state === 0) unmet.push(id);
    else {
      unknown.push(id);
      unknownWeight += weight;
    }
  }
  const scope = snapshot.featureRequestsOutOfScope >= 2;
  const utilization = snapshot.licenseUtilization;
  const abandoned: Truth = tenure >= 120 ? truth(utilization, (v: number) => v < 0.2) : 2;
  const min = metWeight / 15;
  const max = (metWeight + unknownWeight) / 15;
  if (scope || abandoned === 1)
    return { fitClass: 'bad', provisional: false, scoreRange: [min, max], met, unmet, unknown };
  const low = classOf(min);
  const high = classOf(max);
  const provisional = low !== high || (abandoned === 2 && low !== 2);
  return {
    fitClass: ['perfect', 'good', 'bad'][high] ?? 'bad',
    provisional,
    scoreRange: [min, max],
    met,
    unmet,
    unknown,
  };
}

let libraryFinal = 0;
let handFinal = 0;
function runLibrary(): void {
  let final = 0;
  for (const snapshot of snapshots) if (!classifyFit(defaultFitModel, snapshot).provisional) final++;
  libraryFinal = final;
}
function runHandWritten(): void {
  let final = 0;
  for (const snapshot of snapshots) if (!handWritten(snapshot).provisional) final++;
  handFinal = final;
}

const libraryMs = await medianMs('classifyFit', runLibrary, 7);
const handMs = await medianMs('hand-written', runHandWritten, 7);
// The counts keep the work observable and show both computed the same classes.
if (libraryFinal !== handFinal || libraryFinal === 0) {
  throw new Error(
    `library and hand-written loop disagree: ${String(libraryFinal)} vs ${String(handFinal)} final classes`,
  );
}
const libraryRate = Math.round((snapshots.length / libraryMs) * 1000);
const handRate = Math.round((snapshots.length / handMs) * 1000);
report({
  name: `classifyFit defaultFitModel, ${snapshots.length.toLocaleString('en-US')} sample snapshots`,
  opsPerSec: libraryRate,
  ratioToLimit: Math.round((libraryRate / handRate) * 100) / 100,
  target: '≥ 500,000 accounts/s',
});
report({ name: 'hand-written fit loop, same snapshots', opsPerSec: handRate });
