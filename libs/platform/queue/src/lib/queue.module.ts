import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';

import { EnvironmentVariables } from '@spie/platform/config';

import { QueueName } from './queue-names';
import { QUEUE_JOB_OPTIONS } from './queue-options';
import { JobQueueService } from './job-queue.service';

/** Connects BullMQ to Redis and registers every queue with its retry policy. */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [EnvironmentVariables],
      useFactory: (env: EnvironmentVariables) => ({
        connection: { url: env.REDIS_URL, maxRetriesPerRequest: null },
        prefix: 'spie',
      }),
    }),
    ...Object.values(QueueName).map((name) =>
      BullModule.registerQueue({ name, defaultJobOptions: QUEUE_JOB_OPTIONS[name] }),
    ),
  ],
  providers: [JobQueueService],
  exports: [BullModule, JobQueueService],
})
export class HubQueueModule {}
