import { getQueueToken } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';

import { JOB_QUEUE, JobName, type JobPayload, type QueueName } from './queue-names';

/** The typed way to enqueue: the payload shape is checked against the job name at compile time. */
@Injectable()
export class JobQueueService {
  constructor(private readonly moduleRef: ModuleRef) {}

  queue(name: JobName, queue: QueueName = JOB_QUEUE[name]): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(queue), { strict: false });
  }

  /** Adds many jobs of one name in one round trip. */
  async enqueueBulk<N extends JobName>(
    name: N,
    jobs: Array<{ payload: JobPayload<N>; jobId: string }>,
    queue?: QueueName,
  ) {
    if (jobs.length === 0) return [];
    return this.queue(name, queue).addBulk(
      jobs.map((job) => ({ name, data: job.payload, opts: { jobId: job.jobId } })),
    );
  }

  /**
   * Adds a job. `jobId` makes it idempotent while BullMQ keeps the job (a retried enqueue is a no-op; durable
   * idempotency, e.g. of a re-sent file, is a unique key in PostgreSQL). `deduplicationId` collapses requests for the
   * same work: asked twice before it ran, it runs once; asked while it runs, it runs once more afterwards with the
   * latest payload, so a read model never stays stale.
   */
  async enqueue<N extends JobName>(
    name: N,
    payload: JobPayload<N>,
    options: { jobId?: string; deduplicationId?: string; delay?: number; queue?: QueueName } = {},
  ) {
    const { deduplicationId, queue, ...rest } = options;
    return this.queue(name, queue).add(name, payload, {
      ...rest,
      ...(deduplicationId ? { deduplication: { id: deduplicationId, keepLastIfActive: true } } : {}),
    });
  }
}
