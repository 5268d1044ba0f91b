import { Module } from '@nestjs/common';

import { IngestionDataAccessModule } from '@spie/ingestion/data-access';
import { ParcoursJobsModule } from '@spie/parcours/feature-jobs';

import { IngestApplyChunkJob } from './jobs/ingest-apply-chunk.job';
import { IngestParseFileJob } from './jobs/ingest-parse-file.job';
import { MissionLocalePollJob } from './jobs/mission-locale-poll.job';
import { ImiloClientProvider } from './imilo-client.provider';
import './sources/mission-locale.source';
import './sources/partner-people.sources';

/** The ingestion pipeline's jobs (imported by the worker). */
@Module({
  imports: [IngestionDataAccessModule, ParcoursJobsModule],
  providers: [ImiloClientProvider, IngestParseFileJob, IngestApplyChunkJob, MissionLocalePollJob],
})
export class IngestionJobsModule {}
