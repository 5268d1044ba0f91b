import { Global, Module } from '@nestjs/common';

import { ActorAuthenticator } from './actor-authenticator';
import { DevTokenService } from './dev-token.service';

/** Token verification and actor loading for every entry point (guard, queue dashboard). `ACTOR_LOADER` is global. */
@Global()
@Module({
  providers: [DevTokenService, ActorAuthenticator],
  exports: [DevTokenService, ActorAuthenticator],
})
export class HubAuthModule {}
