// @ts-check
/**
 * The architecture of ../shared/DESIGN.md as rules: modules depend downward
 * only, never on a module of their own layer or above, and never in a cycle.
 * `npm run lint` runs it (`depcruise src`).
 */

/** The layers from the bottom up; a module may import only modules of layers below its own. */
const layers = [
  ['core'],
  ['rules', 'metrics', 'sample'],
  ['snapshot'],
  ['journey', 'baseline', 'health', 'fit', 'segments', 'plans', 'forecast'],
  ['playbooks'],
  ['render', 'schema'],
];

/** @param {string[]} names */
const anyOf = (names) => `^src/(${names.join('|')})/`;

/** @type {import('dependency-cruiser').IForbiddenRuleType[]} */
const upward = layers.flatMap((modules, level) => {
  const sameOrAbove = layers.slice(level).flat();
  return modules.map((module) => ({
    name: `layers-${module}`,
    comment: `${module} may import only modules of the layers below it: ${layers.slice(0, level).flat().join(', ') || 'none'}`,
    severity: 'error',
    from: { path: `^src/${module}/` },
    to: { path: anyOf(sameOrAbove.filter((name) => name !== module)) },
  }));
});

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...upward,
    {
      name: 'no-cycles',
      comment: 'Files never import each other in a circle at run time (a circle of type-only imports is erased).',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'through-the-entry',
      comment:
        'A module reaches another only through its public index, or core through src/core/internal.ts; its other files are private.',
      severity: 'error',
      from: { path: '^src/([^/]+)/' },
      to: {
        path: '^src/([^/]+)/',
        pathNot: ['^src/$1/', '^src/[^/]+/index\\.ts$', '^src/core/internal\\.ts$'],
      },
    },
    {
      name: 'known-layer',
      comment: 'Every module folder has a place in the layers; add a new module to the list above.',
      severity: 'error',
      from: { path: '^src/[^/]+/', pathNot: anyOf(layers.flat()) },
      to: {},
    },
    {
      name: 'runtime-dependencies',
      comment: 'src/ depends at run time on zod and date-fns only.',
      severity: 'error',
      from: { path: '^src/' },
      to: {
        dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-bundled', 'npm-no-pkg', 'core'],
        pathNot: '^node_modules/(zod|date-fns)/',
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '^(tests|dist|docs|examples|bench|scripts)/' },
  },
};
