import { getQueueToken } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';

import { JOB_QUEUE, JobName, type JobPayload } from './queue-names';

/** The typed way to enqueue: the payload shape is checked against the job name at compile time. */
@Injectable()
export class JobQueueService {
  constructor(private readonly moduleRef: ModuleRef) {}

  queue(name: JobName): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(JOB_QUEUE[name]), { strict: false });
  }

  /**
   * Adds a job. `jobId` makes it idempotent forever (a re-sent file); `deduplicationId` only while a job with the
   * same id is still waiting (a recompute asked twice before it ran runs once, a later change runs again).
   */
  async enqueue<N extends JobName>(
    name: N,
    payload: JobPayload<N>,
    options: { jobId?: string; deduplicationId?: string; delay?: number } = {},
  ) {
    const { deduplicationId, ...rest } = options;
    return this.queue(name).add(name, payload, {
      ...rest,
      ...(deduplicationId ? { deduplication: { id: deduplicationId } } : {}),
    });
  }
}
