import { UseFilters } from '@nestjs/common';
import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';

import { OrganisationService } from '@spie/organisation/data-access';
import {
  AgentDTO,
  agentLoader,
  OrganisationDTO,
  organisationLoader,
  toAgentDTO,
  toOrganisationDTO,
} from '@spie/organisation/feature-graphql';
import { OrientationService, PartnerFollowUpService } from '@spie/orientation/data-access';
import { PersonDTO } from '@spie/person/feature-graphql';
import { CurrentActor } from '@spie/platform/auth';
import { requestLoader, type LoaderContext } from '@spie/platform/graphql';
import { currentCorrelationId } from '@spie/platform/logging';
import { ReferentielService } from '@spie/referentiel/data-access';
import { referentielLabel } from '@spie/referentiel/feature-graphql';
import { actorProvenance, type Actor } from '@spie/shared/kernel';

import { OrientPersonInput } from './dtos/orient-person.input';
import { OrientationDTO } from './dtos/orientation.dto';
import { PartnerActionDTO, PartnerFollowUpDTO } from './dtos/partner-follow-up.dto';
import { OrientationExceptionFilter } from './orientation-exception.filter';
import { toOrientationDTO } from './orientation.mapper';
import { toPartnerActionDTO, toPartnerFollowUpDTO } from './partner-follow-up.mapper';

@Resolver(() => PersonDTO)
export class PersonOrientationResolver {
  constructor(
    private readonly orientations: OrientationService,
    private readonly followUps: PartnerFollowUpService,
  ) {}

  @ResolveField(() => [PartnerFollowUpDTO], {
    description:
      "Partners' current follow-ups of the person (France Travail PPAE, CEJ), as the partners state them",
  })
  async partnerFollowUps(
    @Parent() person: PersonDTO,
    @Context() context: LoaderContext,
  ): Promise<PartnerFollowUpDTO[]> {
    const loader = requestLoader(context, 'orientation.partnerFollowUps', (personIds) =>
      this.followUps.current(personIds),
    );
    return ((await loader.load(person.id)) ?? []).map(toPartnerFollowUpDTO);
  }

  @ResolveField(() => [PartnerActionDTO], {
    description: 'Actions and prestations partners prescribed to the person, the latest first',
  })
  async partnerActions(
    @Parent() person: PersonDTO,
    @Context() context: LoaderContext,
  ): Promise<PartnerActionDTO[]> {
    const loader = requestLoader(context, 'orientation.partnerActions', (personIds) =>
      this.followUps.actions(personIds),
    );
    return ((await loader.load(person.id)) ?? []).map(toPartnerActionDTO);
  }

  @ResolveField(() => OrientationDTO, {
    nullable: true,
    description: 'The current orientation; null when not oriented',
  })
  async orientation(
    @Parent() person: PersonDTO,
    @Context() context: LoaderContext,
  ): Promise<OrientationDTO | null> {
    const loader = requestLoader(context, 'orientation.current', (personIds) =>
      this.orientations.current(personIds),
    );
    const row = await loader.load(person.id);
    return row ? toOrientationDTO(row) : null;
  }

  @ResolveField(() => [OrientationDTO], { description: 'Every orientation decision, newest first' })
  async orientationHistory(
    @Parent() person: PersonDTO,
    @Context() context: LoaderContext,
  ): Promise<OrientationDTO[]> {
    const loader = requestLoader(context, 'orientation.history', (personIds) =>
      this.orientations.histories(personIds),
    );
    return ((await loader.load(person.id)) ?? []).map(toOrientationDTO);
  }
}

@Resolver(() => OrientationDTO)
@UseFilters(OrientationExceptionFilter)
export class OrientationResolver {
  constructor(
    private readonly orientations: OrientationService,
    private readonly organisations: OrganisationService,
    private readonly referentiel: ReferentielService,
  ) {}

  @Mutation(() => OrientationDTO, {
    description:
      'Orients a person to a structure and a référent; the previous orientation is kept in the history',
  })
  async orientPerson(
    @Args('input') input: OrientPersonInput,
    @CurrentActor() actor: Actor,
  ): Promise<OrientationDTO> {
    const { personId, ...decision } = input;
    const row = await this.orientations.orient(
      personId,
      decision,
      actorProvenance(actor, currentCorrelationId()),
      actor,
    );
    return toOrientationDTO(row);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'Label of the type (référentiel orientation-type)',
  })
  typeLabel(@Parent() orientation: OrientationDTO): Promise<string | null> {
    return referentielLabel(this.referentiel, 'orientation-type', orientation.type);
  }

  @ResolveField(() => OrganisationDTO, { description: 'The structure that accompanies the person' })
  async structure(
    @Parent() orientation: OrientationDTO,
    @Context() context: LoaderContext,
  ): Promise<OrganisationDTO> {
    const structure = await organisationLoader(context, this.organisations).load(orientation.structureId);
    if (!structure) throw new Error(`orientation ${orientation.id} names a missing structure`);
    return toOrganisationDTO(structure);
  }

  @ResolveField(() => AgentDTO, { nullable: true, description: 'The référent unique, when named' })
  async referent(
    @Parent() orientation: OrientationDTO,
    @Context() context: LoaderContext,
  ): Promise<AgentDTO | null> {
    return this.agent(orientation.referentAgentId, context);
  }

  @ResolveField(() => AgentDTO, { nullable: true, description: 'The agent who recorded the decision' })
  async decidedBy(
    @Parent() orientation: OrientationDTO,
    @Context() context: LoaderContext,
  ): Promise<AgentDTO | null> {
    return this.agent(orientation.decidedByAgentId, context);
  }

  private async agent(agentId: string | null, context: LoaderContext): Promise<AgentDTO | null> {
    if (!agentId) return null;
    const agent = await agentLoader(context, this.organisations).load(agentId);
    return agent ? toAgentDTO(agent) : null;
  }
}
