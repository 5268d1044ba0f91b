import { Inject, Logger } from '@nestjs/common';
import { Plugin } from '@nestjs/apollo';
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';

import { currentCorrelationId } from '@spie/platform/logging';

import type { AccessAwareRequest } from './access-runtime';
import type { AccessAuditEntry } from './request-access';

/** Where the access layer writes its audit entries (the audit context's append-only, hash-chained log). */
export interface AuditSink {
  record(entries: AccessAuditEntry[], correlationId: string | null): Promise<void>;
}

export const AUDIT_SINK = Symbol('AUDIT_SINK');

/**
 * At the end of every GraphQL request: writes one audit entry per person read (categories returned, fields masked)
 * and one per refusal, before the response leaves, and tells the client which fields were masked and why
 * (`extensions.access`).
 */
@Plugin()
export class AccessAuditPlugin implements ApolloServerPlugin<{ req: AccessAwareRequest }> {
  private readonly logger = new Logger(AccessAuditPlugin.name);

  constructor(@Inject(AUDIT_SINK) private readonly sink: AuditSink) {}

  async requestDidStart(): Promise<GraphQLRequestListener<{ req: AccessAwareRequest }>> {
    const sink = this.sink;
    const logger = this.logger;
    return {
      async willSendResponse({ contextValue, response }) {
        const access = contextValue.req?.access;
        if (!access || access.bypass) return;
        const entries = access.auditEntries();
        if (entries.length > 0) {
          try {
            await sink.record(entries, currentCorrelationId() ?? null);
          } catch (error) {
            // A read that cannot be audited must not be delivered.
            logger.error({ err: error }, 'audit write failed: response withheld');
            if (response.body.kind === 'single') {
              response.http.status = 503;
              response.body.singleResult = {
                data: null,
                errors: [
                  {
                    message: 'The read could not be recorded in the audit log: try again',
                    extensions: { code: 'INTERNAL_SERVER_ERROR' },
                  },
                ],
              } as typeof response.body.singleResult;
            }
            return;
          }
        }
        const extensions = access.extensions();
        if (extensions && response.body.kind === 'single') {
          response.body.singleResult.extensions = {
            ...response.body.singleResult.extensions,
            access: extensions,
          };
        }
      },
    };
  }
}
