/**
 * Packs the package as npm would publish it, then checks the tarball:
 * publint (package.json and exports), are-the-types-wrong (types for every
 * subpath under node16 ESM and CJS resolution), and a smoke test that imports
 * and requires every subpath from an install of the tarball.
 *
 * Usage: tsx scripts/check-package.ts   (after `npm run build`)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const bin = (name: string): string => join(root, 'node_modules', '.bin', name);
const run = (command: string, args: string[], cwd = root): string =>
  execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });

const packDir = join(root, '.pack');
rmSync(packDir, { recursive: true, force: true });
mkdirSync(packDir);
const [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', packDir])) as {
  filename: string;
  files: { path: string }[];
}[];
if (packed === undefined) throw new Error('npm pack produced nothing');
const tarball = join(packDir, packed.filename);
const shipped = packed.files.map((file) => file.path);
const strays = shipped.filter((path) => !/^(dist\/|package\.json$|README\.md$|CHANGELOG\.md$|LICENSE$)/.test(path));
if (strays.length > 0) throw new Error(`the tarball ships files it should not: ${strays.join(', ')}`);
console.log(`package: ${packed.filename}, ${String(shipped.length)} files`);

process.stdout.write(run(bin('publint'), ['run', tarball, '--strict']));
process.stdout.write(run(bin('attw'), [tarball, '--profile', 'node16', '--format', 'table-flipped']));

// Install the tarball beside the real dependencies and use every subpath from both module systems.
const sandbox = mkdtempSync(join(tmpdir(), 'successkit-smoke-'));
try {
  const modules = join(sandbox, 'node_modules');
  mkdirSync(join(modules, 'successkit'), { recursive: true });
  run('tar', ['-xzf', tarball, '-C', join(modules, 'successkit'), '--strip-components=1']);
  for (const dependency of ['zod', 'date-fns'])
    symlinkSync(join(root, 'node_modules', dependency), join(modules, dependency), 'dir');
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
  const subpaths = Object.keys(manifest.exports)
    .filter((key) => key !== './package.json')
    .map((key) => key.replace(/^\./, 'successkit'));
  const check = `
    const sample = samplePortfolio({ accounts: 3, asOf: '2026-06-30' });
    if (sample.accounts.length !== 3) throw new Error('samplePortfolio');
    try { samplePortfolio({ asOf: 'nope' }); } catch (error) {
      if (!(error instanceof core.SuccessKitError)) throw new Error('one SuccessKitError class across subpaths');
    }
    if (core.daysBetween(core.calendarDate('2025-01-01'), core.calendarDate('2025-03-01')) !== 59) throw new Error('daysBetween');
    const loaded = ${JSON.stringify(subpaths)}.length;`;
  const esm = `
    import * as core from 'successkit/core';
    import { samplePortfolio } from 'successkit/sample';
    ${subpaths.map((path, index) => `import * as m${String(index)} from '${path}';`).join('\n')}
    ${check}
    console.log('esm: ' + loaded + ' subpaths ok');`;
  const cjs = `
    const core = require('successkit/core');
    const { samplePortfolio } = require('successkit/sample');
    ${subpaths.map((path) => `require('${path}');`).join('\n')}
    ${check}
    console.log('cjs: ' + loaded + ' subpaths ok');`;
  process.stdout.write(run(process.execPath, ['--input-type=module', '-e', esm], sandbox));
  process.stdout.write(run(process.execPath, ['--input-type=commonjs', '-e', cjs], sandbox));
} finally {
  rmSync(sandbox, { recursive: true, force: true });
}
