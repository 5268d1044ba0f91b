#!/usr/bin/env node
// Runs the conformance tests when the public samples (`../shared/fixtures`) sit beside the project, as in CI.
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');

const fixtures = process.env.SPIE_SHARED_FIXTURES ?? join(__dirname, '..', '..', '..', 'shared', 'fixtures');
if (!existsSync(fixtures)) {
  if (process.env.CI) {
    console.error(`conformance: ${fixtures} is missing; CI must provide ../shared beside the project`);
    process.exit(1);
  }
  console.error(`conformance: ${fixtures} not found, conformance tests not run (they run in CI)`);
  process.exit(0);
}
const jest = require.resolve('jest/bin/jest');
const result = spawnSync(
  process.execPath,
  [jest, '-c', 'jest.conformance.config.js', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    env: { ...process.env, SPIE_SHARED_FIXTURES: fixtures },
  },
);
process.exit(result.status ?? 1);
