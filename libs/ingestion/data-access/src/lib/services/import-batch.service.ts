import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import type { FileHeader, IngestSource, RecordIssue } from '@spie/ingestion/domain';

import { writeDomainEvents, type ApplyResult } from '../appliers/apply-context';
import { ImportBatchEntity, type ImportCounts } from '../entities/import-batch.entity';
import { ImportChunkEntity, type StagedRecord } from '../entities/import-chunk.entity';
import { ImportIssueEntity } from '../entities/import-issue.entity';
import type { StoredFile } from './import-storage.service';

export interface ReceiveInput {
  source: IngestSource;
  fileName: string;
  file: StoredFile;
  options: Record<string, string>;
  receivedBy: string;
  correlationId?: string | null;
  /** The agent the batch acts for and the habilitation it was accepted under (`IngestRightsService.authorise`). */
  actingAgentId?: string | null;
  habilitationId?: string | null;
}

/** Who resumes a batch, and under which habilitation. */
export interface Resumer {
  agentId: string;
  login: string;
  habilitationId: string;
}

/**
 * The batch a parse is staging for is finished (another delivery of the same parse job completed it while this one
 * was frozen or cut off from Redis): this parse must stop, or it would stage again chunks already applied and deleted.
 */
export class ParseSupersededError extends Error {
  constructor(
    readonly batchId: string,
    readonly status: string,
  ) {
    super(`Batch ${batchId} is ${status}: this parse was superseded by another delivery of its job`);
    this.name = 'ParseSupersededError';
  }
}

/** Settles, at staging time, the records of a chunk that need no apply job; returns the others. */
export type ChunkPrefilter = (
  records: StagedRecord[],
  manager: EntityManager,
) => Promise<{ keep: StagedRecord[]; counts: Partial<ImportCounts> }>;

/** SQL adding the counters of a jsonb delta to a jsonb counts column, key by key. */
function mergeCounts(column: string, delta: string): string {
  return `${column} || coalesce((SELECT jsonb_object_agg(k, coalesce((${column} ->> k)::int, 0) + (${delta} ->> k)::int)
                                 FROM jsonb_object_keys(${delta}) AS k), '{}'::jsonb)`;
}

export type ChunkApplier = (
  records: StagedRecord[],
  batch: ImportBatchEntity,
  manager: EntityManager,
) => Promise<ApplyResult>;

/**
 * The life of an import batch: received → parsing → processing → completed | completed_with_errors | failed. Every
 * counter moves in the transaction that does the work, so progress and report are true whatever crashes.
 */
