import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

import { PageInfoDTO } from '@spie/platform/graphql';

@ObjectType('Me', {
  description:
    'The person signed in as themself (FranceConnect): who read their file and why. Other contexts add fields (person).',
})
export class MeDTO {
  @Field(() => ID, { description: 'The id of the person signed in' })
  personId!: string;

  @Field(() => Int, { description: 'How many days an access is listed before the log forgets it' })
  accessLogKeptDays!: number;
}

@ObjectType('AccessLogEntry', {
  description: 'One read of the person’s data by someone else, in plain words',
})
export class AccessLogEntryDTO {
  @Field(() => Date, { description: 'When (UTC)' })
  at!: Date;

  @Field(() => String, { description: 'Who: the organisation, with its name at the time' })
  organisation!: string;

  @Field(() => String, { description: 'Why: the purpose of the access' })
  purpose!: string;

  @Field(() => [String], { description: 'What: the kinds of data returned' })
  categories!: string[];

  @Field(() => String, { description: 'What was done (consultation, signature…)' })
  action!: string;
}

@ObjectType('AccessLogConnection')
export class AccessLogConnectionDTO {
  @Field(() => [AccessLogEntryDTO], { description: 'Newest first' })
  nodes!: AccessLogEntryDTO[];

  @Field(() => PageInfoDTO)
  pageInfo!: PageInfoDTO;
}
