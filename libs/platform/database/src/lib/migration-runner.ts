import type { DataSource } from 'typeorm';

/** Arbitrary constant shared by every process: only one of them migrates at a time. */
export const MIGRATION_LOCK_KEY = 52_2026_0001;

export class SchemaOutOfDateError extends Error {
  constructor(public readonly pending: string[]) {
    super(
      `The database schema is not current (${pending.length} pending migration(s): ${pending.join(', ')}). ` +
        "Run 'npx spie migrate' first.",
    );
    this.name = 'SchemaOutOfDateError';
  }
}

/**
 * Runs pending migrations once, under a PostgreSQL advisory lock: several processes may call it at the same time, the
 * first migrates and the others wait, then find nothing to do.
 */
export async function runMigrationsUnderLock(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((migration) => migration.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
}

/** Names of migrations known to the code but not applied to the database. */
export async function pendingMigrations(dataSource: DataSource): Promise<string[]> {
  const exists = (await dataSource.query(`SELECT to_regclass('schema_migrations') AS t`)) as Array<{
    t: string | null;
  }>;
  const applied = new Set<string>();
  if (exists[0]?.t) {
    const rows = (await dataSource.query('SELECT name FROM schema_migrations')) as Array<{ name: string }>;
    rows.forEach((row) => applied.add(row.name));
  }
  return dataSource.migrations
    .map((migration) => migration.name ?? migration.constructor.name)
    .filter((name) => !applied.has(name));
}

/** Gateway and worker call this at boot: they never migrate, they refuse to run on an old schema. */
export async function assertSchemaCurrent(dataSource: DataSource): Promise<void> {
  const pending = await pendingMigrations(dataSource);
  if (pending.length > 0) throw new SchemaOutOfDateError(pending);
}
