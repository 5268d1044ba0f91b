import { Client } from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';

import { hubDataSourceOptions } from './data-source-options';
import { runMigrationsUnderLock } from './migration-runner';

export interface ScratchDatabase {
  dataSource: DataSource;
  /** Its URL, for a child process (`DATABASE_URL`). */
  url: string;
  drop(): Promise<void>;
}

/**
 * A database of its own on the server of `DATABASE_URL`, created and migrated from zero (no référentiel), named after
 * `name` and the process: for the tests that act on every row of a table (retention destroys whatever is due, the audit
 * purge removes the head of the chain, tampering breaks it), which must not reach the tests sharing the main database.
 */
export async function createScratchDatabase(
  name: string,
  entities: DataSourceOptions['entities'] & object,
): Promise<ScratchDatabase> {
  const base = new URL(process.env['DATABASE_URL'] as string);
  const admin = new URL(base.toString());
  admin.pathname = '/postgres';
  const database = `spie_${name.replace(/[^a-z0-9_]/g, '_')}_${process.pid}`;
  const run = async (sql: string) => {
    const client = new Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await run(`CREATE DATABASE ${database}`);
  const url = new URL(base.toString());
  url.pathname = `/${database}`;
  const dataSource = await new DataSource(
    hubDataSourceOptions({ url: url.toString(), entities, applicationName: `${name}-spec` }),
  ).initialize();
  await runMigrationsUnderLock(dataSource);
  return {
    dataSource,
    url: url.toString(),
    drop: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      await run(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    },
  };
}
