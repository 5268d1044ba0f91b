// Makes sure Debian's Chromium is there for the end-to-end tests (playwright-core downloads no browser).
// Found on PATH (or CHROMIUM_PATH): nothing to do. Missing and root on Debian/Ubuntu: apt-get installs it, saying so.
// Otherwise: exits 1 and says what to install.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const say = (message) => process.stderr.write(`${message}\n`);

function found() {
  if (process.env.CHROMIUM_PATH) return existsSync(process.env.CHROMIUM_PATH);
  return ['chromium', 'chromium-browser'].some((name) => spawnSync('which', [name]).status === 0);
}

if (found()) process.exit(0);
const root = typeof process.getuid === 'function' && process.getuid() === 0;
if (!root || !existsSync('/usr/bin/apt-get')) {
  say('Chromium is missing: install the Debian package `chromium` (sudo apt-get install -y chromium),');
  say('or set CHROMIUM_PATH to a Chromium or Chrome executable.');
  process.exit(1);
}
say(
  'Chromium is missing: installing the Debian package `chromium` (apt-get update && apt-get install -y chromium)…',
);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
if (!found()) {
  say('apt-get ran but no chromium executable is on PATH');
  process.exit(1);
}
