import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..', '..', '..');

export interface RunningHub {
  /** `http://127.0.0.1:<port>`: the gateway, which serves /portail and /console. */
  baseUrl: string;
  /** Everything `npm start` printed, for a failing test to show. */
  output(): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * Starts the hub the way the README does (`node bin/spie.js start`), on a scratch data folder and free ports, and
 * waits for the URLs it prints. `E2E_HUB_URL` reuses a hub already running (development only: its data is not fresh).
 */
export async function startHub(timeoutMs = 300_000): Promise<RunningHub> {
  const reuse = process.env['E2E_HUB_URL'];
  if (reuse) return { baseUrl: reuse.replace(/\/$/, ''), output: () => '', stop: async () => undefined };
  const dataDir = mkdtempSync(join(tmpdir(), 'spie-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SPIE_DATA_DIR: dataDir,
    PORT: String(await freePort()),
    SPIE_POSTGRES_PORT: String(await freePort()),
    SPIE_REDIS_PORT: String(await freePort()),
    SPIE_OIDC_PORT: String(await freePort()),
    LOG_LEVEL: 'warn',
  };
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'OIDC_ISSUER', 'OIDC_PERSON_ISSUER'] as const)
    delete env[name];
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'bin', 'spie.js'), 'start'], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      process.kill(-child.pid, 'SIGINT');
      const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const baseUrl = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`npm start printed no portal URL in time:\n${output}`)),
      timeoutMs,
    );
    const check = () => {
      const match = /Portal\s+(http:\/\/\S+)\/portail/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout?.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited (${code}) before printing its URLs:\n${output}`));
    });
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { baseUrl, output: () => output, stop };
}
