import { Module } from '@nestjs/common';

import { PersonGraphQLModule } from '@spie/person/feature-graphql';

import { NewEntrantsResolver } from './new-entrants.resolver';

/** The console's work queues (the orientation queue of new entrants). */
@Module({
  imports: [PersonGraphQLModule],
  providers: [NewEntrantsResolver],
})
export class WorklistGraphQLModule {}
