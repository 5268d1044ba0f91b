import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Organisation')
export class OrganisationDTO {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'organisation-type code' })
  type!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  siret!: string | null;

  @Field(() => String, { nullable: true, description: 'France Travail agency code' })
  safirCode!: string | null;

  @Field(() => String, { nullable: true })
  structureCode!: string | null;

  @Field(() => String)
  departmentCode!: string;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => String, { nullable: true })
  address!: string | null;
}

@ObjectType('Agent')
export class AgentDTO {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Full name as shown to people' })
  name!: string;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => ID)
  organisationId!: string;

  @Field(() => [String])
  roles!: string[];
}

@ObjectType('Viewer', { description: 'The authenticated agent' })
export class ViewerDTO {
  @Field(() => AgentDTO)
  agent!: AgentDTO;

  @Field(() => OrganisationDTO)
  organisation!: OrganisationDTO;
}
