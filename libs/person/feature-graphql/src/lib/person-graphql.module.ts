import { Module } from '@nestjs/common';

import { PersonDataAccessModule } from '@spie/person/data-access';

import { PersonResolver } from './person.resolver';

@Module({
  imports: [PersonDataAccessModule],
  providers: [PersonResolver],
  exports: [PersonDataAccessModule],
})
export class PersonGraphQLModule {}
