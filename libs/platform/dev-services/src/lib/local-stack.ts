import { join, resolve } from 'node:path';

import {
  GATEWAY_AUDIENCE,
  startLocalOidcProvider,
  type LocalAccountDirectory,
} from '@spie/platform/oidc-local';

import { startEmbeddedPostgres } from './embedded-postgres.service';
import { loadOrCreateLocalSecrets } from './local-secrets';
import { findFreePort, isPortFree } from './ports';
import { startPrivateRedis } from './redis-server.service';

export interface LocalStackOptions {
  /** Folder for data and secrets (git-ignored). */
  dataDir: string;
  database: string;
  /** Preferred ports; a free one is chosen when `undefined` or taken. */
  postgresPort?: number;
  redisPort?: number;
  /**
   * Start the local OpenID provider with these accounts, unless `OIDC_ISSUER` is set (then the gateway uses that
   * issuer). Its keys are kept in `dataDir`.
   */
  oidc?: {
    accounts: LocalAccountDirectory;
    port?: number;
    acceptAccountRegistration?: boolean;
    /** More redirect URIs for both clients: the web app's sign-in callbacks on the gateway's origin. */
    redirectUris?: string[];
  };
  /** Variables already set by the user win over embedded defaults (DATABASE_URL, REDIS_URL, keys, OIDC_ISSUER). */
  env: NodeJS.ProcessEnv;
  log?: (message: string) => void;
}

export interface LocalStack {
  /** Variables to pass to the gateway, worker and CLI. */
  env: Record<string, string>;
  /** What was started, for the banner. */
  started: {
    postgres: 'embedded' | 'external';
    redis: 'private' | 'external';
    /** `local`: the local OpenID provider runs at `env.OIDC_ISSUER`; `external`: the user's issuer; `none`: not asked. */
    oidc: 'local' | 'external' | 'none';
  };
  stop(): Promise<void>;
}

/** Starts what is missing among PostgreSQL and Redis, and fills the embedded defaults of the hub's settings. */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const log = options.log ?? (() => undefined);
  const dataDir = resolve(options.dataDir);
  const secrets = loadOrCreateLocalSecrets(dataDir);
  const stops: Array<() => Promise<void>> = [];
  const env: Record<string, string> = {
    NIR_ENCRYPTION_KEY: options.env['NIR_ENCRYPTION_KEY'] ?? secrets.nirEncryptionKey,
    NIR_HMAC_KEY: options.env['NIR_HMAC_KEY'] ?? secrets.nirHmacKey,
  };
  const started: LocalStack['started'] = {
    postgres: 'external',
    redis: 'external',
    oidc: options.env['OIDC_ISSUER'] ? 'external' : 'none',
  };
  try {
    if (options.env['DATABASE_URL']) {
      env['DATABASE_URL'] = options.env['DATABASE_URL'];
    } else {
      const port = await choosePort(options.postgresPort);
      log(`starting embedded PostgreSQL on 127.0.0.1:${port}`);
      const pg = await startEmbeddedPostgres({
        dataDir: join(dataDir, 'postgres'),
        port,
        user: 'spie',
        password: secrets.postgresPassword,
        databases: [options.database],
        log,
      });
      stops.push(() => pg.stop());
      env['DATABASE_URL'] = pg.url(options.database);
      started.postgres = 'embedded';
    }
    if (options.env['REDIS_URL']) {
      env['REDIS_URL'] = options.env['REDIS_URL'];
    } else {
      const port = await choosePort(options.redisPort);
      log(`starting private Redis on 127.0.0.1:${port}`);
      const redis = await startPrivateRedis({ dataDir: join(dataDir, 'redis'), port, log });
      stops.push(() => redis.stop());
      env['REDIS_URL'] = redis.url;
      started.redis = 'private';
    }
    if (options.oidc && !options.env['OIDC_ISSUER']) {
      const provider = await startLocalOidcProvider({
        dataDir,
        accounts: options.oidc.accounts,
        port: options.oidc.port,
        acceptAccountRegistration: options.oidc.acceptAccountRegistration,
        redirectUris: options.oidc.redirectUris,
      });
      stops.push(() => provider.close());
      log(`started the local OpenID provider at ${provider.issuer}`);
      // The local provider names agents by login and issues tokens for the gateway resource.
      Object.assign(env, {
        OIDC_ISSUER: provider.issuer,
        OIDC_AUDIENCE: GATEWAY_AUDIENCE,
        OIDC_SUBJECT_IS_LOGIN: 'true',
      });
      started.oidc = 'local';
    }
  } catch (error) {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    throw error;
  }
  return {
    env,
    started,
    stop: async () => {
      for (const stop of stops.reverse()) await stop().catch(() => undefined);
    },
  };
}

async function choosePort(preferred: number | undefined): Promise<number> {
  if (preferred && (await isPortFree(preferred))) return preferred;
  return findFreePort();
}
