import { AuditAlertEntity } from './entities/audit-alert.entity';
import { AuditCheckpointEntity } from './entities/audit-checkpoint.entity';
import { AuditEntryEntity } from './entities/audit-entry.entity';

export const AUDIT_ENTITIES = [AuditEntryEntity, AuditCheckpointEntity, AuditAlertEntity];
