import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

import { WORKSPACE_ROOT } from '@spie/platform/dev-services';

export interface WorkerProcess {
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts the real worker (`apps/worker/src/main.ts`) as a child process on the integration database and Redis, and
 * resolves once it says it is ready: tests that go through the queues use it like production does.
 */
export async function startWorkerProcess(
  options: { env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<WorkerProcess> {
  const child = spawn(
    process.execPath,
    ['-r', join(WORKSPACE_ROOT, 'bin', 'register.js'), join(WORKSPACE_ROOT, 'apps/worker/src/main.ts')],
    {
      cwd: WORKSPACE_ROOT,
      env: { ...process.env, WORKER_CONCURRENCY: '2', ...options.env, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-4000)));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`the worker did not start in time: ${errors}`));
    }, options.timeoutMs ?? 90_000);
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on('line', (line) => {
      if (line.includes('"worker ready"')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the worker exited (${code}) before it was ready: ${errors}`));
    });
  });
  return { child, stop };
}
