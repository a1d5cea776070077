// @ts-check
import { builtinModules } from 'node:module';
import eslint from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** Node built-ins, with and without the `node:` prefix: src/ must not reach the host. */
const nodeBuiltins = builtinModules.flatMap((name) => [name, `node:${name}`]);

export default defineConfig(
  { ignores: ['dist/', 'coverage/', 'docs/api/', '.docs-examples/', '.pack/', 'node_modules/'] },
  eslint.configs.recommended,
  tseslint.configs.strictTypeChecked,
  tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js', '.dependency-cruiser.cjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: false }],
      eqeqeq: 'error',
      'no-param-reassign': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'src/ is pure: take configuration as arguments.' },
        { name: 'fetch', message: 'src/ does no I/O: the host brings the data.' },
        { name: 'require', message: 'src/ is ESM.' },
        { name: 'setTimeout', message: 'src/ has no clock.' },
        { name: 'setInterval', message: 'src/ has no clock.' },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.map((name) => ({ name, message: 'src/ does no I/O.' })),
            {
              name: 'zod',
              message: "Build schemas with `import * as z from 'zod/mini'`: classic zod does not tree-shake.",
            },
          ],
          patterns: [
            {
              regex: String.raw`^\.\./(?!core/internal\.js$)[^/]+/(?!index\.js$)`,
              message: 'Reach another module through its index.js, or core through core/internal.js.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[source.value='zod/mini'] > ImportSpecifier[imported.name='z']",
          message:
            "Import zod/mini as a namespace (`import * as z from 'zod/mini'`): `{ z }` keeps all of zod in a bundle.",
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'src/ has no clock: take an asOf argument.',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'src/ has no clock: take an asOf argument.',
        },
        {
          selector: "MemberExpression[object.name='Math'][property.name='random']",
          message: 'src/ is deterministic: take a seed.',
        },
        {
          selector: "MemberExpression[object.name='performance'][property.name='now']",
          message: 'src/ has no clock.',
        },
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
