import * as z from 'zod/mini';
import { fail, isCount, kindOf, parseWith, unreadable, type PathSegment } from '../core/internal.js';
import type { AccountSnapshot } from '../snapshot/index.js';

const Count = z.int().check(z.minimum(0));

/**
 * What is normal in the book, for {@link fitSignals}: how many feature
 * requests accounts make in the window (as a distribution, for percentiles)
 * and the book's share of requests off the roadmap and out of scope.
 *
 * @example
 * ```ts
 * import { FitNorms } from 'successkit/fit';
 *
 * FitNorms.parse({ accounts: 2, requestVolume: { values: [0, 3], accounts: [1, 1] }, requests: 3, offRoadmap: 1, outOfScope: 0 }).requests; // => 3
 * ```
 */
export const FitNorms = z
  .strictObject({
    /** Snapshots the norms were computed over. */
    accounts: Count,
    /** Distinct request counts in the window, ascending, and how many accounts made each. */
    requestVolume: z.strictObject({ values: z.array(Count), accounts: z.array(Count.check(z.minimum(1))) }),
    /** Feature requests in the window over the book, a count. */
    requests: Count,
    /** Of them, flagged off the roadmap. */
    offRoadmap: Count,
    /** Of them, flagged out of scope. */
    outOfScope: Count,
  })
  .check(
    z.refine(
      (norms) =>
        norms.requestVolume.values.length === norms.requestVolume.accounts.length &&
        norms.requestVolume.values.every((value, index, values) => index === 0 || value > (values[index - 1] ?? 0)) &&
        norms.requestVolume.accounts.reduce((sum, accounts) => sum + accounts, 0) === norms.accounts &&
        norms.offRoadmap <= norms.requests &&
        norms.outOfScope <= norms.requests,
      {
        path: ['requestVolume'],
        error:
          'expected ascending distinct values, one account count per value summing to accounts, and flagged requests within requests',
      },
    ),
  );

/**
 * Norms of a book; see the {@link FitNorms} schema.
 *
 * @example
 * ```ts
 * import type { FitNorms } from 'successkit/fit';
 *
 * const empty: FitNorms = { accounts: 0, requestVolume: { values: [], accounts: [] }, requests: 0, offRoadmap: 0, outOfScope: 0 };
 * ```
 */
export type FitNorms = z.infer<typeof FitNorms>;

const made = new WeakSet<object>();

/** `norms` when {@link fitNorms} made it, else checked against the schema at `path`. @internal */
export function checkedNorms(norms: unknown, path: readonly PathSegment[]): FitNorms {
  if (typeof norms === 'object' && norms !== null && made.has(norms)) return norms as FitNorms;
  return parseWith(FitNorms, norms, { path });
}

/** A count field of a snapshot, or invalid_input at its path. @internal */
export function countField(
  snapshot: Readonly<Record<string, unknown>>,
  field: string,
  path: readonly PathSegment[],
): number {
  const value = snapshot[field];
  if (!isCount(value)) fail('invalid_input', [...path, field], `expected a whole number >= 0, got ${kindOf(value)}`);
  return value;
}

/**
 * The book's norms for the fit warning signals: the distribution of feature
 * requests per account in the window, and the requests off the roadmap and
 * out of scope, over the snapshots of one day.
 *
 * @param snapshots - the book's snapshots on one day (from `accountSnapshots`)
 * @returns the norms, frozen; pass them to {@link fitSignals}
 * @throws {@link core!SuccessKitError} `invalid_input` for a list that is not an array, or a snapshot whose `featureRequests`, `featureRequestsOffRoadmap` or `featureRequestsOutOfScope` is not a count (at its path)
 *
 * @example
 * ```ts
 * import { fitNorms } from 'successkit/fit';
 *
 * const norms = fitNorms([
 *   { featureRequests: 0, featureRequestsOffRoadmap: 0, featureRequestsOutOfScope: 0 },
 *   { featureRequests: 0, featureRequestsOffRoadmap: 0, featureRequestsOutOfScope: 0 },
 *   { featureRequests: 4, featureRequestsOffRoadmap: 3, featureRequestsOutOfScope: 1 },
 * ]);
 * norms.requestVolume; // => { values: [0, 4], accounts: [2, 1] }
 * norms.offRoadmap; // => 3
 * ```
 */
export function fitNorms(
  snapshots: readonly (
    | AccountSnapshot
    | Pick<AccountSnapshot, 'featureRequests' | 'featureRequestsOffRoadmap' | 'featureRequestsOutOfScope'>
  )[],
): FitNorms {
  try {
    return normsOf(snapshots);
  } catch (thrown) {
    throw unreadable(thrown, 'invalid_input', ['snapshots'], 'the snapshots');
  }
}

function normsOf(snapshots: readonly unknown[]): FitNorms {
  if (!Array.isArray(snapshots))
    fail('invalid_input', ['snapshots'], `expected an array of snapshots, got ${kindOf(snapshots)}`);
  const byCount = new Map<number, number>();
  let requests = 0;
  let offRoadmap = 0;
  let outOfScope = 0;
  for (let index = 0; index < snapshots.length; index++) {
    const snapshot: unknown = snapshots[index];
    const path = ['snapshots', index];
    if (typeof snapshot !== 'object' || snapshot === null) {
      fail('invalid_input', path, `expected an account snapshot (an object), got ${kindOf(snapshot)}`);
    }
    const record = snapshot as Readonly<Record<string, unknown>>;
    const count = countField(record, 'featureRequests', path);
    byCount.set(count, (byCount.get(count) ?? 0) + 1);
    requests += count;
    offRoadmap += Math.min(count, countField(record, 'featureRequestsOffRoadmap', path));
    outOfScope += Math.min(count, countField(record, 'featureRequestsOutOfScope', path));
  }
  const values = [...byCount.keys()].sort((a, b) => a - b);
  const norms: FitNorms = Object.freeze({
    accounts: snapshots.length,
    requestVolume: Object.freeze({
      values: Object.freeze(values) as number[],
      accounts: Object.freeze(values.map((value) => byCount.get(value) ?? 0)) as number[],
    }),
    requests,
    offRoadmap,
    outOfScope,
  });
  made.add(norms);
  return norms;
}

/** Midrank percentile (0–100) of `count` in the book: accounts below plus half those equal, over all; `null` for an empty book. @internal */
export function requestPercentile(norms: FitNorms, count: number): number | null {
  if (norms.accounts === 0) return null;
  let below = 0;
  let equal = 0;
  const { values, accounts } = norms.requestVolume;
  for (let index = 0; index < values.length; index++) {
    const value = values[index] ?? 0;
    if (value < count) below += accounts[index] ?? 0;
    else if (value === count) equal = accounts[index] ?? 0;
    else break;
  }
  return (100 * (below + equal / 2)) / norms.accounts;
}
