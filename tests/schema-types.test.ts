import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The convention "every exported schema constant is also a type of the same
// name" (so `const input: SamplePortfolioInput = …` compiles), checked over
// the whole public surface with the TypeScript compiler: the root entry and
// every module's index. A schema is any exported value with zod's `_zod`
// internals; its type must be the schema's output (z.infer) or input type.

const root = fileURLToPath(new URL('..', import.meta.url));
const entries = [
  'src/index.ts',
  ...readdirSync(`${root}src`, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `src/${entry.name}/index.ts`),
];

interface SchemaExport {
  readonly entry: string;
  readonly name: string;
  /** Why the export breaks the convention, or undefined when it follows it. */
  readonly problem: string | undefined;
}

function compilerOptions(): ts.CompilerOptions {
  const configPath = `${root}tsconfig.json`;
  const config: unknown = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path)).config;
  return { ...ts.parseJsonConfigFileContent(config, ts.sys, root).options, noEmit: true };
}

function sameType(checker: ts.TypeChecker, left: ts.Type, right: ts.Type): boolean {
  return checker.isTypeAssignableTo(left, right) && checker.isTypeAssignableTo(right, left);
}

function schemaExports(): SchemaExport[] {
  const program = ts.createProgram(
    entries.map((entry) => `${root}${entry}`),
    compilerOptions(),
  );
  const checker = program.getTypeChecker();
  const found: SchemaExport[] = [];
  for (const entry of entries) {
    const source = program.getSourceFile(`${root}${entry}`);
    const module = source === undefined ? undefined : checker.getSymbolAtLocation(source);
    if (source === undefined || module === undefined) throw new Error(`cannot load ${entry}`);
    for (const exported of checker.getExportsOfModule(module)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      if (!(symbol.flags & ts.SymbolFlags.Value)) continue;
      const valueType = checker.getTypeOfSymbolAtLocation(symbol, source);
      const internals = valueType.getProperty('_zod');
      if (internals === undefined) continue;
      const name = exported.getName();
      if (!(symbol.flags & ts.SymbolFlags.Type)) {
        found.push({ entry, name, problem: 'no type of the same name' });
        continue;
      }
      const declared = checker.getDeclaredTypeOfSymbol(symbol);
      const zod = checker.getTypeOfSymbolAtLocation(internals, source);
      const output = zod.getProperty('output');
      const input = zod.getProperty('input');
      const matches = [output, input].some(
        (side) => side !== undefined && sameType(checker, declared, checker.getTypeOfSymbolAtLocation(side, source)),
      );
      found.push({
        entry,
        name,
        problem: matches ? undefined : 'its type is neither the output nor the input of the schema',
      });
    }
  }
  return found;
}

describe('exported schemas', () => {
  const found = schemaExports();

  it('are found in the root entry and in every module entry', () => {
    const inRoot = found.filter((schema) => schema.entry === 'src/index.ts');
    expect(inRoot.length).toBeGreaterThanOrEqual(53);
    for (const entry of entries) expect(found.filter((schema) => schema.entry === entry).length).toBeGreaterThan(0);
  });

  it('each have a type of the same name, which is what the schema accepts or returns', () => {
    const broken = found.filter((schema) => schema.problem !== undefined);
    if (broken.length > 0) {
      console.log(broken.map((schema) => `${schema.entry}: ${schema.name}: ${String(schema.problem)}`).join('\n'));
    }
    expect(broken.map((schema) => `${schema.entry}: ${schema.name}: ${String(schema.problem)}`)).toEqual([]);
  });
}, 120_000);
