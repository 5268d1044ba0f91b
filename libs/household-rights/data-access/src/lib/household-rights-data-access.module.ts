import { Module } from '@nestjs/common';

import { ReferentielDataAccessModule } from '@spie/referentiel/data-access';

import { HouseholdRightsService } from './services/household-rights.service';

@Module({
  imports: [ReferentielDataAccessModule],
  providers: [HouseholdRightsService],
  exports: [HouseholdRightsService],
})
export class HouseholdRightsDataAccessModule {}
