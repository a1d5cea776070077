import * as z from 'zod/mini';
import {
  fail,
  isCalendarDate,
  kindOf,
  parseWith,
  unreadable,
  type CalendarDate,
  type PathSegment,
} from '../core/internal.js';
import type { AccountSnapshot } from '../snapshot/index.js';
import { snapshotRecord } from './classify-fit.js';
import { checkedNorms, countField, requestPercentile, type FitNorms } from './fit-norms.js';

/**
 * How loud a warning signal is: `none`, `low`, `medium` or `high`.
 *
 * @example
 * ```ts
 * import { SignalSeverity } from 'successkit/fit';
 *
 * SignalSeverity.options; // => ['none', 'low', 'medium', 'high']
 * ```
 */
export const SignalSeverity = z.enum(['none', 'low', 'medium', 'high']);

/**
 * A signal's severity; see the {@link SignalSeverity} schema.
 *
 * @example
 * ```ts
 * import type { SignalSeverity } from 'successkit/fit';
 *
 * const loud: SignalSeverity = 'high';
 * ```
 */
export type SignalSeverity = z.infer<typeof SignalSeverity>;

const Share = z.number().check(z.minimum(0), z.maximum(1));

/**
 * The thresholds of the fit warning signals, each with its default.
 *
 * @example
 * ```ts
 * import { FitSignalThresholds } from 'successkit/fit';
 *
 * FitSignalThresholds.parse({}).lowUtilization; // => 0.4
 * ```
 */
export const FitSignalThresholds = z.strictObject({
  /** Percentile (0–100) of the book's request volume from which volume is a signal; default 90. */
  volumePercentile: z._default(z.number().check(z.minimum(0), z.maximum(100)), 90),
  /** Fewest requests in the window that count as volume, whatever the percentile; default 2. */
  minRequests: z._default(z.int().check(z.minimum(1)), 2),
  /** Share (0–1) of requests off the roadmap from which that is a signal; default 0.5. */
  offRoadmapShare: z._default(Share, 0.5),
  /** License utilization (share) below which usage is unhealthy; default 0.4. */
  lowUtilization: z._default(Share, 0.4),
  /** License utilization (share) below which usage is very unhealthy; default 0.25. */
  veryLowUtilization: z._default(Share, 0.25),
  /** A fall in utilization (in shares) from the period before that is a signal; default 0.1. */
  utilizationDrop: z._default(Share, 0.1),
  /** A fall in utilization (in shares) that is a strong signal; default 0.2. */
  steepUtilizationDrop: z._default(Share, 0.2),
  /** CSAT satisfied share below which expectations are misaligned; default 0.7. */
  lowSatisfaction: z._default(Share, 0.7),
  /** CSAT satisfied share below which that is a strong signal; default 0.5. */
  veryLowSatisfaction: z._default(Share, 0.5),
});

/**
 * Thresholds of the fit warning signals as written; see the {@link FitSignalThresholds} schema.
 *
 * @example
 * ```ts
 * import type { FitSignalThresholds } from 'successkit/fit';
 *
 * const stricter: FitSignalThresholds = { lowUtilization: 0.5 };
 * ```
 */
export type FitSignalThresholds = z.input<typeof FitSignalThresholds>;

/**
 * Options of {@link fitSignals}: the book's norms (required in practice, from
 * {@link fitNorms}) and thresholds.
 *
 * @example
 * ```ts
 * import { fitNorms, type FitSignalsOptions } from 'successkit/fit';
 *
 * const options: FitSignalsOptions = { norms: fitNorms([]), thresholds: { volumePercentile: 95 } };
 * ```
 */
export interface FitSignalsOptions {
  /** The book's norms from {@link fitNorms}; without them request volume has no percentile and raises no signal. */
  readonly norms?: FitNorms;
  /** Thresholds; each defaults as {@link FitSignalThresholds} says. */
  readonly thresholds?: FitSignalThresholds;
}

/**
 * One warning signal of a bad fit (seed 000): what raised it, how loud it is,
 * and the counts behind it.
 *
 * @example
 * ```ts
 * import type { FitSignal } from 'successkit/fit';
 *
 * const loud = (signal: FitSignal) => signal.severity === 'high';
 * ```
 */
export interface FitSignal {
  /** `enhancement_requests`, `unhealthy_usage` or `expectation_misalignment`. */
  readonly kind: 'enhancement_requests' | 'unhealthy_usage' | 'expectation_misalignment';
  readonly label: string;
  readonly severity: SignalSeverity;
  /** One sentence per finding behind the severity; empty when nothing was found. */
  readonly evidence: readonly string[];
  /** The numbers read and derived (counts, shares 0–1, percentiles 0–100); `null` where data was missing. */
  readonly counts: Readonly<Record<string, number | null>>;
  /** Snapshot fields the signal would read but were missing. */
  readonly missing: readonly string[];
}

