// Type-aware ESLint for the whole workspace, plus the architecture rule that keeps
// frameworks, I/O, the clock and randomness out of the pure libraries.
import tseslint from 'typescript-eslint';

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
