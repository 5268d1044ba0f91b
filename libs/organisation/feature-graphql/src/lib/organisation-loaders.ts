import type DataLoader from 'dataloader';

import type { AgentEntity, OrganisationEntity, OrganisationService } from '@spie/organisation/data-access';
import { requestLoader, type LoaderContext } from '@spie/platform/graphql';

/** Per-request loaders other contexts use to resolve a structure or a référent without N+1. */
export function organisationLoader(
  context: LoaderContext,
  service: OrganisationService,
): DataLoader<string, OrganisationEntity | null> {
  return requestLoader(context, 'organisation.byId', (ids) => service.organisationsByIds(ids));
}

export function agentLoader(
  context: LoaderContext,
  service: OrganisationService,
): DataLoader<string, AgentEntity | null> {
  return requestLoader(context, 'agent.byId', (ids) => service.agentsByIds(ids));
}
