import { Module } from '@nestjs/common';

import { HouseholdRightsDataAccessModule } from '@spie/household-rights/data-access';
import { ReferentielDataAccessModule } from '@spie/referentiel/data-access';

import {
  HouseholdMembershipResolver,
  HouseholdResolver,
  PersonHouseholdRightsResolver,
  RsaRightResolver,
} from './household-rights.resolver';

@Module({
  imports: [HouseholdRightsDataAccessModule, ReferentielDataAccessModule],
  providers: [
    PersonHouseholdRightsResolver,
    HouseholdMembershipResolver,
    HouseholdResolver,
    RsaRightResolver,
  ],
  exports: [HouseholdRightsDataAccessModule],
})
export class HouseholdRightsGraphQLModule {}
