import * as z from 'zod/mini';
import { describeValue, fail, parseWith, type PathSegment, readingInput } from '../core/internal.js';
import type { Accumulator } from './accumulator.js';
import { checkCount } from './count-checks.js';
import { checkMinorUnits, minorUnitsPerMajor, toMajorUnits, toMinorUnits } from './money.js';
import { type MrrByAccount, readHistory, readPeriod } from './mrr-input.js';
import { checkObject } from './object-checks.js';

/**
 * How an account's MRR moved between two periods:
 *
 * | movement | previous | current |
 * |---|---|---|
 * | `new` | 0 | > 0, and no MRR before the previous period |
 * | `reactivation` | 0 | > 0, after paying at some time before the previous period |
 * | `expansion` | > 0 | more |
 * | `contraction` | > 0 | less, but > 0 |
 * | `churned` | > 0 | 0 |
 * | `unchanged` | > 0 | the same |
 *
 * @example
 * ```ts
 * import type { MrrMovement } from 'successkit/metrics';
 *
 * const movement: MrrMovement = 'reactivation';
 * ```
 */
export type MrrMovement = 'new' | 'reactivation' | 'expansion' | 'contraction' | 'churned' | 'unchanged';

/**
 * One account's MRR in two periods, a row of {@link mrrMovementsAccumulator}.
 * Amounts are in major units of one currency.
 *
 * @example
 * ```ts
 * import type { AccountMrrChange } from 'successkit/metrics';
 *
 * const row: AccountMrrChange = { accountId: 'acc-1', previous: 0, current: 1_200, returning: true };
 * ```
 */
export interface AccountMrrChange {
  /** The account. */
  readonly accountId: string;
  /** MRR in the previous period; 0 when it was not paying. */
  readonly previous: number;
  /** MRR in the current period; 0 when it is not paying. */
  readonly current: number;
  /** True when the account paid at some time before the previous period, so a return is a reactivation. Default false. */
  readonly returning?: boolean | undefined;
}

/**
 * The amounts of an MRR bridge, in major units (or in minor units under
 * `minor`).
 *
 * @example
 * ```ts
 * import type { MrrAmounts } from 'successkit/metrics';
 *
 * const bridge: MrrAmounts = { starting: 100, new: 20, reactivation: 5, expansion: 10, contraction: 4, churned: 6, ending: 125 };
 * ```
 */
export interface MrrAmounts {
  /** MRR of the previous period. */
  readonly starting: number;
  /** MRR of accounts that started paying. */
  readonly new: number;
  /** MRR of accounts that paid before, stopped, and came back. */
  readonly reactivation: number;
  /** MRR added by accounts that already paid. */
  readonly expansion: number;
  /** MRR lost by accounts that still pay. */
  readonly contraction: number;
  /** MRR lost by accounts that stopped paying. */
  readonly churned: number;
  /** MRR of the current period. */
  readonly ending: number;
}

/**
 * Accounts per movement, and at the start and end.
 *
 * @example
 * ```ts
 * import type { MrrAccountCounts } from 'successkit/metrics';
 *
 * const accounts: MrrAccountCounts = { starting: 10, new: 2, reactivation: 0, expansion: 1, contraction: 1, churned: 1, unchanged: 7, ending: 11 };
 * ```
 */
export interface MrrAccountCounts {
  /** Accounts paying in the previous period. */
  readonly starting: number;
  /** Accounts that started paying. */
  readonly new: number;
  /** Accounts that came back. */
  readonly reactivation: number;
  /** Accounts that pay more. */
  readonly expansion: number;
  /** Accounts that pay less. */
  readonly contraction: number;
  /** Accounts that stopped paying. */
  readonly churned: number;
  /** Accounts that pay the same. */
  readonly unchanged: number;
  /** Accounts paying in the current period. */
  readonly ending: number;
}

/**
 * The MRR bridge between two periods: where the change came from. Amounts
 * are in major units; `minor` holds the same amounts in whole minor units
 * (cents for 2 fraction digits), in which
 * `starting + new + reactivation + expansion − contraction − churned === ending`
 * holds exactly. The major amounts are those divided by 100 (or 10^digits),
 * so each prints exactly as its decimal value.
 *
 * @example
 * ```ts
 * import { mrrMovements, type MrrMovementTotals } from 'successkit/metrics';
 *
 * const totals: MrrMovementTotals = mrrMovements({ a: 100 }, { a: 120 });
 * totals.expansion; // => 20
 * ```
 */
