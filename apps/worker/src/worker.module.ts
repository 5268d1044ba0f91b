import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';

import { AuditJobsModule } from '@spie/audit/feature-jobs';
import { HUB_ENTITIES } from '@spie/ops/schema';
import { IngestionJobsModule } from '@spie/ingestion/feature-jobs';
import { ParcoursJobsModule } from '@spie/parcours/feature-jobs';
import { EnvironmentVariables, HubConfigModule } from '@spie/platform/config';
import { hubDataSourceOptions } from '@spie/platform/database';
import { hubLoggerOptions } from '@spie/platform/logging';
import { HubQueueModule } from '@spie/platform/queue';

import { JobHandlerRegistry } from './job-handler-registry';
import { JobRunner } from './job-runner';
import { QueueWorkersService } from './queue-workers.service';

/** The worker: queue processors only (no GraphQL, no migrations). Each job module brings its `@JobHandler`s. */
@Module({
  imports: [
    HubConfigModule,
    LoggerModule.forRootAsync({
      inject: [EnvironmentVariables],
      useFactory: (env: EnvironmentVariables) => ({ pinoHttp: hubLoggerOptions(env.LOG_LEVEL, 'worker') }),
    }),
    TypeOrmModule.forRootAsync({
      inject: [EnvironmentVariables],
      useFactory: (env: EnvironmentVariables) =>
        hubDataSourceOptions({
          url: env.DATABASE_URL,
          entities: HUB_ENTITIES,
          applicationName: 'spie-worker',
          poolSize: env.WORKER_CONCURRENCY + 2,
        }),
    }),
    HubQueueModule,
    DiscoveryModule,
    ParcoursJobsModule,
    IngestionJobsModule,
    AuditJobsModule,
  ],
  providers: [JobHandlerRegistry, JobRunner, QueueWorkersService],
})
export class WorkerModule {}
