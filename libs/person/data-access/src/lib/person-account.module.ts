import { Global, Module } from '@nestjs/common';

import { PERSON_ACTOR_LOADER } from '@spie/platform/auth';

import { PersonActorLoader } from './services/person-actor.loader';

/** People's sign-in: `PERSON_ACTOR_LOADER` for the authenticator (global, like the agents' loader). */
@Global()
@Module({
  providers: [PersonActorLoader, { provide: PERSON_ACTOR_LOADER, useExisting: PersonActorLoader }],
  exports: [PERSON_ACTOR_LOADER],
})
export class PersonAccountModule {}
