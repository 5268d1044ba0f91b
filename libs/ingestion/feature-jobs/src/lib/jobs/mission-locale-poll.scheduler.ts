import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';

import { IngestRightsService } from '@spie/ingestion/data-access';
import { EnvironmentVariables } from '@spie/platform/config';
import { JobName, JobQueueService, type JobEnvelope } from '@spie/platform/queue';

/** The id of the BullMQ job scheduler that polls i-Milo: one for the whole hub, however many workers upsert it. */
export const IMILO_POLL_SCHEDULER = 'imilo-poll';

/**
 * Schedules the i-Milo poll when `IMILO_URL` is configured (every `IMILO_POLL_INTERVAL_MS`), and removes the schedule
 * when it is not. The poll acts as the mission locale's technical account (`IMILO_CONNECTOR_LOGIN`): without an active
 * account of that login nothing is scheduled. Upserting is idempotent: every worker does it at boot, Redis keeps one
 * schedule.
 */
@Injectable()
export class MissionLocalePollScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(MissionLocalePollScheduler.name);

  constructor(
    private readonly env: EnvironmentVariables,
    private readonly queues: JobQueueService,
    private readonly rights: IngestRightsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const queue = this.queues.queue(JobName.MissionLocalePoll);
    if (!this.env.IMILO_URL || !this.env.IMILO_API_KEY) {
      await queue.removeJobScheduler(IMILO_POLL_SCHEDULER);
      return;
    }
    const actor = await this.rights.accountByLogin(this.env.IMILO_CONNECTOR_LOGIN);
    if (!actor) {
      this.logger.error(
        { login: this.env.IMILO_CONNECTOR_LOGIN },
        'i-Milo poll not scheduled: no active account IMILO_CONNECTOR_LOGIN to act as',
      );
      await queue.removeJobScheduler(IMILO_POLL_SCHEDULER);
      return;
    }
    const every = this.env.IMILO_POLL_INTERVAL_MS;
    // Kept as it is when another worker already scheduled it for the same account; new, its first poll comes one
    // interval from now (not at the next multiple of the interval on the clock, which may be a second away).
    const existing = await queue.getJobScheduler(IMILO_POLL_SCHEDULER);
    const scheduledActor = (existing?.template?.data as Partial<JobEnvelope> | undefined)?.actor;
    if (existing?.every === every && scheduledActor?.id === actor.id) return;
    await queue.upsertJobScheduler(
      IMILO_POLL_SCHEDULER,
      { every, startDate: Date.now() + every },
      { name: JobName.MissionLocalePoll, data: { correlationId: IMILO_POLL_SCHEDULER, actor } },
    );
    this.logger.log({ everyMs: every, actor: actor.login }, 'i-Milo poll scheduled');
  }
}
