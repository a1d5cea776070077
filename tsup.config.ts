import { defineConfig } from 'tsup';

/** The public subpaths besides the root: `successkit/<module>`. */
export const modules = [
  'core',
  'rules',
  'metrics',
  'sample',
  'snapshot',
  'journey',
  'baseline',
  'health',
  'fit',
  'segments',
  'plans',
  'forecast',
] as const;

const shared = { tsconfig: 'tsconfig.build.json', target: 'es2022', sourcemap: false, outDir: 'dist' } as const;

export default defineConfig([
  {
    // ESM keeps one file per source module, so bundlers drop every module an app does not use.
    ...shared,
    entry: ['src/**/*.ts'],
    format: ['esm'],
    bundle: false,
    dts: false,
  },
  {
    // CJS bundles each subpath; shared code goes into chunks, so every subpath sees the same SuccessKitError class.
    ...shared,
    entry: {
      index: 'src/index.ts',
      ...Object.fromEntries(modules.map((name) => [`${name}/index`, `src/${name}/index.ts`])),
    },
    format: ['cjs'],
    splitting: true,
    // The CJS chunks pass through sucrase, which turns `class SuccessKitError` into an anonymous `_class`; keep the name.
    keepNames: true,
    dts: true,
  },
]);
