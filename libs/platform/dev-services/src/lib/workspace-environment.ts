import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { DEFAULT_LOCAL_OIDC_PORT, type LocalAccountDirectory } from '@spie/platform/oidc-local';

import { startLocalStack, type LocalStack } from './local-stack';

export const WORKSPACE_ROOT = resolve(__dirname, '..', '..', '..', '..', '..');
export const LOCAL_DATA_DIR = resolve(process.env['SPIE_DATA_DIR'] ?? join(WORKSPACE_ROOT, '.data', 'local'));
const STACK_FILE = join(LOCAL_DATA_DIR, 'stack.json');

interface StackFile {
  pid: number;
  env: Record<string, string>;
  started?: LocalStack['started'];
}

export const say = (message: string) => process.stderr.write(`${message}\n`);

/**
 * The settings of this command: the user's environment first; otherwise the services of a running `npm start`
 * (found in the data folder); otherwise embedded PostgreSQL and a private Redis started for the command.
 */
export async function workspaceEnvironment(
  options: { own?: boolean; oidc?: { accounts: LocalAccountDirectory; redirectUris?: string[] } } = {},
): Promise<{ env: Record<string, string>; stack?: LocalStack }> {
  const user = process.env;
  const external = Boolean(user['DATABASE_URL'] && user['REDIS_URL']);
  if (!external && !options.own) {
    const running = runningStack();
    if (running) return { env: { ...running.env, ...definedOnly(user) } };
  }
  const stack = await startLocalStack({
    dataDir: LOCAL_DATA_DIR,
    database: 'spie',
    postgresPort: Number(user['SPIE_POSTGRES_PORT'] ?? 54329),
    redisPort: Number(user['SPIE_REDIS_PORT'] ?? 63790),
    oidc: options.oidc && {
      ...options.oidc,
      port: Number(user['SPIE_OIDC_PORT'] ?? DEFAULT_LOCAL_OIDC_PORT),
    },
    env: user,
    log: say,
  });
  if (external) return { env: { ...definedOnly(user), ...stack.env }, stack };
  writeFileSync(
    STACK_FILE,
    JSON.stringify({ pid: process.pid, env: stack.env, started: stack.started } satisfies StackFile),
    { mode: 0o600 },
  );
  const stop = stack.stop;
  stack.stop = async () => {
    rmSync(STACK_FILE, { force: true });
    await stop();
  };
  return { env: { ...definedOnly(user), ...stack.env }, stack };
}

/** The settings and services of the `npm start` running on this data folder, if one runs. */
export function runningStack(): { env: Record<string, string>; started?: LocalStack['started'] } | undefined {
  if (!existsSync(STACK_FILE)) return undefined;
  const running = JSON.parse(readFileSync(STACK_FILE, 'utf8')) as StackFile;
  return isAlive(running.pid) ? { env: running.env, started: running.started } : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function definedOnly(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}
