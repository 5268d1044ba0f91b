import { Module } from '@nestjs/common';

import { PersonDataAccessModule } from '@spie/person/data-access';

import { ImportBatchService } from './services/import-batch.service';
import { ImportStorageService } from './services/import-storage.service';
import { ImportSubmissionService } from './services/import-submission.service';

@Module({
  imports: [PersonDataAccessModule],
  providers: [ImportBatchService, ImportStorageService, ImportSubmissionService],
  exports: [ImportBatchService, ImportStorageService, ImportSubmissionService, PersonDataAccessModule],
})
export class IngestionDataAccessModule {}
