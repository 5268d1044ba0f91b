import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';

import { ContractService } from '@spie/contract/data-access';
import { OrganisationService } from '@spie/organisation/data-access';
import { AgentDTO, agentLoader, toAgentDTO } from '@spie/organisation/feature-graphql';
import { requestLoader, type LoaderContext } from '@spie/platform/graphql';

import { toContractActionStatusChangeDTO } from './contract.mapper';
import { ContractActionDTO, ContractActionStatusChangeDTO, ContractVersionDTO } from './dtos/contract.dto';

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
