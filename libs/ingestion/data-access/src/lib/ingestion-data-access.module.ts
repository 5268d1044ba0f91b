import { Module } from '@nestjs/common';

import { AccessDataAccessModule } from '@spie/access/data-access';
import { PersonDataAccessModule } from '@spie/person/data-access';

import { IdentityConflictService } from './services/identity-conflict.service';
import { ImportBatchQueryService } from './services/import-batch-query.service';
import { ImportBatchService } from './services/import-batch.service';
import { ImportStorageService } from './services/import-storage.service';
import { ImportSubmissionService } from './services/import-submission.service';
import { IngestDeadLetterService } from './services/ingest-dead-letter.service';
import { IngestRightsService } from './services/ingest-rights.service';

/** Read side and operations of the pipeline: batch queries, the identity review queue, the dead-letter list. */
const OPERATIONS = [ImportBatchQueryService, IdentityConflictService, IngestDeadLetterService];

@Module({
  imports: [PersonDataAccessModule, AccessDataAccessModule],
  providers: [
    ImportBatchService,
    ImportStorageService,
    ImportSubmissionService,
    IngestRightsService,
    ...OPERATIONS,
  ],
  exports: [
    ImportBatchService,
    ImportStorageService,
    ImportSubmissionService,
    IngestRightsService,
    ...OPERATIONS,
    PersonDataAccessModule,
  ],
})
export class IngestionDataAccessModule {}
