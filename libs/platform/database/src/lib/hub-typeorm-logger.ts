import { Logger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';

/** What TypeORM may log, as its `logging` option names it. */
export type HubLogLevel = 'query' | 'error' | 'warn' | 'migration' | 'schema' | 'info' | 'log';

/** Longest SQL text kept in a log line: enough to recognise the statement, not a bulk INSERT of a whole chunk. */
const MAX_QUERY_CHARS = 300;

/**
 * TypeORM's own loggers print a failing query with its parameters, and the error's `detail` with the values of the
 * key it violated: names, birth dates, addresses, NIR ciphertexts would land in the logs of every process, read by
 * whoever runs the platform, outside the access policy and the audit. This one goes through the Nest logger (pino in
 * the apps) and keeps the statement, the SQLSTATE code, the constraint and the table, never a parameter or a value.
 */
export class HubTypeOrmLogger implements TypeOrmLogger {
  private readonly logger = new Logger('TypeORM');
  private readonly levels: ReadonlySet<HubLogLevel>;

  constructor(levels: readonly HubLogLevel[]) {
    this.levels = new Set(levels);
  }

  /** The parameters are never read: see the class comment. */
  logQuery(query: string, _parameters?: unknown[]): void {
    if (this.levels.has('query')) this.logger.debug({ query: shorten(query) }, 'query');
  }

  logQueryError(error: string | Error, query: string, _parameters?: unknown[]): void {
    if (!this.levels.has('error')) return;
    const failure = typeof error === 'string' ? { message: redact(error) } : describe(error);
    this.logger.error({ query: shorten(query), ...failure }, 'query failed');
  }

  logQuerySlow(time: number, query: string, _parameters?: unknown[]): void {
    if (this.levels.has('warn')) this.logger.warn({ query: shorten(query), ms: time }, 'slow query');
  }

  logSchemaBuild(message: string): void {
    if (this.levels.has('schema')) this.logger.log(message);
  }

  logMigration(message: string): void {
    if (this.levels.has('migration')) this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (!this.levels.has(level)) return;
    if (level === 'warn') this.logger.warn(message);
    else this.logger.log(message);
  }
}

function shorten(query: string): string {
  const flat = query.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_QUERY_CHARS ? `${flat.slice(0, MAX_QUERY_CHARS)}…` : flat;
}

/**
 * PostgreSQL quotes the offending input in its messages (`invalid input syntax for type date: "31/02/1980"`); every
 * quoted part goes, the constraint and table are logged on their own.
 */
function redact(message: string): string {
  return message.replace(/"[^"]*"/g, '"…"');
}

/** The parts of a PostgreSQL error that carry no value: its message, SQLSTATE code, constraint, table and column. */
function describe(error: Error): Record<string, string> {
  const pg = error as Error & { code?: unknown; constraint?: unknown; table?: unknown; column?: unknown };
  const described: Record<string, string> = { message: redact(error.message) };
  for (const key of ['code', 'constraint', 'table', 'column'] as const) {
    if (typeof pg[key] === 'string') described[key] = pg[key];
  }
  return described;
}
