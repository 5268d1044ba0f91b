import { DiagnosticItemEntity } from './entities/diagnostic-item.entity';
import { DiagnosticProjectEntity } from './entities/diagnostic-project.entity';
import { DiagnosticEntity } from './entities/diagnostic.entity';

export const DIAGNOSTIC_ENTITIES = [DiagnosticEntity, DiagnosticItemEntity, DiagnosticProjectEntity];
