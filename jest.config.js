// One Jest run, three projects: pure unit specs, integration specs against the real
// Kafka broker and PostgreSQL, and cross-service end-to-end specs in test/.
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.base.json');

// Loaded by Node with require(esm) (Node ≥ 20.19); Jest needs them transformed (see the transformer).
const ESM_ONLY_PACKAGES = ['@nestjs/terminus'];
const moduleNameMapper = pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' });
const transform = {
  // Type checking is a separate step (npm run typecheck, and a test); transpile only here.
  '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', diagnostics: false }],
  // ESM-only packages, which Jest's CommonJS runtime cannot load as they are.
  [`/node_modules/(${ESM_ONLY_PACKAGES.join('|')})/.+\\.js$`]:
    '<rootDir>/tools/jest/esm-package-transformer.js',
};
const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  moduleNameMapper,
  transform,
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.local/', '/__fixtures__/'],
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY_PACKAGES.join('|')})/)`],
};
const infrastructure = {
  setupFilesAfterEnv: ['<rootDir>/libs/testing/src/infrastructure/integration-timeout.ts'],
  globalSetup: '<rootDir>/libs/testing/src/infrastructure/global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/infrastructure/global-teardown.ts',
};

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,tools}/**/*.unit.spec.ts'],
    },
    {
      ...common,
      ...infrastructure,
      displayName: 'int',
      testMatch: ['<rootDir>/{apps,libs,tools}/**/*.int.spec.ts'],
    },
    {
      ...common,
      ...infrastructure,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e.spec.ts'],
    },
  ],
};
