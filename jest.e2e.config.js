// End-to-end tests: `apps/web/e2e/*.e2e-spec.ts` drive Debian's Chromium (playwright-core) against the hub started as
// the README starts it (`node bin/spie.js start` on a scratch data folder). Run with `npm run test:e2e`.
module.exports = {
  ...require('./jest.preset'),
  displayName: 'e2e',
  testMatch: ['<rootDir>/apps/web/e2e/**/*.e2e-spec.ts'],
  testTimeout: 180000,
};
