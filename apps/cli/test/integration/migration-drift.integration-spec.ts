import { DataSource } from 'typeorm';

import { HUB_ENTITIES } from '@spie/ops/schema';
import { hubDataSourceOptions, pendingMigrations, schemaDiff } from '@spie/platform/database';

describe('committed migrations', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    // The global setup migrated this database from zero with the committed migrations only.
    dataSource = await new DataSource(
      hubDataSourceOptions({
        url: process.env['DATABASE_URL'] as string,
        entities: HUB_ENTITIES,
        applicationName: 'migration-drift',
      }),
    ).initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  it('should leave no migration pending when the database was migrated', async () => {
    expect(await pendingMigrations(dataSource)).toEqual([]);
  });

  it('should need no further SQL when the entities agree with the migrations', async () => {
    // On failure: run `npm run migration:generate -- <name>`, read the SQL and commit it.
    expect((await schemaDiff(dataSource)).up).toEqual([]);
  });
});
