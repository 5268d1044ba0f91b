import { UseFilters } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';

import { AuditAlertService, AuditService, type AuditAlertEntity } from '@spie/audit/data-access';
import { CurrentActor, Permission, Requires } from '@spie/platform/auth';
import { currentCorrelationId } from '@spie/platform/logging';
import type { Actor } from '@spie/shared/kernel';

import { AuditExceptionFilter } from './audit-exception.filter';
import { AuditAlertArgs, AuditAlertConnectionDTO, AuditAlertDTO } from './dtos/audit-alert.dto';
import { AuditEntriesArgs, AuditEntryConnectionDTO } from './dtos/audit-entry.dto';

export function toAuditAlertDTO(alert: AuditAlertEntity): AuditAlertDTO {
  const operations = (alert.details['operations'] ?? {}) as Record<string, number>;
  return {
    id: alert.id,
    kind: alert.kind,
    actorKind: alert.actorKind,
    actorId: alert.actorId,
    actorLogin: alert.actorLogin,
    organisationId: alert.organisationId,
    organisationName: alert.organisationName,
    windowStart: alert.windowStart,
    windowEnd: alert.windowEnd,
    count: alert.count,
    threshold: alert.threshold,
    operations: Object.entries(operations).map(([operation, count]) => ({ operation, count })),
    createdAt: alert.createdAt,
    acknowledgedBy: alert.acknowledgedBy,
    acknowledgedAt: alert.acknowledgedAt,
  };
}

/** The data protection officer's view of the audit log: search, alerts. Each search is itself audited. */
@Resolver()
@UseFilters(AuditExceptionFilter)
export class AuditResolver {
  constructor(
    private readonly audit: AuditService,
    private readonly alerts: AuditAlertService,
  ) {}

  @Query(() => AuditEntryConnectionDTO, { description: 'Search the audit log, newest first (DPO)' })
  @Requires(Permission.AuditRead)
  async auditEntries(
    @CurrentActor() actor: Actor,
    @Args() args: AuditEntriesArgs,
  ): Promise<AuditEntryConnectionDTO> {
    const filter = args.filter;
    const result = await this.audit.search(filter ?? {}, { first: args.first, after: args.after });
    await this.audit.record([
      {
        actor,
        organisationName: await this.audit.organisationName(actor.organisationId),
        purpose: 'access_review',
        legalBasis: 'rgpd-art-39',
        personId: filter?.personId ?? null,
        operation: 'audit.search',
        categories: ['access_log'],
        maskedFields: [],
        outcome: 'allowed',
        correlationId: currentCorrelationId() ?? null,
      },
    ]);
    return result;
  }

  @Query(() => AuditAlertConnectionDTO, { description: 'Alerts raised on the audit log, newest first (DPO)' })
  @Requires(Permission.AuditRead)
  async auditAlerts(@Args() args: AuditAlertArgs): Promise<AuditAlertConnectionDTO> {
    const { nodes, pageInfo } = await this.alerts.list(
      { acknowledged: args.acknowledged, kind: args.kind },
      { first: args.first, after: args.after },
    );
    return { nodes: nodes.map(toAuditAlertDTO), pageInfo };
  }

  @Mutation(() => AuditAlertDTO, { description: 'Mark an alert as seen (the first acknowledgement is kept)' })
  @Requires(Permission.AuditAlertsAcknowledge)
  async acknowledgeAuditAlert(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<AuditAlertDTO> {
    return toAuditAlertDTO(await this.alerts.acknowledge(id, actor));
  }
}
