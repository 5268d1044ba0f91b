// Conformance tests: the connectors against the public partner samples in `../shared/fixtures` (present in CI).
module.exports = {
  ...require('./jest.preset'),
  displayName: 'conformance',
  testMatch: ['<rootDir>/{apps,libs}/**/*.conformance-spec.ts'],
};
