import { UseFilters } from '@nestjs/common';
import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { IdentityConflictService, isUuid } from '@spie/ingestion/data-access';
import { OrganisationService } from '@spie/organisation/data-access';
import { AgentDTO, agentLoader, toAgentDTO } from '@spie/organisation/feature-graphql';
import { CurrentActor, Permission, Requires } from '@spie/platform/auth';
import type { LoaderContext } from '@spie/platform/graphql';
import { currentCorrelationId } from '@spie/platform/logging';
import { JobName, JobQueueService, PARCOURS_DRAIN_DEDUPLICATION } from '@spie/platform/queue';
import type { Actor } from '@spie/shared/kernel';

import {
  IdentityConflictConnection,
  IdentityConflictDTO,
  IdentityConflictsArgs,
  ResolveIdentityConflictArgs,
} from './dtos/identity-conflict.dto';
import type { Connection } from './dtos/page.dto';
import { IngestionExceptionFilter } from './ingestion-exception.filter';
import { toConnection, toIdentityConflictDTO } from './ingestion.mapper';

@Resolver(() => IdentityConflictDTO)
@UseFilters(IngestionExceptionFilter)
export class IdentityConflictResolver {
  constructor(
    private readonly conflicts: IdentityConflictService,
    private readonly organisations: OrganisationService,
    private readonly queue: JobQueueService,
  ) {}

  @Query(() => IdentityConflictConnection, {
    description: 'The identity review queue: open conflicts oldest first, or the decisions taken',
  })
  @Requires(Permission.IdentityConflictsReview)
  async identityConflicts(@Args() args: IdentityConflictsArgs): Promise<Connection<IdentityConflictDTO>> {
    return toConnection(
      await this.conflicts.list({ status: args.status, first: args.first, after: args.after }),
      toIdentityConflictDTO,
    );
  }

  @Mutation(() => IdentityConflictDTO, {
    description:
      'Records the decision on an open conflict, with who took it and when, and applies it: KEEP_SEPARATE creates the person of the record, MERGE_INTO_EXISTING gives the chosen person its identifiers and household membership, REJECT drops it.',
  })
  @Requires(Permission.IdentityConflictsReview)
  async resolveIdentityConflict(
    @Args() args: ResolveIdentityConflictArgs,
    @CurrentActor() actor: Actor,
  ): Promise<IdentityConflictDTO> {
    const conflict = await this.conflicts.resolve(
      args.id,
      { resolution: args.resolution, personId: args.personId, comment: args.comment },
      actor,
    );
    if (conflict.resolvedPersonId) {
      await this.queue
        .enqueue(
          JobName.DrainParcoursStatus,
          {
            correlationId: currentCorrelationId() ?? 'none',
            actor: {
              kind: actor.kind,
              id: actor.id,
              login: actor.login,
              organisationId: actor.organisationId,
            },
          },
          { deduplicationId: PARCOURS_DRAIN_DEDUPLICATION },
        )
        // Committed already: a queue failure leaves the person pending for the next drain.
        .catch(() => undefined);
    }
    return toIdentityConflictDTO(conflict);
  }

  @ResolveField(() => AgentDTO, { nullable: true, description: 'The agent who decided' })
  async resolvedBy(
    @Parent() conflict: IdentityConflictDTO,
    @Context() context: LoaderContext,
  ): Promise<AgentDTO | null> {
    if (!conflict.resolvedById || !isUuid(conflict.resolvedById)) return null;
    const agent = await agentLoader(context, this.organisations).load(conflict.resolvedById);
    return agent ? toAgentDTO(agent) : null;
  }
}
