import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Express } from 'express';

import { ActorAuthenticator } from '@spie/platform/auth';
import { JobName, JobQueueService, QueueName } from '@spie/platform/queue';

import { adminGate } from './admin-gate';
import { AdminLoginController } from './admin-login.controller';
import { QUEUES_PATH } from './admin-session';

/**
 * Mounts the BullMQ dashboard (bull-board) on `/admin/queues` for administrators: every queue of the hub, its jobs,
 * failures and retries. Mounted when the application initialises, after Nest's routes and before its 404 handler.
 */
@Injectable()
export class QueueDashboardMount implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly queues: JobQueueService,
    private readonly authenticator: ActorAuthenticator,
  ) {}

  onModuleInit(): void {
    const serverAdapter = new ExpressAdapter().setBasePath(QUEUES_PATH);
    createBullBoard({
      queues: Object.values(QueueName).map(
        (name) => new BullMQAdapter(this.queues.queue(JobName.IngestParseFile, name)),
      ),
      serverAdapter,
      options: { uiConfig: { boardTitle: 'spie-hub queues' } },
    });
    const app = this.adapterHost.httpAdapter.getInstance<Express>();
    app.use(QUEUES_PATH, adminGate(this.authenticator), serverAdapter.getRouter());
  }
}

@Module({
  controllers: [AdminLoginController],
  providers: [QueueDashboardMount],
})
export class QueueDashboardModule {}
