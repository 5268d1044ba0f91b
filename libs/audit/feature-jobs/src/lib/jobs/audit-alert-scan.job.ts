import { Injectable } from '@nestjs/common';

import { AuditAlertService } from '@spie/audit/data-access';
import { JobHandler, JobName, type HandlesJob } from '@spie/platform/queue';

import { AuditAlertScanPayload } from './audit-payloads';

/** Scans the recent audit log for unusual patterns; idempotent (an incident already recorded is not raised again). */
@Injectable()
@JobHandler(JobName.AuditAlertScan, { payload: AuditAlertScanPayload })
export class AuditAlertScanJob implements HandlesJob<JobName.AuditAlertScan> {
  constructor(private readonly alerts: AuditAlertService) {}

  async handle(): Promise<unknown> {
    const report = await this.alerts.scan();
    return { actorsChecked: report.actorsChecked, raised: report.raised, updated: report.updated };
  }
}
