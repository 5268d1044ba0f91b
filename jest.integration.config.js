// Integration tests: `*.integration-spec.ts`, the real Nest apps on real PostgreSQL and Redis (started once).
module.exports = {
  ...require('./jest.preset'),
  displayName: 'integration',
  testMatch: ['<rootDir>/{apps,libs}/**/*.integration-spec.ts'],
  globalSetup: '<rootDir>/libs/shared/testing/src/lib/integration-global-setup.ts',
  globalTeardown: '<rootDir>/libs/shared/testing/src/lib/integration-global-teardown.ts',
  testTimeout: 60000,
};
