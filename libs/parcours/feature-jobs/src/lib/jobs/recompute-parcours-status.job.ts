import { Injectable, Logger } from '@nestjs/common';

import { JobName, type JobPayload } from '@spie/platform/queue';

import { JobHandler, type HandlesJob } from '@spie/platform/queue';
import { ParcoursStatusService } from '../parcours-status.service';
import { RecomputeParcoursStatusPayload } from './recompute-parcours-status.payload';

/** Recomputes one person's parcours status after a change of their right, orientation or contract. */
@Injectable()
@JobHandler(JobName.RecomputeParcoursStatus, { payload: RecomputeParcoursStatusPayload })
export class RecomputeParcoursStatusJob implements HandlesJob<JobName.RecomputeParcoursStatus> {
  private readonly logger = new Logger(RecomputeParcoursStatusJob.name);

  constructor(private readonly parcoursStatus: ParcoursStatusService) {}

  async handle(payload: JobPayload<JobName.RecomputeParcoursStatus>): Promise<{ stage: string | null }> {
    const status = await this.parcoursStatus.recompute(payload.personId);
    if (!status) this.logger.warn({ reason: payload.reason }, 'person not found: parcours status removed');
    return { stage: status?.stage ?? null };
  }
}