/**
 * The fit warning signals of one account.
 *
 * @example
 * ```ts
 * import type { FitSignals } from 'successkit/fit';
 *
 * const raisedKinds = (result: FitSignals) => result.signals.filter((signal) => signal.severity !== 'none').map((signal) => signal.kind);
 * ```
 */
export interface FitSignals {
  readonly accountId: string | null;
  readonly asOf: CalendarDate | null;
  /** The loudest of the signals. */
  readonly severity: SignalSeverity;
  /** How many signals are above `none`. */
  readonly raised: number;
  /** The three signals, always in the order enhancement requests, unhealthy usage, expectation misalignment. */
  readonly signals: readonly [FitSignal, FitSignal, FitSignal];
}

type Thresholds = z.output<typeof FitSignalThresholds>;

const severityOfPoints = (points: number, high: number): SignalSeverity =>
  points >= high ? 'high' : points >= 2 ? 'medium' : points >= 1 ? 'low' : 'none';

function ordinal(value: number): string {
  const tens = value % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][value % 10] ?? 'th');
  return `${String(value)}${suffix}`;
}

const percent = (share: number): string => `${String(Math.round(share * 100))}%`;

function nullableNumber(
  snapshot: Readonly<Record<string, unknown>>,
  field: string,
  path: readonly PathSegment[],
): number | null {
  const value = snapshot[field];
  if (value === null || value === undefined) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    fail('invalid_input', [...path, field], `expected a finite number or null, got ${kindOf(value)}`);
  }
  return value;
}

function requestSignal(
  snapshot: Readonly<Record<string, unknown>>,
  norms: FitNorms | undefined,
  limits: Thresholds,
): FitSignal {
  const path = ['snapshot'];
  const requests = countField(snapshot, 'featureRequests', path);
  const offRoadmap = Math.min(requests, countField(snapshot, 'featureRequestsOffRoadmap', path));
  const percentile = norms === undefined ? null : requestPercentile(norms, requests);
  const offShare = requests > 0 ? offRoadmap / requests : null;
  const evidence: string[] = [];
  let points = 0;
  if (percentile !== null && percentile >= limits.volumePercentile && requests >= limits.minRequests) {
    points += 2;
    evidence.push(
      `${String(requests)} feature requests in the window, at the ${ordinal(Math.round(percentile))} percentile of the book`,
    );
  }
  if (offShare !== null && offShare >= limits.offRoadmapShare && offRoadmap > 0) {
    points += offRoadmap >= 2 ? 2 : 1;
    evidence.push(
      `${String(offRoadmap)} of ${String(requests)} requests (${percent(offShare)}) are not on the roadmap`,
    );
  }
  return {
    kind: 'enhancement_requests',
    label: 'Asks for enhancements not worth building',
    severity: severityOfPoints(points, 4),
    evidence,
    counts: { requests, offRoadmap, offRoadmapShare: offShare, percentile, bookAccounts: norms?.accounts ?? null },
    missing: [],
  };
}

function usageSignal(snapshot: Readonly<Record<string, unknown>>, limits: Thresholds): FitSignal {
  const path = ['snapshot'];
  const utilization = nullableNumber(snapshot, 'licenseUtilization', path);
  const change = nullableNumber(snapshot, 'licenseUtilizationChange', path);
  const evidence: string[] = [];
  let points = 0;
  if (utilization !== null && utilization < limits.lowUtilization) {
    points += utilization < limits.veryLowUtilization ? 2 : 1;
    evidence.push(`${percent(utilization)} of seats in use, below ${percent(limits.lowUtilization)}`);
  }
  if (change !== null && change <= -limits.utilizationDrop) {
    points += change <= -limits.steepUtilizationDrop ? 2 : 1;
    evidence.push(`utilization fell ${String(Math.round(-change * 100))} points from the period before`);
  }
  const missing = [
    ...(utilization === null ? ['licenseUtilization'] : []),
    ...(change === null ? ['licenseUtilizationChange'] : []),
  ];
  return {
    kind: 'unhealthy_usage',
    label: 'Usage does not look healthy',
    severity: severityOfPoints(points, 3),
    evidence,
    counts: { licenseUtilization: utilization, licenseUtilizationChange: change },
    missing,
  };
}

const severeEscalations: ReadonlySet<unknown> = new Set(['high', 'critical']);

