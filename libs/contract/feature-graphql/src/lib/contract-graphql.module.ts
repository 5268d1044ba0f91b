import { Module } from '@nestjs/common';

import { ContractDataAccessModule } from '@spie/contract/data-access';

import {
  ContractActionResolver,
  ContractObjectiveResolver,
  ContractVersionResolver,
} from './contract-version.resolver';
import { ContractResolver } from './contract.resolver';
import { PersonContractResolver } from './person-contract.resolver';

@Module({
  imports: [ContractDataAccessModule],
  providers: [
    ContractResolver,
    ContractVersionResolver,
    ContractActionResolver,
    ContractObjectiveResolver,
    PersonContractResolver,
  ],
  exports: [ContractDataAccessModule],
})
export class ContractGraphQLModule {}
