import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';

/** `PersonChoiceKind` of the access domain, named as GraphQL enums are (same values). */
export enum PersonChoiceKindValue {
  OPPOSITION = 'OPPOSITION',
  CONSENT = 'CONSENT',
}

registerEnumType(PersonChoiceKindValue, {
  name: 'PersonChoiceKind',
  description: 'An opposition to partners reading a kind of data, or a consent to it',
});

@ObjectType('PersonChoice', {
  description: 'A choice the law leaves to the person about who reads their data, in plain words',
})
export class PersonChoiceDTO {
  @Field(() => String, { description: 'Stable code of the choice (setMyChoice)' })
  code!: string;

  @Field(() => PersonChoiceKindValue)
  kind!: PersonChoiceKindValue;

  @Field(() => String, { description: 'What the choice is' })
  title!: string;

  @Field(() => String, { description: 'What it changes for the partners, in plain words' })
  effect!: string;

  @Field(() => [String], { description: 'The data categories it covers' })
  categories!: string[];

  @Field(() => Boolean, { description: 'Whether the person has made this choice and not withdrawn it' })
  active!: boolean;

  @Field(() => Date, { nullable: true, description: 'Since when it applies (null when not active)' })
  since!: Date | null;
}
