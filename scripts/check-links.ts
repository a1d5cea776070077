/**
 * The README is read on the npm page and in `node_modules/successkit/`,
 * where relative links break. Every link in it must be absolute, and every
 * link into this repository must name a file that exists.
 *
 * Usage: tsx scripts/check-links.ts
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { homepage: string };
const repositoryFiles = `${manifest.homepage}/blob/main/`;
const readme = readFileSync(join(root, 'README.md'), 'utf8');

const links = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1] ?? '');
const problems = links.flatMap((link) => {
  if (!/^https?:\/\//.test(link)) return [`${link}: relative links break outside the repository`];
  if (!link.startsWith(repositoryFiles)) return [];
  const file = link.slice(repositoryFiles.length).replace(/#.*$/, '');
  return existsSync(join(root, file)) ? [] : [`${link}: no file ${file}`];
});

if (problems.length > 0) {
  console.error(`README links:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`README: ${String(links.length)} links, all absolute, every repository file present`);
