import { createHash } from 'node:crypto';

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
 * statement on the pool behind the data source: PostgreSQL parses and plans it once per connection instead of once
 * per call, and no TypeORM query builder or query runner runs per call. Write the SQL once, as a constant; its values
 * are always bound parameters. Outside a transaction only (it takes any connection of the pool).
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

/**
 * A `PreparedRead` that returns entities, hydrated as TypeORM's `find` does (column types, transformers, embedded
 * columns such as provenance). `sql` receives the entity's selectable columns (those without `select: false`) under
 * the given table alias and returns the whole statement.
 */
export class PreparedEntityRead<Entity extends ObjectLiteral> {
  private compiled: { metadata: EntityMetadata; read: PreparedRead<Record<string, unknown>> } | undefined;

  constructor(
    private readonly entity: EntityTarget<Entity>,
    private readonly alias: string,
    private readonly sql: (columns: string) => string,
  ) {}

  async find(dataSource: DataSource, values: readonly unknown[]): Promise<Entity[]> {
    const { metadata, read } = this.compile(dataSource);
    const rows = await read.rows(dataSource, values);
    return rows.map((row) => hydrate<Entity>(dataSource, metadata, row));
  }

  private compile(dataSource: DataSource): {
    metadata: EntityMetadata;
    read: PreparedRead<Record<string, unknown>>;
  } {
    const metadata = dataSource.getMetadata(this.entity);
    if (this.compiled?.metadata === metadata) return this.compiled;
    const columns = selectableColumns(metadata)
      .map((column) => `${this.alias}."${column}"`)
      .join(', ');
    this.compiled = { metadata, read: new PreparedRead(this.sql(columns)) };
    return this.compiled;
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type EntityClass = new (...args: any[]) => ObjectLiteral;

/**
 * A `PreparedRead` over a join: each alias names an entity, `sql` receives the selectable columns of each alias
 * (selected as `alias__column`), and the same columns as typeless nulls (for the branches of a `UNION ALL` that do not
 * read that alias), and returns the whole statement; each row comes back as one entity per alias, null for an alias
 * whose primary key is null (a LEFT JOIN that found nothing, a branch that does not read it).
 */
export class PreparedJoinRead<Parts extends Record<string, EntityClass>> {
  private compiled:
    { metadata: Map<keyof Parts, EntityMetadata>; read: PreparedRead<Record<string, unknown>> } | undefined;

  constructor(
    private readonly parts: Parts,
    private readonly sql: (
      columns: { [Alias in keyof Parts]: string },
      nulls: { [Alias in keyof Parts]: string },
    ) => string,
  ) {}

  async find(
    dataSource: DataSource,
    values: readonly unknown[],
  ): Promise<Array<{ [Alias in keyof Parts]: InstanceType<Parts[Alias]> | null }>> {
    const { metadata, read } = this.compile(dataSource);
    const rows = await read.rows(dataSource, values);
    return rows.map((row) => {
      const result: Record<string, unknown> = {};
      for (const [alias, entityMetadata] of metadata) {
        const prefix = `${String(alias)}__`;
        const found = entityMetadata.primaryColumns.some(
          (column) => row[`${prefix}${column.databaseName}`] !== null,
        );
        result[String(alias)] = found ? hydrate(dataSource, entityMetadata, row, prefix) : null;
      }
      return result as { [Alias in keyof Parts]: InstanceType<Parts[Alias]> | null };
    });
  }

  private compile(dataSource: DataSource): {
    metadata: Map<keyof Parts, EntityMetadata>;
    read: PreparedRead<Record<string, unknown>>;
  } {
    const aliases = Object.keys(this.parts) as Array<keyof Parts & string>;
    const metadata = new Map(
      aliases.map((alias) => [alias, dataSource.getMetadata(this.parts[alias])] as const),
    );
    if (
      this.compiled &&
      aliases.every((alias) => this.compiled?.metadata.get(alias) === metadata.get(alias))
    ) {
      return this.compiled;
    }
    const list = (select: (alias: string, column: string) => string) =>
      Object.fromEntries(
        aliases.map((alias) => [
          alias,
          selectableColumns(metadata.get(alias) as EntityMetadata)
            .map((column) => `${select(alias, column)} AS "${alias}__${column}"`)
            .join(', '),
        ]),
      ) as { [Alias in keyof Parts]: string };
    const columns = list((alias, column) => `${alias}."${column}"`);
    const nulls = list(() => 'NULL');
    this.compiled = { metadata, read: new PreparedRead(this.sql(columns, nulls)) };
    return this.compiled;
  }
}

function selectableColumns(metadata: EntityMetadata): string[] {
  return metadata.columns
    .filter((column) => column.isSelect && !column.isVirtual)
    .map((column) => column.databaseName);
}

/** A raw row (keys: column names) as the entity TypeORM would have returned. */
export function hydrate<Entity extends ObjectLiteral>(
  dataSource: DataSource,
  metadata: EntityMetadata,
  row: Record<string, unknown>,
  prefix = '',
): Entity {
  const entity = metadata.create(undefined, { fromDeserializer: true }) as Entity;
  for (const column of metadata.columns) {
    const value = row[`${prefix}${column.databaseName}`];
    if (value === undefined || column.isVirtual) continue;
    column.setEntityValue(entity, dataSource.driver.prepareHydratedValue(value, column));
  }
  return entity;
}
