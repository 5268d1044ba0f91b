import { Parent, ResolveField, Resolver } from '@nestjs/graphql';

import { AccessService } from '@spie/access/data-access';
import { actablePurposes } from '@spie/access/domain';
import { ViewerDTO } from '@spie/organisation/feature-graphql';
import { CurrentActor } from '@spie/platform/auth';
import type { Actor } from '@spie/shared/kernel';

/** `Viewer.purposes`: what the signed-in agent may act for, from the same policy that checks every request. */
@Resolver(() => ViewerDTO)
export class ViewerPurposesResolver {
  constructor(private readonly access: AccessService) {}

  @ResolveField(() => [String], {
    description:
      'The purposes the agent may state in X-Spie-Purpose: allowed by one of their roles and covered by an active habilitation of their organisation',
  })
  async purposes(@Parent() _viewer: ViewerDTO, @CurrentActor() actor: Actor): Promise<string[]> {
    if (actor.kind !== 'agent') return [];
    return actablePurposes(actor, await this.access.grantsOf(actor.organisationId), new Date());
  }
}
