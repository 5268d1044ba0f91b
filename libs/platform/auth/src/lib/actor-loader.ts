import type { Actor } from '@spie/shared/kernel';

import type { TokenClaims } from './dev-token.service';

/** Turns verified token claims into the acting agent or person; provided by the organisation context. */
export interface ActorLoader {
  load(claims: TokenClaims): Promise<Actor | null>;
}

export const ACTOR_LOADER = Symbol('ACTOR_LOADER');
