import { Logger } from '@nestjs/common';

import { currentCorrelationId } from '@spie/platform/logging';
import { deterministicJobId, JobName, type JobQueueService } from '@spie/platform/queue';
import type { Actor } from '@spie/shared/kernel';

const logger = new Logger('DiagnosticParcoursRecompute');

/**
 * Asks the worker to recompute the person's parcours status after a committed change. Deduplicated per person while
 * waiting. The change is already committed: a queue failure is logged, not returned to the caller.
 */
export async function enqueueParcoursRecompute(
  queue: JobQueueService,
  personId: string,
  actor: Actor,
): Promise<void> {
  const correlationId = currentCorrelationId() ?? 'none';
  try {
    await queue.enqueue(
      JobName.RecomputeParcoursStatus,
      {
        personId,
        reason: 'diagnostic',
        correlationId,
        actor: { kind: actor.kind, id: actor.id, login: actor.login, organisationId: actor.organisationId },
      },
      { deduplicationId: deterministicJobId('parcours', personId) },
    );
  } catch (error) {
    logger.warn(
      { correlationId, error: error instanceof Error ? error.message : String(error) },
      'parcours recompute not enqueued',
    );
  }
}
