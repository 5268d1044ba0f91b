import { randomUUID } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';

import { IngestionDataAccessModule, IngestRightsService } from '@spie/ingestion/data-access';
import { HUB_ENTITIES } from '@spie/ops/schema';
import { EnvironmentVariables, HubConfigModule } from '@spie/platform/config';
import { hubDataSourceOptions, runMigrationsUnderLock } from '@spie/platform/database';
import { HubQueueModule, JobName, JobQueueService, QueueName, type JobEnvelope } from '@spie/platform/queue';

import { WORKSPACE_ROOT, cliEnvironment, openDataSource, say, workerNodeArgs } from './cli-environment';

@Module({
  imports: [
    HubConfigModule,
    TypeOrmModule.forRootAsync({
      inject: [EnvironmentVariables],
      useFactory: (env: EnvironmentVariables) =>
        hubDataSourceOptions({
          url: env.DATABASE_URL,
          entities: HUB_ENTITIES,
          applicationName: 'spie-cli',
          poolSize: 4,
        }),
    }),
    HubQueueModule,
    IngestionDataAccessModule,
  ],
})
class IngestCliModule {}

export interface IngestContext {
  app: INestApplicationContext;
  /** The correlation id of the command's jobs. */
  correlationId: string;
  /**
   * The envelope of jobs started as the agent `login` (an active account, else null): the batches the command sends
   * or resumes act for that account, within its rights.
   */
  actAs(login: string): Promise<JobEnvelope | null>;
  close(): Promise<void>;
}

/**
 * The CLI's way into the pipeline: the same services as the gateway. When no worker is listening on the ingestion
 * queues (the hub is not started), it starts `workers` worker processes for the time of the command, and says so.
 */
export async function openIngestContext(options: {
  workers: number;
  environment?: { env: Record<string, string>; stack?: { stop(): Promise<void> } };
  workerEnv?: Record<string, string>;
}): Promise<IngestContext & { workers: ChildProcess[] }> {
  const { env, stack } = options.environment ?? (await cliEnvironment());
  Object.assign(process.env, env);
  const dataSource = await openDataSource(env);
  try {
    await runMigrationsUnderLock(dataSource);
  } finally {
    await dataSource.destroy();
  }
  const app = await NestFactory.createApplicationContext(IngestCliModule, { logger: ['error'] });
  const queues = app.get(JobQueueService);
  const children: ChildProcess[] = [];
  const listening = await queues.queue(JobName.IngestParseFile, QueueName.IngestCafMsa).getWorkersCount();
  if (listening === 0 && options.workers > 0) {
    say(`no worker is running: starting ${options.workers} for this command`);
    for (let i = 0; i < options.workers; i += 1) {
      children.push(
        spawn(
          process.execPath,
          [
            ...workerNodeArgs(),
            '-r',
            join(WORKSPACE_ROOT, 'bin', 'register.js'),
            join(WORKSPACE_ROOT, 'apps/worker/src/main.ts'),
          ],
          {
            env: {
              ...process.env,
              ...env,
              LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn',
              ...options.workerEnv,
            },
            stdio: ['ignore', 'ignore', 'inherit'],
          },
        ),
      );
    }
  }
  const correlationId = randomUUID();
  return {
    app,
    workers: children,
    correlationId,
    actAs: async (login) => {
      const actor = await app.get(IngestRightsService).accountByLogin(login);
      return actor ? { correlationId, actor } : null;
    },
    close: async () => {
      await app.close();
      await Promise.all(children.map((child) => terminate(child)));
      await stack?.stop();
    },
  };
}

export function terminate(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
