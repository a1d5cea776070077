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
