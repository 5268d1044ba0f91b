import { Module } from '@nestjs/common';

import { CLOCK, systemClock } from '@spie/shared/kernel';

import { AuditAlertService } from './services/audit-alert.service';
import { AuditChainVerifier } from './services/audit-chain-verifier.service';
import { AuditPurgeService } from './services/audit-purge.service';
import { AuditService } from './services/audit.service';
import { RetentionService } from './services/retention.service';

/**
 * The audit log, its verification, alerts and retention. Needs the app's TypeORM data source and `HubConfigModule`.
 * Import it wherever entries are written: the module is a singleton, so every importer shares one `AuditService` and
 * its group commit.
 */
@Module({
  providers: [
    { provide: CLOCK, useValue: systemClock },
    AuditService,
    AuditChainVerifier,
    AuditPurgeService,
    AuditAlertService,
    RetentionService,
  ],
  exports: [CLOCK, AuditService, AuditChainVerifier, AuditPurgeService, AuditAlertService, RetentionService],
})
export class AuditDataAccessModule {}
