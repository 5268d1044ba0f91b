import { Inject, Injectable, Logger, Optional, type BeforeApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import {
  accessLogLabels,
  AuditException,
  AuditExceptionCode,
  auditEntryHash,
  formatAuditInstant,
  GENESIS_HASH,
  isAuditOutcome,
  type AccessLogLabels,
  type AuditChainFields,
  type AuditOutcome,
} from '@spie/audit/domain';
import { CLOCK, isUuid, type Clock } from '@spie/shared/kernel';

import { AUDIT_CHAIN_LOCK } from '../audit-chain.sql';
import type { AuditEntryInput } from './audit-entry.input';
import { decodeSeqCursor, pageOf, type PageInfo } from './cursor';

/** Optional provider of the access log's words (purposes, categories, operations); defaults to `accessLogLabels()`. */
export const ACCESS_LOG_LABELS = Symbol('ACCESS_LOG_LABELS');

/** Entries written in one transaction at most; more wait for the next one. */
const MAX_ROWS_PER_TRANSACTION = 1000;
/** Rows per INSERT statement (18 parameters each, well under PostgreSQL's 65 535). */
const ROWS_PER_INSERT = 500;

type PreparedRow = Omit<AuditChainFields, 'seq' | 'prevHash'>;

interface PendingWrite {
  rows: PreparedRow[];
  resolve(): void;
  reject(error: unknown): void;
}

export interface PageRequest {
  first: number;
  after?: string | null;
}

/** One line of the person's access log, in plain words. */
export interface AccessLogItem {
  seq: string;
  at: Date;
  /** The organisation's name as it was at the time. */
  organisation: string;
  purpose: string;
  categories: string[];
  action: string;
}

export interface AccessLogPage {
  nodes: AccessLogItem[];
  pageInfo: PageInfo;
}

export interface AuditEntryFilter {
  personId?: string | null;
  actorLogin?: string | null;
  organisationId?: string | null;
  purpose?: string | null;
  outcome?: AuditOutcome | null;
  /** Inclusive. */
  from?: Date | null;
  /** Exclusive. */
  to?: Date | null;
}

/** An audit entry as the DPO reads it. */
export interface AuditEntryView {
  seq: string;
  at: Date;
  actorKind: string;
  actorId: string;
  actorLogin: string;
  organisationId: string | null;
  organisationName: string | null;
  purpose: string | null;
  legalBasis: string | null;
  personId: string | null;
  operation: string;
  categories: string[];
  maskedFields: string[];
  outcome: AuditOutcome;
  reason: string | null;
  correlationId: string | null;
  hash: string;
}

const ENTRY_VIEW_COLUMNS = `seq::text AS seq, at, actor_kind AS "actorKind", actor_id AS "actorId",
  actor_login AS "actorLogin", organisation_id AS "organisationId", organisation_name AS "organisationName", purpose,
  legal_basis AS "legalBasis", person_id AS "personId", operation, categories, masked_fields AS "maskedFields",
  outcome, reason, correlation_id AS "correlationId", hash`;

/**
 * The audit log: append-only, hash-chained, written in batches.
 *
 * `record` is a group commit. The first call after a quiet moment is written at once; calls that arrive while a write
 * is running wait and go together into the next transaction (up to 1 000 entries). Each transaction takes the chain
 * lock, reads the head of the chain under it, then inserts its entries with consecutive seqs, each hashed with the
 * previous hash. The promise resolves when the entries are committed. When a grouped write fails, each call of the
 * group is retried alone, so one caller's bad entry never fails another's.
 */
@Injectable()
export class AuditService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(AuditService.name);
  private readonly labels: AccessLogLabels;
  private pending: PendingWrite[] = [];
  private draining: Promise<void> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Optional() @Inject(ACCESS_LOG_LABELS) labels?: AccessLogLabels,
  ) {
    this.labels = labels ?? accessLogLabels();
  }

  /** Writes the entries, in order, to the chain; resolves once they are committed. */
  record(entries: readonly AuditEntryInput[]): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    let rows: PreparedRow[];
    try {
      rows = entries.map((entry) => this.prepare(entry));
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ rows, resolve, reject });
      if (!this.draining) this.draining = this.drain();
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.draining;
  }

  /**
   * The person's access log, newest first: entries about them that were answered (`allowed`), not their own reads,
   * with the organisation's name as it was, and the purpose, categories and operation in plain words.
   */
  async accessLogOf(
    personId: string,
    page: PageRequest,
    labels: AccessLogLabels = this.labels,
  ): Promise<AccessLogPage> {
    if (!isUuid(personId)) return { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } };
    const params: unknown[] = [personId];
    let before = '';
    if (page.after) {
      params.push(decodeSeqCursor(page.after));
      before = `AND e.seq < $${params.length}::bigint`;
    }
    params.push(page.first + 1);
    const rows: Array<{
      seq: string;
      at: Date;
      actorKind: string;
      organisationName: string | null;
      purpose: string | null;
      categories: string[];
      operation: string;
    }> = await this.dataSource.query(
      `SELECT seq::text AS seq, at, actor_kind AS "actorKind", organisation_name AS "organisationName", purpose,
              categories, operation
         FROM audit_entry e
        WHERE person_id = $1 AND outcome = 'allowed' AND NOT (actor_kind = 'person' AND actor_id = $1::text) ${before}
        ORDER BY e.seq DESC
        LIMIT $${params.length}`,
      params,
    );
    const { nodes, pageInfo } = pageOf(rows, page.first);
    return {
      nodes: nodes.map((row) => ({
        seq: row.seq,
        at: row.at,
        organisation:
          row.organisationName ??
          (row.actorKind === 'system' ? 'Le hub SPIE (traitement automatique)' : 'Organisation non précisée'),
        purpose: labels.purpose(row.purpose),
        categories: row.categories.map((code) => labels.category(code)),
        action: labels.operation(row.operation),
      })),
      pageInfo,
    };
  }

  /** The DPO's search: every filter optional, newest first. */
  async search(
    filter: AuditEntryFilter,
    page: PageRequest,
  ): Promise<{ nodes: AuditEntryView[]; pageInfo: PageInfo }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: (placeholder: string) => string, value: unknown) => {
      params.push(value);
      where.push(clause(`$${params.length}`));
    };
    if (filter.personId) {
      if (!isUuid(filter.personId)) return { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } };
      add((p) => `person_id = ${p}`, filter.personId);
    }
    if (filter.organisationId) {
      if (!isUuid(filter.organisationId))
        return { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } };
      add((p) => `organisation_id = ${p}`, filter.organisationId);
    }
    if (filter.actorLogin) add((p) => `actor_login = ${p}`, filter.actorLogin);
    if (filter.purpose) add((p) => `purpose = ${p}`, filter.purpose);
    if (filter.outcome) add((p) => `outcome = ${p}`, filter.outcome);
    if (filter.from && filter.to && filter.from.getTime() >= filter.to.getTime()) {
      throw new AuditException(AuditExceptionCode.InvalidPeriod, '`from` must be before `to`');
    }
    if (filter.from) add((p) => `at >= ${p}`, filter.from);
    if (filter.to) add((p) => `at < ${p}`, filter.to);
    if (page.after) add((p) => `e.seq < ${p}::bigint`, decodeSeqCursor(page.after));
    params.push(page.first + 1);
    const rows: AuditEntryView[] = await this.dataSource.query(
      `SELECT ${ENTRY_VIEW_COLUMNS} FROM audit_entry e
        ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY e.seq DESC LIMIT $${params.length}`,
      params,
    );
    return pageOf(rows, page.first);
  }

  /** The current name of an organisation, to denormalise into an entry; null when unknown. */
  async organisationName(organisationId: string | null): Promise<string | null> {
    if (!organisationId || !isUuid(organisationId)) return null;
    const rows: Array<{ name: string }> = await this.dataSource.query(
      'SELECT name FROM organisation WHERE id = $1',
      [organisationId],
    );
    return rows[0]?.name ?? null;
  }

  private prepare(entry: AuditEntryInput): PreparedRow {
    const invalid = (what: string) =>
      new AuditException(AuditExceptionCode.InvalidEntry, `Invalid audit entry: ${what}`);
    const at = entry.at ?? this.clock.now();
    if (!(at instanceof Date) || Number.isNaN(at.getTime())) throw invalid('at');
    if (!['agent', 'person', 'system'].includes(entry.actor?.kind)) throw invalid('actor.kind');
    if (!entry.actor.id || !entry.actor.login) throw invalid('actor id and login');
    if (entry.actor.organisationId !== null && !isUuid(entry.actor.organisationId)) {
      throw invalid('actor.organisationId');
    }
    if (entry.personId !== null && !isUuid(entry.personId)) throw invalid('personId');
    if (typeof entry.operation !== 'string' || entry.operation.length === 0 || entry.operation.length > 200) {
      throw invalid('operation');
    }
    if (!isAuditOutcome(entry.outcome)) throw invalid('outcome');
    const strings = (values: unknown) =>
      Array.isArray(values) && values.every((value) => typeof value === 'string');
    if (!strings(entry.categories) || !strings(entry.maskedFields))
      throw invalid('categories or maskedFields');
    return {
      at: formatAuditInstant(at),
      actorKind: entry.actor.kind,
      actorId: entry.actor.id,
      actorLogin: entry.actor.login,
      organisationId: entry.actor.organisationId,
      organisationName: entry.organisationName,
      purpose: entry.purpose,
      legalBasis: entry.legalBasis,
      personId: entry.personId,
      operation: entry.operation,
      categories: [...entry.categories],
      maskedFields: [...entry.maskedFields],
      outcome: entry.outcome,
      reason: entry.reason ?? null,
      correlationId: entry.correlationId,
    };
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        const group = this.takeGroup();
        try {
          await this.write(group.flatMap((write) => write.rows));
          for (const write of group) write.resolve();
        } catch (error) {
          if (group.length === 1) {
            group[0].reject(error);
            continue;
          }
          this.logger.warn(
            { requests: group.length },
            'grouped audit write failed: writing each request alone',
          );
          for (const write of group) {
            try {
              await this.write(write.rows);
              write.resolve();
            } catch (alone) {
              write.reject(alone);
            }
          }
        }
      }
    } finally {
      this.draining = null;
    }
  }

  private takeGroup(): PendingWrite[] {
    let rows = 0;
    let count = 0;
    while (
      count < this.pending.length &&
      (count === 0 || rows + this.pending[count].rows.length <= MAX_ROWS_PER_TRANSACTION)
    ) {
      rows += this.pending[count].rows.length;
      count += 1;
    }
    return this.pending.splice(0, count);
  }

  private async write(rows: PreparedRow[]): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      // Under READ COMMITTED the next statement sees every chain append committed before the lock was granted.
      await em.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [AUDIT_CHAIN_LOCK]);
      const head = await chainHead(em);
      let seq = head.seq;
      let prevHash = head.hash;
      const values: unknown[][] = [];
      for (const row of rows) {
        seq += 1n;
        const fields: AuditChainFields = { ...row, seq: seq.toString(), prevHash };
        const hash = auditEntryHash(fields);
        values.push([
          fields.seq,
          fields.at,
          fields.actorKind,
          fields.actorId,
          fields.actorLogin,
          fields.organisationId,
          fields.organisationName,
          fields.purpose,
          fields.legalBasis,
          fields.personId,
          fields.operation,
          fields.categories,
          fields.maskedFields,
          fields.outcome,
          fields.reason,
          fields.correlationId,
          fields.prevHash,
          hash,
        ]);
        prevHash = hash;
      }
      for (let start = 0; start < values.length; start += ROWS_PER_INSERT) {
        const chunk = values.slice(start, start + ROWS_PER_INSERT);
        const width = chunk[0].length;
        const tuples = chunk.map(
          (_, row) =>
            `(${Array.from({ length: width }, (_v, column) => `$${row * width + column + 1}`).join(', ')})`,
        );
        await em.query(
          `INSERT INTO audit_entry (seq, at, actor_kind, actor_id, actor_login, organisation_id, organisation_name,
             purpose, legal_basis, person_id, operation, categories, masked_fields, outcome, reason, correlation_id,
             prev_hash, hash)
           VALUES ${tuples.join(', ')}`,
          chunk.flat(),
        );
      }
    });
  }
}

// Every query below that selects `seq::text AS seq` orders by the table's column (`e.seq`): a bare `ORDER BY seq`
// would sort the text alias, and '9' comes after '10'.

/** The last link of the chain: the newest entry, else the latest purge checkpoint, else the genesis. */
export async function chainHead(em: EntityManager): Promise<{ seq: bigint; hash: string }> {
  const [entry]: Array<{ seq: string; hash: string }> = await em.query(
    'SELECT e.seq::text AS seq, e.hash FROM audit_entry e ORDER BY e.seq DESC LIMIT 1',
  );
  if (entry) return { seq: BigInt(entry.seq), hash: entry.hash };
  const [checkpoint]: Array<{ seq: string; hash: string }> = await em.query(
    'SELECT c.seq::text AS seq, c.hash FROM audit_checkpoint c ORDER BY c.seq DESC LIMIT 1',
  );
  if (checkpoint) return { seq: BigInt(checkpoint.seq), hash: checkpoint.hash };
  return { seq: 0n, hash: GENESIS_HASH };
}
