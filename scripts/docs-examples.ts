/**
 * Extracts every ```ts block from README.md, docs/*.md and the @example tags
 * of src/, writes each to .docs-examples/ (type-checked by `tsc` with the rest
 * of the project), and runs them. Lines ending in `// => value` assert the
 * value of the expression; lines ending in `// throws code` assert that it
 * throws a SuccessKitError with that code.
 *
 * Usage: tsx scripts/docs-examples.ts [--extract-only] [--verbose]
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

interface Example {
  /** File and line of the block's first code line, e.g. `docs/core.md:12`. */
  readonly where: string;
  readonly file: string;
  readonly line: number;
  readonly code: string[];
}

const root = join(import.meta.dirname, '..');
const outDir = join(root, '.docs-examples');
const runDir = join(outDir, 'run');

function listFiles(dir: string, suffix: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(suffix))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
}

/** Code blocks of a markdown file, or of the doc comments of a TypeScript file (with the ` * ` margin removed). */
function examplesIn(file: string): Example[] {
  const fromSource = file.endsWith('.ts');
  const lines = readFileSync(join(root, file), 'utf8').split('\n');
  const examples: Example[] = [];
  let current: { line: number; code: string[] } | undefined;
  lines.forEach((raw, index) => {
    const text = fromSource ? raw.replace(/^\s*\* ?/, '') : raw;
    if (fromSource && !/^\s*\*/.test(raw)) {
      current = undefined;
      return;
    }
    if (current === undefined) {
      if (/^```(ts|typescript)\s*$/.test(text)) current = { line: index + 2, code: [] };
    } else if (/^```\s*$/.test(text)) {
      examples.push({ where: `${file}:${String(current.line)}`, file, line: current.line, code: current.code });
      current = undefined;
    } else {
      current.code.push(text);
    }
  });
  return examples;
}

function moduleName(example: Example): string {
  return `${example.file.replace(/\.(md|ts)$/, '').replace(/[^a-zA-Z0-9]+/g, '-')}-${String(example.line)}`;
}

const marker = /^[ \t]*\/\/ (=>|throws) (.+)$/m;

/**
 * Turns every expression statement followed by `// => value` or
 * `// throws code` on its last line into an assertion. Statements may span
 * several lines; the TypeScript parser finds where they start.
 */
function withAssertions(example: Example): string {
  const text = example.code.join('\n');
  const source = ts.createSourceFile('example.ts', text, ts.ScriptTarget.Latest, true);
  const edits: { start: number; end: number; replacement: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isExpressionStatement(node)) {
      const end = node.getEnd();
      const lineEnd = text.indexOf('\n', end);
      const match = marker.exec(text.slice(end, lineEnd === -1 ? undefined : lineEnd));
      if (match) {
        const line = source.getLineAndCharacterOfPosition(end).line;
        const where = JSON.stringify(`${example.file}:${String(example.line + line)}`);
        const expression = node.expression.getText(source);
        const replacement =
          match[1] === '=>'
            ? `__docs.expectValue(${expression}, ${match[2] ?? ''}, ${where});`
            : `__docs.expectThrows(() => ${expression}, ${JSON.stringify(match[2])}, ${where});`;
        edits.push({ start: node.getStart(source), end, replacement });
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  const markers = text.match(/\/\/ (?:=>|throws) /g)?.length ?? 0;
  if (markers !== edits.length) {
    throw new Error(`${example.where}: a // => or // throws comment must end an expression statement`);
  }
  let body = text;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    body = body.slice(0, edit.start) + edit.replacement + body.slice(edit.end);
  }
  return [`import * as __docs from '../../scripts/doc-assertions';`, body, 'export {};', ''].join('\n');
}

function extract(): { example: Example; runFile: string }[] {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(runDir, { recursive: true });
  const files = [
    'README.md',
    ...listFiles('docs', '.md').filter((file) => !file.startsWith('docs/api/')),
    ...listFiles('src', '.ts'),
  ];
  return files.flatMap(examplesIn).map((example) => {
    const name = moduleName(example);
    writeFileSync(join(outDir, `${name}.ts`), `${example.code.join('\n')}\nexport {};\n`);
    const runFile = join(runDir, `${name}.ts`);
    writeFileSync(runFile, withAssertions(example));
    return { example, runFile };
  });
}

async function run(examples: { example: Example; runFile: string }[], verbose: boolean): Promise<number> {
  const log = console.log;
  let failures = 0;
  for (const { example, runFile } of examples) {
    if (!verbose) console.log = () => undefined;
    try {
      await import(pathToFileURL(runFile).href);
    } catch (error) {
      failures++;
      console.error(`✗ ${example.where}\n  ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      console.log = log;
    }
  }
  return failures;
}

const examples = extract();
if (process.argv.includes('--extract-only')) {
  console.log(`docs examples: extracted ${String(examples.length)} blocks to .docs-examples/`);
} else {
  const failures = await run(examples, process.argv.includes('--verbose'));
  console.log(`docs examples: ${String(examples.length - failures)} passed, ${String(failures)} failed`);
  if (failures > 0) process.exitCode = 1;
}
