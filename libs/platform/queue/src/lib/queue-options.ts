import type { DefaultJobOptions } from 'bullmq';

import { QueueName } from './queue-names';

/** Retry policy in one place: exponential back-off, bounded retention of finished jobs. */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600, count: 10000 },
  removeOnFail: { age: 30 * 24 * 3600 },
};

/**
 * Ingestion: more attempts, spread over about an hour (a PostgreSQL restart delays a batch, it does not lose it), and
 * completed jobs dropped at once (the durable record of what was applied is `import_chunk.applied_at`).
 */
export const INGEST_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 12,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: true,
  removeOnFail: { age: 30 * 24 * 3600 },
};

export const QUEUE_JOB_OPTIONS: Record<QueueName, DefaultJobOptions> = {
  [QueueName.Parcours]: DEFAULT_JOB_OPTIONS,
  [QueueName.IngestCafMsa]: INGEST_JOB_OPTIONS,
  [QueueName.IngestFranceTravail]: INGEST_JOB_OPTIONS,
  [QueueName.IngestDepartment]: INGEST_JOB_OPTIONS,
  [QueueName.IngestMissionLocale]: INGEST_JOB_OPTIONS,
  [QueueName.Audit]: DEFAULT_JOB_OPTIONS,
  [QueueName.Retention]: DEFAULT_JOB_OPTIONS,
};
