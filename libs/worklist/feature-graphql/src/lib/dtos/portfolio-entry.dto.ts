import { Field, ObjectType } from '@nestjs/graphql';

import { PersonDTO } from '@spie/person/feature-graphql';

@ObjectType('PortfolioEntry', { description: 'A person the agent’s structure follows (the portfolio)' })
export class PortfolioEntryDTO {
  @Field(() => PersonDTO)
  person!: PersonDTO;

  @Field({ description: 'The agent is the person’s référent unique (current orientation)' })
  youAreReferent!: boolean;
}
