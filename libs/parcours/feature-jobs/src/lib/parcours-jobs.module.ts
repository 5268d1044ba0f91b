import { Module } from '@nestjs/common';

import { DrainParcoursStatusJob } from './jobs/drain-parcours-status.job';
import { RecomputeParcoursStatusJob } from './jobs/recompute-parcours-status.job';
import { ParcoursStatusService } from './parcours-status.service';

/** The parcours read model and the jobs that keep it current (imported by the worker). */
@Module({
  providers: [ParcoursStatusService, RecomputeParcoursStatusJob, DrainParcoursStatusJob],
  exports: [ParcoursStatusService],
})
export class ParcoursJobsModule {}
