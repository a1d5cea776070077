/**
 * Packs the package as npm would publish it, then checks the tarball:
 * publint (package.json and exports), are-the-types-wrong (types for every
 * subpath under node16 ESM and CJS resolution), and a smoke test that imports
 * and requires every subpath from an install of the tarball.
 *
 * Usage: tsx scripts/check-package.ts   (after `npm run build`)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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
      if (error.name !== 'SuccessKitError' || error.constructor.name !== 'SuccessKitError') {
        throw new Error('SuccessKitError is named ' + error.name + ' / ' + error.constructor.name);
      }
    }
    if (core.daysBetween(core.calendarDate('2025-01-01'), core.calendarDate('2025-03-01')) !== 59) throw new Error('daysBetween');
    // The schemas are zod/mini schemas; a host on classic zod parses and embeds them as its own.
    if (core.CalendarDate.parse('2024-02-29') !== '2024-02-29') throw new Error('CalendarDate.parse');
    if (core.CalendarDate.safeParse('2025-02-29').success) throw new Error('CalendarDate.safeParse');
    const Renewal = z.object({ account: core.Id, on: core.CalendarDate, rule: z.optional(rules.Rule) });
    const renewal = Renewal.safeParse({ account: 'acc-1', on: '2026-03-31', rule: { field: 'arr', op: 'gte', value: 1 } });
    if (!renewal.success || renewal.data.on !== '2026-03-31') throw new Error('a classic z.object around successkit schemas');
    const refused = Renewal.safeParse({ account: '', on: '2026-02-30' });
    if (refused.success || refused.error.issues.map((issue) => issue.path.join('.')).join() !== 'account,on') {
      throw new Error('a classic z.object reports the issues of successkit schemas');
    }
    const loaded = ${JSON.stringify(subpaths)}.length;`;
  const esm = `
    import { z } from 'zod';
    import * as core from 'successkit/core';
    import * as rules from 'successkit/rules';
    import { samplePortfolio } from 'successkit/sample';
    ${subpaths.map((path, index) => `import * as m${String(index)} from '${path}';`).join('\n')}
    ${check}
    console.log('esm: ' + loaded + ' subpaths ok');`;
  const cjs = `
    const { z } = require('zod');
    const core = require('successkit/core');
    const rules = require('successkit/rules');
    const { samplePortfolio } = require('successkit/sample');
    ${subpaths.map((path) => `require('${path}');`).join('\n')}
    ${check}
    console.log('cjs: ' + loaded + ' subpaths ok');`;
  process.stdout.write(run(process.execPath, ['--input-type=module', '-e', esm], sandbox));
  process.stdout.write(run(process.execPath, ['--input-type=commonjs', '-e', cjs], sandbox));

  // A TypeScript consumer on classic zod, compiled against the published declarations as ESM (.ts) and CJS (.cts).
  const consumer = `
    import { z } from 'zod';
    import { Account, CalendarDate, calendarDate } from 'successkit/core';
    import { NpsOptions } from 'successkit/metrics';
    import { Rule } from 'successkit/rules';

    type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
    export const same = <Check extends true>(check: Check): Check => check;
    same<Equal<z.infer<typeof CalendarDate>, CalendarDate>>(true);
    same<Equal<z.infer<typeof Account>, Account>>(true);
    same<Equal<z.input<typeof NpsOptions>, NpsOptions>>(true);
    same<Equal<z.output<typeof Rule>, Rule>>(true);

    export const renewal: CalendarDate = CalendarDate.parse('2026-03-31');
    const result = Rule.safeParse({ field: 'arr', op: 'gte', value: 1 });
    export const rule: Rule | undefined = result.success ? result.data : undefined;
    const Renewal = z.object({ on: CalendarDate, rule: z.optional(Rule) });
    export const typed: z.infer<typeof Renewal> = { on: calendarDate('2026-03-31') };
    // @ts-expect-error an unchecked string is not a CalendarDate
    export const unchecked: z.infer<typeof Renewal> = { on: '2026-03-31' };`;
  writeFileSync(join(sandbox, 'package.json'), JSON.stringify({ type: 'module' }));
  writeFileSync(join(sandbox, 'consumer.ts'), consumer);
  writeFileSync(join(sandbox, 'consumer.cts'), consumer);
  const compilerOptions = { module: 'node16', strict: true, exactOptionalPropertyTypes: true, noEmit: true, types: [] };
  writeFileSync(
    join(sandbox, 'tsconfig.json'),
    JSON.stringify({ compilerOptions, files: ['consumer.ts', 'consumer.cts'] }),
  );
  run(bin('tsc'), ['-p', sandbox], sandbox);
  console.log('typescript: classic zod infers, parses and embeds the schemas (node16 ESM and CJS)');
} finally {
  rmSync(sandbox, { recursive: true, force: true });
}
