import { Injectable, Logger } from '@nestjs/common';

import {
  JobEnvelopePayload,
  JobHandler,
  JobName,
  type HandlesJob,
  type JobPayload,
} from '@spie/platform/queue';

export class DrainParcoursStatusPayload
  extends JobEnvelopePayload
  implements JobPayload<JobName.DrainParcoursStatus> {}

import { ParcoursStatusService } from '../parcours-status.service';

/**
 * Recomputes the parcours status of every person marked pending, a few thousand per transaction, until none is left.
 * Queued after each import chunk: several drains may run at once, each takes rows the others have not locked.
 */
@Injectable()
@JobHandler(JobName.DrainParcoursStatus, { payload: DrainParcoursStatusPayload })
export class DrainParcoursStatusJob implements HandlesJob<JobName.DrainParcoursStatus> {
  private readonly logger = new Logger(DrainParcoursStatusJob.name);

  constructor(private readonly parcoursStatus: ParcoursStatusService) {}

  async handle(_payload: JobPayload<JobName.DrainParcoursStatus>): Promise<{ recomputed: number }> {
    let recomputed = 0;
    for (let drained = await this.parcoursStatus.drainPending(); drained > 0;) {
      recomputed += drained;
      drained = await this.parcoursStatus.drainPending();
    }
    if (recomputed > 0) this.logger.debug({ recomputed }, 'parcours statuses recomputed');
    return { recomputed };
  }
}
