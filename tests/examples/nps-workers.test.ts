import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { accumulate, groupMetrics } from 'successkit/metrics';
import { formatRun, mergeStates, partition, singleThread, type WorkersRun } from '../../examples/nps-workers.js';
import { surveyAccumulator, surveyMetrics, surveyRow, surveyRows } from '../../examples/workers/survey-responses.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('the worker example', () => {
  it('derives each survey row from the seed and its row number alone', () => {
    expect(surveyRow(1, 12_345)).toEqual(surveyRow(1, 12_345));
    expect([...surveyRows(1, 10, 13)]).toEqual([surveyRow(1, 10), surveyRow(1, 11), surveyRow(1, 12)]);
    const rows = [...surveyRows(3, 0, 5_000)];
    expect(new Set(rows.map((row) => row.segment))).toEqual(new Set(['enterprise', 'mid-market', 'smb']));
    expect(new Set(rows.map((row) => row.kind))).toEqual(new Set(['nps', 'csat', 'ces']));
    expect(rows.every((row) => Number.isInteger(row.score) && row.score >= 0 && row.score <= 10)).toBe(true);
  });

  it('cuts the table into slices that cover every row once', () => {
    expect(partition(10, 3)).toEqual([
      { start: 0, end: 4 },
      { start: 4, end: 8 },
      { start: 8, end: 10 },
    ]);
    expect(partition(2, 4).reduce((sum, slice) => sum + slice.end - slice.start, 0)).toBe(2);
  });

  it('merges JSON states of slices, in any order, into the single-thread result', () => {
    const seed = 5;
    const states = partition(9_000, 4).map(({ start, end }) =>
      JSON.stringify(accumulate(surveyAccumulator, surveyRows(seed, start, end))),
    );
    const expected = groupMetrics([...surveyRows(seed, 0, 9_000)], surveyMetrics);
    expect(singleThread(seed, 9_000)).toEqual(expected);
    expect(mergeStates(states)).toEqual(expected);
    expect(mergeStates([...states].reverse())).toEqual(expected);
  });

  it('runs worker threads from the command line and prints the same result as one thread', () => {
    const output = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'examples/nps-workers.ts', '--responses', '20000', '--workers', '3', '--seed', '2', '--json'],
      { cwd: root, encoding: 'utf8' },
    );
    const run = JSON.parse(output) as WorkersRun;
    expect(run.identical).toBe(true);
    expect([run.responses, run.workers, run.seed]).toEqual([20_000, 3, 2]);
    expect(run.segments.reduce((sum, segment) => sum + segment.rows, 0)).toBe(20_000);
    expect(run.segments).toEqual(JSON.parse(JSON.stringify(singleThread(2, 20_000))));
    expect(formatRun(run)).toContain('Same result:        yes, identical to the last digit');
  }, 60_000);

  it('says “1 survey answer” and “1 worker thread”, and shows a missing CSAT as — without a % sign', () => {
    const run: WorkersRun = {
      responses: 1,
      workers: 1,
      seed: 1,
      identical: true,
      singleThreadMs: 1,
      workersMs: 2,
      segments: singleThread(1, 1),
    };
    const lines = formatRun(run).split('\n');
    expect(lines[0]).toBe('1 survey answer, seed 1');
    expect(lines).toContain('  1 worker thread:    2 ms, thread start-up included; JSON states merged');
    expect(lines.filter((line) => line.includes('—%'))).toEqual([]);
  });

  it('refuses a bad flag', () => {
    expect(() =>
      execFileSync(process.execPath, ['--import', 'tsx', 'examples/nps-workers.ts', '--workers', '0'], {
        cwd: root,
        encoding: 'utf8',
        stdio: 'pipe',
      }),
    ).toThrow(/--workers takes a whole number of at least 1/);
  }, 60_000);
});
