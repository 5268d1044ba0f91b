import { Logger, UseFilters } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';

import { RetentionService } from '@spie/audit/data-access';
import { CurrentActor, Permission, Requires } from '@spie/platform/auth';
import { currentCorrelationId } from '@spie/platform/logging';
import { deterministicJobId, JobName, JobQueueService } from '@spie/platform/queue';
import type { Actor } from '@spie/shared/kernel';

import { AuditExceptionFilter } from './audit-exception.filter';
import {
  DeclareNotBeneficiaryInput,
  NotBeneficiaryDeclarationDTO,
} from './dtos/declare-not-beneficiary.input';

/** CASF R.263-8: data of a person who turns out not to be a beneficiary is destroyed without delay. */
@Resolver()
@UseFilters(AuditExceptionFilter)
export class RetentionResolver {
  private readonly logger = new Logger(RetentionResolver.name);

  constructor(
    private readonly retention: RetentionService,
    private readonly queues: JobQueueService,
  ) {}

  @Mutation(() => NotBeneficiaryDeclarationDTO, {
    description:
      'Declare that a person is not a beneficiary: hidden from agents at once, destroyed with everything attached by a retention job',
  })
  @Requires(Permission.PersonsDeclareNotBeneficiary)
  async declarePersonNotBeneficiary(
    @CurrentActor() actor: Actor,
    @Args('input') input: DeclareNotBeneficiaryInput,
  ): Promise<NotBeneficiaryDeclarationDTO> {
    const correlationId = currentCorrelationId() ?? 'none';
    const declaredAt = await this.retention.declareNotBeneficiary(input.personId, {
      actor,
      reason: input.reason,
      correlationId,
    });
    let destructionQueued = true;
    try {
      await this.queues.enqueue(
        JobName.RetentionRun,
        {
          dryRun: false,
          personIds: [input.personId],
          correlationId,
          actor: { kind: actor.kind, id: actor.id, login: actor.login, organisationId: actor.organisationId },
        },
        { jobId: deterministicJobId('retention-not-beneficiary', input.personId) },
      );
    } catch (error) {
      // The declaration is committed: the daily retention run destroys the person anyway.
      destructionQueued = false;
      this.logger.error(
        { error: String(error) },
        'retention job not queued after a not-beneficiary declaration',
      );
    }
    return { personId: input.personId, declaredAt, destructionQueued };
  }
}
