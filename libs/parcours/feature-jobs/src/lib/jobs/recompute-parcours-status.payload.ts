import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';

import type { JobName, JobPayload } from '@spie/platform/queue';

import { JobEnvelopePayload } from '@spie/platform/queue';

export class RecomputeParcoursStatusPayload
  extends JobEnvelopePayload
  implements JobPayload<JobName.RecomputeParcoursStatus>
{
  @IsUUID()
  personId!: string;

  /** Why it was asked (`orientation-decided`, `caf-flux`, `contract-signed`…): logged, not interpreted. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  reason!: string;
}
