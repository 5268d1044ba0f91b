import { Global, Module } from '@nestjs/common';

import { ACTOR_LOADER } from '@spie/platform/auth';

import { AgentActorLoader } from './agent-actor.loader';
import { OrganisationService } from './organisation.service';

@Global()
@Module({
  providers: [
    OrganisationService,
    AgentActorLoader,
    { provide: ACTOR_LOADER, useExisting: AgentActorLoader },
  ],
  exports: [OrganisationService, ACTOR_LOADER],
})
export class OrganisationDataAccessModule {}
