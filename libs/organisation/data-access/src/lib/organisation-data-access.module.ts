import { Global, Module } from '@nestjs/common';

import { AGENT_ACTOR_LOADER } from '@spie/platform/auth';

import { AgentActorLoader } from './agent-actor.loader';
import { OrganisationService } from './organisation.service';

@Global()
@Module({
  providers: [
    OrganisationService,
    AgentActorLoader,
    { provide: AGENT_ACTOR_LOADER, useExisting: AgentActorLoader },
  ],
  exports: [OrganisationService, AGENT_ACTOR_LOADER],
})
export class OrganisationDataAccessModule {}
