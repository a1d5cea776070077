/**
 * Runs every bench/*.bench.ts file in its own process, one after another, so
 * one benchmark's garbage does not slow the next. Each prints JSON lines.
 *
 * Usage: tsx scripts/bench.ts [name-filter]
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const filter = process.argv[2] ?? '';
const files = readdirSync(join(root, 'bench'))
  .filter((file) => file.endsWith('.bench.ts') && file.includes(filter))
  .sort();
for (const file of files) {
  execFileSync(process.execPath, ['--import', 'tsx', join('bench', file)], { cwd: root, stdio: 'inherit' });
}
