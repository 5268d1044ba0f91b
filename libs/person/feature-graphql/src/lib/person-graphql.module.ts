import { Module } from '@nestjs/common';

import { PersonAccountModule, PersonDataAccessModule } from '@spie/person/data-access';

import { PersonResolver } from './person.resolver';

@Module({
  imports: [PersonDataAccessModule, PersonAccountModule],
  providers: [PersonResolver],
  exports: [PersonDataAccessModule],
})
export class PersonGraphQLModule {}
