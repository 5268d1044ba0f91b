import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsUUID } from 'class-validator';

import { JobEnvelopePayload, type JobName, type JobPayload } from '@spie/platform/queue';

export class AuditAlertScanPayload extends JobEnvelopePayload implements JobPayload<JobName.AuditAlertScan> {}

export class RetentionRunPayload extends JobEnvelopePayload implements JobPayload<JobName.RetentionRun> {
  @IsBoolean()
  dryRun!: boolean;

  /** Only these persons (after a "not a beneficiary" declaration); absent: everyone, and the audit log purge. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  personIds?: string[];
}
