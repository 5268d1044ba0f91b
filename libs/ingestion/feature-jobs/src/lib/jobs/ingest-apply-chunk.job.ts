import { Injectable, Logger } from '@nestjs/common';

import { DiagnosticService } from '@spie/diagnostic/data-access';
import { ImportBatchService, type StagedRecord } from '@spie/ingestion/data-access';
import { ParcoursStatusService } from '@spie/parcours/feature-jobs';
import { NirCipherService } from '@spie/person/data-access';
import {
  JobHandler,
  JobName,
  JobQueueService,
  PARCOURS_DRAIN_DEDUPLICATION,
  type HandlesJob,
  type JobPayload,
} from '@spie/platform/queue';

import { ImiloClientProvider } from '../imilo-client.provider';
import { sourceDefinition } from '../source-registry';
import { IngestApplyChunkPayload } from './ingest-payloads';

/**
 * Applies one staged chunk in one transaction (records, conflicts, events, counters, and the people it touched marked
 * for a parcours status recompute), exactly once however many times the job is delivered; then queues the recompute
 * and completes the batch if it was the last.
 */
@Injectable()
@JobHandler(JobName.IngestApplyChunk, { payload: IngestApplyChunkPayload })
export class IngestApplyChunkJob implements HandlesJob<JobName.IngestApplyChunk> {
  private readonly logger = new Logger(IngestApplyChunkJob.name);

  constructor(
    private readonly batches: ImportBatchService,
    private readonly cipher: NirCipherService,
    private readonly parcours: ParcoursStatusService,
    private readonly imilo: ImiloClientProvider,
    private readonly queue: JobQueueService,
    private readonly diagnostics: DiagnosticService,
  ) {}

  async handle(payload: JobPayload<JobName.IngestApplyChunk>): Promise<unknown> {
    const batch = await this.batches.get(payload.batchId);
    if (!batch) return { skipped: 'unknown batch' };
    const definition = sourceDefinition(batch.source);
    const deps = { cipher: this.cipher, imilo: this.imilo.client, diagnostics: this.diagnostics };
    let records: StagedRecord[] = [];
    const { applied, result } = await this.batches.applyChunk(
      payload.batchId,
      payload.seq,
      (staged, current, manager) => {
        records = staged;
        return definition.apply(staged, current, manager, deps);
      },
      (outcome, manager) => this.parcours.markPending(outcome.touchedPersonIds, manager),
    );
    if (applied && definition.afterCommit) await definition.afterCommit(records, deps);
    // Also when the chunk was applied by an earlier delivery that died before reaching this line.
    await this.queue.enqueue(
      JobName.DrainParcoursStatus,
      { correlationId: payload.correlationId, actor: payload.actor },
      // One drain for many chunks (a drain takes thousands of persons per transaction), and one more after a drain
      // in progress, so that the persons this chunk marked are never left pending.
      { deduplicationId: PARCOURS_DRAIN_DEDUPLICATION },
    );
    const completed = await this.batches.completeIfDone(payload.batchId);
    if (completed) this.logger.log({ batchId: completed.id, status: completed.status }, 'batch completed');
    return { applied, counts: result?.counts };
  }
}