export interface MrrMovementTotals extends MrrAmounts {
  /** ending − starting, in major units. */
  readonly netChange: number;
  /** Accounts per movement. */
  readonly accounts: MrrAccountCounts;
  /** The amounts in whole minor units, where the bridge adds up exactly. */
  readonly minor: MrrAmounts;
  /** Fraction digits of the currency: 2 means minor units are hundredths. */
  readonly fractionDigits: number;
}

/**
 * One account's line in the bridge, amounts in major units.
 *
 * @example
 * ```ts
 * import type { AccountMrrMovement } from 'successkit/metrics';
 *
 * const line: AccountMrrMovement = { accountId: 'acc-1', movement: 'expansion', previous: 100, current: 120, change: 20 };
 * ```
 */
export interface AccountMrrMovement {
  /** The account. */
  readonly accountId: string;
  /** How its MRR moved. */
  readonly movement: MrrMovement;
  /** MRR in the previous period. */
  readonly previous: number;
  /** MRR in the current period. */
  readonly current: number;
  /** current − previous. */
  readonly change: number;
}

/**
 * The MRR bridge with a line per account (sorted by account id), as
 * returned by {@link mrrMovements}.
 *
 * @example
 * ```ts
 * import { mrrMovements, type MrrMovements } from 'successkit/metrics';
 *
 * const movements: MrrMovements = mrrMovements({ a: 100 }, { b: 50 });
 * movements.byAccount.map((line) => line.movement); // => ['churned', 'new']
 * ```
 */
export interface MrrMovements extends MrrMovementTotals {
  /** Every account paying in either period, by account id. */
  readonly byAccount: readonly AccountMrrMovement[];
}

/**
 * The state of {@link mrrMovementsAccumulator}: sums in whole minor units and
 * account counts, plain JSON.
 *
 * @example
 * ```ts
 * import { mrrMovementsAccumulator, type MrrMovementState } from 'successkit/metrics';
 *
 * const state: MrrMovementState = mrrMovementsAccumulator().init();
 * state.minor.starting; // => 0
 * ```
 */
export interface MrrMovementState {
  /** Fraction digits of the amounts. */
  fractionDigits: number;
  /** Sums in minor units. */
  minor: { -readonly [Key in keyof MrrAmounts]: number };
  /** Accounts per movement. */
  accounts: { -readonly [Key in keyof MrrAccountCounts]: number };
}

/**
 * Options of {@link mrrMovements}, {@link mrrMovementsForMonth} and {@link mrrMovementsAccumulator}.
 *
 * | option | meaning | default |
 * |---|---|---|
 * | `fractionDigits` | decimals of the currency's minor unit, 0 to 4 (JPY 0, USD 2, KWD 3) | 2 |
 *
 * @example
 * ```ts
 * import { MrrMovementsOptions } from 'successkit/metrics';
 *
 * MrrMovementsOptions.parse({}); // => { fractionDigits: 2 }
 * ```
 */
export const MrrMovementsOptions = z.strictObject({
  fractionDigits: z._default(z.int().check(z.minimum(0), z.maximum(4)), 2),
});

/**
 * Options of the MRR movement functions as callers write them; see the
 * {@link MrrMovementsOptions} schema. {@link mrrMovements} also takes
 * `history`: the ids of accounts that paid at any time before the previous
 * period, which turns their returns into reactivations.
 *
 * @example
 * ```ts
 * import type { MrrMovementsOptions } from 'successkit/metrics';
 *
 * const options: MrrMovementsOptions = { fractionDigits: 0 };
 * ```
 */
export type MrrMovementsOptions = z.input<typeof MrrMovementsOptions>;

const amountKeys = ['starting', 'new', 'reactivation', 'expansion', 'contraction', 'churned', 'ending'] as const;
const accountKeys = [
  'starting',
  'new',
  'reactivation',
  'expansion',
  'contraction',
  'churned',
  'unchanged',
  'ending',
] as const;

