// One Jest run, three projects: pure unit specs, integration specs against the real
// Kafka broker and PostgreSQL, and cross-service end-to-end specs in test/.
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' });
const transform = {
  // Type checking is a separate step (npm run typecheck, and a test); transpile only here.
  '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', diagnostics: false }],
};
const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  moduleNameMapper,
  transform,
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.local/', '/__fixtures__/'],
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
