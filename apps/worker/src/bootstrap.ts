import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Logger } from 'nestjs-pino';
import type { DataSource } from 'typeorm';

import { assertSchemaCurrent } from '@spie/platform/database';

import { JobHandlerRegistry } from './job-handler-registry';
import { QueueWorkersService } from './queue-workers.service';
import { WorkerModule } from './worker.module';

/**
 * Builds and starts the worker (used by `main.ts` and by the integration tests). Refuses to start when a job has no
 * handler or several, or when the schema is not current; only then do the queue workers take jobs.
 */
export async function createWorker(options: { logs?: boolean } = {}): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule, {
    bufferLogs: true,
    abortOnError: false,
    logger: options.logs === false ? false : undefined,
  });
  try {
    if (options.logs !== false) app.useLogger(app.get(Logger));
    app.get(JobHandlerRegistry).check();
    await assertSchemaCurrent(app.get<DataSource>(getDataSourceToken()));
    app.enableShutdownHooks();
    await app.get(QueueWorkersService).start();
    return app;
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
}
