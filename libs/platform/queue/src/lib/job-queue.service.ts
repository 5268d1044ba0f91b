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

  async enqueue<N extends JobName>(name: N, payload: JobPayload<N>, options: { jobId?: string; delay?: number } = {}) {
    return this.queue(name).add(name, payload, options);
  }
}
