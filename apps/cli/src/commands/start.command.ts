import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { Command } from 'commander';

import { demoOidcAccounts } from '@spie/ops/demo-seed';
import { runMigrationsUnderLock } from '@spie/platform/database';
import { isPortFree, findFreePort, type LocalStack } from '@spie/platform/dev-services';
import { staticAccountDirectory } from '@spie/platform/oidc-local';
import { webRedirectUris } from '@spie/web/feature-http';

import {
  LOCAL_DATA_DIR,
  WORKSPACE_ROOT,
  cliEnvironment,
  openDataSource,
  say,
  workerNodeArgs,
} from '../cli-environment';
import { DEMO_ACCOUNTS } from '../demo-accounts';
import { terminate } from '../ingest-context';
import { ensureWebBuilt } from '../web-build';
import { seed } from './seed.command';

const REGISTER = join(WORKSPACE_ROOT, 'bin', 'register.js');

/**
 * `npm start`: services (PostgreSQL, Redis, the local OpenID provider with the demo accounts), migrations, référentiel
 * and demo data, gateway and worker; Ctrl-C stops everything.
 */
export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description(
      'Start the hub with embedded defaults: PostgreSQL, Redis, migrations, demo data, gateway and worker',
    )
    .option('--no-demo', 'do not load the demo dataset')
    .option('--workers <n>', 'number of worker processes', '1')
    .action(async (options: { demo: boolean; workers: string }) => {
      // The gateway's port first: the web app's sign-in callbacks on its origin are registered with the local provider.
      const preferred = Number(process.env['PORT'] ?? 3000);
      const port = (await isPortFree(preferred)) ? preferred : await findFreePort();
      const { env, stack } = await cliEnvironment({
        own: true,
        oidc: {
          accounts: staticAccountDirectory(demoOidcAccounts()),
          redirectUris: [
            ...webRedirectUris(`http://127.0.0.1:${port}`),
            ...webRedirectUris(`http://localhost:${port}`),
          ],
        },
      });
      const children: ChildProcess[] = [];
      let stopping = false;
      const stop = async (code: number) => {
        if (stopping) return;
        stopping = true;
        say('stopping…');
        await Promise.all(children.map((child) => terminate(child)));
        await stack?.stop();
        process.exit(code);
      };
      process.on('SIGINT', () => void stop(0));
      process.on('SIGTERM', () => void stop(0));
      try {
        const dataSource = await openDataSource(env);
        try {
          const applied = await runMigrationsUnderLock(dataSource);
          say(applied.length ? `migrations applied: ${applied.length}` : 'schema is up to date');
          await seed(dataSource, env, { demo: options.demo });
        } finally {
          await dataSource.destroy();
        }
        await ensureWebBuilt();
        const childEnv = { ...process.env, ...env, PORT: String(port) };
        const logDir = join(LOCAL_DATA_DIR, 'logs');
        mkdirSync(logDir, { recursive: true });
        const run = (name: string, entry: string) => {
          // JSON logs go to a file per process; errors that stop a process still reach the terminal (stderr).
          const log = createWriteStream(join(logDir, `${name.replace(/\s+/g, '-')}.log`), { flags: 'a' });
          const nodeArgs = entry.includes('worker') ? workerNodeArgs() : [];
          const child = spawn(process.execPath, [...nodeArgs, '-r', REGISTER, join(WORKSPACE_ROOT, entry)], {
            env: childEnv,
            stdio: ['ignore', 'pipe', 'inherit'],
          });
          child.stdout?.pipe(log);
          child.on('exit', (code, signal) => {
            if (!stopping) {
              say(`${name} exited (${signal ?? code}); stopping the hub`);
              void stop(1);
            }
          });
          children.push(child);
        };
        run('gateway', 'apps/gateway/src/main.ts');
        for (let i = 0; i < Math.max(1, Number(options.workers)); i += 1)
          run(`worker ${i + 1}`, 'apps/worker/src/main.ts');
        const base = `http://127.0.0.1:${port}`;
        await waitForHealth(`${base}/health`, 120_000);
        printBanner(base, env, logDir, stack?.started.oidc ?? 'external');
      } catch (error) {
        say(error instanceof Error ? error.message : String(error));
        await stop(1);
      }
    });
}

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the gateway did not become healthy at ${url}`);
}

function printBanner(
  base: string,
  env: Record<string, string>,
  logDir: string,
  oidc: LocalStack['started']['oidc'],
): void {
  const local = oidc === 'local';
  const lines = [
    '',
    'spie-hub is running',
    `  Portal    ${base}/portail   (people: allocataire-demo)`,
    `  Console   ${base}/console   (agents: cd52-orientation, cd52-referent, ft-conseiller, hub-admin…)`,
    `  GraphQL   ${base}/graphql`,
    `  Health    ${base}/health`,
    `  OpenID    ${env['OIDC_ISSUER']}${local ? ' (local provider: sign in in a browser there)' : ''}`,
    `  Database  ${env['DATABASE_URL']?.replace(/:[^:@/]+@/, ':***@')}`,
    `  Redis     ${env['REDIS_URL']}`,
    `  Logs      ${logDir}/{gateway,worker-1}.log`,
    '',
    local
      ? 'Demo accounts, no password; one-time code 123456 for two factors (token: npx spie token <login> [--acr 2fa]):'
      : 'Demo accounts (sign in at your issuer: spie token works only with the local provider):',
    ...DEMO_ACCOUNTS.map((account) => `  ${account.login.padEnd(18)} ${account.description}`),
    '',
    'Example:',
    `  curl -s ${base}/graphql -H "Authorization: Bearer $(npx spie token cd52-orientation)" \\`,
    `       -H 'Content-Type: application/json' -d '{"query":"{ viewer { agent { name } organisation { name } } }"}'`,
    '',
    'Ctrl-C stops everything; the data stays in .data/local for the next start.',
    '',
  ];
  process.stdout.write(lines.join('\n'));
}