function expectationSignal(snapshot: Readonly<Record<string, unknown>>, limits: Thresholds): FitSignal {
  const path = ['snapshot'];
  const outOfScope = countField(snapshot, 'featureRequestsOutOfScope', path);
  const satisfied = nullableNumber(snapshot, 'csatSatisfiedShare', path);
  const escalations = countField(snapshot, 'escalations', path);
  const highest = snapshot.highestEscalationSeverity;
  const evidence: string[] = [];
  let points = 0;
  if (outOfScope > 0) {
    points += outOfScope >= 2 ? 2 : 1;
    evidence.push(`${String(outOfScope)} request${outOfScope === 1 ? '' : 's'} outside what the product is for`);
  }
  if (satisfied !== null && satisfied < limits.lowSatisfaction) {
    points += satisfied < limits.veryLowSatisfaction ? 2 : 1;
    evidence.push(`${percent(satisfied)} of CSAT answers satisfied, below ${percent(limits.lowSatisfaction)}`);
  }
  if (escalations > 0) {
    const severe = severeEscalations.has(highest);
    points += severe ? 2 : 1;
    evidence.push(
      `${String(escalations)} escalation${escalations === 1 ? '' : 's'} in the window${typeof highest === 'string' && severe ? `, up to ${highest}` : ''}`,
    );
  }
  return {
    kind: 'expectation_misalignment',
    label: 'Expectations do not match what we deliver',
    severity: severityOfPoints(points, 4),
    evidence,
    counts: { outOfScope, csatSatisfiedShare: satisfied, escalations },
    missing: satisfied === null ? ['csatSatisfiedShare'] : [],
  };
}

const rank: Readonly<Record<SignalSeverity, number>> = { none: 0, low: 1, medium: 2, high: 3 };
const Options = z.strictObject({ norms: z.optional(z.unknown()), thresholds: z.optional(FitSignalThresholds) });

/**
 * The warning signals of a bad fit in one account's snapshot (seed 000):
 * enhancement requests (volume in the window as a percentile of the book's,
 * and the share off the roadmap), unhealthy usage (license utilization and
 * its fall), and expectation misalignment (requests out of scope, low CSAT,
 * escalations). Each has a severity, the evidence in sentences and the
 * counts behind it.
 *
 * Severity adds points: a finding scores 1, or 2 when strong (volume at the
 * percentile, two or more off the roadmap or out of scope, a very low share,
 * a steep drop, a high or critical escalation); 1 point is `low`, 2–3
 * `medium`, and 4 (3 for usage, which has two findings) `high`.
 *
 * @param snapshot - the account's snapshot
 * @param options - the book's `norms` from {@link fitNorms}, and `thresholds`; see {@link FitSignalsOptions}
 * @returns the three signals; see {@link FitSignals}
 * @throws {@link core!SuccessKitError} `invalid_input` for a snapshot that is not an object or whose counts are not counts (at `snapshot.<field>`), bad options, or norms that do not match {@link FitNorms}
 *
 * @example
 * ```ts
 * import { fitNorms, fitSignals } from 'successkit/fit';
 *
 * const quiet = { featureRequests: 0, featureRequestsOffRoadmap: 0, featureRequestsOutOfScope: 0, escalations: 0, licenseUtilization: 0.8, licenseUtilizationChange: 0, csatSatisfiedShare: 0.9 };
 * const loud = { featureRequests: 5, featureRequestsOffRoadmap: 4, featureRequestsOutOfScope: 2, escalations: 1, highestEscalationSeverity: 'high', licenseUtilization: 0.2, licenseUtilizationChange: -0.25, csatSatisfiedShare: 0.4 };
 * const norms = fitNorms([quiet, quiet, quiet, quiet, quiet, quiet, quiet, quiet, quiet, loud]);
 * const signals = fitSignals(loud, { norms });
 * signals.signals.map((signal) => signal.severity); // => ['high', 'high', 'high']
 * signals.signals[0].evidence[1]; // => '4 of 5 requests (80%) are not on the roadmap'
 * fitSignals(quiet, { norms }).severity; // => 'none'
 * ```
 */
export function fitSignals(snapshot: AccountSnapshot | object, options: FitSignalsOptions = {}): FitSignals {
  const parsed = parseWith(Options, options, { path: ['options'] });
  const norms = parsed.norms === undefined ? undefined : checkedNorms(parsed.norms, ['options', 'norms']);
  const limits = parseWith(FitSignalThresholds, parsed.thresholds ?? {}, { path: ['options', 'thresholds'] });
  try {
    return signalsOf(snapshotRecord(snapshot, ['snapshot']), norms, limits);
  } catch (thrown) {
    throw unreadable(thrown, 'invalid_input', ['snapshot'], 'the snapshot');
  }
}

function signalsOf(
  record: Readonly<Record<string, unknown>>,
  norms: FitNorms | undefined,
  limits: Thresholds,
): FitSignals {
  const signals = [
    requestSignal(record, norms, limits),
    usageSignal(record, limits),
    expectationSignal(record, limits),
  ] as const;
  let severity: SignalSeverity = 'none';
  let raised = 0;
  for (const signal of signals) {
    if (rank[signal.severity] > rank[severity]) severity = signal.severity;
    if (signal.severity !== 'none') raised++;
  }
  const { id, asOf } = record;
  return {
    accountId: typeof id === 'string' ? id : null,
    asOf: isCalendarDate(asOf) ? asOf : null,
    severity,
    raised,
    signals,
  };
}
