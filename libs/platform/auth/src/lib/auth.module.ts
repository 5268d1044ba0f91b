import { Global, Module } from '@nestjs/common';

import { ActorAuthenticator } from './actor-authenticator';
import { OidcTokenVerifier } from './oidc-token-verifier';

/**
 * Token verification and actor loading for every entry point (guard, queue dashboard). The actor loaders are global:
 * `AGENT_ACTOR_LOADER` from the organisation context, `PERSON_ACTOR_LOADER` from the person context.
 */
@Global()
@Module({
  providers: [OidcTokenVerifier, ActorAuthenticator],
  exports: [OidcTokenVerifier, ActorAuthenticator],
})
export class HubAuthModule {}
