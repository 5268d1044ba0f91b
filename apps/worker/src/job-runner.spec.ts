import { Logger } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';

import { RecomputeParcoursStatusPayload } from '@spie/parcours/feature-jobs';
import { currentCorrelationId } from '@spie/platform/logging';
import { JobName, type HandlesJob } from '@spie/platform/queue';

import type { JobHandlerRegistry, RegisteredJobHandler } from './job-handler-registry';
import { JobRunner, type RunnableJob } from './job-runner';

const PAYLOAD = {
  personId: '0b7d5b5e-8f0e-4a7c-9d55-3f5c2f0d6a11',
  reason: 'test',
  correlationId: 'corr-runner-0001',
  actor: { kind: 'system', id: 'test', login: 'test', organisationId: null },
};

function job(overrides: Partial<RunnableJob> = {}): RunnableJob {
  return {
    id: '1',
    name: JobName.RecomputeParcoursStatus,
    data: PAYLOAD,
    attemptsMade: 0,
    queueName: 'parcours',
    opts: { attempts: 3 },
    ...overrides,
  };
}

function runnerWith(handle: HandlesJob['handle']): { runner: JobRunner; calls: unknown[][] } {
  const calls: unknown[][] = [];
  const entry: RegisteredJobHandler = {
    jobName: JobName.RecomputeParcoursStatus,
    payload: RecomputeParcoursStatusPayload,
    handlerName: 'FakeHandler',
    handler: {
      handle: async (...args) => {
        calls.push(args);
        return handle(...args);
      },
    },
  };
  const registry = {
    get: (name: string) => (name === entry.jobName ? entry : undefined),
  } as unknown as JobHandlerRegistry;
  return { runner: new JobRunner(registry), calls };
}

describe('JobRunner', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('should call the handler with the validated payload inside the payload correlation id', async () => {
    const { runner, calls } = runnerWith(async () => currentCorrelationId());
    await expect(runner.run(job({ attemptsMade: 1 }))).resolves.toBe('corr-runner-0001');
    expect(calls[0]?.[0]).toBeInstanceOf(RecomputeParcoursStatusPayload);
    expect(calls[0]?.[1]).toEqual({ jobId: '1', jobName: JobName.RecomputeParcoursStatus, attempt: 2 });
  });

  it('should fail without retry and not call the handler when the payload is invalid', async () => {
    const { runner, calls } = runnerWith(async () => 'ran');
    const run = runner.run(job({ data: { ...PAYLOAD, personId: 'nope' } }));
    await expect(run).rejects.toBeInstanceOf(UnrecoverableError);
    await expect(runner.run(job({ data: { ...PAYLOAD, personId: 'nope' } }))).rejects.toThrow(
      'personId: isUuid',
    );
    expect(calls).toHaveLength(0);
  });

  it('should fail without retry when no handler is registered for the job name', async () => {
    const { runner } = runnerWith(async () => 'ran');
    await expect(runner.run(job({ name: 'unknown-job' }))).rejects.toBeInstanceOf(UnrecoverableError);
  });

  it('should rethrow the handler error as is so that BullMQ retries it', async () => {
    const failure = new Error('database unavailable');
    const { runner } = runnerWith(async () => {
      throw failure;
    });
    await expect(runner.run(job())).rejects.toBe(failure);
  });
});
