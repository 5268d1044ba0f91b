import { Injectable, Module, type INestApplicationContext } from '@nestjs/common';
import { DiscoveryModule, NestFactory } from '@nestjs/core';

import { RecomputeParcoursStatusPayload } from '@spie/parcours/feature-jobs';
import { JobHandler, JobName, type HandlesJob, type JobHandlerMetadata } from '@spie/platform/queue';

import {
  buildJobHandlerRegistry,
  JobHandlerRegistry,
  JobHandlerRegistryError,
  type JobHandlerCandidate,
} from './job-handler-registry';

const metadata: JobHandlerMetadata = {
  jobName: JobName.RecomputeParcoursStatus,
  payload: RecomputeParcoursStatusPayload,
};
const handler: HandlesJob = { handle: async () => undefined };
const candidate = (name: string, overrides: Partial<JobHandlerMetadata> = {}): JobHandlerCandidate => ({
  metadata: { ...metadata, ...overrides },
  instance: handler,
  name,
});

describe('buildJobHandlerRegistry', () => {
  it('should map each job to its handler when every job has exactly one', () => {
    const others = Object.values(JobName)
      .filter((name) => name !== JobName.RecomputeParcoursStatus)
      .map((name) => candidate(`Handler-${name}`, { jobName: name }));
    const registry = buildJobHandlerRegistry([candidate('RecomputeA'), ...others]);
    expect(registry.get(JobName.RecomputeParcoursStatus)?.handlerName).toBe('RecomputeA');
    expect([...registry.keys()]).toEqual(Object.values(JobName));
  });

  it('should fail when a job has no handler', () => {
    expect(() => buildJobHandlerRegistry([])).toThrow(JobHandlerRegistryError);
    expect(() => buildJobHandlerRegistry([])).toThrow(`'${JobName.RecomputeParcoursStatus}' has no handler`);
  });

  it('should fail and name both handlers when a job has two', () => {
    expect(() => buildJobHandlerRegistry([candidate('RecomputeA'), candidate('RecomputeB')])).toThrow(
      `'${JobName.RecomputeParcoursStatus}' has 2 handlers: RecomputeA, RecomputeB`,
    );
  });

  it('should fail when a handler names a job that is not a JobName', () => {
    const stray = candidate('Stray', { jobName: 'forgotten-job' as JobName });
    expect(() => buildJobHandlerRegistry([candidate('RecomputeA'), stray])).toThrow(
      "Stray handles 'forgotten-job'",
    );
  });
});

@Injectable()
@JobHandler(JobName.RecomputeParcoursStatus, { payload: RecomputeParcoursStatusPayload })
class FirstRecomputeHandler implements HandlesJob<JobName.RecomputeParcoursStatus> {
  async handle() {
    return 'first';
  }
}

@Injectable()
@JobHandler(JobName.RecomputeParcoursStatus, { payload: RecomputeParcoursStatusPayload })
class SecondRecomputeHandler implements HandlesJob<JobName.RecomputeParcoursStatus> {
  async handle() {
    return 'second';
  }
}

@Injectable()
@JobHandler(JobName.IngestParseFile, { payload: RecomputeParcoursStatusPayload as never })
class ParseHandler {
  async handle(): Promise<void> {}
}

@Injectable()
@JobHandler(JobName.IngestApplyChunk, { payload: RecomputeParcoursStatusPayload as never })
class ApplyHandler {
  async handle(): Promise<void> {}
}

@Injectable()
@JobHandler(JobName.MissionLocalePoll, { payload: RecomputeParcoursStatusPayload as never })
class PollHandler {
  async handle(): Promise<void> {}
}

@Injectable()
@JobHandler(JobName.DrainParcoursStatus, { payload: RecomputeParcoursStatusPayload as never })
class DrainHandler {
  async handle(): Promise<void> {}
}

@Injectable()
@JobHandler(JobName.AuditAlertScan, { payload: RecomputeParcoursStatusPayload as never })
class AlertScanHandler {
  async handle(): Promise<void> {}
}

@Injectable()
@JobHandler(JobName.RetentionRun, { payload: RecomputeParcoursStatusPayload as never })
class RetentionHandler {
  async handle(): Promise<void> {}
}

describe('JobHandlerRegistry (discovery of @JobHandler providers)', () => {
  let app: INestApplicationContext | undefined;

  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  async function registryWith(
    ...providers: Array<new (...args: never[]) => unknown>
  ): Promise<JobHandlerRegistry> {
    @Module({})
    class RegistryTestModule {}
    app = await NestFactory.createApplicationContext(
      {
        module: RegistryTestModule,
        imports: [DiscoveryModule],
        providers: [JobHandlerRegistry, ...providers],
      },
      { logger: false, abortOnError: false },
    );
    return app.get(JobHandlerRegistry);
  }

  it('should find the decorated provider when it is the only handler of its job', async () => {
    const registry = await registryWith(
      FirstRecomputeHandler,
      ParseHandler,
      ApplyHandler,
      PollHandler,
      DrainHandler,
      AlertScanHandler,
      RetentionHandler,
    );
    registry.check();
    await expect(
      registry.get(JobName.RecomputeParcoursStatus)?.handler.handle({} as never, {} as never),
    ).resolves.toBe('first');
  });

  it('should fail the boot check when no provider handles a job', async () => {
    const registry = await registryWith();
    expect(() => registry.check()).toThrow(JobHandlerRegistryError);
  });

  it('should fail the boot check when two providers handle the same job', async () => {
    const registry = await registryWith(FirstRecomputeHandler, SecondRecomputeHandler);
    expect(() => registry.check()).toThrow('FirstRecomputeHandler, SecondRecomputeHandler');
  });
});
