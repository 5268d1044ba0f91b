import { Module } from '@nestjs/common';

import { PersonDataAccessModule } from '@spie/person/data-access';

import { MyContactResolver } from './my-contact.resolver';

/** What a person changes in their own file from the portal. */
@Module({
  imports: [PersonDataAccessModule],
  providers: [MyContactResolver],
})
export class SelfServiceGraphQLModule {}
