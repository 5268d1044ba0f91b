import { Injectable } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';

import {
  JobName,
  jobHandlerMetadataOf,
  type HandlesJob,
  type JobHandlerMetadata,
  type JobPayloadClass,
} from '@spie/platform/queue';

export interface RegisteredJobHandler {
  jobName: JobName;
  payload: JobPayloadClass;
  handler: HandlesJob;
  /** Class name of the handler, for messages. */
  handlerName: string;
}

export interface JobHandlerCandidate {
  metadata: JobHandlerMetadata;
  instance: HandlesJob;
  name: string;
}

/** Boot refuses to continue: some job has no handler, several, or a handler names a job that does not exist. */
export class JobHandlerRegistryError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Every job needs exactly one handler:\n  - ${problems.join('\n  - ')}`);
    this.name = 'JobHandlerRegistryError';
  }
}

/** Checks that each of `jobNames` has exactly one candidate and returns the handler of each job. */
export function buildJobHandlerRegistry(
  candidates: readonly JobHandlerCandidate[],
  jobNames: readonly JobName[] = Object.values(JobName),
): Map<JobName, RegisteredJobHandler> {
  const problems: string[] = [];
  const known = new Set<string>(jobNames);
  for (const candidate of candidates) {
    if (!known.has(candidate.metadata.jobName)) {
      problems.push(`${candidate.name} handles '${candidate.metadata.jobName}', which is not a JobName`);
    }
  }
  const registry = new Map<JobName, RegisteredJobHandler>();
  for (const jobName of jobNames) {
    const handlers = candidates.filter((candidate) => candidate.metadata.jobName === jobName);
    if (handlers.length === 0)
      problems.push(`'${jobName}' has no handler (decorate a provider with @JobHandler)`);
    if (handlers.length > 1)
      problems.push(
        `'${jobName}' has ${handlers.length} handlers: ${handlers.map((h) => h.name).join(', ')}`,
      );
    const [only] = handlers;
    if (handlers.length === 1 && only) {
      registry.set(jobName, {
        jobName,
        payload: only.metadata.payload,
        handler: only.instance,
        handlerName: only.name,
      });
    }
  }
  if (problems.length > 0) throw new JobHandlerRegistryError(problems);
  return registry;
}

/** The handlers of every job, found among the application's providers decorated with `@JobHandler`. */
@Injectable()
export class JobHandlerRegistry {
  private handlers?: Map<JobName, RegisteredJobHandler>;

  constructor(private readonly discovery: DiscoveryService) {}

  /** Builds the registry; throws `JobHandlerRegistryError` unless each `JobName` has exactly one handler. */
  check(): void {
    this.handlers = buildJobHandlerRegistry(this.discover());
  }

  get(jobName: string): RegisteredJobHandler | undefined {
    if (!this.handlers) this.check();
    return this.handlers?.get(jobName as JobName);
  }

  private discover(): JobHandlerCandidate[] {
    return this.discovery.getProviders().flatMap((wrapper) => {
      const metadata = jobHandlerMetadataOf(wrapper.metatype);
      const instance = wrapper.instance as HandlesJob | undefined;
      if (!metadata) return [];
      if (!instance || typeof instance.handle !== 'function') {
        throw new JobHandlerRegistryError([
          `${wrapper.name} must be a static provider with a handle() method`,
        ]);
      }
      return [{ metadata, instance, name: String(wrapper.name) }];
    });
  }
}
