import { Module } from '@nestjs/common';

import { IngestionDataAccessModule } from '@spie/ingestion/data-access';

import { IdentityConflictResolver } from './identity-conflict.resolver';
import { ImportBatchResolver } from './import-batch.resolver';

/** Import batches (progress, report) and the identity review queue. */
@Module({
  imports: [IngestionDataAccessModule],
  providers: [ImportBatchResolver, IdentityConflictResolver],
})
export class IngestionGraphQLModule {}
