import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { Client } from 'pg';
import { DataSource } from 'typeorm';

import { HUB_ENTITIES } from '@spie/ops/schema';
import { hubDataSourceOptions, runMigrationsUnderLock } from '@spie/platform/database';
import { WORKSPACE_ROOT, startLocalStack, type LocalStack } from '@spie/platform/dev-services';
import { staticAccountDirectory } from '@spie/platform/oidc-local';
import { ReferentielService } from '@spie/referentiel/data-access';
import { REFERENTIEL_V1 } from '@spie/referentiel/domain';

import { TEST_OIDC_ACCOUNTS } from './test-oidc-accounts';

declare global {
  var __SPIE_TEST_STACK__: LocalStack | undefined;
}

/**
 * Once per integration run: a real PostgreSQL (embedded, or DATABASE_URL) and a real Redis (private, or REDIS_URL),
 * a fresh database migrated from zero, the référentiel, and the local OpenID provider, which knows `TEST_OIDC_ACCOUNTS`
 * and takes the accounts the tests register (`registerLocalAccount`). The variables (`OIDC_ISSUER`…) reach every test
 * through process.env.
 */
export default async function integrationGlobalSetup(): Promise<void> {
  // One data folder per run, so that two runs (two terminals, CI and a developer) never share a server.
  const testRoot = join(WORKSPACE_ROOT, '.data', 'test');
  removeDeadRuns(testRoot);
  const dataDir = join(testRoot, `run-${process.pid}`);
  process.env['SPIE_TEST_DATA_DIR'] = dataDir;
  const stack = await startLocalStack({
    dataDir,
    database: 'postgres',
    oidc: { accounts: staticAccountDirectory(TEST_OIDC_ACCOUNTS), acceptAccountRegistration: true },
    env: {
      ...process.env,
      DATABASE_URL: process.env['TEST_DATABASE_URL'],
      REDIS_URL: process.env['TEST_REDIS_URL'],
      // The tests always sign in at their own local provider.
      OIDC_ISSUER: undefined,
    },
    log: (message) => process.stderr.write(`[integration] ${message}\n`),
  });
  globalThis.__SPIE_TEST_STACK__ = stack;
  const adminUrl = stack.env['DATABASE_URL'] as string;
  const url = new URL(adminUrl);
  url.pathname = '/spie_test';
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS spie_test WITH (FORCE)');
  await admin.query('CREATE DATABASE spie_test');
  await admin.end();

  Object.assign(process.env, stack.env, {
    DATABASE_URL: url.toString(),
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    // Test files share accounts and run side by side: no budget is spent out. The rate-limit tests set their own.
    RATE_LIMIT_REQUESTS: process.env['RATE_LIMIT_REQUESTS'] ?? '1000000',
    RATE_LIMIT_ANONYMOUS_REQUESTS: process.env['RATE_LIMIT_ANONYMOUS_REQUESTS'] ?? '1000000',
  });
  // One issuer for agents and people: the local provider (its `spie-portal` client signs people in).
  delete process.env['OIDC_PERSON_ISSUER'];
  const dataSource = await new DataSource(
    hubDataSourceOptions({ url: url.toString(), entities: HUB_ENTITIES, applicationName: 'spie-test-setup' }),
  ).initialize();
  try {
    await runMigrationsUnderLock(dataSource);
    await new ReferentielService(dataSource).load(REFERENTIEL_V1);
  } finally {
    await dataSource.destroy();
  }
  // Each test file gets a clean Redis namespace: flush what an earlier run left.
  const { default: Redis } = await import('ioredis');
  const redis = new Redis(stack.env['REDIS_URL'] as string);
  await redis.flushdb();
  redis.disconnect();
}

function removeDeadRuns(testRoot: string): void {
  if (!existsSync(testRoot)) return;
  for (const name of readdirSync(testRoot)) {
    const pid = Number(/^run-(\d+)$/.exec(name)?.[1]);
    if (!pid) continue;
    try {
      process.kill(pid, 0);
    } catch {
      rmSync(join(testRoot, name), { recursive: true, force: true });
    }
  }
}
