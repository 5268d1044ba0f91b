import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';

import { ContractService } from '@spie/contract/data-access';
import { OrganisationService } from '@spie/organisation/data-access';
import { AgentDTO, agentLoader, toAgentDTO } from '@spie/organisation/feature-graphql';
import { requestLoader, type LoaderContext } from '@spie/platform/graphql';

import { toContractActionStatusChangeDTO, toContractObjectiveStatusChangeDTO } from './contract.mapper';
import {
  ContractActionDTO,
  ContractActionStatusChangeDTO,
  ContractObjectiveDTO,
  ContractObjectiveStatusChangeDTO,
  ContractObjectiveStatusEnum,
  ContractVersionDTO,
} from './dtos/contract.dto';
import type { ObjectiveStatus } from '@spie/contract/domain';

@Resolver(() => ContractVersionDTO)
export class ContractVersionResolver {
  constructor(private readonly organisations: OrganisationService) {}

  @ResolveField(() => AgentDTO, { nullable: true, description: 'Agent who recorded the signature' })
  async signedBy(
    @Parent() version: ContractVersionDTO,
    @Context() context: LoaderContext,
  ): Promise<AgentDTO | null> {
    if (!version.signedByAgentId) return null;
    const agent = await agentLoader(context, this.organisations).load(version.signedByAgentId);
    return agent ? toAgentDTO(agent) : null;
  }
}

@Resolver(() => ContractActionDTO)
export class ContractActionResolver {
  constructor(private readonly contracts: ContractService) {}

  @ResolveField(() => String, {
    description: 'Current `action-status` code: the latest follow-up, or the status at signature',
  })
  async status(@Parent() action: ContractActionDTO, @Context() context: LoaderContext): Promise<string> {
    const history = await this.historyLoader(context).load(action.id);
    return history?.at(-1)?.status ?? action.initialStatus;
  }

  @ResolveField(() => [ContractActionStatusChangeDTO], { description: 'Follow-ups, oldest first' })
  async statusHistory(
    @Parent() action: ContractActionDTO,
    @Context() context: LoaderContext,
  ): Promise<ContractActionStatusChangeDTO[]> {
    return ((await this.historyLoader(context).load(action.id)) ?? []).map(toContractActionStatusChangeDTO);
  }

  private historyLoader(context: LoaderContext) {
    return requestLoader(context, 'contract.actionStatuses', (ids) => this.contracts.actionStatusesOf(ids));
  }
}

@Resolver(() => ContractObjectiveDTO)
export class ContractObjectiveResolver {
  constructor(private readonly contracts: ContractService) {}

  @ResolveField(() => ContractObjectiveStatusEnum, {
    description: 'Current status: the latest follow-up, or the status at signature',
  })
  async status(
    @Parent() objective: ContractObjectiveDTO,
    @Context() context: LoaderContext,
  ): Promise<ObjectiveStatus> {
    const history = await this.historyLoader(context).load(objective.id);
    return (history?.at(-1)?.status as ObjectiveStatus | undefined) ?? objective.initialStatus;
  }

  @ResolveField(() => [ContractObjectiveStatusChangeDTO], { description: 'Follow-ups, oldest first' })
  async statusHistory(
    @Parent() objective: ContractObjectiveDTO,
    @Context() context: LoaderContext,
  ): Promise<ContractObjectiveStatusChangeDTO[]> {
    return ((await this.historyLoader(context).load(objective.id)) ?? []).map(
      toContractObjectiveStatusChangeDTO,
    );
  }

  private historyLoader(context: LoaderContext) {
    return requestLoader(context, 'contract.objectiveStatuses', (ids) =>
      this.contracts.objectiveStatusesOf(ids),
    );
  }
}
