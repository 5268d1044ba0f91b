import { Injectable, Logger } from '@nestjs/common';

import type { AuditSink } from './access-audit.plugin';
import type { AccessAuditEntry } from './request-access';

/** An audit sink that only logs (for tools that run the gateway without the audit context). */
@Injectable()
export class LogAuditSink implements AuditSink {
  private readonly logger = new Logger('audit');

  async record(entries: AccessAuditEntry[], correlationId: string | null): Promise<void> {
    for (const entry of entries) {
      this.logger.log({
        correlationId,
        actor: entry.actor.login,
        personId: entry.personId,
        purpose: entry.purpose,
        operation: entry.operation,
        categories: entry.categories,
        masked: entry.maskedFields,
        outcome: entry.outcome,
      });
    }
  }
}