function emptyState(fractionDigits: number): MrrMovementState {
  return {
    fractionDigits,
    minor: { starting: 0, new: 0, reactivation: 0, expansion: 0, contraction: 0, churned: 0, ending: 0 },
    accounts: {
      starting: 0,
      new: 0,
      reactivation: 0,
      expansion: 0,
      contraction: 0,
      churned: 0,
      unchanged: 0,
      ending: 0,
    },
  };
}

/** Classifies one account's checked minor amounts. */
function classify(previous: number, current: number, returning: boolean): MrrMovement | null {
  if (previous === 0) {
    if (current === 0) return null;
    return returning ? 'reactivation' : 'new';
  }
  if (current === 0) return 'churned';
  if (current > previous) return 'expansion';
  return current < previous ? 'contraction' : 'unchanged';
}

/** Adds one account's checked minor amounts to a state; returns its movement. */
function addChange(state: MrrMovementState, previous: number, current: number, returning: boolean): MrrMovement | null {
  const movement = classify(previous, current, returning);
  if (movement === null) return null;
  const { minor, accounts } = state;
  minor.starting += previous;
  minor.ending += current;
  if (previous > 0) accounts.starting++;
  if (current > 0) accounts.ending++;
  accounts[movement]++;
  if (movement === 'new' || movement === 'reactivation' || movement === 'expansion') {
    minor[movement] += current - previous;
  } else if (movement === 'contraction' || movement === 'churned') {
    minor[movement] += previous - current;
  }
  return movement;
}

function checkState(
  value: unknown,
  fractionDigits: number,
  path: readonly PathSegment[],
): asserts value is MrrMovementState {
  checkObject(value, path);
  if (value.fractionDigits !== fractionDigits) {
    fail(
      'invalid_input',
      [...path, 'fractionDigits'],
      `expected ${String(fractionDigits)}, got ${describeValue(value.fractionDigits)}`,
    );
  }
  checkObject(value.minor, [...path, 'minor']);
  checkObject(value.accounts, [...path, 'accounts']);
  const { minor, accounts } = value;
  for (const key of amountKeys) checkMinorUnits(minor[key], [...path, 'minor', key]);
  for (const key of accountKeys) checkCount(accounts[key], [...path, 'accounts', key]);
}

function totalsOf(state: MrrMovementState): MrrMovementTotals {
  const perMajor = minorUnitsPerMajor(state.fractionDigits);
  const minor = { ...state.minor };
  const major = (key: (typeof amountKeys)[number]): number => toMajorUnits(minor[key], perMajor);
  return {
    starting: major('starting'),
    new: major('new'),
    reactivation: major('reactivation'),
    expansion: major('expansion'),
    contraction: major('contraction'),
    churned: major('churned'),
    ending: major('ending'),
    netChange: toMajorUnits(minor.ending - minor.starting, perMajor),
    accounts: { ...state.accounts },
    minor,
    fractionDigits: state.fractionDigits,
  };
}

/**
 * The mergeable {@link Accumulator} of MRR movements: rows are accounts with
 * their MRR in both periods (one row per account), the state holds sums in
 * minor units, and the result is the bridge without per-account lines.
 *
 * @param options - the currency's fraction digits; see {@link MrrMovementsOptions}
 * @returns the accumulator
 * @throws {@link core!SuccessKitError} `invalid_input` for bad options; its `add` throws `invalid_input` for a negative or non-finite amount, `merge` and `result` for a malformed state
 *
 * @example
 * ```ts
 * import { accumulate, mrrMovementsAccumulator } from 'successkit/metrics';
 *
 * const metric = mrrMovementsAccumulator();
 * const state = accumulate(metric, [
 *   { accountId: 'a', previous: 100, current: 0 },
 *   { accountId: 'b', previous: 0, current: 40, returning: true },
 * ]);
 * const totals = metric.result(state);
 * [totals.churned, totals.reactivation, totals.ending]; // => [100, 40, 40]
 * ```
 */
