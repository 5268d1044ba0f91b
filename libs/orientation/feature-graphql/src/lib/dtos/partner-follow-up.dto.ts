import { Field, ID, ObjectType } from '@nestjs/graphql';

import { ProvenanceDTO } from '@spie/person/feature-graphql';

@ObjectType('PartnerReferent', { description: 'The référent a partner names, as it writes it' })
export class PartnerReferentDTO {
  @Field(() => String, { nullable: true })
  civility!: string | null;

  @Field(() => String, { nullable: true })
  lastName!: string | null;

  @Field(() => String, { nullable: true })
  firstName!: string | null;

  @Field(() => String, { nullable: true })
  email!: string | null;
}

@ObjectType('PartnerFollowUp', {
  description:
    "A partner's own follow-up of the person as the partner states it (France Travail registration and PPAE, a CEJ): recorded, not decided, by the hub",
})
export class PartnerFollowUpDTO {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'france_travail or mission_locale' })
  partner!: string;

  @Field(() => String, { description: 'ppae or cej' })
  kind!: string;

  @Field(() => ID, { nullable: true, description: 'The hub organisation of the structure, when known' })
  organisationId!: string | null;

  @Field(() => String, { nullable: true, description: 'SAFIR code, i-Milo structure code' })
  structureCode!: string | null;

  @Field(() => String, { nullable: true })
  structureName!: string | null;

  @Field(() => String, { nullable: true })
  followUpStructure!: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  registeredOn!: string | null;

  @Field(() => String, { nullable: true, description: 'France Travail registration category (1 to 5)' })
  registrationCategory!: string | null;

  @Field(() => String, { nullable: true })
  registrationReason!: string | null;

  @Field(() => String, { nullable: true, description: 'As the partner writes it: SUIVI, GUIDE, RENFORCE…' })
  accompanimentMode!: string | null;

  @Field(() => PartnerReferentDTO, { nullable: true })
  referent!: PartnerReferentDTO | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  startOn!: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  plannedEndOn!: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  endOn!: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  lastPpaeInterviewOn!: string | null;

  @Field(() => [String])
  workAxes!: string[];

  @Field(() => Boolean, { nullable: true })
  rsaBeneficiary!: boolean | null;

  @Field(() => ProvenanceDTO)
  provenance!: ProvenanceDTO;
}

@ObjectType('PartnerAction', { description: 'An action or prestation a partner prescribed to the person' })
export class PartnerActionDTO {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  partner!: string;

  @Field(() => String, { description: "The partner's action code" })
  code!: string;

  @Field(() => String)
  label!: string;

  @Field(() => String, { nullable: true, description: 'theme code of the référentiel' })
  themeCode!: string | null;

  @Field(() => String, {
    description: 'prescribed, planned, started or realised: the furthest step the partner recorded',
  })
  status!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  prescribedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  startOn!: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  endOn!: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  doneOn!: string | null;

  @Field(() => ProvenanceDTO)
  provenance!: ProvenanceDTO;
}
