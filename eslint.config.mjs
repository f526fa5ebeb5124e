// Type-aware ESLint for the whole workspace, plus two architecture rules: frameworks, I/O, the
// clock and randomness stay out of the pure libraries, and Nx's module boundaries between the
// projects (their `tags` in each project.json).
import nx from '@nx/eslint-plugin';
import { createProjectGraphAsync } from '@nx/devkit';
import tseslint from 'typescript-eslint';

// The boundary rule reads Nx's cached project graph and silently skips every file when there is
// none (a fresh clone): build it (or bring it up to date) before linting.
await createProjectGraphAsync({ exitOnError: false });

/** Libraries that must stay pure TypeScript: rules, contracts and every context's domain. */
export const pureLibraryFiles = [
  'libs/rules/**/*.ts',
  'libs/contracts/**/*.ts',
  'libs/*/domain/**/*.ts',
];

export const bannedInPureLibraries = [
  '@nestjs/*',
  'typeorm',
  'kafkajs',
  'pg',
  'class-validator',
  'class-transformer',
];

/**
 * Which projects may import which, by tag. `type:app` is each service; `type:domain` a
 * context's pure domain; `type:kernel` the shared domain kernel; `type:tooling` the audit
 * library; `type:tools` the scripts in tools/; `type:e2e` the cross-service tests in test/.
 * Nx itself forbids importing an app (`noImportsOfApps`) and relative imports across projects.
 */
const pureFoundation = ['type:kernel', 'type:rules', 'type:contracts'];
export const moduleBoundaries = [
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: [...pureFoundation, 'type:domain', 'type:platform', 'type:tooling'],
  },
  { sourceTag: 'type:domain', onlyDependOnLibsWithTags: pureFoundation },
  { sourceTag: 'type:kernel', onlyDependOnLibsWithTags: pureFoundation },
  { sourceTag: 'type:rules', onlyDependOnLibsWithTags: pureFoundation },
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: pureFoundation },
  { sourceTag: 'type:platform', onlyDependOnLibsWithTags: pureFoundation },
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: [...pureFoundation, 'type:platform'] },
  {
    sourceTag: 'type:tooling',
    onlyDependOnLibsWithTags: [...pureFoundation, 'type:domain', 'type:platform', 'type:tooling'],
  },
  { sourceTag: 'type:tools', onlyDependOnLibsWithTags: ['*'] },
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['*'] },
];

/** Tests and their helpers may also use the testing library. */
export const testFiles = [
  '**/*.spec.ts',
  '**/*.spec.tsx',
  '**/__tests__/**/*.ts',
  '**/testing/**/*.ts',
  'apps/*/test/**/*.ts',
  'libs/testing/**/*.ts',
];

/**
 * Scripts and cross-service tests run the services in-process: they import each app through
 * its public entry point (`@santunan/<service>-service`, apps/<service>/src/index.ts, and its
 * `/testing` entry for test helpers), never a file inside it.
 */
export const appEntryPoints = ['^@santunan/[a-z]+-service(/testing)?$'];
export const appEntryPointUsers = ['tools/**/*.ts', 'test/**/*.ts', 'libs/audit/**/*.spec.ts'];

/** Relative imports across project lines that have a reason (`allow` is a regular expression). */
const relativeImportExceptions = [
  {
    // Jest runs its global setup and teardown without moduleNameMapper: no path aliases there.
    files: [
      'libs/testing/src/infrastructure/global-setup.ts',
      'libs/testing/src/infrastructure/global-teardown.ts',
    ],
    allow: ['^\\.\\./\\.\\./\\.\\./platform/src/database/'],
  },
  {
    // The browser tests' platform process runs the Jest global setup and teardown itself.
    files: ['test/browser/support/serve-platform.ts'],
    allow: [...appEntryPoints, '/libs/testing/src/infrastructure/global-(setup|teardown)$'],
  },
];

/**
 * Relative imports across project lines still to be replaced by the public entry points
 * (`@santunan/claims-domain/testing`, `@santunan/finance-consumer`, `@santunan/<service>-service`)
 * or, for the console's audit spec, by moving it to test/. Delete each entry with its fix.
 */
export const pendingImportFixes = [
  { files: ['apps/console/src/audit/audit.int.spec.ts'], allow: ['/test/support/'] },
  {
    files: ['tools/scenario/compose-topology.unit.spec.ts'],
    allow: [...appEntryPoints, '/apps/[a-z]+/src/config/[a-z]+-config$'],
  },
];

/** The cycle the console's audit spec makes (console → e2e → console); goes with its move. */
const pendingCircularDependencies = [['console', 'e2e']];

function boundaries({ tests = false, allow = [] } = {}) {
  return [
    'error',
    {
      allow,
      // A library's own specs may import it by its public name, as its users do.
      allowCircularSelfDependency: true,
      // The platform's integration specs use the testing library, which uses the platform.
      ignoredCircularDependencies: [['platform', 'testing'], ...pendingCircularDependencies],
      depConstraints: tests
        ? moduleBoundaries.map((constraint) => ({
            ...constraint,
            onlyDependOnLibsWithTags: [...constraint.onlyDependOnLibsWithTags, 'type:testing'],
          }))
        : moduleBoundaries,
    },
  ];
}

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'coverage/**',
      'reports/**',
      '.local/**',
      '.nx/**',
      'tools/kafka/libs/**',
      '**/*.js',
      '**/*.mjs',
      // Deliberate violations, linted only by the boundary test.
      '**/__fixtures__/lint-violation/**',
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      // Async implementations of async ports often have nothing to await; not a bug.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    rules: { '@nx/enforce-module-boundaries': boundaries() },
  },
  {
    files: testFiles,
    rules: { '@nx/enforce-module-boundaries': boundaries({ tests: true }) },
  },
  {
    files: appEntryPointUsers,
    rules: {
      '@nx/enforce-module-boundaries': boundaries({ tests: true, allow: appEntryPoints }),
    },
  },
  ...[...relativeImportExceptions, ...pendingImportFixes].map(({ files, allow }) => ({
    files,
    rules: { '@nx/enforce-module-boundaries': boundaries({ tests: true, allow }) },
  })),
  {
    // Tests may use loose typing of fixtures and jest matchers.
    files: ['**/*.spec.ts', 'test/**/*.ts', 'libs/testing/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: pureLibraryFiles,
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: bannedInPureLibraries.map((group) => ({
            group: [group, `${group}/**`],
            message:
              'Pure libraries (rules, contracts, domain) must not import frameworks or I/O clients.',
          })),
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Pass the time in; no Date.now() in pure code.',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Pass the time in; no new Date() in pure code.',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'Pass randomness in; no Math.random() in pure code.',
        },
        {
          selector: "CallExpression[callee.name='randomUUID']",
          message: 'Pass ids in; no randomUUID() in pure code.',
        },
        {
          selector: "CallExpression[callee.property.name='randomUUID']",
          message: 'Pass ids in; no randomUUID() in pure code.',
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
);
