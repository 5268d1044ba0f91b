import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

import { PERSON_IDENTIFIER_SYSTEMS, type PersonIdentifierSystem } from '@spie/person/domain';
import { LocalDateScalar } from '@spie/platform/graphql';
import { SOURCE_SYSTEMS, type SourceSystem } from '@spie/shared/kernel';

export const PersonIdentifierSystemEnum = Object.fromEntries(
  PERSON_IDENTIFIER_SYSTEMS.map((s) => [s, s]),
) as Record<PersonIdentifierSystem, PersonIdentifierSystem>;
registerEnumType(PersonIdentifierSystemEnum, {
  name: 'PersonIdentifierSystem',
  description: 'Partner system that issued an identifier',
});

export const SourceSystemEnum = Object.fromEntries(SOURCE_SYSTEMS.map((s) => [s, s])) as Record<
  SourceSystem,
  SourceSystem
>;
registerEnumType(SourceSystemEnum, { name: 'SourceSystem', description: 'System a value came from' });

@ObjectType('Provenance', { description: 'Where a value came from: source, file or call, when, who' })
export class ProvenanceDTO {
  @Field(() => SourceSystemEnum)
  source!: SourceSystem;

  @Field(() => String, { nullable: true, description: 'Import batch, correlation id or partner message' })
  sourceRef!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the source observed the value' })
  observedAt!: Date | null;

  @Field(() => Date)
  recordedAt!: Date;

  @Field(() => String, { description: 'Agent id, connector name or person' })
  recordedBy!: string;
}

@ObjectType('PersonIdentity')
export class PersonIdentityDTO {
  @Field(() => String, { description: "Nom d'usage" })
  lastName!: string;

  @Field(() => String, { nullable: true, description: 'Nom de naissance' })
  birthName!: string | null;

  @Field(() => [String])
  firstNames!: string[];

  @Field(() => LocalDateScalar, { nullable: true })
  birthDate!: string | null;

  @Field(() => String, { nullable: true })
  birthPlace!: string | null;

  @Field(() => String, { nullable: true, description: 'F or M' })
  sex!: string | null;

  @Field(() => Boolean, {
    description: 'Whether the hub holds a NIR for this person (the NIR itself is never shown here)',
  })
  hasNir!: boolean;
}

@ObjectType('PostalAddress')
export class PostalAddressDTO {
  @Field(() => [String])
  lines!: string[];

  @Field(() => String, { nullable: true })
  postalCode!: string | null;

  @Field(() => String, { nullable: true })
  city!: string | null;
}

@ObjectType('PersonContact')
export class PersonContactDTO {
  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => PostalAddressDTO, { nullable: true })
  address!: PostalAddressDTO | null;
}

@ObjectType('PersonIdentifier')
export class PersonIdentifierDTO {
  @Field(() => PersonIdentifierSystemEnum)
  system!: PersonIdentifierSystem;

  @Field(() => String)
  value!: string;

  @Field(() => String, { nullable: true, description: 'E.g. the role in a CAF household' })
  qualifier!: string | null;

  @Field(() => ProvenanceDTO)
  provenance!: ProvenanceDTO;
}

@ObjectType('PersonFieldChange', {
  description: 'One change of one value of the person, with its provenance',
})
export class PersonFieldChangeDTO {
  @Field(() => String)
  field!: string;

  @Field(() => String, { nullable: true, description: 'New value as JSON (the NIR is never shown)' })
  newValue!: string | null;

  @Field(() => ProvenanceDTO)
  provenance!: ProvenanceDTO;
}

@ObjectType('Person', { description: "A person's consolidated file" })
export class PersonDTO {
  @Field(() => ID)
  id!: string;

  @Field(() => PersonIdentityDTO, {
    nullable: true,
    description: 'Null when masked for the caller (see extensions.access)',
  })
  identity!: PersonIdentityDTO | null;

  @Field(() => PersonContactDTO, {
    nullable: true,
    description: 'Null when masked for the caller (see extensions.access)',
  })
  contact!: PersonContactDTO | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;
}
