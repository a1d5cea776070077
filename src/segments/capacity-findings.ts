import type { CapacityTeam } from './capacity-team.js';
import type { CapacityMeasure, CapacityTotals, SegmentCapacity } from './capacity-plan.js';
import { formatNumber } from './format-number.js';
import type { Segmentation } from './segmentation.js';

/**
 * What a capacity finding is about.
 *
 * | code | when |
 * |---|---|
 * | `no_csms` | the team has no CSMs, and the service models need hours |
 * | `no_csm_hours` | a CSM has no hours a month for the book, and the service models need hours |
 * | `over_capacity` | the service models need more hours than the team has |
 * | `spare_capacity` | the team has at least one CSM more than the service models need |
 * | `under_served` | a segment gets less than all the hours its service model needs |
 * | `tech_touch_high_arr` | a segment of the least-touch tier holds more ARR than its range allows, or an account as large as one of the most-touch tier |
 * | `cost_not_covered` | a segment's ARR is less than what its service model costs |
 * | `outside_range` | accounts per CSM, ARR per CSM or ARR ÷ CSM cost is outside its tier's healthy range |
 *
 * @example
 * ```ts
 * import type { CapacityFindingCode } from 'successkit/segments';
 *
 * const code: CapacityFindingCode = 'over_capacity';
 * ```
 */
export type CapacityFindingCode =
  | 'no_csms'
  | 'no_csm_hours'
  | 'over_capacity'
  | 'spare_capacity'
  | 'under_served'
  | 'tech_touch_high_arr'
  | 'cost_not_covered'
  | 'outside_range';

/**
 * How urgent a finding is: `'critical'` (the plan cannot be delivered or
 * loses money), `'warning'` (it strains or is out of range), `'info'`.
 *
 * @example
 * ```ts
 * import type { FindingSeverity } from 'successkit/segments';
 *
 * const severity: FindingSeverity = 'warning';
 * ```
 */
export type FindingSeverity = 'critical' | 'warning' | 'info';

/**
 * One thing a capacity plan found, with the segment it is about (`null`
 * for the whole team) and a sentence a CS leader can read.
 *
 * @example
 * ```ts
 * import type { CapacityFinding } from 'successkit/segments';
 *
 * const finding: CapacityFinding = {
 *   code: 'over_capacity',
 *   severity: 'critical',
 *   segmentId: null,
 *   tier: null,
 *   message: 'the service models need 315 CSM hours a month and the team has 200: 1.2 CSMs short, 2 to hire',
 * };
 * ```
 */
export interface CapacityFinding {
  readonly code: CapacityFindingCode;
  readonly severity: FindingSeverity;
  /** The segment it is about; `null` for the team as a whole. */
  readonly segmentId: string | null;
  /** That segment's tier; `null` for the team. */
  readonly tier: string | null;
  readonly message: string;
}

const severityRank: Readonly<Record<FindingSeverity, number>> = { critical: 0, warning: 1, info: 2 };

const measureNames = {
  accountsPerCsm: ['accounts per CSM', 0],
  arrPerCsm: ['ARR per CSM', 0],
  arrToCost: ['ARR per CSM ÷ CSM cost', 1],
} as const;

/** A range as text: `8–30`, `at least 8`, `at most 30`; `percent` writes shares as percentages. */
function rangeText(measure: CapacityMeasure, digits: number, percent = false): string {
  const { range } = measure;
  const write = (value: number): string => (percent ? `${formatNumber(value * 100)}%` : formatNumber(value, digits));
  if (range?.min !== undefined && range.max !== undefined) return `${write(range.min)}–${write(range.max)}`;
  if (range?.min !== undefined) return `at least ${write(range.min)}`;
  return `at most ${write(range?.max ?? 0)}`;
}

function teamFindings(totals: CapacityTotals, team: CapacityTeam): CapacityFinding[] {
  const needed = formatNumber(totals.hoursNeeded, 1);
  const base = { segmentId: null, tier: null } as const;
  if (totals.hoursNeeded > 0 && team.hoursPerCsmPerMonth === 0) {
    return [
      {
        ...base,
        code: 'no_csm_hours',
        severity: 'critical',
        message: `a CSM has no hours a month for the book (hoursPerCsmPerMonth is 0), and the service models need ${needed} CSM hours a month`,
      },
    ];
  }
  if (totals.hoursNeeded > 0 && team.csmCount === 0) {
    return [
      {
        ...base,
        code: 'no_csms',
        severity: 'critical',
        message: `the team has no CSMs, and the service models need ${needed} CSM hours a month: ${formatNumber(totals.csmsNeeded ?? 0, 1)} CSMs`,
      },
    ];
  }
  const short = totals.shortfallCsms ?? 0;
  const spare = totals.spareCsms ?? 0;
  if (totals.hoursNeeded > totals.hoursAvailable && short > 0) {
    const hire = Math.max(1, (totals.csmsNeededWhole ?? 0) - Math.floor(team.csmCount));
    return [
      {
        ...base,
        code: 'over_capacity',
        severity: short >= 1 ? 'critical' : 'warning',
        message: `the service models need ${needed} CSM hours a month and the team has ${formatNumber(totals.hoursAvailable, 1)}: ${formatNumber(short, 1)} CSMs short, ${String(hire)} to hire`,
      },
    ];
  }
  if (spare >= 1) {
    return [
      {
        ...base,
        code: 'spare_capacity',
        severity: 'info',
        message: `the service models need ${formatNumber(totals.csmsNeeded ?? 0, 1)} CSMs and the team has ${formatNumber(team.csmCount, 1)}: ${formatNumber(spare, 1)} to spare for a richer service model or a lower tier boundary`,
      },
    ];
  }
  return [];
}

