import { Module } from '@nestjs/common';

import { DiagnosticDataAccessModule } from '@spie/diagnostic/data-access';
import { IngestionDataAccessModule } from '@spie/ingestion/data-access';
import { ParcoursJobsModule } from '@spie/parcours/feature-jobs';

import { IngestApplyChunkJob } from './jobs/ingest-apply-chunk.job';
import { IngestParseFileJob } from './jobs/ingest-parse-file.job';
import { MissionLocalePollJob } from './jobs/mission-locale-poll.job';
import { MissionLocalePollScheduler } from './jobs/mission-locale-poll.scheduler';
import { ImiloClientProvider } from './imilo-client.provider';
import './sources/france-travail.sources';
import './sources/mission-locale.source';
import './sources/department.source';

/** The ingestion pipeline's jobs (imported by the worker). */
@Module({
  imports: [IngestionDataAccessModule, ParcoursJobsModule, DiagnosticDataAccessModule],
  providers: [
    ImiloClientProvider,
    IngestParseFileJob,
    IngestApplyChunkJob,
    MissionLocalePollJob,
    MissionLocalePollScheduler,
  ],
})
export class IngestionJobsModule {}
