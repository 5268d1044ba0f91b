import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';

import { EnvironmentVariables } from '@spie/platform/config';
import { JobName, JobQueueService } from '@spie/platform/queue';
import { SYSTEM_ACTOR } from '@spie/shared/kernel';

/** The id of the BullMQ job scheduler that polls i-Milo: one for the whole hub, however many workers upsert it. */
export const IMILO_POLL_SCHEDULER = 'imilo-poll';

/**
 * Schedules the i-Milo poll when `IMILO_URL` is configured (every `IMILO_POLL_INTERVAL_MS`), and removes the schedule
 * when it is not. Upserting is idempotent: every worker does it at boot, Redis keeps one schedule.
 */
@Injectable()
export class MissionLocalePollScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(MissionLocalePollScheduler.name);

  constructor(
    private readonly env: EnvironmentVariables,
    private readonly queues: JobQueueService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const queue = this.queues.queue(JobName.MissionLocalePoll);
    if (!this.env.IMILO_URL || !this.env.IMILO_API_KEY) {
      await queue.removeJobScheduler(IMILO_POLL_SCHEDULER);
      return;
    }
    const every = this.env.IMILO_POLL_INTERVAL_MS;
    // Kept as it is when another worker already scheduled it; new, its first poll comes one interval from now (not at
    // the next multiple of the interval on the clock, which may be a second away).
    if ((await queue.getJobScheduler(IMILO_POLL_SCHEDULER))?.every === every) return;
    await queue.upsertJobScheduler(
      IMILO_POLL_SCHEDULER,
      { every, startDate: Date.now() + every },
      {
        name: JobName.MissionLocalePoll,
        data: {
          correlationId: IMILO_POLL_SCHEDULER,
          actor: {
            kind: SYSTEM_ACTOR.kind,
            id: SYSTEM_ACTOR.id,
            login: SYSTEM_ACTOR.login,
            organisationId: null,
          },
        },
      },
    );
    this.logger.log({ everyMs: every }, 'i-Milo poll scheduled');
  }
}
