import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { SnakeNamingStrategy } from 'typeorm-naming-strategies';

import { HUB_MIGRATIONS } from '../migrations';
import { HubTypeOrmLogger } from './hub-typeorm-logger';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type EntityList = MixedList<Function | string | EntitySchema>;

/** One place for the TypeORM settings of every process: no synchronize, explicit entities and migrations. */
export function hubDataSourceOptions(input: {
  url: string;
  entities: EntityList;
  applicationName: string;
  poolSize?: number;
  logging?: boolean;
}): DataSourceOptions {
  return {
    type: 'postgres',
    url: input.url,
    entities: input.entities,
    migrations: HUB_MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsRun: false,
    uuidExtension: 'pgcrypto',
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    // Never TypeORM's own loggers: they print the parameters of a failing query (see HubTypeOrmLogger).
    logger: new HubTypeOrmLogger(input.logging ? ['error', 'warn', 'migration'] : ['error']),
    applicationName: input.applicationName,
    extra: { max: input.poolSize ?? 10 },
  };
}