export function mrrMovementsAccumulator(
  options?: MrrMovementsOptions,
): Accumulator<AccountMrrChange, MrrMovementState, MrrMovementTotals> {
  const { fractionDigits } = parseWith(MrrMovementsOptions, options ?? {});
  const perMajor = minorUnitsPerMajor(fractionDigits);
  return {
    init: () => emptyState(fractionDigits),
    add: (state, row) => {
      checkObject(row, []);
      const previous = toMinorUnits(row.previous, perMajor, ['previous']);
      const current = toMinorUnits(row.current, perMajor, ['current']);
      addChange(state, previous, current, row.returning === true);
      return state;
    },
    merge: (a, b) => {
      checkState(a, fractionDigits, ['a']);
      checkState(b, fractionDigits, ['b']);
      const merged = emptyState(fractionDigits);
      for (const key of amountKeys) merged.minor[key] = a.minor[key] + b.minor[key];
      for (const key of accountKeys) merged.accounts[key] = a.accounts[key] + b.accounts[key];
      return merged;
    },
    result: (state) => {
      checkState(state, fractionDigits, []);
      return totalsOf(state);
    },
  };
}

/** The bridge between two periods of checked minor amounts per account. @internal */
export function bridge(
  previous: ReadonlyMap<string, number>,
  current: ReadonlyMap<string, number>,
  history: ReadonlySet<string>,
  fractionDigits: number,
): MrrMovements {
  const perMajor = minorUnitsPerMajor(fractionDigits);
  const state = emptyState(fractionDigits);
  const byAccount: AccountMrrMovement[] = [];
  const ids = [...new Set([...previous.keys(), ...current.keys()])].sort();
  for (const accountId of ids) {
    const before = previous.get(accountId) ?? 0;
    const after = current.get(accountId) ?? 0;
    const movement = addChange(state, before, after, history.has(accountId));
    if (movement === null) continue;
    byAccount.push({
      accountId,
      movement,
      previous: toMajorUnits(before, perMajor),
      current: toMajorUnits(after, perMajor),
      change: toMajorUnits(after - before, perMajor),
    });
  }
  return { ...totalsOf(state), byAccount };
}

/**
 * The MRR bridge between two periods — new, reactivation, expansion,
 * contraction and churned MRR — with a line per account. An account with
 * no MRR in the previous period and some now is *new*, unless `history`
 * says it paid before: then it is a *reactivation*, as ChartMogul and
 * Baremetrics count it, so win-backs do not inflate new business.
 *
 * Amounts are added in whole minor units (cents), so
 * `starting + new + reactivation + expansion − contraction − churned === ending`
 * holds exactly on `minor`; amounts with more decimals than the currency has
 * are rounded half away from zero first.
 *
 * @param previous - MRR per account in the previous period (major units)
 * @param current - MRR per account in the current period
 * @param options - `history` (ids of accounts that paid before the previous period) and `fractionDigits` (default 2)
 * @returns the bridge; see {@link MrrMovements}
 * @throws {@link core!SuccessKitError} `invalid_input` for a negative or non-finite amount (path `['previous' | 'current', accountId]`, or `[…, index, 'mrr']` for snapshots), snapshots from two months or two for one account, or bad options
 *
 * @example
 * ```ts
 * import { mrrMovements } from 'successkit/metrics';
 *
 * const july = { northwind: 1_000, globex: 500, initech: 300 };
 * const august = { northwind: 1_200, globex: 450, umbrella: 800, hooli: 200 };
 * const bridge = mrrMovements(july, august, { history: ['hooli'] });
 * [bridge.new, bridge.reactivation, bridge.expansion, bridge.contraction, bridge.churned]; // => [800, 200, 200, 50, 300]
 * const { starting, new: added, reactivation, expansion, contraction, churned, ending } = bridge.minor;
 * starting + added + reactivation + expansion - contraction - churned === ending; // => true
 * ```
 */
export function mrrMovements(
  previous: MrrByAccount,
  current: MrrByAccount,
  options: MrrMovementsOptions & { readonly history?: Iterable<string> } = {},
): MrrMovements {
  return readingInput(() => movementsBetween(previous, current, options));
}

function movementsBetween(
  previous: MrrByAccount,
  current: MrrByAccount,
  options: MrrMovementsOptions & { readonly history?: Iterable<string> },
): MrrMovements {
  checkObject(options, []);
  const { history, ...rest } = options;
  const { fractionDigits } = parseWith(MrrMovementsOptions, rest);
  const perMajor = minorUnitsPerMajor(fractionDigits);
  return bridge(
    readPeriod(previous, 'previous', perMajor),
    readPeriod(current, 'current', perMajor),
    readHistory(history),
    fractionDigits,
  );
}
