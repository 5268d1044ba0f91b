import { computeImportProgress, type ImportProgress } from '@spie/ingestion/domain';

import type { ImportBatchEntity } from './entities/import-batch.entity';

/** The progress of a batch from its row (see `computeImportProgress`), for the gateway and the CLI alike. */
export function batchProgress(
  batch: ImportBatchEntity,
  now: Date = new Date(),
  averageRecordBytes: number | null = null,
): ImportProgress {
  return computeImportProgress(
    {
      recordsRead: batch.recordsRead,
      recordsProcessed: batch.recordsProcessed,
      rejected: batch.counts.rejected ?? 0,
      parsedAt: batch.parsedAt,
      startedAt: batch.startedAt,
      completedAt: batch.completedAt,
      fileSize: Number(batch.fileSize),
    },
    now,
    averageRecordBytes,
  );
}
