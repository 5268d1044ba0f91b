import { Args, Context, ID, Query, Resolver } from '@nestjs/graphql';

import { OrganisationService } from '@spie/organisation/data-access';
import { CurrentActor } from '@spie/platform/auth';
import type { LoaderContext } from '@spie/platform/graphql';
import type { Actor } from '@spie/shared/kernel';

import { AgentDTO, OrganisationDTO, ViewerDTO } from './dtos/organisation.dto';
import { agentLoader, organisationLoader } from './organisation-loaders';
import { toAgentDTO, toOrganisationDTO } from './organisation.mapper';

@Resolver(() => OrganisationDTO)
export class OrganisationResolver {
  constructor(private readonly service: OrganisationService) {}

  @Query(() => ViewerDTO, { description: 'The authenticated agent and their organisation' })
  async viewer(@CurrentActor() actor: Actor, @Context() context: LoaderContext): Promise<ViewerDTO> {
    const agent = await agentLoader(context, this.service).load(actor.id);
    const organisation = actor.organisationId
      ? await organisationLoader(context, this.service).load(actor.organisationId)
      : null;
    if (!agent || !organisation) throw new Error('viewer without agent');
    return { agent: toAgentDTO(agent), organisation: toOrganisationDTO(organisation) };
  }

  @Query(() => [OrganisationDTO], { description: 'Structures of the SPIE, by type and department' })
  async organisations(
    @Args('type', { type: () => String, nullable: true }) type?: string,
    @Args('departmentCode', { type: () => String, nullable: true }) departmentCode?: string,
  ): Promise<OrganisationDTO[]> {
    return (await this.service.list({ type: type as never, departmentCode })).map(toOrganisationDTO);
  }

  @Query(() => [AgentDTO], { description: 'Active agents of a structure (to choose a référent)' })
  async agents(@Args('organisationId', { type: () => ID }) organisationId: string): Promise<AgentDTO[]> {
    return (await this.service.agentsOf(organisationId)).map(toAgentDTO);
  }
}