@Injectable()
export class ImportBatchService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Records a received file. The same file sent again while its batch is still running joins that batch; once it is
   * finished, a new batch processes it again (and finds nothing to change).
   */
  async receive(input: ReceiveInput): Promise<{ batch: ImportBatchEntity; joined: boolean }> {
    const repository = this.dataSource.getRepository(ImportBatchEntity);
    const inserted = (
      await repository
        .createQueryBuilder()
        .insert()
        .values({
          source: input.source,
          status: 'received',
          fileName: input.fileName,
          fileHash: input.file.hash,
          fileSize: String(input.file.size),
          storagePath: input.file.path,
          options: input.options,
          receivedBy: input.receivedBy,
          correlationId: input.correlationId ?? null,
          actingAgentId: input.actingAgentId ?? null,
          actingLogin: input.actingAgentId ? input.receivedBy : null,
          habilitationId: input.habilitationId ?? null,
        })
        .orIgnore()
        .returning(['id'])
        .execute()
    ).raw as Array<{ id: string }>;
    if (inserted.length > 0)
      return { batch: await repository.findOneByOrFail({ id: inserted[0].id }), joined: false };
    const running = await repository
      .createQueryBuilder('b')
      .where('b.source = :source AND b.file_hash = :hash', { source: input.source, hash: input.file.hash })
      .andWhere("b.status IN ('received', 'parsing', 'processing', 'held')")
      .getOne();
    if (!running) return this.receive(input);
    return { batch: running, joined: true };
  }

  async get(id: string): Promise<ImportBatchEntity | null> {
    return this.dataSource.getRepository(ImportBatchEntity).findOneBy({ id });
  }

  async list(
    options: { source?: IngestSource; limit?: number; offset?: number } = {},
  ): Promise<ImportBatchEntity[]> {
    return this.dataSource.getRepository(ImportBatchEntity).find({
      where: options.source ? { source: options.source } : {},
      order: { receivedAt: 'DESC' },
      take: Math.min(options.limit ?? 20, 100),
      skip: options.offset ?? 0,
    });
  }

  async issues(
    batchId: string,
    options: { limit?: number; offset?: number } = {},
  ): Promise<ImportIssueEntity[]> {
    return this.dataSource.getRepository(ImportIssueEntity).find({
      where: { batchId },
      order: { position: 'ASC', code: 'ASC' },
      take: Math.min(options.limit ?? 100, 1000),
      skip: options.offset ?? 0,
    });
  }

  async issueCountsByCode(
    batchId: string,
  ): Promise<Array<{ code: string; severity: string; count: number }>> {
    const rows = (await this.dataSource.query(
      `SELECT code, severity, count(*)::int AS count FROM import_issue WHERE batch_id = $1 GROUP BY code, severity ORDER BY count DESC`,
      [batchId],
    )) as Array<{ code: string; severity: string; count: number }>;
    return rows;
  }

  /** A parse (re)starts: issues of an earlier attempt go, counters of reading restart. */
  async startParse(batchId: string): Promise<ImportBatchEntity> {
    await this.dataSource.transaction(async (em) => {
      await em.delete(ImportIssueEntity, { batchId, phase: 'parse' });
      await em.query(
        `UPDATE import_batch SET status = 'parsing', started_at = coalesce(started_at, now()), records_read = 0,
                updated_at = now() WHERE id = $1 AND status IN ('received', 'parsing')`,
        [batchId],
      );
    });
    return this.dataSource.getRepository(ImportBatchEntity).findOneByOrFail({ id: batchId });
  }

  async recordHeader(batchId: string, header: FileHeader): Promise<void> {
    await this.dataSource.query(
      `UPDATE import_batch SET reference_date = coalesce($2::date, reference_date), flux_type = coalesce($3, flux_type),
              details = details || $4::jsonb, updated_at = now() WHERE id = $1`,
      [batchId, header.referenceDate ?? null, header.fluxType ?? null, JSON.stringify(header.details ?? {})],
    );
  }

  /**
   * Stages a chunk, exactly once: a chunk staged by an earlier attempt of the parse stays as it was and nothing else
   * happens (false). The optional `prefilter` runs in the same transaction and settles records that need no apply job
   * (a household unchanged since the last flux): they are counted at once, and a chunk left empty is applied on the
   * spot. Returns whether an apply job is needed.
   */
  async stageChunk(
    batchId: string,
    seq: number,
    records: StagedRecord[],
    recordsRead: number,
    prefilter?: ChunkPrefilter,
  ): Promise<{ staged: boolean; needsApply: boolean }> {
    return this.dataSource.transaction(async (em) => {
      // Serialised with completion (which deletes the staged chunks) by the batch row's lock.
      const [batch] = (await em.query(`SELECT status FROM import_batch WHERE id = $1 FOR UPDATE`, [
        batchId,
      ])) as Array<{ status: string }>;
      if (!batch || !['parsing', 'processing'].includes(batch.status)) {
        throw new ParseSupersededError(batchId, batch?.status ?? 'gone');
      }
      const claimed = (await em.query(
        `INSERT INTO import_chunk (batch_id, seq, record_count, records) VALUES ($1, $2, $3, '[]'::jsonb)
         ON CONFLICT (batch_id, seq) DO NOTHING RETURNING seq`,
        [batchId, seq, records.length],
      )) as unknown[];
      if (claimed.length === 0) {
        const existing = (await em.query(
          `SELECT applied_at IS NULL AS pending FROM import_chunk WHERE batch_id = $1 AND seq = $2`,
          [batchId, seq],
        )) as Array<{ pending: boolean }>;
        return { staged: false, needsApply: existing[0]?.pending ?? false };
      }
      const settled = prefilter ? await prefilter(records, em) : { keep: records, counts: {} };
      const done = settled.keep.length === 0;
      await em.query(
        `UPDATE import_chunk SET records = $3::jsonb, record_count = $5, applied_at = CASE WHEN $4 THEN now() END
          WHERE batch_id = $1 AND seq = $2`,
        [batchId, seq, JSON.stringify(settled.keep), done, settled.keep.length],
      );
      await em.query(
        `UPDATE import_batch b SET records_read = greatest(records_read, $2), chunks_staged = greatest(chunks_staged, $3),
                status = CASE WHEN status = 'parsing' THEN 'processing' ELSE status END,
                chunks_applied = chunks_applied + CASE WHEN $4 THEN 1 ELSE 0 END,
                records_processed = records_processed + $5,
                counts = ${mergeCounts('b.counts', '$6::jsonb')}, updated_at = now()
          WHERE id = $1 AND status IN ('parsing', 'processing')`,
        [
          batchId,
          recordsRead,
          seq + 1,
          done,
          records.length - settled.keep.length,
          JSON.stringify(settled.counts),
        ],
      );
      return { staged: true, needsApply: !done };
    });
  }

  async recordIssues(
    batchId: string,
    issues: Array<{ position: number; key?: string | null; issue: RecordIssue }>,
    phase: 'parse' | 'apply' = 'parse',
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    if (issues.length === 0) return;
    await manager.query(
      `INSERT INTO import_issue (batch_id, position, record_key, phase, severity, code, message, field)
       SELECT $1, x.position, x.record_key, $2, x.severity, x.code, x.message, x.field
         FROM jsonb_to_recordset($3::jsonb) AS x(position int, record_key text, severity text, code text, message text, field text)
        -- A parse superseded by another delivery of its job must not add to the report of a finished batch.
        WHERE EXISTS (SELECT 1 FROM import_batch b WHERE b.id = $1 AND b.completed_at IS NULL)`,
      [
        batchId,
        phase,
        JSON.stringify(
          issues.map(({ position, key, issue }) => ({
            position,
            record_key: key ?? null,
            severity: issue.severity,
            code: issue.code,
            message: issue.message,
            field: issue.field ?? null,
          })),
        ),
      ],
    );
  }

  /** The parse finished (or the file was refused after `recordsRead` records): totals are known. */
  async markParsed(
    batchId: string,
    totals: { recordsRead: number; chunks: number; rejected: number },
    fileError?: { code: string; message: string },
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE import_batch SET parsed_at = now(), records_read = $2, chunks_staged = $3,
              counts = jsonb_set(counts, '{rejected}', to_jsonb($4::int + coalesce((counts ->> 'rejectedOnApply')::int, 0))),
              error_code = $5, error_message = $6, status = CASE WHEN status = 'parsing' THEN 'processing' ELSE status END,
              updated_at = now()
        WHERE id = $1 AND completed_at IS NULL`,
      [
        batchId,
        totals.recordsRead,
        totals.chunks,
        totals.rejected,
        fileError?.code ?? null,
        fileError?.message ?? null,
      ],
    );
    if (fileError) {
      await this.recordIssues(batchId, [
        {
          position: 0,
          issue: {
            code: fileError.code as RecordIssue['code'],
            message: fileError.message,
            severity: 'error',
          },
        },
      ]);
    }
  }

  /**
   * Applies one staged chunk exactly once: the chunk row is locked, skipped when already applied, and marked applied
   * in the transaction that writes its effects and moves the batch's counters.
   */
  async applyChunk(
    batchId: string,
    seq: number,
    applier: ChunkApplier,
    after?: (result: ApplyResult, manager: EntityManager) => Promise<void>,
  ): Promise<{ applied: boolean; result?: ApplyResult }> {
    return this.dataSource.transaction(async (em) => {
      const chunk = await em.getRepository(ImportChunkEntity).findOne({
        where: { batchId, seq },
        lock: { mode: 'pessimistic_write' },
      });
      if (!chunk || chunk.appliedAt) return { applied: false };
      const batch = await em.getRepository(ImportBatchEntity).findOneByOrFail({ id: batchId });
      const result = await applier(chunk.records, batch, em);
      if (result.conflicts.length > 0) {
        await em.query(
          `INSERT INTO identity_conflict (batch_id, source, position, record_key, reason, candidate_person_ids, observation, context)
           SELECT $1, $2, x.position, x.record_key, x.reason, x.candidates, x.observation, x.context
             FROM jsonb_to_recordset($3::jsonb) AS x(position int, record_key text, reason text, candidates uuid[], observation jsonb, context jsonb)`,
          [
            batchId,
            batch.source,
            JSON.stringify(
              result.conflicts.map((c) => ({
                position: c.position,
                record_key: c.recordKey,
                reason: c.reason,
                candidates: c.candidatePersonIds,
                observation: c.observation,
                context: c.context,
              })),
            ),
          ],
        );
      }
      const observedAt = batch.referenceDate
        ? new Date(`${batch.referenceDate}T00:00:00Z`)
        : batch.receivedAt;
      await writeDomainEvents(em, result.events, {
        sourceRef: batchId,
        observedAt,
        recordedAt: new Date(),
        recordedBy: `connector:${batch.source}`,
      });
      if (result.issues.length > 0) {
        await this.recordIssues(
          batchId,
          result.issues.map((i) => ({
            position: i.position,
            key: i.recordKey,
            issue: {
              code: i.code as RecordIssue['code'],
              message: i.message,
              field: i.field ?? undefined,
              severity: i.severity,
            },
          })),
          'apply',
          em,
        );
      }
      if (after) await after(result, em);
      await em.update(ImportChunkEntity, { batchId, seq }, { appliedAt: new Date() });
      // Records refused here add to the parser's rejections (which `markParsed` sets whole, before or after).
      // Appliers may count them as `rejected` or `rejectedOnApply`: both mean refused while applying.
      const refused = (result.counts.rejected ?? 0) + (result.counts.rejectedOnApply ?? 0);
      const counts = { ...result.counts, rejected: refused, rejectedOnApply: refused };
      await em.query(
        `UPDATE import_batch b SET chunks_applied = chunks_applied + 1, records_processed = records_processed + $2,
                counts = ${mergeCounts('b.counts', '$3::jsonb')}, updated_at = now()
          WHERE id = $1`,
        [batchId, chunk.recordCount, JSON.stringify(counts)],
      );
      return { applied: true, result };
    });
  }

  /**
   * Completes the batch once it is parsed and every chunk is applied (called after each chunk and after the parse;
   * only one caller wins). Staged chunks are deleted; the raw file stays.
   */
  async completeIfDone(batchId: string): Promise<ImportBatchEntity | null> {
    // TypeORM returns [rows, affected] for UPDATE … RETURNING.
    const [updated] = (await this.dataSource.query(
      `UPDATE import_batch SET completed_at = now(), updated_at = now(),
              status = CASE WHEN error_code IS NOT NULL THEN 'failed'
                            WHEN (counts ->> 'rejected')::int > 0 OR (counts ->> 'conflicts')::int > 0
                              OR EXISTS (SELECT 1 FROM import_issue i WHERE i.batch_id = import_batch.id AND i.severity = 'error')
                            THEN 'completed_with_errors' ELSE 'completed' END
        WHERE id = $1 AND status = 'processing' AND parsed_at IS NOT NULL AND chunks_applied >= chunks_staged
        RETURNING id`,
      [batchId],
    )) as [Array<{ id: string }>, number];
    if (updated.length === 0) return null;
    await this.dataSource.query(`DELETE FROM import_chunk WHERE batch_id = $1`, [batchId]);
    return this.get(batchId);
  }

  /**
   * Holds an unfinished batch: its jobs write nothing more until a replay resumes it; staged chunks and the raw file
   * stay. Returns false when the batch was already held or finished.
   */
  async hold(batchId: string, code: string, message: string): Promise<boolean> {
    const [rows] = (await this.dataSource.query(
      `UPDATE import_batch SET status = 'held', held_at = now(), hold_code = $2, hold_message = $3, updated_at = now()
        WHERE id = $1 AND status IN ('received', 'parsing', 'processing') RETURNING id`,
      [batchId, code, message],
    )) as [Array<{ id: string }>, number];
    return rows.length > 0;
  }

  /**
   * Resumes an unfinished batch under `by`, who answers for it from now on (its jobs check `by`'s rights): a held batch
   * goes back to `received` (its parse never finished) or `processing`, and the batch gets a new generation of job
   * ids. Null when the batch is finished (or gone).
   */
  async resumeUnder(batchId: string, by: Resumer): Promise<ImportBatchEntity | null> {
    const [rows] = (await this.dataSource.query(
      `UPDATE import_batch
          SET status = CASE WHEN status <> 'held' THEN status WHEN parsed_at IS NULL THEN 'received' ELSE 'processing' END,
              held_at = NULL, hold_code = NULL, hold_message = NULL,
              acting_agent_id = $2, acting_login = $3, habilitation_id = $4,
              resumed_by = $3, resumed_at = now(), resumptions = resumptions + 1, updated_at = now()
        WHERE id = $1 AND completed_at IS NULL AND status IN ('received', 'parsing', 'processing', 'held')
        RETURNING id`,
      [batchId, by.agentId, by.login, by.habilitationId],
    )) as [Array<{ id: string }>, number];
    return rows.length > 0 ? this.get(batchId) : null;
  }

  /** Chunks staged but not applied (for replay after a lost queue). */
  async pendingChunks(batchId: string): Promise<number[]> {
    const rows = (await this.dataSource.query(
      `SELECT seq FROM import_chunk WHERE batch_id = $1 AND applied_at IS NULL ORDER BY seq`,
      [batchId],
    )) as Array<{ seq: number }>;
    return rows.map((r) => r.seq);
  }

  async counts(batchId: string): Promise<ImportCounts> {
    return (await this.dataSource.getRepository(ImportBatchEntity).findOneByOrFail({ id: batchId })).counts;
  }
}
