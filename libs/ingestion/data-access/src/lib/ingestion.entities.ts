import { DomainEventEntity } from './entities/domain-event.entity';
import { IdentityConflictEntity } from './entities/identity-conflict.entity';
import { ImportBatchEntity } from './entities/import-batch.entity';
import { ImportChunkEntity } from './entities/import-chunk.entity';
import { ImportIssueEntity } from './entities/import-issue.entity';

export const INGESTION_ENTITIES = [
  ImportBatchEntity,
  ImportChunkEntity,
  ImportIssueEntity,
  IdentityConflictEntity,
  DomainEventEntity,
];
