import { Module } from '@nestjs/common';

import { OrganisationDataAccessModule } from '@spie/organisation/data-access';

import { OrganisationResolver } from './organisation.resolver';

@Module({
  imports: [OrganisationDataAccessModule],
  providers: [OrganisationResolver],
})
export class OrganisationGraphQLModule {}
