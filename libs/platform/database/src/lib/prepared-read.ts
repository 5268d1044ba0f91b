import { createHash } from 'node:crypto';

import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';

/** The part of `pg.Pool` a prepared read uses (TypeORM's Postgres driver keeps its pool as `master`). */
interface PgPool {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

function poolOf(dataSource: DataSource): PgPool | null {
  const pool = (dataSource.driver as { master?: unknown }).master;
  return dataSource.options.type === 'postgres' && pool && typeof (pool as PgPool).query === 'function'
    ? (pool as PgPool)
    : null;
}

/** A statement name per SQL text: PostgreSQL keeps one plan per name and connection. */
function statementName(text: string): string {
  return `spie_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
}

/**
 * A read that every request runs (the gateway's loaders, the sign-in, the access checks), as a named prepared
 * statement on the pool behind the data source: PostgreSQL parses it once per connection (and plans it once, when a
 * generic plan is as cheap as a planned-with-values one), and no TypeORM query builder or query runner runs per call.
 * Write the SQL once, as a constant; its values are always bound parameters. Outside a transaction only (it takes any
 * connection of the pool).
 */
export class PreparedRead<Row extends ObjectLiteral> {
  private readonly name: string;

  constructor(readonly text: string) {
    this.name = statementName(text);
  }

  async rows(dataSource: DataSource, values: readonly unknown[]): Promise<Row[]> {
    const pool = poolOf(dataSource);
    if (!pool) return (await dataSource.query(this.text, [...values])) as Row[];
    return (await pool.query({ name: this.name, text: this.text, values: [...values] })).rows as Row[];
  }
}

/** Turns raw rows into an entity as TypeORM's `find` does (column types, transformers, embedded columns). */
class Hydrator<Entity extends ObjectLiteral> {
  private readonly columns: ReadonlyArray<{ key: string; column: ColumnMetadata }>;
  private readonly primaryKeys: readonly string[];

  constructor(
    private readonly dataSource: DataSource,
    readonly metadata: EntityMetadata,
    prefix: string,
  ) {
    this.columns = selectable(metadata).map((column) => ({ key: `${prefix}${column.databaseName}`, column }));
    this.primaryKeys = metadata.primaryColumns.map((column) => `${prefix}${column.databaseName}`);
  }

  /** The entity of the row, or null when its primary key is null (a LEFT JOIN or a UNION branch without it). */
  entity(row: Record<string, unknown>): Entity | null {
    if (this.primaryKeys.every((key) => row[key] === null || row[key] === undefined)) return null;
    const entity = this.metadata.create(undefined, { fromDeserializer: true }) as Entity;
    const driver = this.dataSource.driver;
    for (const { key, column } of this.columns) {
      const value = row[key];
      if (value !== undefined) column.setEntityValue(entity, driver.prepareHydratedValue(value, column));
    }
    return entity;
  }
}

function selectable(metadata: EntityMetadata): ColumnMetadata[] {
  return metadata.columns.filter((column) => column.isSelect && !column.isVirtual);
}

/**
 * A `PreparedRead` that returns entities, hydrated as TypeORM's `find` does. `sql` receives the entity's selectable
 * columns (those without `select: false`) under the given table alias and returns the whole statement.
 */
export class PreparedEntityRead<Entity extends ObjectLiteral> {
  private compiled: { hydrator: Hydrator<Entity>; read: PreparedRead<Record<string, unknown>> } | undefined;

  constructor(
    private readonly entity: EntityTarget<Entity>,
    private readonly alias: string,
    private readonly sql: (columns: string) => string,
  ) {}

  async find(dataSource: DataSource, values: readonly unknown[]): Promise<Entity[]> {
    const { hydrator, read } = this.compile(dataSource);
    const entities: Entity[] = [];
    for (const row of await read.rows(dataSource, values)) {
      const entity = hydrator.entity(row);
      if (entity) entities.push(entity);
    }
    return entities;
  }

  private compile(dataSource: DataSource): {
    hydrator: Hydrator<Entity>;
    read: PreparedRead<Record<string, unknown>>;
  } {
    const metadata = dataSource.getMetadata(this.entity);
    if (this.compiled?.hydrator.metadata === metadata) return this.compiled;
    const columns = selectable(metadata)
      .map((column) => `${this.alias}."${column.databaseName}"`)
      .join(', ');
    this.compiled = {
      hydrator: new Hydrator<Entity>(dataSource, metadata, ''),
      read: new PreparedRead(this.sql(columns)),
    };
    return this.compiled;
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type EntityClass = new (...args: any[]) => ObjectLiteral;

type JoinedRow<Parts extends Record<string, EntityClass>> = {
  [Alias in keyof Parts]: InstanceType<Parts[Alias]> | null;
};

/**
 * A `PreparedRead` over a join: each alias names an entity, `sql` receives the selectable columns of each alias
 * (selected as `alias__column`), and the same columns as typeless nulls (for the branches of a `UNION ALL` that do not
 * read that alias), and returns the whole statement; each row comes back as one entity per alias, null for an alias
 * whose primary key is null (a LEFT JOIN that found nothing, a branch that does not read it).
 */
export class PreparedJoinRead<Parts extends Record<string, EntityClass>> {
  private compiled:
    | { hydrators: Array<[string, Hydrator<ObjectLiteral>]>; read: PreparedRead<Record<string, unknown>> }
    | undefined;

  constructor(
    private readonly parts: Parts,
    private readonly sql: (
      columns: { [Alias in keyof Parts]: string },
      nulls: { [Alias in keyof Parts]: string },
    ) => string,
  ) {}

  async find(dataSource: DataSource, values: readonly unknown[]): Promise<Array<JoinedRow<Parts>>> {
    const { hydrators, read } = this.compile(dataSource);
    return (await read.rows(dataSource, values)).map((row) => {
      const result: Record<string, ObjectLiteral | null> = {};
      for (const [alias, hydrator] of hydrators) result[alias] = hydrator.entity(row);
      return result as JoinedRow<Parts>;
    });
  }

  private compile(dataSource: DataSource): {
    hydrators: Array<[string, Hydrator<ObjectLiteral>]>;
    read: PreparedRead<Record<string, unknown>>;
  } {
    const aliases = Object.keys(this.parts);
    const metadata = aliases.map((alias) => dataSource.getMetadata(this.parts[alias] as EntityClass));
    if (this.compiled?.hydrators.every(([, hydrator], index) => hydrator.metadata === metadata[index])) {
      return this.compiled;
    }
    const list = (select: (alias: string, column: string) => string) =>
      Object.fromEntries(
        aliases.map((alias, index) => [
          alias,
          selectable(metadata[index] as EntityMetadata)
            .map((column) => `${select(alias, column.databaseName)} AS "${alias}__${column.databaseName}"`)
            .join(', '),
        ]),
      ) as { [Alias in keyof Parts]: string };
    this.compiled = {
      hydrators: aliases.map((alias, index) => [
        alias,
        new Hydrator(dataSource, metadata[index] as EntityMetadata, `${alias}__`),
      ]),
      read: new PreparedRead(
        this.sql(
          list((alias, column) => `${alias}."${column}"`),
          list(() => 'NULL'),
        ),
      ),
    };
    return this.compiled;
  }
}
