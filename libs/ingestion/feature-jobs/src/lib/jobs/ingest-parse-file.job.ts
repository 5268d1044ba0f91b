import { Injectable, Logger } from '@nestjs/common';

import {
  applyJobId,
  ImportBatchService,
  ImportStorageService,
  IngestRightsService,
  ParseSupersededError,
  type ImportBatchEntity,
  type StagedRecord,
} from '@spie/ingestion/data-access';
import {
  IngestFileError,
  writableFor,
  type FileHeader,
  type ImportRights,
  type RecordIssue,
} from '@spie/ingestion/domain';
import { EnvironmentVariables } from '@spie/platform/config';
import {
  INGEST_QUEUE,
  JobHandler,
  JobName,
  JobQueueService,
  type HandlesJob,
  type JobPayload,
} from '@spie/platform/queue';

import { sourceDefinition } from '../source-registry';
import { holdBatch } from './hold-batch';
import { IngestParseFilePayload } from './ingest-payloads';

/** The batch's acting agent lost its rights while the file was read: the parse stops, the batch is held. */
class StarterRightsLost extends Error {
  constructor(
    readonly batch: ImportBatchEntity,
    readonly rights: Extract<ImportRights, { allowed: false }>,
  ) {
    super(`The agent batch ${batch.id} acts for lost its rights`);
  }
}

/**
 * Streams a stored file through its source's parser: records are staged in PostgreSQL by chunks and one apply job is
 * queued per chunk as soon as it is staged (parsing and applying overlap), unless the source's prefilter settled every
 * record of the chunk (households unchanged since the last flux); rejections go to the batch report. A parse that dies
 * is run again from the start: chunks already staged are kept and their jobs are not queued twice. The rights of the
 * agent the batch acts for are checked again at the start and before each chunk (a prefilter writes): without them
 * the batch is held and the parse stops (a habilitation narrowed since is left to the apply jobs, record by record).
 */
@Injectable()
@JobHandler(JobName.IngestParseFile, { payload: IngestParseFilePayload })
export class IngestParseFileJob implements HandlesJob<JobName.IngestParseFile> {
  private readonly logger = new Logger(IngestParseFileJob.name);

  constructor(
    private readonly batches: ImportBatchService,
    private readonly rights: IngestRightsService,
    private readonly storage: ImportStorageService,
    private readonly queue: JobQueueService,
    private readonly env: EnvironmentVariables,
  ) {}

  async handle(payload: JobPayload<JobName.IngestParseFile>): Promise<unknown> {
    const existing = await this.batches.get(payload.batchId);
    if (!existing) return { skipped: 'unknown batch' };
    if (existing.status === 'held') return { held: existing.holdCode };
    const rights = await this.rights.ofBatch(existing);
    if (!rights.allowed && writableFor(existing.source, rights).size === 0)
      return holdBatch(this.batches, this.logger, existing, rights);
    if (existing.parsedAt) {
      // Delivered again after the end of the file was recorded (the worker died before completing, or Redis lost the
      // apply jobs): queue again the chunks not applied yet (same job ids) and complete the batch if none is left.
      const queue = INGEST_QUEUE[existing.source];
      for (const seq of await this.batches.pendingChunks(existing.id)) {
        await this.queue.enqueue(
          JobName.IngestApplyChunk,
          { correlationId: payload.correlationId, actor: payload.actor, batchId: existing.id, seq },
          { jobId: applyJobId(existing, seq), queue },
        );
      }
      const completed = await this.batches.completeIfDone(existing.id);
      return { skipped: 'already parsed', status: completed?.status ?? existing.status };
    }
    let batch = await this.batches.startParse(payload.batchId);
    const definition = sourceDefinition(batch.source);
    const chunkSize = definition.chunkSize ?? this.env.IMPORT_CHUNK_SIZE;
    const queue = INGEST_QUEUE[batch.source];
    const headers: FileHeader[] = [];
    let chunk: StagedRecord[] = [];
    let seq = 0;
    let read = 0;
    let rejected = 0;
    let issues: Array<{ position: number; key?: string | null; issue: RecordIssue }> = [];

    const flushChunk = async (): Promise<void> => {
      if (chunk.length === 0) return;
      // Read again: the batch may have been resumed under another account since the parse started.
      const current = (await this.batches.get(batch.id)) ?? batch;
      const now = await this.rights.ofBatch(current);
      if (!now.allowed && writableFor(current.source, now).size === 0)
        throw new StarterRightsLost(current, now);
      const staged = chunk;
      chunk = [];
      const prefilter = definition.prefilter;
      const { needsApply } = await this.batches.stageChunk(
        batch.id,
        seq,
        staged,
        read,
        prefilter && ((records, manager) => prefilter(records, batch, manager)),
      );
      if (needsApply) {
        await this.queue.enqueue(
          JobName.IngestApplyChunk,
          { correlationId: payload.correlationId, actor: payload.actor, batchId: batch.id, seq },
          { jobId: applyJobId(batch, seq), queue },
        );
      }
      seq += 1;
    };
    const flushHeaders = async (): Promise<void> => {
      if (headers.length === 0) return;
      for (const header of headers.splice(0)) await this.batches.recordHeader(batch.id, header);
      // The prefilter compares with the reference date the header just gave.
      batch = (await this.batches.get(batch.id)) ?? batch;
    };

    let fileError: { code: string; message: string } | undefined;
    try {
      const input = this.storage.open(batch.storagePath);
      for await (const item of definition.parse(input, {
        batch,
        onHeader: (header) => headers.push(header),
      })) {
        if (headers.length > 0) await flushHeaders();
        read += 1;
        if (item.kind === 'record') {
          chunk.push({ position: item.position, key: item.key, data: item.data });
          for (const warning of item.warnings)
            issues.push({ position: item.position, key: item.key, issue: warning });
        } else {
          rejected += 1;
          for (const issue of item.issues) issues.push({ position: item.position, key: item.key, issue });
        }
        if (issues.length >= 500) {
          await this.batches.recordIssues(batch.id, issues);
          issues = [];
        }
        if (chunk.length >= chunkSize) await flushChunk();
      }
    } catch (error) {
      if (error instanceof ParseSupersededError) return this.superseded(error);
      if (error instanceof StarterRightsLost)
        return holdBatch(this.batches, this.logger, error.batch, error.rights);
      if (!(error instanceof IngestFileError)) throw error;
      fileError = { code: error.code, message: error.message };
      this.logger.warn({ batchId: batch.id, code: error.code }, 'file refused');
    }
    try {
      await flushHeaders();
      await flushChunk();
    } catch (error) {
      if (error instanceof ParseSupersededError) return this.superseded(error);
      if (error instanceof StarterRightsLost)
        return holdBatch(this.batches, this.logger, error.batch, error.rights);
      throw error;
    }
    await this.batches.recordIssues(batch.id, issues);
    await this.batches.markParsed(batch.id, { recordsRead: read, chunks: seq, rejected }, fileError);
    const completed = await this.batches.completeIfDone(batch.id);
    this.logger.log(
      { batchId: batch.id, records: read, chunks: seq, rejected, status: completed?.status },
      'file parsed',
    );
    return { records: read, chunks: seq, rejected };
  }

  private superseded(error: ParseSupersededError): { superseded: true; status: string } {
    this.logger.warn(
      { batchId: error.batchId, status: error.status },
      'parse superseded by another delivery: stopped',
    );
    return { superseded: true, status: error.status };
  }
}
