import type { Actor } from '@spie/shared/kernel';

import type { AgentIdentity, PersonIdentity } from './oidc-identity';

/** Turns a verified identity into the acting agent or person, or null when no record matches. */
export interface ActorLoader<Identity> {
  load(identity: Identity): Promise<Actor | null>;
}

/** Agents: provided by the organisation context (`AgentActorLoader`). */
export const AGENT_ACTOR_LOADER = Symbol('AGENT_ACTOR_LOADER');
export type AgentActorLoaderPort = ActorLoader<AgentIdentity>;

/** People: provided by the person context (`PersonActorLoader`). */
export const PERSON_ACTOR_LOADER = Symbol('PERSON_ACTOR_LOADER');
export type PersonActorLoaderPort = ActorLoader<PersonIdentity>;
