import type { Random } from './random.js';
import {
  industries,
  namePrefixes,
  nameStems,
  nameSuffixes,
  regions,
  type Industry,
  type Segment,
} from './vocabulary.js';

/** How a customer fits the product; drives health and feature requests. */
export type Fit = 'perfect' | 'good' | 'bad';

/** How fast a customer moves through onboarding milestones, relative to the baseline. */
export type Pace = 'champion' | 'cruiser' | 'laggard';

/**
 * The hidden truth behind one sample account: who it is and how it will
 * behave. Everything observable (MRR, usage, surveys, events) is drawn from
 * it, so signals agree with each other the way they do in real books.
 *
 * @internal
 */
export interface Profile {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly domain: string;
  readonly segment: Segment;
  readonly industry: Industry;
  readonly region: string;
  readonly employees: number;
  readonly plan: string;
  /** Effective price of one seat per month, after discount. */
  readonly seatPrice: number;
  /** Seats bought at the start. */
  readonly initialSeats: number;
  /** Latent customer health in [0, 1]. */
  readonly health: number;
  readonly fit: Fit;
  readonly pace: Pace;
  /** Pace multiplier on the onboarding baseline's day offsets (below 1 is ahead). */
  readonly paceFactor: number;
  /** Epoch day of the first day as a customer. */
  readonly startDay: number;
}

const segmentShare = [
  ['enterprise', 0.12],
  ['mid-market', 0.33],
  ['smb', 0.55],
] as const satisfies readonly (readonly [Segment, number])[];

const listPrice: Readonly<Record<string, number>> = { starter: 25, growth: 45, business: 70, enterprise: 110 };

const segmentShape: Readonly<
  Record<
    Segment,
    {
      employees: number;
      seatShare: number;
      plans: readonly [readonly [string, number], ...(readonly [string, number])[]];
      discount: readonly [number, number];
    }
  >
> = {
  enterprise: {
    employees: 6000,
    seatShare: 0.04,
    plans: [
      ['business', 0.3],
      ['enterprise', 0.7],
    ],
    discount: [0.7, 0.9],
  },
  'mid-market': {
    employees: 500,
    seatShare: 0.15,
    plans: [
      ['growth', 0.55],
      ['business', 0.45],
    ],
    discount: [0.85, 1],
  },
  smb: {
    employees: 45,
    seatShare: 0.35,
    plans: [
      ['starter', 0.6],
      ['growth', 0.4],
    ],
    discount: [1, 1],
  },
};

const fitHealthShift: Readonly<Record<Fit, number>> = { perfect: 0.12, good: 0, bad: -0.22 };

/** Baseline day-offset multipliers by pace class. */
const paceRange: Readonly<Record<Pace, readonly [number, number]>> = {
  champion: [0.5, 0.85],
  cruiser: [0.9, 1.15],
  laggard: [1.3, 2.4],
};

/** Tenure in days: skewed towards recent starts, as in a growing business, up to five years. */
const maximumTenureDays = 1825;

function companyName(random: Random, industry: Industry): { name: string; domain: string } {
  const prefix = random.pick(namePrefixes);
  const stem = random.pick(nameStems[industry]);
  const core = `${prefix} ${stem}`;
  return {
    name: `${core}${random.pick(nameSuffixes)}`,
    domain: `${core.toLowerCase().replace(/[^a-z]/g, '')}.example`,
  };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/** Draws the profile of the account at `index`. */
export function drawProfile(random: Random, index: number, asOfDay: number): Profile {
  const segment = random.weighted(segmentShare);
  const shape = segmentShape[segment];
  const industry = random.pick(industries);
  const fit = random.weighted<Fit>([
    ['perfect', 0.15],
    ['good', 0.7],
    ['bad', 0.15],
  ]);
  const health = clamp(random.normal(0.62 + fitHealthShift[fit], 0.18), 0.02, 0.98);
  const paceScore = health + random.normal(0, 0.15);
  const pace: Pace = paceScore > 0.87 ? 'champion' : paceScore < 0.42 ? 'laggard' : 'cruiser';
  const [paceLow, paceHigh] = paceRange[pace];
  const employees = Math.max(5, Math.round(random.logNormal(shape.employees, 0.8)));
  const plan = random.weighted(shape.plans);
  const discount = random.between(shape.discount[0], shape.discount[1]);
  const { name, domain } = companyName(random, industry);
  return {
    index,
    id: `acc-${String(index + 1).padStart(5, '0')}`,
    name,
    domain,
    segment,
    industry,
    region: random.weighted(regions),
    employees,
    plan,
    seatPrice: Math.round((listPrice[plan] ?? 45) * discount * 100) / 100,
    initialSeats: Math.max(3, Math.round(employees * shape.seatShare * random.logNormal(1, 0.35))),
    health,
    fit,
    pace,
    paceFactor: random.between(paceLow, paceHigh),
    startDay: asOfDay - Math.floor(maximumTenureDays * random.next()) - 1,
  };
}
