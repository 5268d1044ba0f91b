import { Field, Int, ObjectType } from '@nestjs/graphql';

import { PersonDTO } from '@spie/person/feature-graphql';
import { LocalDateScalar } from '@spie/platform/graphql';

@ObjectType('NewEntrant', {
  description:
    'A person subject to rights and duties whose right is open and who is not oriented yet: the orientation queue',
})
export class NewEntrantDTO {
  @Field(() => PersonDTO)
  person!: PersonDTO;

  @Field(() => LocalDateScalar, { nullable: true, description: 'When the RSA right opened' })
  rightOpenedOn!: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Days from the right opened to today: the 15-day target and the 30-day limit of the orientation',
  })
  daysSinceRightOpened!: number | null;
}
