import { Module } from '@nestjs/common';

import { PersonDataAccessModule } from '@spie/person/data-access';
import { SelfServiceDataAccessModule } from '@spie/self-service/data-access';

import { CorrectionRequestResolver } from './correction-request.resolver';
import { MyContactResolver } from './my-contact.resolver';

/** What a person changes in their own file from the portal. */
@Module({
  imports: [PersonDataAccessModule, SelfServiceDataAccessModule],
  providers: [MyContactResolver, CorrectionRequestResolver],
})
export class SelfServiceGraphQLModule {}
