import { Module } from '@nestjs/common';

import { AuditDataAccessModule } from '@spie/audit/data-access';

import { AuditSchedulers } from './audit-schedulers';
import { AuditAlertScanJob } from './jobs/audit-alert-scan.job';
import { RetentionRunJob } from './jobs/retention-run.job';

/** The audit alert scan and the retention run, with their schedules (imported by the worker). */
@Module({
  imports: [AuditDataAccessModule],
  providers: [AuditAlertScanJob, RetentionRunJob, AuditSchedulers],
})
export class AuditJobsModule {}