function segmentFindings(
  segmentation: Segmentation,
  segment: SegmentCapacity,
  segments: readonly SegmentCapacity[],
  team: CapacityTeam,
): CapacityFinding[] {
  const findings: CapacityFinding[] = [];
  const about = { segmentId: segment.segmentId, tier: segment.tier } as const;
  const teamCanServe = team.csmCount > 0 && team.hoursPerCsmPerMonth > 0;
  if (teamCanServe && segment.coverage !== null && segment.coverage < 1 - 1e-9) {
    findings.push({
      ...about,
      code: 'under_served',
      // Critical when a whole CSM's month of the service model goes undelivered, as for the team.
      severity: segment.hoursNeeded * (1 - segment.coverage) >= team.hoursPerCsmPerMonth ? 'critical' : 'warning',
      message: `${segment.name}: its service model needs ${formatNumber(segment.hoursNeeded, 1)} CSM hours a month and gets ${formatNumber(segment.csmsAssigned * team.hoursPerCsmPerMonth, 1)} (${formatNumber(segment.coverage * 100)}%)`,
    });
  }
  const leastTouch = segmentation.tiers.at(-1);
  const mostTouch = segmentation.tiers[0];
  if (segment.tier === leastTouch && segmentation.tiers.length > 1) {
    const reasons: string[] = [];
    if (segment.arrShare.status === 'above' && segment.arrShare.value !== null) {
      reasons.push(
        `${formatNumber(segment.arrShare.value * 100)}% of all ARR, above the ${formatNumber((segment.arrShare.range?.max ?? 0) * 100)}% a scaled programme should carry`,
      );
    }
    let smallestTop: number | null = null;
    for (const candidate of segments) {
      if (candidate.tier !== mostTouch || candidate.smallestArr === null) continue;
      if (smallestTop === null || candidate.smallestArr < smallestTop) smallestTop = candidate.smallestArr;
    }
    const largestHere = segment.largestArr;
    if (smallestTop !== null && smallestTop > 0 && largestHere !== null && largestHere >= smallestTop) {
      reasons.push(
        `an account of ${formatNumber(largestHere)} ARR, as large as the smallest of the ${mostTouch} tier (${formatNumber(smallestTop)})`,
      );
    }
    if (reasons.length > 0) {
      findings.push({
        ...about,
        code: 'tech_touch_high_arr',
        severity: 'warning',
        message: `${segment.name}: ${reasons.join('; ')}`,
      });
    }
  } else if (segment.arrShare.status === 'above' || segment.arrShare.status === 'below') {
    findings.push({
      ...about,
      code: 'outside_range',
      severity: 'warning',
      message: `${segment.name}: ${formatNumber((segment.arrShare.value ?? 0) * 100)}% of all ARR, outside the healthy ${rangeText(segment.arrShare, 0, true)}`,
    });
  }
  if (segment.serviceCost !== null && segment.serviceCost > 0 && segment.arr < segment.serviceCost) {
    findings.push({
      ...about,
      code: 'cost_not_covered',
      severity: 'critical',
      message: `${segment.name}: its ARR of ${formatNumber(segment.arr)} a year does not cover the ${formatNumber(segment.serviceCost)} a year its service model costs (${formatNumber(segment.csmsNeeded ?? 0, 1)} CSMs)`,
    });
  }
  for (const key of ['accountsPerCsm', 'arrPerCsm', 'arrToCost'] as const) {
    const value = segment[key];
    if (value.status !== 'above' && value.status !== 'below') continue;
    const [name, digits] = measureNames[key];
    findings.push({
      ...about,
      code: 'outside_range',
      severity: 'warning',
      message: `${segment.name}: ${formatNumber(value.value ?? 0, digits)} ${name}, ${value.status} the healthy ${rangeText(value, digits)}`,
    });
  }
  return findings;
}

/**
 * The findings of a plan, critical first, the team's before the segments'.
 *
 * @internal
 */
export function capacityFindings(
  segmentation: Segmentation,
  segments: readonly SegmentCapacity[],
  totals: CapacityTotals,
  team: CapacityTeam,
): CapacityFinding[] {
  const findings = [
    ...teamFindings(totals, team),
    ...segments.flatMap((segment) => segmentFindings(segmentation, segment, segments, team)),
  ];
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort(
      (left, right) =>
        severityRank[left.finding.severity] - severityRank[right.finding.severity] || left.index - right.index,
    )
    .map(({ finding }) => finding);
}
