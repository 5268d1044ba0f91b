import { Injectable, Logger } from '@nestjs/common';

import type { DataCategory } from '@spie/access/domain';
import { DiagnosticService } from '@spie/diagnostic/data-access';
import {
  add,
  emptyResult,
  ImportBatchService,
  IngestRightsService,
  type ApplyResult,
  type StagedRecord,
} from '@spie/ingestion/data-access';
import { CATEGORY_NOT_WRITABLE, partitionWritable, writableFor } from '@spie/ingestion/domain';
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
import { holdBatch } from './hold-batch';
import { IngestApplyChunkPayload } from './ingest-payloads';

/**
 * Applies one staged chunk in one transaction (records, conflicts, events, counters, and the people it touched marked
 * for a parcours status recompute), exactly once however many times the job is delivered; then queues the recompute
 * and completes the batch if it was the last. It writes with the rights of the agent the batch acts for, checked
 * again now: without a current habilitation for the source the batch is held and nothing is written; otherwise a
 * record that would write a category outside its source's and what the habilitation writes now (it may have been
 * narrowed since) is refused (`CATEGORY_NOT_WRITABLE`) and the others applied.
 */
@Injectable()
@JobHandler(JobName.IngestApplyChunk, { payload: IngestApplyChunkPayload })
export class IngestApplyChunkJob implements HandlesJob<JobName.IngestApplyChunk> {
  private readonly logger = new Logger(IngestApplyChunkJob.name);

  constructor(
    private readonly batches: ImportBatchService,
    private readonly rights: IngestRightsService,
    private readonly cipher: NirCipherService,
    private readonly parcours: ParcoursStatusService,
    private readonly imilo: ImiloClientProvider,
    private readonly queue: JobQueueService,
    private readonly diagnostics: DiagnosticService,
  ) {}

  async handle(payload: JobPayload<JobName.IngestApplyChunk>): Promise<unknown> {
    const batch = await this.batches.get(payload.batchId);
    if (!batch) return { skipped: 'unknown batch' };
    if (batch.status === 'held') return { held: batch.holdCode };
    const rights = await this.rights.ofBatch(batch);
    const writable = writableFor(batch.source, rights);
    if (!rights.allowed && writable.size === 0) return holdBatch(this.batches, this.logger, batch, rights);
    const definition = sourceDefinition(batch.source);
    const deps = { cipher: this.cipher, imilo: this.imilo.client, diagnostics: this.diagnostics };
    let records: StagedRecord[] = [];
    const { applied, result } = await this.batches.applyChunk(
      payload.batchId,
      payload.seq,
      async (staged, current, manager) => {
        const { kept, refused } = partitionWritable(staged, (r) => definition.writes(r.data), writable);
        records = kept;
        const outcome =
          kept.length > 0 ? await definition.apply(kept, current, manager, deps) : emptyResult();
        refuseOutside(outcome, refused);
        return outcome;
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

/** Records that would write outside what the batch may write: refused, each with its own issue. */
function refuseOutside(
  result: ApplyResult,
  refused: ReadonlyArray<{ record: StagedRecord; outside: DataCategory[] }>,
): void {
  for (const { record, outside } of refused) {
    add(result.counts, 'rejectedOnApply');
    result.issues.push({
      position: record.position,
      recordKey: record.key,
      severity: 'error',
      code: CATEGORY_NOT_WRITABLE,
      message: `This record writes ${outside.join(', ')}, which its batch may not write (the source's categories and the sender's habilitation): not applied`,
      field: null,
    });
  }
}
