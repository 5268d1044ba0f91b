import 'reflect-metadata';

import type { JobName, JobPayload } from './queue-names';

/** What a handler receives besides its payload. */
export interface JobContext {
  jobId: string;
  jobName: JobName;
  /** 1 for the first run, 2 for the first retry… */
  attempt: number;
}

/** A class that handles one job: the worker calls `handle` with a payload already validated against `payload`. */
export interface HandlesJob<N extends JobName = JobName> {
  handle(payload: JobPayload<N>, context: JobContext): Promise<unknown>;
}

/** A class-validator class describing a job's payload (validated when the job is consumed). */
export type JobPayloadClass<N extends JobName = JobName> = new () => JobPayload<N>;

export interface JobHandlerMetadata<N extends JobName = JobName> {
  jobName: N;
  payload: JobPayloadClass<N>;
}

export const JOB_HANDLER_METADATA = 'spie:job-handler';

/**
 * Declares the provider that handles a job. The worker discovers every decorated provider at boot and refuses to start
 * unless each `JobName` has exactly one handler.
 *
 * (Belongs in `@spie/platform/queue`; it lives here until that lib takes it.)
 */
export function JobHandler<N extends JobName>(
  jobName: N,
  options: { payload: JobPayloadClass<N> },
): ClassDecorator {
  return (target) => {
    const metadata: JobHandlerMetadata<N> = { jobName, payload: options.payload };
    Reflect.defineMetadata(JOB_HANDLER_METADATA, metadata, target);
  };
}

export function jobHandlerMetadataOf(target: unknown): JobHandlerMetadata | undefined {
  if (typeof target !== 'function') return undefined;
  return Reflect.getMetadata(JOB_HANDLER_METADATA, target) as JobHandlerMetadata | undefined;
}
