import type { ImportBatchEntity } from '../entities/import-batch.entity';

type BatchRef = Pick<ImportBatchEntity, 'id' | 'resumptions'>;

/**
 * Deterministic ids of a batch's jobs: a second delivery or a re-queue is a no-op while BullMQ keeps the first job.
 * A resumed batch (`resumptions`) gets fresh ids, since a job that held its batch completed under the old one.
 */
function generation(batch: BatchRef): string {
  return batch.resumptions > 0 ? `-r${batch.resumptions}` : '';
}

export function parseJobId(batch: BatchRef): string {
  return `${batch.id}-parse${generation(batch)}`;
}

export function applyJobId(batch: BatchRef, seq: number): string {
  return `${batch.id}-${seq}${generation(batch)}`;
}
