import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';

import { EnvironmentVariables } from '@spie/platform/config';
import { JobName, JobQueueService } from '@spie/platform/queue';
import { SYSTEM_ACTOR } from '@spie/shared/kernel';

/** The ids of the BullMQ job schedulers: one each for the whole hub, however many workers upsert them. */
export const AUDIT_ALERT_SCAN_SCHEDULER = 'audit-alert-scan';
export const RETENTION_RUN_SCHEDULER = 'retention-run';

const envelope = (correlationId: string) => ({
  correlationId,
  actor: { kind: SYSTEM_ACTOR.kind, id: SYSTEM_ACTOR.id, login: SYSTEM_ACTOR.login, organisationId: null },
});

/**
 * Schedules the alert scan (every `AUDIT_ALERT_SCAN_INTERVAL_MS`) and the retention run (every
 * `RETENTION_RUN_INTERVAL_MS`) at worker boot; an interval of 0 removes the schedule. Idempotent: every worker does
 * it, Redis keeps one schedule each, and an unchanged one is left as it is. The first run comes one interval after
 * the schedule is created.
 */
@Injectable()
export class AuditSchedulers implements OnApplicationBootstrap {
  private readonly logger = new Logger(AuditSchedulers.name);

  constructor(
    private readonly env: EnvironmentVariables,
    private readonly queues: JobQueueService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.schedule(
      JobName.AuditAlertScan,
      AUDIT_ALERT_SCAN_SCHEDULER,
      this.env.AUDIT_ALERT_SCAN_INTERVAL_MS,
      {
        ...envelope(AUDIT_ALERT_SCAN_SCHEDULER),
      },
    );
    await this.schedule(JobName.RetentionRun, RETENTION_RUN_SCHEDULER, this.env.RETENTION_RUN_INTERVAL_MS, {
      ...envelope(RETENTION_RUN_SCHEDULER),
      dryRun: false,
    });
  }

  private async schedule(
    name: JobName,
    id: string,
    every: number,
    data: Record<string, unknown>,
  ): Promise<void> {
    const queue = this.queues.queue(name);
    if (every <= 0) {
      await queue.removeJobScheduler(id);
      return;
    }
    if ((await queue.getJobScheduler(id))?.every === every) return;
    await queue.upsertJobScheduler(id, { every, startDate: Date.now() + every }, { name, data });
    this.logger.log({ job: name, everyMs: every }, 'scheduled');
  }
}
