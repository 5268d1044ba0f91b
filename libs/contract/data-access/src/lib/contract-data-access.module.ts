import { Module } from '@nestjs/common';

import { ReferentielDataAccessModule } from '@spie/referentiel/data-access';

import { ContractService } from './services/contract.service';

@Module({
  imports: [ReferentielDataAccessModule],
  providers: [ContractService],
  exports: [ContractService],
})
export class ContractDataAccessModule {}
