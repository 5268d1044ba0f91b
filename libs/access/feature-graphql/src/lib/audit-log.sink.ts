import { Injectable } from '@nestjs/common';

import { AuditService } from '@spie/audit/data-access';

import type { AuditSink } from './access-audit.plugin';
import type { AccessAuditEntry } from './request-access';

const NAME_TTL_MS = 60_000;

/**
 * The gateway's audit sink: every access decision of a request goes to the audit context's append-only, hash-chained
 * log, with the actor's organisation name as the person will read it. Names are kept a minute per organisation (a
 * rename shows in new entries within that minute; old entries keep the name of their day).
 */
@Injectable()
export class AuditLogSink implements AuditSink {
  private readonly names = new Map<string, { name: string | null; until: number }>();

  constructor(private readonly audit: AuditService) {}

  async record(entries: AccessAuditEntry[], correlationId: string | null): Promise<void> {
    const names = new Map<string | null, string | null>();
    for (const entry of entries) {
      const organisationId = entry.actor.organisationId;
      if (!names.has(organisationId)) names.set(organisationId, await this.organisationName(organisationId));
    }
    await this.audit.record(
      entries.map((entry) => ({
        actor: entry.actor,
        organisationName: names.get(entry.actor.organisationId) ?? null,
        purpose: entry.purpose,
        legalBasis: entry.legalBasis,
        personId: entry.personId,
        operation: entry.operation,
        categories: entry.categories,
        maskedFields: entry.maskedFields,
        outcome: entry.outcome,
        reason: entry.reason,
        correlationId,
      })),
    );
  }

  private async organisationName(organisationId: string | null): Promise<string | null> {
    if (organisationId === null) return null;
    const cached = this.names.get(organisationId);
    if (cached && cached.until > Date.now()) return cached.name;
    const name = await this.audit.organisationName(organisationId);
    this.names.set(organisationId, { name, until: Date.now() + NAME_TTL_MS });
    return name;
  }
}
