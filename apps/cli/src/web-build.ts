import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { WEB_DIST_DIR } from '@spie/web/feature-http';

import { WORKSPACE_ROOT, say } from './cli-environment';

const WEB_ROOT = join(WORKSPACE_ROOT, 'apps', 'web');
const VITE = join(WORKSPACE_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');

/** The newest modification time among the web app's sources (and the lock file, for a dependency change). */
function newestSource(): number {
  let newest = statSync(join(WORKSPACE_ROOT, 'package-lock.json')).mtimeMs;
  const visit = (path: string) => {
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const name of readdirSync(path)) if (name !== 'e2e') visit(join(path, name));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const entry of ['src', 'index.html', 'vite.config.mts', 'tsconfig.json']) visit(join(WEB_ROOT, entry));
  return newest;
}

/** Whether `dist/apps/web` is missing or older than the sources. */
export function webBuildIsStale(): boolean {
  const index = join(WEB_DIST_DIR, 'index.html');
  return !existsSync(index) || statSync(index).mtimeMs < newestSource();
}

/**
 * Builds the web app with Vite when its build is missing or older than its sources (`npm start`). Without Vite (an
 * install without dev dependencies) it says so and goes on: the gateway then answers 503 on the web pages.
 */
export async function ensureWebBuilt(): Promise<void> {
  if (!webBuildIsStale()) return;
  if (!existsSync(VITE)) {
    say(
      'the web app is not built and Vite is not installed (npm ci installs it): the portal and console answer 503',
    );
    return;
  }
  say('building the web app (portal and console)…');
  const started = Date.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [VITE, 'build', '-c', join(WEB_ROOT, 'vite.config.mts'), '--logLevel', 'warn'],
      {
        cwd: WORKSPACE_ROOT,
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`the web build failed (exit ${code})`)),
    );
  });
  say(`web app built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
