import type { DefaultJobOptions } from 'bullmq';

import { QueueName } from './queue-names';

/** Retry policy in one place: exponential back-off, bounded retention of finished jobs. */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600, count: 10000 },
  removeOnFail: { age: 30 * 24 * 3600 },
};

export const QUEUE_JOB_OPTIONS: Record<QueueName, DefaultJobOptions> = {
  [QueueName.Parcours]: DEFAULT_JOB_OPTIONS,
};
