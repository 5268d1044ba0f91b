import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';

import { ContractService } from '@spie/contract/data-access';
import { PersonDTO } from '@spie/person/feature-graphql';
import { requestLoader, type LoaderContext } from '@spie/platform/graphql';

import { toContractDTO } from './contract.mapper';
import { ContractDTO } from './dtos/contract.dto';

/** `Person.contracts`, batched across every person of the request. */
@Resolver(() => PersonDTO)
export class PersonContractResolver {
  constructor(private readonly contractService: ContractService) {}

  @ResolveField(() => [ContractDTO], { description: 'Contracts of engagement, newest first' })
  async contracts(@Parent() person: PersonDTO, @Context() context: LoaderContext): Promise<ContractDTO[]> {
    const loader = requestLoader(context, 'contract.byPerson', (ids) =>
      this.contractService.contractsOfPersons(ids),
    );
    return ((await loader.load(person.id)) ?? []).map(toContractDTO);
  }
}
