import { IsInt, IsUUID, Min } from 'class-validator';

import { JobEnvelopePayload, type JobName, type JobPayload } from '@spie/platform/queue';

export class IngestParseFilePayload
  extends JobEnvelopePayload
  implements JobPayload<JobName.IngestParseFile>
{
  @IsUUID()
  batchId!: string;
}

export class IngestApplyChunkPayload
  extends JobEnvelopePayload
  implements JobPayload<JobName.IngestApplyChunk>
{
  @IsUUID()
  batchId!: string;

  @IsInt()
  @Min(0)
  seq!: number;
}

export class MissionLocalePollPayload
  extends JobEnvelopePayload
  implements JobPayload<JobName.MissionLocalePoll> {}
