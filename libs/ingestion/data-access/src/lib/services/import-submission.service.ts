import type { Readable } from 'node:stream';

import { Injectable, Logger } from '@nestjs/common';

import type { IngestSource } from '@spie/ingestion/domain';
import { INGEST_QUEUE, JobName, JobQueueService, type JobEnvelope } from '@spie/platform/queue';

import type { ImportBatchEntity } from '../entities/import-batch.entity';
import { ImportBatchService } from './import-batch.service';
import { ImportStorageService } from './import-storage.service';
import { applyJobId, parseJobId } from './ingest-job-ids';
import { IngestRightsService } from './ingest-rights.service';

export interface SubmitInput {
  source: IngestSource;
  fileName: string;
  input: Readable;
  options?: Record<string, string>;
  /** `actor` is who sends the file: the batch acts for them, within their rights. */
  envelope: JobEnvelope;
}

/**
 * The one way in for a file, whatever carried it (CLI, HTTP upload, i-Milo poll): check that its sender may write what
 * the source writes, store, record, queue the parse.
 */
@Injectable()
export class ImportSubmissionService {
  private readonly logger = new Logger(ImportSubmissionService.name);

  constructor(
    private readonly storage: ImportStorageService,
    private readonly batches: ImportBatchService,
    private readonly queue: JobQueueService,
    private readonly rights: IngestRightsService,
  ) {}

  /**
   * Refuses with `IMPORT_NOT_HABILITATED` (nothing stored, no batch) when the sender may not send the source;
   * otherwise the batch acts for the sender, under the habilitation that allows it.
   */
  async submit(input: SubmitInput): Promise<{ batch: ImportBatchEntity; joined: boolean }> {
    const rights = await this.rights.authorise(input.envelope.actor, input.source);
    const file = await this.storage.store(input.input);
    const received = await this.batches.receive({
      source: input.source,
      fileName: input.fileName,
      file,
      options: input.options ?? {},
      receivedBy: input.envelope.actor.login,
      correlationId: input.envelope.correlationId,
      actingAgentId: input.envelope.actor.id,
      habilitationId: rights.grant.id,
    });
    if (!received.joined) await this.enqueueParse(received.batch, input.envelope);
    return received;
  }

  /**
   * Resumes a batch under the replaying actor (replay after a lost queue, a fixed bug, or a batch held because its
   * sender lost their rights), who must have the rights the source needs and answers for the batch from now on: its
   * parse is queued again if it never finished, its pending chunks otherwise. Refuses with `IMPORT_NOT_HABILITATED`.
   */
  async resume(batch: ImportBatchEntity, envelope: JobEnvelope): Promise<{ parse: boolean; chunks: number }> {
    const rights = await this.rights.authorise(envelope.actor, batch.source);
    const resumed = await this.batches.resumeUnder(batch.id, {
      agentId: envelope.actor.id,
      login: envelope.actor.login,
      habilitationId: rights.grant.id,
    });
    if (!resumed) return { parse: false, chunks: 0 };
    this.logger.log(
      {
        batchId: batch.id,
        by: envelope.actor.login,
        wasHeld: batch.status === 'held',
        heldFor: batch.holdCode,
      },
      'batch resumed',
    );
    if (!resumed.parsedAt) {
      await this.enqueueParse(resumed, envelope);
      return { parse: true, chunks: 0 };
    }
    const pending = await this.batches.pendingChunks(batch.id);
    await this.queue.enqueueBulk(
      JobName.IngestApplyChunk,
      pending.map((seq) => ({
        payload: { ...envelope, batchId: batch.id, seq },
        jobId: applyJobId(resumed, seq),
      })),
      INGEST_QUEUE[batch.source],
    );
    return { parse: false, chunks: pending.length };
  }

  private async enqueueParse(batch: ImportBatchEntity, envelope: JobEnvelope): Promise<void> {
    await this.queue.enqueue(
      JobName.IngestParseFile,
      { ...envelope, batchId: batch.id },
      { jobId: parseJobId(batch), queue: INGEST_QUEUE[batch.source] },
    );
  }
}
