import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

import Redis from 'ioredis';

export interface RunningRedis {
  url: string;
  stop(): Promise<void>;
}

export class RedisUnavailableError extends Error {
  constructor(detail: string) {
    super(
      `${detail}\nInstall the Debian/Ubuntu package 'redis-server' (apt-get install redis-server) or set REDIS_URL ` +
        'to a Redis 6.2+ server.',
    );
    this.name = 'RedisUnavailableError';
  }
}

/** Finds `redis-server` on PATH; installs the Debian package when allowed (root on Debian/Ubuntu), saying so. */
export function ensureRedisServerBinary(log: (message: string) => void): string {
  const found = which('redis-server');
  if (found) return found;
  const isRoot = process.getuid?.() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (!isRoot || !hasApt) {
    throw new RedisUnavailableError(
      'redis-server was not found on PATH and cannot be installed automatically here.',
    );
  }
  log("redis-server not found: installing the Debian package 'redis-server' with apt-get (root)…");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () =>
    spawnSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', 'redis-server'], {
      stdio: ['ignore', process.stderr, process.stderr],
      env,
    });
  let result = install();
  if (result.status !== 0) {
    spawnSync('apt-get', ['update', '-q'], { stdio: ['ignore', process.stderr, process.stderr], env });
    result = install();
  }
  const installed = which('redis-server');
  if (result.status !== 0 || !installed)
    throw new RedisUnavailableError('apt-get could not install redis-server.');
  return installed;
}

/** Starts a private Redis (AOF persistence, noeviction as BullMQ requires) bound to 127.0.0.1. */
export async function startPrivateRedis(options: {
  dataDir: string;
  port: number;
  log?: (message: string) => void;
}): Promise<RunningRedis> {
  const log = options.log ?? (() => undefined);
  const binary = ensureRedisServerBinary(log);
  const dir = resolve(options.dataDir);
  mkdirSync(dir, { recursive: true });
  const child: ChildProcess = spawn(
    binary,
    [
      '--port',
      String(options.port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--appendonly',
      'yes',
      '--save',
      '',
      '--maxmemory-policy',
      'noeviction',
      '--daemonize',
      'no',
      '--protected-mode',
      'yes',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += String(chunk)));
  // Whatever ends this process (Ctrl-C handled by another library, an uncaught error), Redis goes with it.
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);
  child.once('exit', () => process.removeListener('exit', killOnExit));
  const url = `redis://127.0.0.1:${options.port}`;
  await waitForRedis(url, child, () => stderr);
  return {
    url,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

async function waitForRedis(url: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 15000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new RedisUnavailableError(`redis-server exited: ${stderr().trim()}`);
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => undefined);
    try {
      await client.connect();
      if ((await client.ping()) === 'PONG') return;
    } catch {
      // not ready yet
    } finally {
      client.disconnect();
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new RedisUnavailableError(`redis-server did not answer on ${url} within 15 s`);
}

function which(command: string): string | undefined {
  const result = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  const path = result.stdout.trim();
  return result.status === 0 && path ? path : undefined;
}
