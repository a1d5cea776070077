import { Bench } from 'tinybench';

/** One benchmark result, printed as one JSON line. */
export interface BenchLine {
  readonly name: string;
  /** Median milliseconds per run, for long tasks. */
  readonly ms?: number;
  /** Operations (rows, evaluations, …) per second, for throughput tasks. */
  readonly opsPerSec?: number;
  /** How many times faster than the peer measured in the same run. */
  readonly ratio?: number;
  /** Library speed ÷ the speed of a hand-written loop doing the same work on the same data: 1 is the limit. */
  readonly ratioToLimit?: number;
  /** The target from the project's performance requirements, for comparison. */
  readonly target?: string;
}

/** Prints a result line. */
export function report(line: BenchLine): void {
  console.log(JSON.stringify(line));
}

/** Median wall time of `run` in milliseconds over `iterations` runs after one warm-up run. */
export async function medianMs(name: string, run: () => unknown, iterations = 5): Promise<number> {
  const bench = new Bench({ iterations, time: 0, warmupIterations: 1, warmupTime: 0, throws: true });
  bench.add(name, run);
  await bench.run();
  const result = bench.getTask(name)?.result;
  if (result?.state !== 'completed') throw new Error(`benchmark ${name} did not complete`);
  return Math.round(result.latency.p50 * 10) / 10;
}

/** Medians of a run and its hand-written limit measured in alternating pairs (CPU time), and the median of their ratios. */
export interface PairedTimes {
  /** Median milliseconds of the library's run. */
  readonly ms: number;
  /** Median milliseconds of the hand-written run. */
  readonly limitMs: number;
  /** Median over the pairs of hand-written time ÷ library time: the library's speed as a share of the limit. */
  readonly ratioToLimit: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Milliseconds of CPU time (user + system) the process spends in `run`: unlike wall time, it does not count the time other processes hold the core. */
function timed(run: () => unknown): number {
  const started = process.cpuUsage();
  run();
  const { user, system } = process.cpuUsage(started);
  return (user + system) / 1000;
}

/**
 * Times `run` and `limit` (the same work, hand-written) in `pairs` back-to-back pairs, after one warm-up
 * of each, swapping which goes first every pair, in CPU time. On a shared machine the load drifts, and
 * wall time counts the slices other processes take; CPU time of alternating pairs does neither, so the
 * median of the per-pair ratios is far steadier than a ratio of two wall-time medians taken one after
 * the other.
 */
export function pairedMs(run: () => unknown, limit: () => unknown, pairs = 11): PairedTimes {
  run();
  limit();
  const runTimes: number[] = [];
  const limitTimes: number[] = [];
  const ratios: number[] = [];
  for (let pair = 0; pair < pairs; pair++) {
    let runTime: number;
    let limitTime: number;
    if (pair % 2 === 0) {
      runTime = timed(run);
      limitTime = timed(limit);
    } else {
      limitTime = timed(limit);
      runTime = timed(run);
    }
    runTimes.push(runTime);
    limitTimes.push(limitTime);
    ratios.push(limitTime / runTime);
  }
  return {
    ms: Math.round(median(runTimes) * 10) / 10,
    limitMs: Math.round(median(limitTimes) * 10) / 10,
    ratioToLimit: Math.round(median(ratios) * 100) / 100,
  };
}
