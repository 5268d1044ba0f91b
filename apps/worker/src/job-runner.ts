import { Injectable, Logger } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';

import { validateJobPayload, type JobEnvelope } from '@spie/platform/queue';
import { maskNirInText, runWithCorrelationId } from '@spie/platform/logging';

import { JobHandlerRegistry } from './job-handler-registry';

export type RunnableJob = Pick<Job, 'id' | 'name' | 'data' | 'attemptsMade' | 'queueName' | 'opts'>;

const SAFE_CORRELATION_ID = /^[A-Za-z0-9._-]{1,128}$/;

/**
 * Runs one job: finds its handler, validates the payload (an invalid one fails at once, without retries, and stays in
 * the failed set: the dead-letter list), and calls the handler inside the payload's correlation id. Logs the start,
 * completion and failure of each job with its id, name, attempt and actor login, never its payload.
 */
@Injectable()
export class JobRunner {
  private readonly logger = new Logger(JobRunner.name);

  constructor(private readonly registry: JobHandlerRegistry) {}

  async run(job: RunnableJob): Promise<unknown> {
    const entry = this.registry.get(job.name);
    const validated = entry ? validateJobPayload(entry.payload, job.data) : undefined;
    const envelope = (validated?.ok ? validated.value : job.data) as Partial<JobEnvelope> | undefined;
    const given = envelope?.correlationId;
    const correlationId = typeof given === 'string' && SAFE_CORRELATION_ID.test(given) ? given : undefined;
    const attempt = job.attemptsMade + 1;
    const fields = {
      jobId: job.id,
      jobName: job.name,
      queue: job.queueName,
      attempt,
      actor: safeLogin(envelope),
    };

    return runWithCorrelationId(correlationId, async () => {
      if (!entry) {
        this.logger.error(fields, 'job has no handler: failed without retry');
        throw new UnrecoverableError(`No handler for job '${job.name}'`);
      }
      if (!validated?.ok) {
        const problems = validated?.error ?? [];
        this.logger.error({ ...fields, problems }, 'job payload invalid: failed without retry');
        throw new UnrecoverableError(`Invalid payload for job '${job.name}': ${problems.join('; ')}`);
      }
      const started = Date.now();
      this.logger.log(fields, 'job started');
      try {
        const result = await entry.handler.handle(validated.value, {
          jobId: String(job.id),
          jobName: entry.jobName,
          attempt,
        });
        this.logger.log({ ...fields, durationMs: Date.now() - started }, 'job completed');
        return result;
      } catch (error) {
        const retries = !(error instanceof UnrecoverableError) && attempt < (job.opts.attempts ?? 1);
        const details = {
          ...fields,
          durationMs: Date.now() - started,
          willRetry: retries,
          error: describeError(error),
        };
        if (retries) this.logger.warn(details, 'job failed, will retry');
        else this.logger.error(details, 'job failed');
        throw error;
      }
    });
  }
}

function safeLogin(envelope: Partial<JobEnvelope> | undefined): string | undefined {
  const login = envelope?.actor?.login;
  return typeof login === 'string' ? maskNirInText(login.slice(0, 100)) : undefined;
}

function describeError(error: unknown): { name: string; message: string } {
  if (error instanceof Error)
    return { name: error.name, message: maskNirInText(error.message.slice(0, 500)) };
  return { name: typeof error, message: 'non-error thrown' };
}
