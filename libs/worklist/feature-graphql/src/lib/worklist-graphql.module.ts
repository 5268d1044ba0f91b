import { Module } from '@nestjs/common';

import { PersonGraphQLModule } from '@spie/person/feature-graphql';

import { NewEntrantsResolver } from './new-entrants.resolver';
import { PortfolioResolver } from './portfolio.resolver';

/** The console's work lists: the orientation queue of new entrants, the agent's portfolio. */
@Module({
  imports: [PersonGraphQLModule],
  providers: [NewEntrantsResolver, PortfolioResolver],
})
export class WorklistGraphQLModule {}
