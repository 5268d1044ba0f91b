import { UseFilters } from '@nestjs/common';
import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';

import { ContractService } from '@spie/contract/data-access';
import { OrganisationService } from '@spie/organisation/data-access';
import {
  AgentDTO,
  agentLoader,
  OrganisationDTO,
  organisationLoader,
  toAgentDTO,
  toOrganisationDTO,
} from '@spie/organisation/feature-graphql';
import { CurrentActor } from '@spie/platform/auth';
import { requestLoader, type LoaderContext } from '@spie/platform/graphql';
import { currentCorrelationId } from '@spie/platform/logging';
import { JobQueueService } from '@spie/platform/queue';
import { actorProvenance, type Actor } from '@spie/shared/kernel';

import { ContractExceptionFilter } from './contract-exception.filter';
import { toContractDTO, toContractEventDTO, toContractVersionDTO } from './contract.mapper';
import { ContractDTO, ContractEventDTO, ContractVersionDTO } from './dtos/contract.dto';
import {
  ChangeContractStatusInput,
  CreateContractInput,
  SetContractActionStatusInput,
  SetContractObjectiveStatusInput,
  SignContractInput,
  UpdateContractDraftInput,
} from './dtos/contract.input';
import { enqueueParcoursRecompute } from './parcours-recompute';

@Resolver(() => ContractDTO)
@UseFilters(ContractExceptionFilter)
export class ContractResolver {
  constructor(
    private readonly contracts: ContractService,
    private readonly organisations: OrganisationService,
    private readonly queue: JobQueueService,
  ) {}

  @Mutation(() => ContractDTO, { description: 'Drafts a contract (version 1) for a person' })
  async createContract(
    @Args('input') input: CreateContractInput,
    @CurrentActor() actor: Actor,
  ): Promise<ContractDTO> {
    const { personId, ...data } = input;
    return toContractDTO(await this.contracts.create(personId, data, this.provenance(actor), actor));
  }

  @Mutation(() => ContractDTO, {
    description: 'Changes the draft version; refused once signed (amend instead)',
  })
  async updateContractDraft(
    @Args('input') input: UpdateContractDraftInput,
    @CurrentActor() actor: Actor,
  ): Promise<ContractDTO> {
    const { contractId, ...data } = input;
    return toContractDTO(await this.contracts.updateDraft(contractId, data, this.provenance(actor)));
  }

  @Mutation(() => ContractDTO, {
    description:
      'Signs the draft version (with the person’s agreement); a first signature activates the contract when its start date has come',
  })
  async signContract(
    @Args('input') input: SignContractInput,
    @CurrentActor() actor: Actor,
  ): Promise<ContractDTO> {
    const { contractId, ...signature } = input;
    const contract = await this.contracts.sign(contractId, signature, this.provenance(actor), actor);
    await enqueueParcoursRecompute(this.queue, contract.personId, actor);
    return toContractDTO(contract);
  }

  @Mutation(() => ContractDTO, { description: 'Activates, suspends, resumes or ends a contract' })
  async changeContractStatus(
    @Args('input') input: ChangeContractStatusInput,
    @CurrentActor() actor: Actor,
  ): Promise<ContractDTO> {
    const contract = await this.contracts.changeStatus(
      input.contractId,
      input.change,
      input.reason ?? null,
      this.provenance(actor),
    );
    await enqueueParcoursRecompute(this.queue, contract.personId, actor);
    return toContractDTO(contract);
  }

  @Mutation(() => ContractDTO, { description: 'Opens a new draft version, copy of the signed one' })
  async amendContract(
    @Args('contractId', { type: () => ID }) contractId: string,
    @CurrentActor() actor: Actor,
  ): Promise<ContractDTO> {
    return toContractDTO(await this.contracts.amend(contractId, this.provenance(actor)));
  }

  @Mutation(() => ContractDTO, {
    description: 'Records the follow-up status of an action of a signed version',
  })
  async setContractActionStatus(
    @Args('input') input: SetContractActionStatusInput,
    @CurrentActor() actor: Actor,
  ): Promise<ContractDTO> {
    const { contract } = await this.contracts.setActionStatus(
      input.actionId,
      input.status,
      input.comment ?? null,
      this.provenance(actor),
    );
    return toContractDTO(contract);
  }

  @Mutation(() => ContractDTO, {
    description:
      'Records the follow-up status of an objective of a signed version (reached, not reached, abandoned); the version itself never changes',
  })
  async setContractObjectiveStatus(
    @Args('input') input: SetContractObjectiveStatusInput,
    @CurrentActor() actor: Actor,
  ): Promise<ContractDTO> {
    const { contract } = await this.contracts.setObjectiveStatus(
      input.objectiveId,
      input.status,
      input.comment ?? null,
      this.provenance(actor),
    );
    return toContractDTO(contract);
  }

  @ResolveField(() => OrganisationDTO, { nullable: true, description: 'Organisation holding the contract' })
  async organisation(
    @Parent() contract: ContractDTO,
    @Context() context: LoaderContext,
  ): Promise<OrganisationDTO | null> {
    const organisation = await organisationLoader(context, this.organisations).load(contract.organisationId);
    return organisation ? toOrganisationDTO(organisation) : null;
  }

  @ResolveField(() => AgentDTO, { nullable: true, description: 'Référent who follows the contract' })
  async referent(
    @Parent() contract: ContractDTO,
    @Context() context: LoaderContext,
  ): Promise<AgentDTO | null> {
    if (!contract.referentAgentId) return null;
    const agent = await agentLoader(context, this.organisations).load(contract.referentAgentId);
    return agent ? toAgentDTO(agent) : null;
  }

  @ResolveField(() => [ContractVersionDTO], { description: 'Every version, oldest first' })
  async versions(
    @Parent() contract: ContractDTO,
    @Context() context: LoaderContext,
  ): Promise<ContractVersionDTO[]> {
    const loader = requestLoader(context, 'contract.versions', (ids) => this.contracts.versionsOf(ids));
    return ((await loader.load(contract.id)) ?? []).map(toContractVersionDTO);
  }

  @ResolveField(() => [ContractEventDTO], { description: 'Life-cycle events in the order they happened' })
  async events(
    @Parent() contract: ContractDTO,
    @Context() context: LoaderContext,
  ): Promise<ContractEventDTO[]> {
    const loader = requestLoader(context, 'contract.events', (ids) => this.contracts.eventsOf(ids));
    return ((await loader.load(contract.id)) ?? []).map(toContractEventDTO);
  }

  private provenance(actor: Actor) {
    return actorProvenance(actor, currentCorrelationId());
  }
}
