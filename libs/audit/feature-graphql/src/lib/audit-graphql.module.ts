import { Module } from '@nestjs/common';

import { AuditDataAccessModule } from '@spie/audit/data-access';

import { AuditResolver } from './audit.resolver';
import { MeResolver } from './me.resolver';
import { RetentionResolver } from './retention.resolver';

/** `me` and its access log, the DPO's audit search and alerts, the not-beneficiary declaration. */
@Module({
  imports: [AuditDataAccessModule],
  providers: [MeResolver, AuditResolver, RetentionResolver],
  exports: [AuditDataAccessModule],
})
export class AuditGraphQLModule {}
