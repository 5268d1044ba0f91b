import { UseFilters } from '@nestjs/common';
import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { AuditService } from '@spie/audit/data-access';
import { AuditException, AuditExceptionCode } from '@spie/audit/domain';
import { CurrentActor, OpenToPeople } from '@spie/platform/auth';
import { EnvironmentVariables } from '@spie/platform/config';
import { PageArgs } from '@spie/platform/graphql';
import { currentCorrelationId } from '@spie/platform/logging';
import type { Actor } from '@spie/shared/kernel';

import { AuditExceptionFilter } from './audit-exception.filter';
import { AccessLogConnectionDTO, MeDTO } from './dtos/me.dto';

function personOf(actor: Actor): string {
  if (actor.kind !== 'person') {
    throw new AuditException(
      AuditExceptionCode.NotAPerson,
      '`me` is for a person signed in as themself; agents read files through `person`',
    );
  }
  return actor.id;
}

/**
 * `me` for the person signed in (actor kind `person`, actor id = person id) and their access log: who read their data,
 * when, why, in plain words, newest first. The person's own reads are not listed, but each read of the log is itself
 * written to the audit log.
 */
@Resolver(() => MeDTO)
@UseFilters(AuditExceptionFilter)
export class MeResolver {
  constructor(
    private readonly audit: AuditService,
    private readonly env: EnvironmentVariables,
  ) {}

  @OpenToPeople()
  @Query(() => MeDTO, { description: 'The person signed in (FranceConnect); an agent gets FORBIDDEN' })
  me(@CurrentActor() actor: Actor): MeDTO {
    return { personId: personOf(actor), accessLogKeptDays: this.env.AUDIT_RETENTION_DAYS };
  }

  @ResolveField(() => AccessLogConnectionDTO, {
    description: 'Who read your data (organisation, purpose, kinds of data), newest first',
  })
  async accessLog(
    @Parent() me: MeDTO,
    @Args() page: PageArgs,
    @CurrentActor() actor: Actor,
  ): Promise<AccessLogConnectionDTO> {
    if (personOf(actor) !== me.personId) {
      throw new AuditException(AuditExceptionCode.NotAPerson, 'An access log is read by its person only');
    }
    // Exception filters do not run on field resolvers: map the audit's errors here.
    const log = await this.audit.accessLogOf(me.personId, page).catch((error: unknown) => {
      throw error instanceof AuditException ? new AuditExceptionFilter().catch(error) : error;
    });
    await this.audit.record([
      {
        actor,
        organisationName: null,
        purpose: 'access_review',
        legalBasis: 'rgpd-art-15',
        personId: me.personId,
        operation: 'me.access_log.read',
        categories: ['access_log'],
        maskedFields: [],
        outcome: 'allowed',
        correlationId: currentCorrelationId() ?? null,
      },
    ]);
    return log;
  }
}
