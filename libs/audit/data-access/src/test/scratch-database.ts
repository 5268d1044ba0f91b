import { Client } from 'pg';
import { DataSource } from 'typeorm';

import { hubDataSourceOptions, runMigrationsUnderLock } from '@spie/platform/database';

import { AUDIT_ENTITIES } from '../lib/audit.entities';

export interface ScratchDatabase {
  dataSource: DataSource;
  url: string;
  drop(): Promise<void>;
}

/**
 * A database of its own on the integration server, migrated from zero: the audit chain tests tamper with entries and
 * purge the head of the chain, which must not reach the tests that share `spie_test`.
 */
export async function scratchDatabase(name: string): Promise<ScratchDatabase> {
  const base = new URL(process.env['DATABASE_URL'] as string);
  const admin = new URL(base.toString());
  admin.pathname = '/postgres';
  const database = `spie_${name}_${process.pid}`;
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
    hubDataSourceOptions({ url: url.toString(), entities: AUDIT_ENTITIES, applicationName: `${name}-spec` }),
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
