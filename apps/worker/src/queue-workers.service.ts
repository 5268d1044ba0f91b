import { getSharedConfigToken } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { Worker, type ConnectionOptions } from 'bullmq';

import { EnvironmentVariables } from '@spie/platform/config';
import { QueueName } from '@spie/platform/queue';

import { JobRunner } from './job-runner';

/** The BullMQ settings of `HubQueueModule` (connection and prefix): the worker consumes exactly what producers add. */
export interface SharedQueueConfig {
  connection: ConnectionOptions;
  prefix?: string;
}

/**
 * One BullMQ worker per queue that carries a job, started only once boot checks passed, with `WORKER_CONCURRENCY`
 * jobs at a time. A job whose worker died goes back to the queue within `WORKER_LOCK_DURATION_MS` +
 * `WORKER_STALLED_INTERVAL_MS`. On shutdown the workers stop taking jobs and wait for the running ones to finish.
 */
@Injectable()
export class QueueWorkersService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(QueueWorkersService.name);
  private readonly workers: Worker[] = [];

  constructor(
    @Inject(getSharedConfigToken()) private readonly queueConfig: SharedQueueConfig,
    private readonly env: EnvironmentVariables,
    private readonly runner: JobRunner,
  ) {}

  async start(): Promise<void> {
    const queues = Object.values(QueueName);
    for (const queue of queues) {
      const worker = new Worker(queue, (job) => this.runner.run(job), {
        connection: this.queueConfig.connection,
        prefix: this.queueConfig.prefix,
        concurrency: this.env.WORKER_CONCURRENCY,
        lockDuration: this.env.WORKER_LOCK_DURATION_MS,
        stalledInterval: this.env.WORKER_STALLED_INTERVAL_MS,
        autorun: false,
      });
      worker.on('error', (error) => this.logger.error({ queue, error: error.name }, 'worker error'));
      this.workers.push(worker);
      await worker.waitUntilReady();
      worker
        .run()
        .catch((error: unknown) => this.logger.error({ queue, error: String(error) }, 'worker stopped'));
    }
    this.logger.log({ queues, concurrency: this.env.WORKER_CONCURRENCY }, 'worker ready');
  }

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    if (this.workers.length === 0) return;
    this.logger.log({ signal }, 'stopping: waiting for running jobs');
    await Promise.all(this.workers.splice(0).map((worker) => worker.close()));
    this.logger.log('worker stopped');
  }
}
