import { Injectable } from '@nestjs/common';

import { RetentionService } from '@spie/audit/data-access';
import { JobHandler, JobName, type HandlesJob, type JobPayload } from '@spie/platform/queue';

import { RetentionRunPayload } from './audit-payloads';

/**
 * One retention run (`RetentionService.run`), with the rights and name of whoever started it. Safe to run twice: it
 * acts on what is due now. When another run holds the lock it throws, and BullMQ retries later.
 */
@Injectable()
@JobHandler(JobName.RetentionRun, { payload: RetentionRunPayload })
export class RetentionRunJob implements HandlesJob<JobName.RetentionRun> {
  constructor(private readonly retention: RetentionService) {}

  async handle(payload: JobPayload<JobName.RetentionRun>): Promise<unknown> {
    const report = await this.retention.run({
      dryRun: payload.dryRun,
      personIds: payload.personIds,
      actor: { ...payload.actor, displayName: payload.actor.login, roles: [] },
      correlationId: payload.correlationId,
    });
    // Counts only: a job's result stays in Redis for a day.
    return {
      dryRun: report.dryRun,
      scanned: report.persons.scanned,
      archived: report.persons.archived.length,
      reactivated: report.persons.reactivated.length,
      destroyed: report.persons.destroyed.length,
      auditEntriesPurged: report.audit?.entries ?? null,
    };
  }
}
