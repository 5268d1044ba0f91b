import type { Readable } from 'node:stream';

import { Injectable } from '@nestjs/common';

import type { IngestSource } from '@spie/ingestion/domain';
import { INGEST_QUEUE, JobName, JobQueueService, type JobEnvelope } from '@spie/platform/queue';

import type { ImportBatchEntity } from '../entities/import-batch.entity';
import { ImportBatchService } from './import-batch.service';
import { ImportStorageService } from './import-storage.service';

export interface SubmitInput {
  source: IngestSource;
  fileName: string;
  input: Readable;
  options?: Record<string, string>;
  envelope: JobEnvelope;
}

/** The one way in for a file, whatever carried it (CLI, HTTP upload, SFTP drop): store, record, queue the parse. */
@Injectable()
export class ImportSubmissionService {
  constructor(
    private readonly storage: ImportStorageService,
    private readonly batches: ImportBatchService,
    private readonly queue: JobQueueService,
  ) {}

  async submit(input: SubmitInput): Promise<{ batch: ImportBatchEntity; joined: boolean }> {
    const file = await this.storage.store(input.input);
    const received = await this.batches.receive({
      source: input.source,
      fileName: input.fileName,
      file,
      options: input.options ?? {},
      receivedBy: input.envelope.actor.login,
      correlationId: input.envelope.correlationId,
    });
    if (!received.joined) await this.enqueueParse(received.batch, input.envelope);
    return received;
  }

  /** Queues the parse of a batch again (replay after a lost queue or a fixed bug); a parsed batch re-queues its chunks. */
  async resume(batch: ImportBatchEntity, envelope: JobEnvelope): Promise<{ parse: boolean; chunks: number }> {
    if (!batch.parsedAt) {
      await this.enqueueParse(batch, envelope, `${batch.id}-parse-replay-${Date.now()}`);
      return { parse: true, chunks: 0 };
    }
    const pending = await this.batches.pendingChunks(batch.id);
    await this.queue.enqueueBulk(
      JobName.IngestApplyChunk,
      pending.map((seq) => ({
        payload: { ...envelope, batchId: batch.id, seq },
        jobId: `${batch.id}-${seq}-replay-${Date.now()}`,
      })),
      INGEST_QUEUE[batch.source],
    );
    return { parse: false, chunks: pending.length };
  }

  private async enqueueParse(
    batch: ImportBatchEntity,
    envelope: JobEnvelope,
    jobId = `${batch.id}-parse`,
  ): Promise<void> {
    await this.queue.enqueue(
      JobName.IngestParseFile,
      { ...envelope, batchId: batch.id },
      { jobId, queue: INGEST_QUEUE[batch.source] },
    );
  }
}
