/**
 * One list of modules. The folders `src/<module>/index.ts` are the truth;
 * every place that names the subpaths must name exactly those: package.json
 * `exports`, tsup's `modules`, typedoc's `entryPoints`, the size checks,
 * `src/index.ts`, the layers of `.dependency-cruiser.cjs` and the README's
 * module table. Adding a module is its folder plus one line in each; this
 * check says which line is missing.
 *
 * Usage: tsx scripts/check-modules.ts
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { modules as tsupModules } from '../tsup.config';

const root = join(import.meta.dirname, '..');
const read = (path: string): string => readFileSync(join(root, path), 'utf8');
const json = (path: string): unknown => JSON.parse(read(path));

const modules = readdirSync(join(root, 'src'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(root, 'src', entry.name, 'index.ts')))
  .map((entry) => entry.name)
  .sort();

const manifest = json('package.json') as { exports: Record<string, unknown> };
const typedoc = json('typedoc.json') as { entryPoints: string[] };
const sizes = json('.size-limit.json') as { path?: string; import?: string | Record<string, string> }[];
const rootIndex = read('src/index.ts');
const readme = read('README.md');
const cruiser = createRequire(import.meta.url)(join(root, '.dependency-cruiser.cjs')) as {
  forbidden: { name: string }[];
};

const named: Record<string, string[]> = {
  'package.json exports': Object.keys(manifest.exports)
    .filter((key) => key.startsWith('./') && key !== './package.json')
    .map((key) => key.slice(2)),
  'tsup.config.ts modules': [...tsupModules],
  'typedoc.json entryPoints': typedoc.entryPoints.map((path) => /^src\/([^/]+)\/index\.ts$/.exec(path)?.[1] ?? path),
  '.size-limit.json paths': [
    ...new Set(
      sizes
        .flatMap((entry) => [entry.path ?? '', ...Object.keys(typeof entry.import === 'object' ? entry.import : {})])
        .flatMap((path) => /^dist\/([^/]+)\/index\.js$/.exec(path)?.[1] ?? []),
    ),
  ],
  'src/index.ts re-exports': [...rootIndex.matchAll(/from '\.\/([^/]+)\/index\.js'/g)].map((match) => match[1] ?? ''),
  'README module table': [...readme.matchAll(/^\| `successkit\/([a-z]+)` +\|/gm)].map((match) => match[1] ?? ''),
  '.dependency-cruiser.cjs layers': cruiser.forbidden
    .filter((rule) => rule.name.startsWith('layers-'))
    .map((rule) => rule.name.slice('layers-'.length))
    .filter((name) => modules.includes(name)),
};

const problems = Object.entries(named).flatMap(([place, names]) => {
  const missing = modules.filter((name) => !names.includes(name));
  const unknown = names.filter((name) => !modules.includes(name));
  return [
    ...(missing.length > 0 ? [`${place} lacks ${missing.join(', ')}`] : []),
    ...(unknown.length > 0 ? [`${place} names ${unknown.join(', ')}, which has no src/<module>/index.ts`] : []),
  ];
});

if (problems.length > 0) {
  console.error(`modules (${modules.join(', ')}) disagree:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`modules: ${modules.join(', ')} named alike in ${String(Object.keys(named).length)} places`);
