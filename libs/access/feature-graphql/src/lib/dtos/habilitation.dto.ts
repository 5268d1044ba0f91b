import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('LegalBasis', {
  description: 'A legal basis of a processing: text, article and where to read it',
})
export class LegalBasisDTO {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  text!: string;

  @Field(() => String)
  article!: string;

  @Field(() => String)
  url!: string;
}

@ObjectType('Habilitation', {
  description:
    'What an organisation may read and write, for one purpose, on one legal basis, for a period: revocable at once',
})
export class HabilitationDTO {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  organisationId!: string;

  @Field(() => String, { description: 'Purpose code (orientation, accompagnement…)' })
  purpose!: string;

  @Field(() => String, { description: 'The purpose in plain words' })
  purposeLabel!: string;

  @Field(() => LegalBasisDTO, { nullable: true })
  legalBasis!: LegalBasisDTO | null;

  @Field(() => [String])
  readCategories!: string[];

  @Field(() => [String])
  writeCategories!: string[];

  @Field(() => Date)
  validFrom!: Date;

  @Field(() => Date, { nullable: true })
  validTo!: Date | null;

  @Field(() => Int, { description: 'How long the organisation keeps what it reads, in months' })
  retentionMonths!: number;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;

  @Field(() => String, { nullable: true })
  revokedBy!: string | null;

  @Field(() => String, { nullable: true })
  revocationReason!: string | null;

  @Field(() => String)
  grantedBy!: string;
}
