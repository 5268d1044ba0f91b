import { APP_INTERCEPTOR } from '@nestjs/core';
import { Module, type DynamicModule, type OnModuleInit, type Type } from '@nestjs/common';

import { AccessDataAccessModule, AccessService } from '@spie/access/data-access';
import { PersonDataAccessModule } from '@spie/person/data-access';
import { EnvironmentVariables } from '@spie/platform/config';

import { AccessAuditPlugin, AUDIT_SINK, type AuditSink } from './access-audit.plugin';
import { accessRuntime } from './access-runtime';
import { AccessInterceptor } from './access.interceptor';
import { HabilitationResolver } from './habilitation.resolver';
import { MeAccessResolver } from './me-access.resolver';
import { ViewerPurposesResolver } from './viewer-purposes.resolver';

/**
 * The access layer of the gateway: field checks (`withAccessChecks`, the GraphQL module's `transformSchema`), the
 * audit plugin, the policy data, the person's own file and choices (`me.person`, `me.choices`, `setMyChoice`) and the
 * habilitations (`habilitations`, `revokeHabilitation`). The app names where audit entries go (`forRoot({ auditSink })`).
 */
@Module({
  imports: [AccessDataAccessModule, PersonDataAccessModule],
  providers: [AccessAuditPlugin, MeAccessResolver, HabilitationResolver, ViewerPurposesResolver],
  exports: [AccessDataAccessModule],
})
export class AccessGraphQLModule implements OnModuleInit {
  constructor(
    private readonly access: AccessService,
    private readonly env: EnvironmentVariables,
  ) {}

  static forRoot(options: { auditSink: Type<AuditSink>; imports?: DynamicModule['imports'] }): DynamicModule {
    return {
      module: AccessGraphQLModule,
      imports: options.imports ?? [],
      providers: [
        { provide: AUDIT_SINK, useClass: options.auditSink },
        { provide: APP_INTERCEPTOR, useClass: AccessInterceptor },
      ],
    };
  }

  onModuleInit(): void {
    accessRuntime.service = this.access;
    // For `npm run bench:api` only: measures the cost of the policies; never honoured in production.
    accessRuntime.bypass = process.env['SPIE_ACCESS_BYPASS'] === '1' && this.env.NODE_ENV !== 'production';
  }
}
